/*
 * Readings kept as the person meant them (h39), as transcripts on real Redis:
 *  - A wage report for someone else said at the unit question (`我是帮我爸问的`, `帮我老乡问的`, `替我老公反映`), then
 *    the unit typed instead of 对: the unit is taken and who it is for confirmed once more, never dropped for the
 *    answer given (the report then named the speaker as the worker). The summary shows both. Gone past a second
 *    time, whose wages they are is asked plainly (本人 or 替父亲反映), never left the person's own unasked.
 *  - Legal aid: the day of the injury typed while 工伤 waits for its yes (`10月5日受的伤`): both confirmed together,
 *    and the yes says the deadline, as the day's own question does. The booking carries that deadline.
 *  - A story told in one breath, `…还欠我两万八我们一起的还有七八个人都没拿到钱…`: 两万八 is the person's own amount
 *    (欠我), never held as everyone's total (一起的 are the co-workers).
 * The suite's day (GONGYOU_TEST_NOW, or Tuesday 1 December 2026 at 10:00); no date in the words depends on it.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';
import { TEST_NOW } from '../support/clock.js';

const NOW = TEST_NOW ? TEST_NOW.toISOString() : '2026-12-01T10:00:00+08:00';
const { t, session, booked } = chatOnClock(NOW);

/** A day `n` days before the suite's day, as Beijing's `YYYY-MM-DD` and as typed (`10月5日`). */
function daysBefore(n: number): { iso: string; said: string } {
  const iso = new Date(Date.parse(NOW) + 8 * 3600_000 - n * 86400_000).toISOString().slice(0, 10);
  return { iso, said: `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日` };
}

const BEHALF_CONFIRM = (whom: string) => new RegExp(`我理解的是：代为反映「替${whom}反映」。对吗？`);

describe('a report for someone else, said at the unit question, then the unit', () => {
  it('「我是帮我爸问的」 then 「宏达建筑」: the unit taken, 代为反映 confirmed again, both on the summary', async () => {
    const user = 'web:h39-dad';
    await converse(t.chat, user)
      .sendAll('我要反映欠薪', '同意')
      .send('我是帮我爸问的')
      .expect(BEHALF_CONFIRM('父亲'))
      .send('宏达建筑')
      .expect(/用人单位「宏达建筑」记下了/)
      .expect(BEHALF_CONFIRM('父亲'))
      .expectNot(/请回复「对」或「不对」/)
      .send('对')
      .expect(/按替别人反映来记/)
      .expect(/被欠工资的人叫什么名字/)
      .sendAll('王大军', '白沙镇', '不清楚', '不是', '三个月', '12000', '就他一个', '还在干', '都跳过', '没有', '王芳')
      .send('13800138000')
      .expect(/请核对您要反映的欠薪情况/)
      .expect(/代为反映：替父亲王大军反映/)
      .expect(/被欠工资的人：王大军/)
      .expect(/用人单位：宏达建筑/);
    const a = (await session(user)).answers;
    expect(a.onBehalf).toMatchObject({ relation: expect.stringMatching(/爸|父亲/) });
    expect(a.employer).toBe('宏达建筑');
    expect(a.workerName).toBe('王大军');
  });

  it('「帮我老乡问的」 and 「替我老公反映」, then the unit: each kept after its yes', async () => {
    for (const [said, whom, user] of [
      ['帮我老乡问的', '老乡', 'web:h39-fellow'],
      ['替我老公反映', '丈夫', 'web:h39-husband'],
    ] as const) {
      await converse(t.chat, user)
        .sendAll('我要反映欠薪', '同意')
        .send(said)
        .expect(BEHALF_CONFIRM(whom))
        .send('宏达建筑')
        .expect(/用人单位「宏达建筑」记下了/)
        .expect(BEHALF_CONFIRM(whom))
        .send('对')
        .expect(/被欠工资的人叫什么名字/);
      const a = (await session(user)).answers;
      expect(a.onBehalf).toBeTruthy();
      expect(a.employer).toBe('宏达建筑');
    }
  });

  it('gone past the second 「代为反映…对吗？」 too: whose wages they are asked plainly as a choice, never left the person\'s own', async () => {
    const user = 'web:h39-twice';
    await converse(t.chat, user)
      .sendAll('我要反映欠薪', '同意', '我是帮我爸问的', '宏达建筑')
      .send('白沙镇')
      .expect(/代为反映「替父亲反映」还没跟您核对，先没有记，我再问您一次/)
      .expect(/被欠工资的是您本人，还是您替父亲反映？/)
      .send('2')
      .expect(/也请先告诉本人您在替他反映/)
      .expect(/被欠工资的人叫什么名字/)
      .send('王大军')
      .expect(/干活的地方「白沙镇」。对吗？/);
    const a = (await session(user)).answers;
    expect(a.onBehalf).toMatchObject({ relation: expect.stringMatching(/爸|父亲/) });
    expect(a.employer).toBe('宏达建筑');
  });

  it('two messages that neither answer nor go on (`王大军` twice): whose wages they are asked plainly, never dropped', async () => {
    const user = 'web:h39-missed';
    await converse(t.chat, user)
      .sendAll('我要反映欠薪', '同意', '我是帮我爸问的', '王大军')
      .send('王大军')
      .expect(/我是想确认有没有记错：代为反映「替父亲反映」/)
      .send('王大军')
      .expect(/代为反映先不记，我再问您一次/)
      .expect(/被欠工资的是您本人，还是您替父亲反映？/)
      .send('2')
      .expect(/被欠工资的人叫什么名字/);
    expect((await session(user)).answers.onBehalf).toMatchObject({ relation: expect.stringMatching(/爸|父亲/) });
  });

  // A no to the second 「代为反映…对吗？」 leaves the report the person's own (the unit stays taken).
  it('「不对」 to 代为反映 asked again: the person\'s own report, the unit kept', async () => {
    const user = 'web:h39-own';
    await converse(t.chat, user)
      .sendAll('我要反映欠薪', '同意', '我是帮我爸问的', '宏达建筑')
      .send('不对')
      .expect(/您在哪个镇或街道干活/);
    const a = (await session(user)).answers;
    expect(a.onBehalf).toBeUndefined();
    expect(a.employer).toBe('宏达建筑');
  });
});

