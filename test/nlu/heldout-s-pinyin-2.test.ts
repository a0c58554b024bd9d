/**
 * Held-out set S, second wave (pinyin and the evaluator's parity with the chat):
 *  - one near miss offered (「您是说「桂山镇」吗？」) is the value proposed, as the chat takes it on a yes (read by the
 *    field's own parse), confirmed before it is kept; several candidates stay unclear;
 *  - the boss named with the words around the name typed in pinyin too (`laoban jiao liu dazhuang`): the name alone,
 *    as typed, confirmed;
 *  - the kind of work typed in pinyin (`pao waimai`) at joining's employment question: read as the words it spells.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const MEMBER = { consent: true, idConsent: true, name: '韦秀英', idNumber: '450122196509081021', phone: '13877123456' };

describe('one near miss offered is the value proposed', () => {
  it('a township near miss at the place questions', () => {
    expect(read('wage', 'location', '挂山镇')).toEqual({ intent: 'answer', direct: {}, inferred: { location: 't04' } });
    expect(read('legal', 'place', '风栖')).toMatchObject({ intent: 'answer', direct: {}, inferred: { place: 't09' } });
  });

  it('a community near miss at wage’s community question', () => {
    expect(read('wage', 'community', '全竹村', { location: 't06' })).toEqual({ intent: 'answer', direct: {}, inferred: { community: '金竹村' } });
    expect(read('wage', 'community', '土坪村', { location: 't01' })).toEqual({ intent: 'answer', direct: {}, inferred: { community: '上坪村' } });
  });

  // guard: an exact name is still kept as said.
  it('an exact township is kept as said', () => {
    expect(read('wage', 'location', '桂山镇').direct).toEqual({ location: 't04' });
  });

  // guard: a place far from any name offers nothing and stays unclear.
  it('nothing near stays unclear', () => {
    expect(read('wage', 'location', '北京').intent).toBe('unclear');
  });

  // guard: the chat's own offer, which the evaluator now reads alike.
  it('the chat offers the one near miss', async () => {
    await converse(t.chat, 'web:hs2-near').sendAll('老板欠我工资', '同意', '好再来饭店').send('挂山镇').expect(/您是说「桂山镇」吗？/);
  });
});

describe('the boss named in pinyin', () => {
  it('the name alone, as typed, confirmed', () => {
    const p = read('wage', 'employer', 'laoban jiao liu dazhuang');
    expect(p.direct).toEqual({});
    expect(taken(p)).toEqual({ employer: 'liu dazhuang' });
    expect(taken(read('wage', 'employer', 'bao gong tou shi wang jianguo'))).toEqual({ employer: 'wang jianguo' });
  });

  // guard: a name alone in pinyin is kept as typed (confirmed).
  it('a name alone in pinyin', () => {
    expect(taken(read('wage', 'employer', 'liu dazhuang'))).toEqual({ employer: 'liu dazhuang' });
  });

  it('in the chat', async () => {
    await converse(t.chat, 'web:hs2-boss').sendAll('老板欠我工资', '同意').send('laoban jiao liu dazhuang').expect(/用人单位「liu dazhuang」。对吗？/);
  });
});

describe('the kind of work in pinyin at joining', () => {
  it('pao waimai reads as 跑外卖', () => {
    const p = read('membership', 'employment', 'pao waimai', MEMBER);
    expect(taken(p)).toMatchObject({ employment: 'new_form', occupation: 'food_delivery' });
  });

  // guard: one syllable (`pao`) spells too many characters to read.
  it('one syllable is not read', () => {
    expect(read('membership', 'employment', 'pao', MEMBER).intent).toBe('unclear');
  });

  it('said back in the chat', async () => {
    await converse(t.chat, 'web:hs2-work')
      .sendAll('我要入会', '同意', '同意', '1', '张伟', '450122196509081021', '13877123456')
      .send('pao waimai')
      .expect(/您打的是拼音，我理解为「跑外卖」/);
  });
});
