/*
 * Reminders are timers (core/infra/timers.ts) written with the booking, fired
 * by the workers' own timer loop once the app's clock reaches them: the
 * chat's clock is set just before a reminder is due, then moved past it.
 *
 * The scenarios book lawyer-2 at 东龙 (Tuesday and Thursday mornings) on the
 * suite's day (by default in the week of 21 November 2026), moved forward
 * to a day that fits each test; the moment a reminder is due is reckoned
 * from the slot booked.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBookings } from '../../core/legal-aid/store.js';
import type { ManualClock } from '../../core/infra/clock.js';
import { bookingJobIds, bookingTimerMember } from '../../core/legal-aid/queue.js';
import { bookingOutbox, bookingTimers } from '../../core/legal-aid/jobs.js';
import { addDays, chinaDay, chinaInstant, dayLabel, type Slot } from '../../core/legal-aid/slots.js';
import { TEST_NOW, scenarioClock } from '../support/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore, type TestCore } from '../support/core.js';
import { bookingNoOn, donglongOpen, donglongSlots, inboxTexts, lawyerSummaryAtDonglong, nth, typedDay, waitInbox } from './helpers.js';
import { bookingTimer } from '../support/timers.js';
import { timerDue } from '../../core/infra/timers.js';
import { noticeMember } from '../../core/infra/outbox.js';
import { startWorkers, type WorkerSet } from '../../workers/index.js';

let t: TestCore | undefined;
let clock: ManualClock;

afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function start(c: ManualClock) {
  clock = c;
  t = await startTestCore({ workers: true, clock });
  return t;
}

/** The first free slot of lawyer-2 at 东龙 now: what `book(user)` gets. */
async function firstSlot(): Promise<Slot> {
  return nth(await donglongSlots(t!.core), 0, 'lawyer-2 at 东龙');
}

/** Books lawyer-2 at 东龙, the `pick`-th slot offered. */
async function book(user: string, pick = '1') {
  await lawyerSummaryAtDonglong(t!.chat, user, pick)
    .send('确认')
    .expect(/预约成功/);
  const [b] = await createBookings(t!.core).listByUser(user);
  return b!;
}

/**
 * A core whose clock stands `ms` before the hour-before reminder of the
 * first 东龙 slot of the suite's first day lawyer-2 is at 东龙 (by default
 * Tuesday 24 November 2026, 09:00: the reminder is at 08:00). Returns that slot.
 */
