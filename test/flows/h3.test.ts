/*
 * Booking legal aid, and what a worker says after a wage report went in (helper h3, round 12), as transcripts
 * on real Redis:
 *  - `周四去不了了` (the booking on Thursday) then 改时间: the new times leave that Thursday out (unless the person
 *    names it), nothing is moved until a new time is picked and confirmed; `改个时间` at that choice opens the
 *    reschedule (never the same choice again); `周四不行了 周五可以吗`: the times offered instead of Friday are
 *    not on Thursday; `能改到周五吗`, `要不下周二吧`: a wish for that day, never 「答不上来」.
 *  - `他电话打不通` after a report: whose phone is asked (nothing kept); the boss's becomes news offered to the
 *    case worker, the case worker's a complaint offered to the union, each kept only after a yes.
 *  - `我要仲裁申请书` with no case: the knowledge answer and how to get one filled in here (「反映欠薪」, then 「文书」).
 * Today is Tuesday 1 December 2026, 10:00 (the 东龙镇工会驿站 has 吴芳 on Tuesday and Thursday mornings).
 */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../core/infra/replies.js';
import { bookedThursday, converse, reportSubmitted } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock, session, booked } = chatOnClock(NOW);

const someone = (tag: string) => `web:h3-${tag}-${Math.random().toString(36).slice(2, 8)}`;

/** The labels of the choices in the last reply that has some. */
const choices = (replies: Reply[]): string[] => replies.flatMap((r) => (r.type === 'text' ? (r.options ?? []).map((o) => o.label) : []));

/** Booked: unpaid wages, still there, at 东龙镇工会驿站 on Thursday 3 December 09:00. */
const bookThursday = (user: string) => bookedThursday(t.chat, user);

describe('a day they cannot come, then another time', () => {
  it('「周四去不了了」 then 1: the times leave Thursday out; nothing moves until a new time is confirmed', async () => {
    const user = someone('thu');
    await bookThursday(user)
      .send('周四去不了了')
      .expect(/可以改个时间，也可以取消/)
      .send('1')
      .expect(/12月3日（周四）的时间就不列了/)
      .check((replies) => {
        const slots = choices(replies).filter((l) => /\d+月\d+日/.test(l));
        expect(slots.length).toBeGreaterThan(0);
        expect(slots.filter((l) => l.startsWith('12月3日'))).toEqual([]);
      })
      .expectNot(/例如「12月3日」/);
    // Still the Thursday booking: nothing was moved or cancelled.
    const [b] = await booked(user);
    expect(b!.status).toBe('booked');
    expect(b!.slot.key.endsWith('202612030900')).toBe(true);
    expect((await session(user)).answers.slotAvoid).toBe('2026-12-03');
    // Thursday named by the person after all: that day's times are shown.
    await converse(t.chat, user).send('周四').expect(/12月3日（周四）还能约的时间/);
  });

  it('「那天有事」 then 「改个时间」 at the choice: the reschedule opens, the booked day left out (never the same choice again)', async () => {
    const user = someone('either');
    await bookThursday(user)
      .send('那天有事')
      .expect(/请回复数字选择/)
      .send('改个时间')
      .expect(/为预约 YY\d{8}-\d{4} 改时间/)
      .expectNot(/可以改个时间，也可以取消/)
      .check((replies) => expect(choices(replies).filter((l) => l.startsWith('12月3日'))).toEqual([]));
    expect((await session(user)).fieldId).toBe('slot');
    expect((await booked(user))[0]!.slot.key.endsWith('202612030900')).toBe(true);
  });

  it('「周四不行了 周五可以吗」 (nobody on Friday): the nearest times offered are not on Thursday', async () => {
    const user = someone('fri');
    await bookThursday(user)
      .send('周四不行了 周五可以吗')
      .expect(/12月4日（周五）东龙镇工会驿站没有律师值班/)
      .check((replies) => {
        const slots = choices(replies);
        expect(slots.length).toBeGreaterThan(0);
        expect(slots.filter((l) => l.startsWith('12月3日'))).toEqual([]);
      });
    expect((await booked(user))[0]!.slot.key.endsWith('202612030900')).toBe(true);
  });

  it('「能改到周五吗」 after booking: the reschedule at that day, never 「答不上来」', async () => {
    const user = someone('can');
    await bookThursday(user).send('能改到周五吗').expect(/为预约 YY\d{8}-\d{4} 改时间/).expect(/12月4日（周五）/).expectNot(/答不上来/);
    expect((await session(user)).fieldId).toBe('slot');
  });

  it('「要不下周二吧」 at the time list: that day\'s times, then picked and confirmed', async () => {
    const user = someone('suggest');
    await bookThursday(user)
      .sendAll('那天有事', '1')
      .send('要不下周二吧')
      .expect(/12月8日（周二）还能约的时间/)
      .send('1')
      .expect(/请核对改约后的预约/)
      .expect(/时间：12月8日（周二） 09:00-09:30/)
      .send('确认')
      .expect(/改约成功|预约成功/);
    const [b] = (await booked(user)).filter((x) => x.status === 'booked');
    expect(b!.slot.key.endsWith('202612080900')).toBe(true);
  });
});

describe('「他电话打不通」 after a report', () => {
  const notesOf = async (id: string) => (await t.core.cases.get(id))!.reporterNotes.map((n) => [n.kind, n.text]);

  it('whose phone is asked, nothing kept; 2 (the boss): news for the case worker, kept after a yes', async () => {
    const user = someone('boss');
    const { chat, c } = await reportSubmitted(t, user);
    await chat.send('他电话打不通').expect(/您说的是谁的电话打不通/).expect(/老板/).expectNot(/没太明白/);
    expect(await notesOf(c.id)).toEqual([]);
    await chat.send('2').expect(/「老板电话打不通」/).expect(/转给负责您案件/);
    expect(await notesOf(c.id)).toEqual([]);
    await chat.send('转').expect(/已转给负责您案件/);
    expect(await notesOf(c.id)).toEqual([['absconded', '老板电话打不通']]);
  });

  it('「他不接电话」 then 工作人员: a complaint offered to the union, nothing kept on 不用了', async () => {
    const user = someone('staff');
    const { chat, c } = await reportSubmitted(t, user);
    await chat.send('他不接电话').expect(/您说的是谁的电话打不通/);
    await chat.send('工作人员').expect(/「工作人员不接电话」/).expect(/工会的负责同志/);
    await chat.send('不用了').expect(/没有转/);
    expect(await notesOf(c.id)).toEqual([]);
  });
});

describe('a document asked for with no case', () => {
  it('「我要仲裁申请书」: the knowledge answer, and how to get one filled in here; nothing started', async () => {
    const user = someone('paper');
    await converse(t.chat, user)
      .send('我要仲裁申请书')
      .expect(/劳动人事争议仲裁委员会/)
      .expect(/回复「反映欠薪」/)
      .expect(/回复「文书」就能下载/);
    expect((await session(user)).flowId).toBeNull();
  });
});
