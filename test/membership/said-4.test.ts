/*
 * Joining the union, probe round 4: a question about someone else (`我帮我儿子问一下 他15岁能入会吗`,
 * `我老婆没工作能入会吗`, `我爸65了还能入工会吗`). The answer speaks of that person, the asker is asked
 * to have them apply themselves, and nothing said of them is taken as the asker's (no age, no work,
 * no offer with their facts). Transcripts on real Redis.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { askedAbout, eligibilityAsked, membershipFlow, placeAway } from '../../flows/membership.js';
import { converse } from '../support/converse.js';
import { NOW, consented, person } from './support.js';

const t = coreOnClock(NOW);

const sessionOf = (user: string) => t.chat.sessions.load(user, NOW);

/** Nothing of the conversation kept: no flow, no answers, no facts held for an offer. */
async function nothingKept(user: string) {
  const s = await sessionOf(user);
  expect(s.flowId).toBeNull();
  expect(s.answers).toEqual({});
  expect(s.pending).toBeNull();
  expect(s.offerFacts).toBeNull();
  expect(s.mode).not.toBe('offer');
}

describe('a question whether someone else may join is answered about them', () => {
  it('「我帮我儿子问一下 他15岁能入会吗」: 您儿子还不满16岁; the asker is not taken as 15 afterwards', async () => {
    await converse(t.chat, 'web:s1')
      .send('我帮我儿子问一下 他15岁能入会吗')
      .expect(/您儿子还不满16岁，暂时不能入会/)
      .expect(/欢迎他自己来申请/)
      .expectNot(/您现在还不满16岁/)
      .expectNot(/要现在申请入会吗|您同意吗/);
    await nothingKept('web:s1');
    // The asker joins for themselves, as anyone: their own ID (an adult's) is taken, nothing said about 16.
    const p = person(21, '张小明');
    await consented(t.chat, 'web:s1').send(p.name).send(p.id).expectNot(/16/).expect(/手机号/);
  });

  it('「他15岁能入会吗」, 「我女儿15岁能入会吗」, 「请问我家孩子才十五岁能加入工会吗」: about them', async () => {
    await converse(t.chat, 'web:s2').send('他15岁能入会吗').expect(/他还不满16岁/).expectNot(/您现在还不满/);
    await converse(t.chat, 'web:s3').send('我女儿15岁能入会吗').expect(/您女儿还不满16岁/).expect(/等她满了16周岁/).expectNot(/您现在还不满/);
    await converse(t.chat, 'web:s4').send('请问我家孩子才十五岁能加入工会吗').expect(/您孩子还不满16岁/).expectNot(/您现在还不满/);
    for (const u of ['web:s2', 'web:s3', 'web:s4']) await nothingKept(u);
  });

  it('「我老婆没工作能入会吗」: the answer is of her, she applies herself, and no offer to the asker', async () => {
    await converse(t.chat, 'web:s5')
      .send('我老婆没工作能入会吗')
      .expect(/现在没有工作的，暂时还不能办理/)
      .expect(/如果她在打零工/)
      .expect(/请让她用自己的微信来找我/)
      .expectNot(/如果您在打零工|要现在申请入会吗/)
      .send('好的')
      .expectNot(/您同意吗/);
    await nothingKept('web:s5');
  });

  it('「我爸65了还能入工会吗」: no upper age, said of him (it used to start the asker\'s own application)', async () => {
    await converse(t.chat, 'web:s6')
      .send('我爸65了还能入工会吗')
      .expect(/入会没有年龄上限：65岁只要还在工作/)
      .expect(/请让他用自己的微信来找我/)
      .expectNot(/您同意吗|要现在申请入会吗/);
    await nothingKept('web:s6');
  });

  it('「我老婆在宏达建筑上班 能入会吗」: no application for the asker with her employer', async () => {
    await converse(t.chat, 'web:s7')
      .send('我老婆在宏达建筑上班 能入会吗')
      .expect(/^可以。年满16周岁/)
      .expect(/请让她用自己的微信来找我/)
      .expectNot(/您同意吗/);
    await nothingKept('web:s7');
  });

  it('「我老公是送外卖的能入会吗」 (the knowledge base answers): no offer carrying his work; 好的 starts nothing', async () => {
    await converse(t.chat, 'web:s8')
      .send('我老公是送外卖的能入会吗')
      .expect(/都可以加入工会/)
      .expect(/请让他用自己的微信来找我/)
      .expectNot(/要现在申请入会吗/)
      .send('好的')
      .expectNot(/您同意吗|外卖配送员/);
    await nothingKept('web:s8');
  });

  it('the asker speaking of themselves after someone else: only their own words count', async () => {
    // Her staying at home is not the asker's: the asker's own application starts, nothing assumed.
    await converse(t.chat, 'web:s9').send('我老婆在家带孩子 我能入会吗').expectNot(/现在没有工作的/).expect(/您同意吗/);
    // Her employer is not the asker's.
    await consented(t.chat, 'web:s10', '我老婆在宏达建筑上班 我能入会吗').expectNot(/宏达/);
    expect((await sessionOf('web:s10')).answers).not.toHaveProperty('employer');
  });

  it('the asker\'s own questions are answered as before', async () => {
    await converse(t.chat, 'web:s11').send('我15岁能入会吗').expect(/您现在还不满16岁/);
    await converse(t.chat, 'web:s12').send('我今年65了还能入会吗').expect(/您还在工作的话，要现在申请入会吗？/);
  });
});

