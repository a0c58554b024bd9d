/*
 * The engine, answers given at the wrong moment (fifth part), as transcripts on the real chat service and
 * real Redis:
 *  - consent first: a fact typed where a flow's consent (or a question before it) is asked is never kept
 *    or confirmed before the consent. Said plainly that it was not kept, the consent asked once more; a yes
 *    confirms it once (never typed again), a no leaves nothing.
 *  - `8000` at the township list or the project's name: proposed as the amount, then that question again;
 *    a bare number that could be something else (`12345`, `300`, an option's number) is not.
 *  - `两个月` at the township list when the period is already 2 months: said to be noted, the question again.
 *  - a 「…对吗？」 answered with another question's fact (`上个月走的`, `欠了8000`): what waited is handled as
 *    before (asked once more, then set aside, said so), and the new fact is never lost without a word.
 *  - another service asked for while a 「…对吗？」 waits: what waited stays with the saved report, said so, and
 *    is confirmed when the person comes back.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const PHONE = '13812345678';
const NOT_KEPT = /^要先征得您同意，才能记下您的信息。您刚才发来的手机号还没有保存，等您同意后再跟您核对，不用再发一遍。/;
const TOWNSHIP = /您在哪个镇或街道干活？/;
/** A wage report up to the township question (鑫源电子厂, nothing else said). */
const toTownship = (user: string) => converse(t.chat, user).sendAll('我要反映欠薪', '同意').send('鑫源电子厂').expect(TOWNSHIP);

describe('consent first: a fact typed before it', () => {
  it('wage: a phone typed for 同意 is not kept, said so, the consent asked once more; 同意 confirms it once', async () => {
    await converse(t.chat, 'web:e5a1')
      .send('我要反映欠薪')
      .expect(/您同意吗/)
      .send(PHONE)
      .expect(NOT_KEPT)
      .expect(/反映欠薪前，需要您同意我们收集一些信息[\s\S]*您同意吗？/)
      .expectNot(/我理解的是|对吗/);
    const held = await session('web:e5a1');
    expect(held.answers).toEqual({});
    expect(held).toMatchObject({ mode: 'ask', fieldId: 'consent', pending: { values: { phone: PHONE } } });

    await converse(t.chat, 'web:e5a1')
      .send('同意')
      .expect(new RegExp(`我理解的是：手机号「${PHONE}」。对吗？`))
      .send('对')
      .expect(/单位叫什么名字/);
    const a = (await session('web:e5a1')).answers;
    expect(a).toMatchObject({ consent: true, phone: PHONE });
  });

  it('wage: 不同意 after it leaves nothing of it', async () => {
    await converse(t.chat, 'web:e5a2').send('我要反映欠薪').send(PHONE).expect(NOT_KEPT).send('不同意').expect(/没有保存您的回答/);
    const s = await session('web:e5a2');
    expect(s).toMatchObject({ flowId: null, answers: {}, pending: null, draft: null });
    expect(JSON.stringify(s)).not.toContain(PHONE);
  });

  it('legal aid: the same at its consent; the yes confirms the phone, never asked to type it again', async () => {
    await converse(t.chat, 'web:e5a3')
      .send('预约律师')
      .expect(/预约法律援助前，需要您同意/)
      .send(PHONE)
      .expect(NOT_KEPT)
      .expectNot(/对吗/)
      .send('同意')
      .expect(new RegExp(`我理解的是：手机号「${PHONE}」。对吗？`));
    const s = await session('web:e5a3');
    expect(s.answers).not.toHaveProperty('phone');
    expect(s.pending?.values).toMatchObject({ phone: PHONE });
  });

  it('a correction before the consent (`不对 我电话是…`) changes nothing and keeps nothing: held the same way', async () => {
    await converse(t.chat, 'web:e5a4').send('我要反映欠薪').send(`不对 我电话是${PHONE}`).expectNot(/已改为/).expect(NOT_KEPT).expect(/您同意吗？/);
    const s = await session('web:e5a4');
    expect(s.answers).toEqual({});
    expect(s.pending?.values).toEqual({ phone: PHONE });
  });

  it('said with the answer to the question before the consent (替我爸 电话…): not confirmed before the consent', async () => {
    await converse(t.chat, 'web:e5a5')
      .send('我替我爸反映欠薪')
      .expect(/还是您替父亲反映/)
      .send(`替我爸 电话${PHONE}`)
      .expect(new RegExp(NOT_KEPT.source.slice(1)))
      .expect(/需要您同意我们收集您和被欠工资的人的一些信息/)
      .expectNot(/对吗/);
    const s = await session('web:e5a5');
    expect(s.answers).not.toHaveProperty('phone');
    expect(s.answers).toHaveProperty('onBehalf');
    await converse(t.chat, 'web:e5a5').send('同意').expect(new RegExp(`我理解的是：手机号「${PHONE}」。对吗？`));
  });
});