describe('legal aid: the day of the injury typed while 工伤 waits for its yes', () => {
  it('「帮我约个律师 我爸工伤了」 → 同意 → 「…受的伤」: 工伤 and the day confirmed together, the deadline said, booked with it', async () => {
    const user = 'web:h39-injury';
    const day = daysBefore(20);
    const next = converse(t.chat, user)
      .sendAll('帮我约个律师 我爸工伤了', '同意')
      .send(`${day.said}受的伤`)
      .expect(/我理解的是：咨询的事「工伤」、受伤日期「\d{4}年\d{1,2}月\d{1,2}日受伤，工伤认定申请期限到/)
      .expectNot(/请回复「对」或「不对」/)
      .send('对')
      .expect(/提醒：申请工伤认定/)
      .expect(/您自己申请的期限到/)
      .expect(/还在这家单位干吗/)
      .expectNot(/您想咨询什么事/);
    await next;
    const a = (await session(user)).answers;
    expect(a.matter).toBe('injury');
    expect(a.injury).toEqual({ on: day.iso });
    await converse(t.chat, user)
      .sendAll('还在干', '电话', '1', '1', '徐磊')
      .send('13500135000')
      .expect(/咨询的事：工伤/)
      .expect(/受伤日期：.*工伤认定申请期限到/)
      .send('确认');
    const [b] = await booked(user);
    expect(b?.injury).toMatchObject({ recognized: false, on: day.iso, limitEndsOn: expect.any(String) });
  });
});

describe('a story told in one breath: whose 两万八 is', () => {
  it('「…还欠我两万八我们一起的还有七八个人都没拿到钱…」: the person\'s own amount, never everyone\'s total', async () => {
    const user = 'web:h39-story';
    await converse(t.chat, user)
      .send('那个我跟你说啊我在东龙镇那个工地上干活干了好几个月了老板一直说没钱没钱到现在还欠我两万八我们一起的还有七八个人都没拿到钱我现在已经不在那干了上个月就走了你们能不能帮帮我')
      .sendAll('好的', '同意')
      .expect(/拖欠金额「28,000元」/)
      .send('对')
      .expect(/欠您工资的单位叫什么名字/);
    const s = await session(user);
    expect(s.answers.amount).toMatchObject({ yuan: 28000 });
    expect(s.answers.groupAmount).toBeUndefined();
    expect(s.later?.groupAmount).toBeUndefined();
  });

  // Guard: a figure said to be theirs together is still everyone's total, never the person's own.
  it('「6000 是我们一起的」 at the amount question: never kept as her own', async () => {
    const user = 'web:h39-together';
    await converse(t.chat, user).sendAll('我要报欠薪', '同意', '宏达建筑', '东龙镇', '东龙社区', '不是', '三个月').send('6000 是我们一起的');
    const s = await session(user);
    expect(s.answers.amount).toBeUndefined();
  });
});