describe('whom a question about joining is about', () => {
  it.each([
    ['我帮我儿子问一下 他15岁能入会吗', '儿子'],
    ['我老婆没工作能入会吗', '老婆'],
    ['我爸65了还能入工会吗', '爸'],
    ['他15岁能入会吗', '他'],
    ['请问我家孩子才十五岁能加入工会吗', '孩子'],
    ['替我妈问问 退休了还能入会吗', '妈'],
  ])('「%s」: %s', (said, who) => {
    expect(askedAbout(said)).toBe(who);
  });

  it.each([['我15岁能入会吗'], ['我朋友介绍我来入会'], ['我老婆在家带孩子 我能入会吗'], ['我老乡入会了 我也想入'], ['我要入会']])('「%s」: the asker', (said) => {
    expect(askedAbout(said)).toBeNull();
  });

  it.each([
    ['我帮我儿子问一下 他15岁能入会吗', { kind: 'under_age', age: 15, who: '儿子' }],
    ['我爸65了还能入工会吗', { kind: 'older', age: 65, who: '爸' }],
    ['我儿子在上学能入会吗', { kind: 'student', age: null, who: '儿子' }],
    ['我老婆没工作 我16岁能入会吗', { kind: 'of_age', age: 16 }],
  ])('「%s」 reads as %o', (said, e) => {
    expect(eligibilityAsked(said)).toStrictEqual(e);
  });
});

describe('outside the area is decided by the directory: its own province and city are not away', () => {
  /** The demo directory with its district's `within` set (null: saying nowhere). */
  function ctxWithin(within: string[] | null) {
    const index = t.core.directory.index();
    const directory = { ...index.directory, districts: index.directory.districts.map((d) => ({ ...d, within: within ?? [] })) };
    return { directory, index: { ...index, directory }, now: NOW };
  }
  const extract = (text: string, within: string[] | null) => membershipFlow.extract(text, {}, ctxWithin(within) as never) as Record<string, unknown>;

  it('「我想入会 我在南宁上班」: away for a directory that does not say where it is, not for one in 南宁', () => {
    expect(extract('我想入会 我在南宁上班', null).elsewhere).toBe('南宁');
    expect(extract('我想入会 我在南宁上班', ['广西壮族自治区', '南宁市'])).not.toHaveProperty('elsewhere');
    // Another city still is.
    expect(extract('我想入会 我在柳州上班', ['广西壮族自治区', '南宁市']).elsewhere).toBe('柳州');
  });

  it('in the chat, on the demo directory (青溪区 within 广西 南宁): 「我在南宁上班」 is not told to go elsewhere; 「我在柳州上班」 is', async () => {
    await converse(t.chat, 'web:w1').send('我想入会 我在南宁上班').expectNot(/这里只能办理青溪区/).expect(/您同意吗/);
    await converse(t.chat, 'web:w2').send('我想入会 我在柳州上班').expect(/这里只能办理青溪区的入会。在柳州的单位上班的/);
  });

  it('「广西」 for a 户口 is away only when the directory does not say it is in 广西; 「柳州」 still is', () => {
    expect(placeAway('广西', ctxWithin(null) as never)).toBe(true);
    expect(placeAway('广西', ctxWithin(['广西壮族自治区', '南宁市']) as never)).toBe(false);
    expect(placeAway('广西南宁的', ctxWithin(['广西壮族自治区', '南宁市']) as never)).toBe(false);
    expect(placeAway('广西柳州', ctxWithin(['广西', '南宁']) as never)).toBe(true);
    expect(placeAway('湖南', ctxWithin(['广西', '南宁']) as never)).toBe(true);
  });
});