describe('another question\'s value where a question cannot take it', () => {
  it('`8000` at the township list: proposed as the amount, then the township asked again; `12345` at a name, `300` (money or people) and an option\'s number are not', async () => {
    await toTownship('web:e5b1')
      .send('8000')
      .expectNot(/没找到/)
      .expect(/我理解的是：拖欠金额「8,000元」。对吗？/)
      .send('对')
      .expect(TOWNSHIP);
    expect((await session('web:e5b1')).answers).toMatchObject({ amount: { yuan: 8000 } });
    // Precision first: only a round figure, where no number answers the question, and money is its one plain reading.
    await converse(t.chat, 'web:e5b2').sendAll('我要反映欠薪', '同意').send('12345').expectNot(/拖欠金额/).expect(/单位/);
    await toTownship('web:e5b3').send('300').expectNot(/拖欠金额/).expect(/没找到「300」/);
    await toTownship('web:e5b4').send('2').expectNot(/拖欠金额/).expect(/哪个村或社区/);
    for (const user of ['web:e5b2', 'web:e5b3', 'web:e5b4']) expect((await session(user)).answers).not.toHaveProperty('amount');
  });

  it('`8000` at the project\'s name: proposed as the amount, then the project asked again', async () => {
    await converse(t.chat, 'web:e5b5')
      .sendAll('我要反映欠薪', '同意', '宏达建筑公司', '东龙', '不清楚')
      .send('是')
      .expect(/项目或工地叫什么名字/)
      .send('8000')
      .expectNot(/请写项目或工地的名字/)
      .expect(/我理解的是：拖欠金额「8,000元」。对吗？/)
      .send('对')
      .expect(/项目或工地叫什么名字/);
    const a = (await session('web:e5b5')).answers;
    expect(a).toMatchObject({ amount: { yuan: 8000 } });
    expect(a).not.toHaveProperty('project');
  });

  it('`两个月` at the township list when the period is already 2 months: said to be noted, the township again', async () => {
    await converse(t.chat, 'web:e5c1')
      .sendAll('工资被拖了两个月 一共一万二', '同意', '对')
      .send('鑫源电子厂')
      .expect(TOWNSHIP)
      .send('两个月')
      .expectNot(/没找到/)
      .expectNot(/对吗/)
      .expect(/^好的，拖欠时间已经记下了：2026年10月至2026年11月（2个月）。\n---\n您在哪个镇或街道干活？/);
    const s = await session('web:e5c1');
    expect(s).toMatchObject({ mode: 'ask', fieldId: 'location', pending: null, answers: { period: { months: 2 } } });
  });
});

describe('a 「…对吗？」 answered with another question\'s fact', () => {
  const atPeriodConfirm = (user: string) =>
    toTownship(user).send('三个月').expect(/我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/);

  it('`上个月走的`: the leaving month is said to wait for its question (never dropped silently), and confirmed there', async () => {
    await atPeriodConfirm('web:e5d1')
      .send('上个月走的')
      .expect(/^好的，您刚才说的（是否还在职「已经离开」、离开时间「2026年11月」）等问到时再跟您核对。\n---\n您在哪个镇或街道干活？/);
    const s = await session('web:e5d1');
    expect(s.answers).not.toHaveProperty('leftSince');
    expect(s.later).toMatchObject({ stillEmployed: false, leftSince: '2026-11', period: { months: 3 } });
    await converse(t.chat, 'web:e5d1')
      .sendAll('东龙', '不清楚', '2')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/)
      .sendAll('对', '8000')
      .send('就我一个')
      .expect(/我理解的是：是否还在职「已经离开」、离开时间「2026年11月」。对吗？/)
      .send('对');
    expect((await session('web:e5d1')).answers).toMatchObject({ stillEmployed: false, leftSince: '2026-11' });
  });

  it('`欠了8000` at the second 「拖欠时间…对吗？」: the amount taken is said with the period set aside, in one message', async () => {
    await atPeriodConfirm('web:e5d2')
      .sendAll('上个月走的', '东龙', '不清楚')
      .send('2')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/)
      .send('欠了8000')
      .expect(/^好的，拖欠金额「8,000元」记下了。\n拖欠时间「2026年9月至2026年11月（3个月）」还没跟您核对，先没有记，我再问您一次。\n---\n拖欠的是哪段时间的工资？/);
    const s = await session('web:e5d2');
    expect(s.answers).toMatchObject({ amount: { yuan: 8000 } });
    expect(s.answers).not.toHaveProperty('period');
    expect(s).toMatchObject({ mode: 'ask', fieldId: 'period', pending: null });
  });
});

describe('another service asked for while a 「…对吗？」 waits', () => {
  it('what waited stays with the saved report, said so, and is confirmed when the person comes back', async () => {
    await converse(t.chat, 'web:e5e1')
      .sendAll('我要反映欠薪', '同意')
      .send('青溪花园二期 包工头是老王')
      .expect(/我理解的是：用人单位「老王（包工头）」、工程建设项目「是」、项目名称「青溪花园二期」。对吗？/)
      .send('我想找律师')
      .expect(/您刚才填的「反映欠薪」已保存/)
      .expect(/刚才的用人单位、工程建设项目、项目名称还没确认，接着填时再跟您核对。/)
      .expect(/预约法律援助前，需要您同意/);
    const away = await session('web:e5e1');
    expect(away.draft).toMatchObject({ flowId: 'wage', answers: { consent: true }, later: { employer: '老王（包工头）', construction: true, project: '青溪花园二期' } });
    expect(away.draft?.answers).not.toHaveProperty('employer');

    await converse(t.chat, 'web:e5e1')
      .send('反映欠薪')
      .expect(/我们接着填「反映欠薪」/)
      .expect(/我理解的是：用人单位「老王（包工头）」。对吗？/)
      .expectNot(/单位叫什么名字/)
      .send('对')
      .expect(TOWNSHIP);
    const back = await session('web:e5e1');
    expect(back.answers).toMatchObject({ employer: '老王（包工头）' });
    expect(back.later).toMatchObject({ construction: true, project: '青溪花园二期' });
  });
});