async function beforeHourBefore(ms: number): Promise<Slot> {
  await start(scenarioClock('2026-11-24', '07:00', donglongOpen));
  const slot = await firstSlot();
  if (slot.day !== chinaDay(clock.now())) throw new Error(`expected lawyer-2's first free 东龙 slot on ${chinaDay(clock.now())}, got ${slot.key}`);
  clock.set(new Date(Date.parse(slot.start) - 3600_000 - ms));
  expect(await firstSlot()).toEqual(slot);
  return slot;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('appointment reminders', () => {
  it('when the evening before comes, then the day-before reminder arrives in the same chat; the hour-before one waits', async () => {
    // The evening before a day lawyer-2 is at 东龙 (Monday 23 November), 17:59:59.2: the day-before reminder (18:00) is 0.8 s away.
    await start(scenarioClock('2026-11-23', '17:59', (d) => donglongOpen(addDays(d, 1))));
    const slot = await firstSlot();
    const evening = chinaInstant(addDays(slot.day, -1), '18:00');
    if (chinaDay(evening) !== chinaDay(clock.now())) throw new Error(`expected lawyer-2's first free 东龙 slot tomorrow, got ${slot.key}`);
    clock.set(new Date(evening.getTime() - 800));
    const b = await book('web:rem1');
    expect(b.slot.key).toBe(slot.key);
    if (!TEST_NOW) expect(b.slot.key).toBe('lawyer-2@202611240900');
    expect(await bookingTimer.at(t!.core, 'day-before', b.id, 1)).toEqual(evening);
    clock.advance(800);
    const text = await waitInbox(t!.core, 'web:rem1', /^【预约提醒】/, 6000);
    expect(text).toContain(`您明天（${dayLabel(slot.day)}）${slot.time} 有工会律师咨询，预约号 ${bookingNoOn(clock.now())}`);
    if (!TEST_NOW) expect(text).toContain('您明天（11月24日（周二））09:00 有工会律师咨询，预约号 YY20261123-0001');
    expect(text).toContain('地址：东龙镇龙兴路18号镇总工会一楼');
    expect(text).toContain('请带上：身份证');
    // Fired once, then gone; the hour-before one waits for its time.
    await expect.poll(() => bookingTimer.at(t!.core, 'day-before', b.id, 1)).toBeNull();
    expect(await bookingTimer.at(t!.core, 'hour-before', b.id, 1)).toEqual(new Date(Date.parse(slot.start) - 3600_000));
    // No delayed job any more.
    expect(await t!.core.queues.reminders.getJob(bookingJobIds.reminder(b.id, 1, 'hour-before'))).toBeUndefined();
  });

  it('when the hour before comes, then the reminder says it starts in an hour', async () => {
    // 0.7 s before the hour before (07:59:59.3 for 09:00).
    const slot = await beforeHourBefore(700);
    const b = await book('web:rem2');
    expect(b.slot.key).toBe(slot.key);
    clock.advance(700);
    const text = await waitInbox(t!.core, 'web:rem2', /^【预约提醒】/, 6000);
    expect(text).toContain(`您的工会律师咨询1小时后（${slot.time}）开始`);
    if (!TEST_NOW) expect(text).toContain('您的工会律师咨询1小时后（09:00）开始');
  });

  it('when the booking is cancelled before its reminder is due, then no reminder is sent', async () => {
    // The hour-before reminder is 2 s away: ample time to cancel first.
    const slot = await beforeHourBefore(2000);
    const b = await book('web:rem3');
    expect(b.slot.key).toBe(slot.key);
    expect(await bookingTimer.at(t!.core, 'hour-before', b.id, 1)).not.toBeNull();
    await converse(t!.chat, 'web:rem3').send(`取消预约 ${b.bookingNo}`).expect(/已取消/);
    // The cancel's write took the reminders with it.
    expect(await bookingTimer.at(t!.core, 'hour-before', b.id, 1)).toBeNull();
    // Nothing but the notices' backstops (which only look for lost notices) is left set.
    expect((await t!.core.redis.zRange(bookingTimers(t!.core).key, 0, -1)).filter((x) => !x.startsWith('notice|'))).toEqual([]);
    clock.advance(3000);
    await sleep(1500);
    expect((await inboxTexts(t!.core, 'web:rem3')).filter((x) => /预约提醒/.test(x))).toEqual([]);
  });

  it('when the booking is moved, then the old reminder is never sent and the new one is scheduled', async () => {
    // The hour-before reminder is 2.5 s away.
    const slot = await beforeHourBefore(2500);
    const b = await book('web:rem4');
    expect(b.slot.key).toBe(slot.key);
    // Move 09:00 to 11:00 the same morning (or the last free time of that morning): the new hour-before reminder is hours away.
    const sameDay = (await donglongSlots(t!.core)).filter((s) => s.day === slot.day && s.key !== slot.key);
    const later = sameDay.find((s) => s.time === '11:00') ?? sameDay.at(-1);
    if (!later || Date.parse(later.start) - 3600_000 < clock.now().getTime() + 60_000) {
      throw new Error(`lawyer-2 has no later free slot on ${slot.day} whose hour-before reminder is more than a minute away`);
    }
    if (!TEST_NOW) expect(typedDay(later.day, later.time)).toBe('11月24日11点');
    await converse(t!.chat, 'web:rem4').send(`改约 ${b.bookingNo}`).send(typedDay(later.day, later.time)).send('确认').expect(/改约成功/);
    const moved = (await createBookings(t!.core).get(b.id))!;
    expect(moved.rev).toBe(2);
    expect(moved.slot.key).toBe(later.key);
    expect(await bookingTimer.at(t!.core, 'hour-before', b.id, 1)).toBeNull();
    expect(await bookingTimer.at(t!.core, 'hour-before', b.id, 2)).toEqual(new Date(Date.parse(later.start) - 3600_000));
    clock.advance(3500);
    await sleep(1500);
    expect((await inboxTexts(t!.core, 'web:rem4')).filter((x) => /预约提醒/.test(x))).toEqual([]);
  });

  it('when a reminder of an older revision fires anyway (it was already running when the booking moved), then it sends nothing', async () => {
    await start(scenarioClock('2026-11-21', '10:00'));
    const b = await book('web:rem5');
    await converse(t!.chat, 'web:rem5').send(`改约 ${b.bookingNo}`).send('2').send('确认').expect(/改约成功/);
    // The revision-1 reminder's timer, fired anyway.
    expect(await bookingTimers(t!.core).fire(bookingTimerMember('hour-before', b.id, 1))).toEqual({ skipped: 'rescheduled' });
    // And its delayed job, queued before reminders were timers, due now: the same function, the same answer.
    await t!.core.queues.add('reminders', 'booking-reminder', { bookingId: b.id, rev: 1, kind: 'hour-before' }, bookingJobIds.reminder(b.id, 1, 'hour-before'));
    const job = await t!.core.queues.reminders.getJob(bookingJobIds.reminder(b.id, 1, 'hour-before'));
    await expect.poll(async () => job!.getState(), { timeout: 5000 }).toBe('completed');
    expect((await t!.core.queues.reminders.getJob(job!.id!))!.returnvalue).toEqual({ skipped: 'rescheduled' });
    await sleep(300);
    expect((await inboxTexts(t!.core, 'web:rem5')).filter((x) => /预约提醒/.test(x))).toEqual([]);
  });
});

describe("the providers' notices", () => {
  it("the new booking's notice is written with the booking: with no process sending, it waits in the bookings' outbox and goes once when one starts; the cancel's too; a backstop timer from before the outbox sends nothing twice", async () => {
    await start(scenarioClock('2026-11-21', '10:00'));
    // Nothing sends (as if the sending process were down); the chat books as usual.
    await t!.workers!.close();
    let sending: WorkerSet | null = null;
    try {
      const b = await book('web:lost1');
      const outbox = bookingOutbox(t!.core).key;
      const timers = bookingTimers(t!.core).key;
      const member = noticeMember('provider-booking-new', { bookingId: b.id, staffId: b.slot.staffId, rev: 1 });
      expect(await t!.core.redis.zRange(outbox, 0, -1)).toEqual([member]);
      const provider = `staff:${b.slot.staffId}`;
      const about = async (re: RegExp) => (await inboxTexts(t!.core, provider)).filter((x) => re.test(x) && x.includes(b.bookingNo));
      expect(await about(/【新预约】/)).toEqual([]);
      sending = startWorkers(t!.core, { outbound: true, sla: true, reminders: true });
      await expect.poll(() => about(/【新预约】/), { timeout: 8000 }).toHaveLength(1);
      await expect.poll(() => t!.core.redis.zCard(outbox)).toBe(0);
      // A backstop timer written before the outbox for the same notice finds it sent.
      await t!.core.redis.zAdd(timers, { score: clock.now().getTime(), value: `notice|${member}` });
      await expect.poll(() => timerDue(t!.core.redis, timers, `notice|${member}`), { timeout: 8000 }).toBeNull();

      // A cancel's notice, written with the cancel, goes once.
      await converse(t!.chat, 'web:lost1').send(`取消预约 ${b.bookingNo}`).expect(/已取消/);
      await expect.poll(() => about(/【取消】/), { timeout: 8000 }).toHaveLength(1);
      await expect.poll(() => t!.core.redis.zCard(outbox)).toBe(0);
      await new Promise((r) => setTimeout(r, 300));
      expect(await about(/【取消】/)).toHaveLength(1);
      expect(await about(/【新预约】/)).toHaveLength(1);
    } finally {
      await sending?.close();
    }
  });
});

describe('the morning agenda', () => {
  it('queues an agenda for each provider with bookings that day, and none for the others', async () => {
    // A day lawyer-2 is not at 东龙 (Saturday 21 November): the next 东龙 morning is all free.
    await start(scenarioClock('2026-11-21', '10:00', (d) => !donglongOpen(d)));
    const slots = await donglongSlots(t!.core);
    // The second person sees the second slot first (the first is taken) and picks the third offered: the fourth slot.
    const [first, fourth] = [nth(slots, 0, 'lawyer-2 at 东龙'), nth(slots, 3, 'lawyer-2 at 东龙')];
    if (first.day !== fourth.day) throw new Error(`lawyer-2's first four free 东龙 slots are not on one day (${first.key} … ${fourth.key})`);
    expect((await book('web:ag1', '1')).slot.key).toBe(first.key);
    expect((await book('web:ag2', '3')).slot.key).toBe(fourth.key);
    await t!.core.queues.reminders.add('morning-agenda', { day: first.day }, { jobId: 'agenda-test' });
    const agenda = await waitInbox(t!.core, 'staff:lawyer-2', /^【今日预约】/);
    expect(agenda).toContain(`${dayLabel(first.day)}，共2个`);
    expect(agenda).toContain(`1. ${first.time}-${first.endTime} 东龙镇工会驿站 张三 13800138000 欠薪`);
    expect(agenda).toContain(`2. ${fourth.time}-${fourth.endTime} 东龙镇工会驿站 张三 13800138000 欠薪`);
    if (!TEST_NOW) {
      expect(agenda).toContain('11月24日（周二），共2个');
      expect(agenda).toMatch(/2\. 10:30-11:00 东龙镇工会驿站 张三 13800138000 欠薪/);
    }
    await sleep(300);
    expect((await inboxTexts(t!.core, 'staff:lawyer-1')).filter((x) => /今日预约/.test(x))).toEqual([]);
  });

  it('is scheduled once a day at 07:30 Beijing time', async () => {
    await start(scenarioClock('2026-11-21', '10:00'));
    await expect.poll(async () => (await t!.core.queues.reminders.getJobScheduler('morning-agenda'))?.pattern, { timeout: 5000 }).toBe('30 7 * * *');
    expect((await t!.core.queues.reminders.getJobScheduler('morning-agenda'))?.tz).toBe('Asia/Shanghai');
  });
});
