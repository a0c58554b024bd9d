/*
 * Leftovers (h56), as transcripts on real Redis. Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 *  - `老板欠我3个月工资 要写税前的吗`: the 税前/税后 question beside the report is answered at the amount question, once,
 *    before it (it was dropped: the consent, and never a word of it). Nothing is taken from it.
 *  - `检察官靠谱吗`, `检察院管用吗`, `找检察官有用吗` at the menu: what 检察官面对面 / 支持起诉 is, then a booking offered
 *    (it was the booking's consent at once). `预约检察官`, `我想找检察官` still book.
 *  - Joining: `做家政的 没有平台` at the work questions keeps 没有平台 as the platform question's answer, confirmed
 *    (the platform was asked later anyway).
 *  - Joining: `为啥要问这个`, `问这个干嘛` at the work questions: why it is asked, and the question again (it was how
 *    to choose).
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const AFTER_CONSENT = ['好再来饭店', '河西街道', '不清楚', '不是'];
const AMOUNT_ASK = /您自己一共被拖欠了多少钱？/;
const TAX_EARLIER = /您前面问到税前税后：写老板该给您、实际没给的钱就行；分不清税前税后的，就写您平时实际拿到手的数/;

describe('a question on how to count the sum, beside the report in the first message', () => {
  it('「老板欠我3个月工资 要写税前的吗」: answered at the amount question, before it; nothing taken', async () => {
    const user = 'web:h56-tax';
    await converse(t.chat, user)
      .sendAll('老板欠我3个月工资 要写税前的吗', '同意')
      .expect(/^我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/u)
      .send('对')
      .sendAll(...AFTER_CONSENT)
      .expect(TAX_EARLIER)
      .expect(AMOUNT_ASK);
    expect((await session(user)).answers).not.toHaveProperty('amount');
    // Asked again there: pointed to the answer with the question, never said twice in one reply.
    await converse(t.chat, user)
      .send('要写税前的吗')
      .check((_r, text) => expect(text.match(/分不清税前税后的/gu)?.length).toBe(1))
      .expect(AMOUNT_ASK);
    // Once the sum is given, the question is never asked with it again.
    await converse(t.chat, user).send('8000').expectNot(/您前面问到税前税后/);
  });

  // guard: with no such question, the amount question is plain.
  it('「老板欠我3个月工资」: the amount question as ever', async () => {
    await converse(t.chat, 'web:h56-tax-none')
      .sendAll('老板欠我3个月工资', '同意', '对', ...AFTER_CONSENT)
      .expect(/^您自己一共被拖欠了多少钱？/u)
      .expectNot(/您前面问到/);
  });
});

describe('is a procurator any use, asked at the menu', () => {
  const CONSENT = /预约法律援助前，需要您同意我们收集一些信息/;
  it.each(['检察官靠谱吗', '检察院管用吗', '找检察官有用吗'])('%s: what 检察官面对面 is, then a booking offered', async (said) => {
    await converse(t.chat, `web:h56-proc-${said}`)
      .send(said)
      .expect(/检察官面对面，是和检察院的检察官当面谈您的情况，看能不能支持起诉/)
      .expect(/要帮您预约检察官面谈吗？/)
      .expectNot(CONSENT);
  });

  // guard: a wish for a procurator still books.
  it.each(['预约检察官', '我想找检察官'])('%s: the booking, at once', async (said) => {
    await converse(t.chat, `web:h56-proc-wish-${said}`).send(said).expect(/您想和检察官面对面咨询（支持起诉）/).expect(CONSENT);
  });
});

const TO_EMPLOYMENT = ['我要入会', '同意', '同意', '确认，自愿加入', '张三', '11010519491231002X', '13800138000'];
const EMPLOYMENT_ASK = /您现在是怎么工作的？/;
const OCCUPATION_ASK = /您做的是哪种工作？/;
const PLATFORM_ASK = /您主要在哪个平台接单？/;

describe('no platform, said with the work', () => {
  it('「做家政的 没有平台」 at the employment question: confirmed with the work, the platform not asked after', async () => {
    const user = 'web:h56-noplat-1';
    await converse(t.chat, user)
      .sendAll(...TO_EMPLOYMENT)
      .send('做家政的 没有平台')
      .expect(/我理解的是：职业「家政服务员」、接单平台「没有固定平台」。对吗？/)
      .send('对')
      .expectNot(PLATFORM_ASK);
    expect((await session(user)).answers).toMatchObject({ employment: 'new_form', occupation: 'domestic', platform: '' });
  });

  it('「做家政的 没有平台」 at the occupation question: the work taken, no platform confirmed, not asked after', async () => {
    const user = 'web:h56-noplat-2';
    await converse(t.chat, user)
      .sendAll(...TO_EMPLOYMENT, '2')
      .expect(OCCUPATION_ASK)
      .send('做家政的 没有平台')
      .expect(/接单平台「没有固定平台」。对吗？/)
      .send('对')
      .expectNot(PLATFORM_ASK);
    expect((await session(user)).answers).toMatchObject({ occupation: 'domestic', platform: '' });
  });

  // guard: the work alone leaves the platform to its question.
  it('「做家政的」 at the occupation question: the platform asked', async () => {
    await converse(t.chat, 'web:h56-noplat-3').sendAll(...TO_EMPLOYMENT, '2').send('做家政的').expect(PLATFORM_ASK);
  });
});

describe('why the work is asked', () => {
  it.each(['为啥要问这个', '问这个干嘛'])('%s at the employment question: which union reviews it, then the question again', async (said) => {
    const user = `web:h56-why-emp-${said}`;
    await converse(t.chat, user)
      .sendAll(...TO_EMPLOYMENT)
      .send(said)
      .expect(/问这个是因为入会要看您怎么工作：单位职工由单位工会审核/)
      .expect(EMPLOYMENT_ASK);
    expect((await session(user)).answers).not.toHaveProperty('employment');
  });

  it.each(['为啥要问这个', '问这个干嘛'])('%s at the occupation question: why, then the question again', async (said) => {
    const user = `web:h56-why-occ-${said}`;
    await converse(t.chat, user)
      .sendAll(...TO_EMPLOYMENT, '2')
      .send(said)
      .expect(/问这个是因为新就业形态劳动者的入会要按具体做什么工作登记/)
      .expect(OCCUPATION_ASK);
    expect((await session(user)).answers).not.toHaveProperty('occupation');
  });
});
