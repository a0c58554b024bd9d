/*
 * Reminders are real BullMQ delayed jobs. The chat's clock is set just before
 * a reminder is due, so its delay is under a second of real time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBookings } from '../../core/bookings.js';
import { bookingJobIds } from '../../core/queues.js';
import { converse } from '../support/converse.js';
import { startTestCore, type TestCore } from '../support/core.js';
import { inboxTexts, lawyerSummaryAtDonglong, waitInbox } from './helpers.js';

let t: TestCore | undefined;
let clock: Date;

afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function start(at: string) {
  clock = new Date(at);
  t = await startTestCore({ workers: true, now: () => clock });
  return t;
}

/** Books lawyer-2 at 东龙 on Tuesday 24 November, the `pick`-th slot offered. */
async function book(user: string, pick = '1') {
  await lawyerSummaryAtDonglong(t!.chat, user, pick)
    .send('确认')
    .expect(/预约成功/);
  const [b] = await createBookings(t!.core).listByUser(user);
  return b!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('appointment reminders', () => {
  it('when the evening before comes, then the day-before reminder arrives in the same chat; the hour-before one waits', async () => {
    // Monday 23 November, 17:59:59.2: the day-before reminder (18:00) is 0.8 s away.
    await start('2026-11-23T17:59:59.200+08:00');
    const b = await book('web:rem1');
    expect(b.slot.key).toBe('lawyer-2@202611240900');
    const text = await waitInbox(t!.core, 'web:rem1', /^【预约提醒】/, 6000);
    expect(text).toContain('您明天（11月24日（周二））09:00 有工会律师咨询，预约号 YY20261123-0001');
    expect(text).toContain('地址：东龙镇龙兴路18号镇总工会一楼');
    expect(text).toContain('请带上：身份证');
    const hour = await t!.core.queues.reminders.getJob(bookingJobIds.reminder(b.id, 1, 'hour-before'));
    expect(await hour!.getState()).toBe('delayed');
    expect(hour!.data).toEqual({ bookingId: b.id, rev: 1, kind: 'hour-before' });
  });

  it('when the hour before comes, then the reminder says it starts in an hour', async () => {
    await start('2026-11-24T07:59:59.300+08:00');
    await book('web:rem2');
    const text = await waitInbox(t!.core, 'web:rem2', /^【预约提醒】/, 6000);
    expect(text).toContain('您的工会律师咨询1小时后（09:00）开始');
  });

  it('when the booking is cancelled before its reminder is due, then no reminder is sent', async () => {
    // The hour-before reminder is 2 s away: ample time to cancel first.
    await start('2026-11-24T07:59:58.000+08:00');
    const b = await book('web:rem3');
    await converse(t!.chat, 'web:rem3').send(`取消预约 ${b.bookingNo}`).expect(/已取消/);
    expect(await t!.core.queues.reminders.getJob(bookingJobIds.reminder(b.id, 1, 'hour-before'))).toBeUndefined();
    await sleep(3000);
    expect((await inboxTexts(t!.core, 'web:rem3')).filter((x) => /预约提醒/.test(x))).toEqual([]);
  });

  it('when the booking is moved, then the old reminder is never sent and the new one is scheduled', async () => {
    await start('2026-11-24T07:59:57.500+08:00');
    const b = await book('web:rem4');
    // Move 09:00 to 11:00 the same morning: the new hour-before reminder is at 10:00.
    await converse(t!.chat, 'web:rem4').send(`改约 ${b.bookingNo}`).send('11月24日11点').send('确认').expect(/改约成功/);
    const moved = (await createBookings(t!.core).get(b.id))!;
    expect(moved.rev).toBe(2);
    expect(await t!.core.queues.reminders.getJob(bookingJobIds.reminder(b.id, 1, 'hour-before'))).toBeUndefined();
    const next = await t!.core.queues.reminders.getJob(bookingJobIds.reminder(b.id, 2, 'hour-before'));
    expect(await next!.getState()).toBe('delayed');
    await sleep(3500);
    expect((await inboxTexts(t!.core, 'web:rem4')).filter((x) => /预约提醒/.test(x))).toEqual([]);
  });

  it('when a reminder of an older revision fires anyway (it was already running when the booking moved), then it sends nothing', async () => {
    await start('2026-11-21T10:00:00+08:00');
    const b = await book('web:rem5');
    await converse(t!.chat, 'web:rem5').send(`改约 ${b.bookingNo}`).send('2').send('确认').expect(/改约成功/);
    // The revision-1 reminder, due now.
    await t!.core.queues.remind(b.id, 1, 'hour-before', 0);
    const job = await t!.core.queues.reminders.getJob(bookingJobIds.reminder(b.id, 1, 'hour-before'));
    await expect.poll(async () => job!.getState(), { timeout: 5000 }).toBe('completed');
    expect((await t!.core.queues.reminders.getJob(job!.id!))!.returnvalue).toEqual({ skipped: 'rescheduled' });
    await sleep(300);
    expect((await inboxTexts(t!.core, 'web:rem5')).filter((x) => /预约提醒/.test(x))).toEqual([]);
  });
});

describe('the morning agenda', () => {
  it('queues an agenda for each provider with bookings that day, and none for the others', async () => {
    await start('2026-11-21T10:00:00+08:00');
    await book('web:ag1', '1');
    await book('web:ag2', '3');
    await t!.core.queues.reminders.add('morning-agenda', { day: '2026-11-24' }, { jobId: 'agenda-test' });
    const agenda = await waitInbox(t!.core, 'staff:lawyer-2', /^【今日预约】/);
    expect(agenda).toContain('11月24日（周二），共2个');
    expect(agenda).toMatch(/1\. 09:00-09:30 东龙镇工会驿站 张三 13800138000 欠薪/);
    // The second person saw 09:30 first (09:00 was taken) and picked the third: 10:30.
    expect(agenda).toMatch(/2\. 10:30-11:00 东龙镇工会驿站 张三 13800138000 欠薪/);
    await sleep(300);
    expect((await inboxTexts(t!.core, 'staff:lawyer-1')).filter((x) => /今日预约/.test(x))).toEqual([]);
  });

  it('is scheduled once a day at 07:30 Beijing time', async () => {
    await start('2026-11-21T10:00:00+08:00');
    await expect.poll(async () => (await t!.core.queues.reminders.getJobScheduler('morning-agenda'))?.pattern, { timeout: 5000 }).toBe('30 7 * * *');
    expect((await t!.core.queues.reminders.getJobScheduler('morning-agenda'))?.tz).toBe('Asia/Shanghai');
  });
});
