/*
 * Workers' own words in the wage report (helper h59), as transcripts on real Redis and as the readers' results:
 *  - `老板欠我两个来月 3000一个月` (first message): nothing was read (the hedged 两个来月 beside a month's wage was taken
 *    for a rate). Now the two months are proposed, as for `两个多月` (the wage is not multiplied by a count said as
 *    "about"; the amount is asked).
 *  - `3到4个月 每月3000` at the period question: the month's wage was dropped (a first message kept it). Now kept with
 *    the range, and 3,000 × the months picked is proposed at the amount question.
 *  - `住3k宿舍`, `住宿费3k`, `饭钱3000`, `3000块押金`: money for rent, board or a deposit was proposed as the wages owed.
 *  - `老板以为我有欠条`, `我以为我有欠条`: noted as evidence held. Now someone's belief or words are not; at the evidence
 *    question, evidence named but not said to be in the person's hands is asked about (在我手上 / 在别人手上 / 没有).
 *  - `照片`, `截图`, `我拍了照片` at the evidence question: the same request again and again. Now how to send, and a
 *    choice to note it as held; `我有截图` in a first message is noted like `我有欠条`.
 *  - `工资5000` / `我的工资5000 三个月没发` at the amount question (months known): taken as the total. Now asked whether
 *    it is the months' total or a month's wage; in a first message, said back as 「5,000元（3个月一共）」.
 * Today is Tuesday 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import { evidenceSaidEarly, type WageAnswers } from '../../flows/wage.js';
import { findAmounts } from '../../flows/parsers/mentions.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const answers = async (user: string) => (await load(user)).answers as WageAnswers;
const someone = (tag: string) => `web:h59-${tag}-${Math.random().toString(36).slice(2, 8)}`;
/** After consent, to the period question (the unit, its place, not a building site). */
const TO_PERIOD = ['好再来饭店', '对', '东龙', '新塘', '不是'];
/** After consent, to the evidence question (three months, 6000, alone, still there, the rest skipped). */
const TO_EVIDENCE = [...TO_PERIOD, '三个月', '6000', '就我一个', '还在干', '都跳过'];
const EVIDENCE_ASK = /有工资条、考勤记录、欠条、聊天记录之类的证据吗？/;

describe('months said as "about" beside a month\'s wage', () => {
  it('`老板欠我两个来月 3000一个月` (first message): the two months proposed', async () => {
    await converse(t.chat, someone('about'))
      .sendAll('老板欠我两个来月 3000一个月', '同意')
      .expect(/我理解的是：拖欠时间「2026年10月至2026年11月（2个月）」。对吗？/);
  });
});

describe('a range and a month\'s wage at the period question', () => {
  it('`3到4个月 每月3000`: which asked (each a choice); 4个月 → 3,000 × 4 proposed; 对 takes it', async () => {
    const user = someone('range');
    const chat = converse(t.chat, user);
    await chat
      .sendAll('我要报欠薪', '同意', ...TO_PERIOD, '3到4个月 每月3000')
      .expect(/是3个月还是4个月？/)
      .send('4个月')
      .expect(/您前面说每个月3,000元，4个月一共是12,000元（3,000元×4个月）。对吗？/);
    expect((await answers(user)).amount).toBeUndefined();
    await chat.send('对');
    expect((await answers(user)).amount).toMatchObject({ yuan: 12000, monthly: { rate: 3000, months: 4 } });
  });

  // Said again, the range is asked as before (never held twice, never a loop of the same stay).
  it('`3到4个月 每月3000` twice, then 3个月 and 不对: the plain amount question', async () => {
    await converse(t.chat, someone('range-twice'))
      .sendAll('我要报欠薪', '同意', ...TO_PERIOD, '3到4个月 每月3000', '3到4个月 每月3000', '3个月')
      .expect(/3个月一共是9,000元/)
      .send('不对')
      .expect(/那您自己一共被拖欠了多少钱？/);
  });
});

