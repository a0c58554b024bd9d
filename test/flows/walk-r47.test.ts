/**
 * Walks of the forty-seventh session (mine). The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 *  1. `八月十五` at wage's unit question was stored as the unit with no question (found by h187): a month and its day
 *     without 号 or 日 (`八月十五`, `正月十五`, `10月5`) is a time (flows/parsers/when-said.ts SAID_WHEN), never a name.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:r47-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('1. a day said without 号 at the unit question', () => {
  for (const said of ['八月十五', '正月十五', '10月5']) {
    it(`\`${said}\` is said back as a time, nothing stored, the unit asked again`, async () => {
      const user = someone('day');
      await converse(t.chat, user)
        .sendAll('我要反映欠薪', '1')
        .send(said)
        .expect(new RegExp(`「${said}」说的是时间.*单位或老板的名字`, 's'));
      const a = (await load(user)).answers as Record<string, unknown>;
      expect(a.employer).toBeUndefined();
    });
  }

  it('a unit with a month in its name is still a unit: `九月花园项目`', async () => {
    const user = someone('unit');
    await converse(t.chat, user).sendAll('我要反映欠薪', '1').send('九月花园项目').expect(/哪个镇或街道/);
    expect(JSON.stringify((await load(user)).answers)).toContain('九月花园');
  });
});

/**
 *  2. A thumbs-up alone at a consent, a yes-or-no question or 「…对吗？」 is no yes (the lead's decision for set Q), and
 *     the reply must not read as if it had been taken: it was 「好的。我们接着填…」 (or 「收到。」) over the same question.
 */
describe('2. a thumbs-up alone is asked about in words', () => {
  it('at the consent: no 「好的」, words or the number asked for, nothing stored; a second time, 人工 offered', async () => {
    const user = someone('consent');
    await converse(t.chat, user)
      .send('我要反映欠薪')
      .send('👍')
      .expect(/表情我不好当作回答.*数字或文字.*您同意吗/s)
      .expectNot(/^好的|收到/)
      .send('[OK]')
      .expect(/人工/);
    expect((await load(user)).answers).not.toHaveProperty('consent');
  });

  it('at 「…对吗？」: 对 or 不对 asked for, the reading not kept', async () => {
    const user = someone('confirm');
    await converse(t.chat, user)
      .sendAll('我要反映欠薪', '1')
      .send('三个月')
      .expect(/拖欠时间.*对吗/s)
      .send('[强]')
      .expect(/表情我不好当作回答.*回复「对」.*拖欠时间.*对吗/s);
    expect((await load(user)).answers).not.toHaveProperty('period');
  });
});

/**
 *  3. Beaten by someone the safety notice did not list (found by h192): `被组长打了 想找工会律师` booked a lawyer with no
 *     word of 110 first; `被站长打了一顿` got 110 but then 「没太明白」 (the knowledge entry did not know 站长).
 */
describe('3. beaten by a team leader or a station master', () => {
  it('`被组长打了 想找工会律师`: 110 first, then the booking', async () => {
    await converse(t.chat, someone('beaten'))
      .send('被组长打了 想找工会律师')
      .expect(/马上打110报警.*工会律师咨询/s);
  });

  it('`被站长打了一顿`: 110 and what to do, and a lawyer offered', async () => {
    await converse(t.chat, someone('beaten2'))
      .send('被站长打了一顿')
      .expect(/110.*验伤.*预约工会律师/s)
      .expectNot(/没太明白/);
  });
});

/**
 *  4. `在宏达建筑工地上扎钢筋` at wage's unit question: 「宏达建筑工地上扎钢筋」 was read as the unit (the chat then dropped
 *     it and asked the unit again after the building-work yes); the builder whose site it is, with the yes.
 */
describe('4. the builder whose site it is, at the unit question', () => {
  it('`在宏达建筑工地上扎钢筋`: 宏达建筑 and building work proposed together; a project\'s site (`锦绣华府工地`) gives no unit', async () => {
    const user = someone('site');
    await converse(t.chat, user)
      .sendAll('我要反映欠薪', '1')
      .send('在宏达建筑工地上扎钢筋')
      .expect(/用人单位「宏达建筑」、工程建设项目「是」。对吗/)
      .send('对')
      .expect(/哪个镇或街道/);
    expect((await load(user)).answers).toMatchObject({ employer: '宏达建筑', construction: true });
    await converse(t.chat, someone('project'))
      .sendAll('我要反映欠薪', '1')
      .send('在锦绣华府工地上干活')
      .expectNot(/用人单位「锦绣华府/);
  });
});

/**
 *  5. A hedge on whether the words fit an option (review): legal aid's matter and wage's building work each had a reader
 *     of their own (now flows/nlu/choose.ts HEDGED_FIT), and the option picker read around both: `说不清 差不多算工伤吧`
 *     stored 工伤 with no question. The picker picks nothing from hedged words.
 */
describe('5. hedged words pick no option', () => {
  it('`说不清 差不多算工伤吧` at legal aid\'s matter: nothing stored, the options again', async () => {
    const user = someone('hedge');
    await converse(t.chat, user)
      .sendAll('我要找律师', '1')
      .send('说不清 差不多算工伤吧')
      .expect(/工伤/)
      .expectNot(/律师咨询是免费的/);
    expect((await load(user)).answers).not.toHaveProperty('matter');
  });
});