describe('money for something other than the work', () => {
  it.each(['住3k宿舍', '老板欠我三个月 住3k宿舍', '欠我工资 3000块押金', '欠我工资 饭钱3000', '欠我工资 住宿费3k', '欠我工资 水电3k', '欠我工资 3k住宿'])('%s: no sum owed', (said) => {
    expect(findAmounts(said).own).toBeNull();
  });

  // guard: the wages owed said beside such money are still read.
  it.each([
    ['欠我3000', 3000],
    ['欠我三千块 押金两千', 3000],
    ['欠我一万二 罚了我五百', 12000],
  ])('%s: %d', (said, yuan) => {
    expect(findAmounts(said).own?.yuan).toBe(yuan);
  });

  it('`住3k宿舍` at the amount question: nothing proposed, nothing taken', async () => {
    const user = someone('dorm');
    await converse(t.chat, user)
      .sendAll('我要报欠薪', '同意', ...TO_PERIOD, '三个月', '住3k宿舍')
      .expectNot(/3,000元/)
      .expect(/住宿、房租、伙食、水电这些钱不算在拖欠的工资里/);
    expect((await answers(user)).amount).toBeUndefined();
  });
});

describe('evidence someone else believes in, or holds', () => {
  it.each(['老板以为我有欠条', '我以为我有欠条', '老板欠我三个月 老板以为我有欠条', '我跟老板说我有欠条'])('%s: not noted', (said) => {
    expect(evidenceSaidEarly(said)).toBeNull();
  });

  it('`我有截图`: noted like 我有欠条', () => {
    expect(evidenceSaidEarly('老板欠我6000 我有截图')).toEqual({ kinds: ['截图'], words: '我有截图', inferred: false });
  });

  // guard: the person's own holding still counts.
  it('`我有欠条`: noted', () => {
    expect(evidenceSaidEarly('我有欠条')).toEqual({ kinds: ['欠条'], words: '我有欠条', inferred: false });
  });

  it('`老板以为我有欠条` at the evidence question: whose hands asked; 在我手上 keeps it as held', async () => {
    const user = someone('believed');
    await converse(t.chat, user)
      .sendAll('我要报欠薪', '同意', ...TO_EVIDENCE)
      .expect(EVIDENCE_ASK)
      .send('老板以为我有欠条')
      .expect(/欠条在您自己手上吗？/)
      .send('1');
    expect((await answers(user)).evidenceHeld).toBe('我有欠条');
  });

  it('`朋友有欠条`: 在别人手上 is kept as said, never as the person\'s own', async () => {
    const user = someone('friend');
    await converse(t.chat, user).sendAll('我要报欠薪', '同意', ...TO_EVIDENCE, '朋友有欠条').expect(/在别人手上/).send('2');
    expect((await answers(user)).evidenceHeld).toBe('欠条在别人手上');
  });

  it('`没有欠条`: none, and on', async () => {
    const user = someone('none');
    await converse(t.chat, user).sendAll('我要报欠薪', '同意', ...TO_EVIDENCE, '没有欠条').expect(/怎么称呼您/);
    expect((await answers(user)).evidenceHeld).toBeUndefined();
  });
});

describe('a kind of evidence named alone at its question', () => {
  it.each([
    ['照片', '照片'],
    ['截图', '截图'],
    ['我拍了照片', '照片'],
  ])('%s: how to send it, and 先记下 notes it as held', async (said, kind) => {
    const user = someone('kind');
    await converse(t.chat, user)
      .sendAll('我要报欠薪', '同意', ...TO_EVIDENCE, said)
      .expect(new RegExp(`有${kind}的话，可以直接发给我`))
      .send('先记下')
      .expect(/记下了/);
    expect((await answers(user)).evidenceHeld).toBe(`我有${kind}`);
  });
});

describe('the wage named with a figure, months known', () => {
  it.each(['工资5000', '我的工资5000 三个月没发'])('%s at the amount question: the total or a month\'s wage asked', async (said) => {
    const user = someone('wage');
    await converse(t.chat, user)
      .sendAll('我要报欠薪', '同意', ...TO_PERIOD, '三个月', said)
      .expect(/您说的5,000元，是3个月一共欠的，还是每个月的工资？/)
      .send('2')
      .expect(/15,000元/);
    expect((await answers(user)).amount).toBeUndefined();
  });

  it('`我的工资5000 三个月没发` (first message): said back as what the three months come to', async () => {
    await converse(t.chat, someone('wage-first'))
      .sendAll('我的工资5000 三个月没发', '同意')
      .expect(/拖欠金额「5,000元（3个月一共）」/);
  });
});
