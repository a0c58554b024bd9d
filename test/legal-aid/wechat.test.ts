/*
 * Legal aid over WeChat: the real GongyouBot plugin on wechaty-puppet-mock,
 * real Redis and BullMQ. A worker books; the lawyer (a WeChat contact bound
 * with 绑定 123456, so their messages go to the staff commands) is told,
 * gets the morning agenda, and records a no-show; the worker is told.
 *
 * The staff desk in the bot reads the real clock, so the chat's clock is set
 * to 08:00 on the last working day before today: the appointment booked then
 * is already over when the lawyer answers.
 */
import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { createBindings } from '../../core/staff/binding.js';
import { addDays, chinaDay, dayLabel } from '../../core/legal-aid/slots.js';
import { createCalendar } from '../../core/infra/calendar.js';
import { scenarioClock } from '../support/clock.js';
import { startWechatApp } from '../support/wechat-app.js';
import { inboxTexts } from './helpers.js';

const WORKER = '张师傅';
const LAWYER = '周明的微信';

/** 08:00 on the suite's first working day on or after 23 November 2026 (or GONGYOU_TEST_NOW). */
const clock = scenarioClock('2026-11-23', '08:00', (d) => createCalendar().isWorkingDay(d));
const day = chinaDay(clock.now());

const app = useFixture(async () => {
  clock.set(`${day}T08:00:00+08:00`);
  return startWechatApp({ clock });
});

const step = (name: string, text: string, expected: RegExp) => app.say(name, text, expected);

describe('booking legal aid over WeChat', () => {
  it('the worker books in chat; the bound lawyer is told, gets the agenda, marks a no-show in WeChat, and the worker hears of it', async () => {
    const code = await createBindings(app.t.core).issueCode('lawyer-1');
    const bound = await step(LAWYER, `绑定 ${code}`, /绑定成功/);
    expect(bound).toContain('今日预约');
    expect(bound).toContain('爽约 YY…');

    await step(WORKER, '我想找律师', /同意吗/);
    await step(WORKER, '1', /咨询什么事/);
    await step(WORKER, '5', /怎么咨询/);
    await step(WORKER, '1', /哪个镇或街道/);
    await step(WORKER, '柳溪', /柳溪镇还没有能提供工会律师咨询的服务点/);
    const slots = await step(WORKER, '1', /青溪区法律援助工作站最近的空闲时间/);
    expect(slots).toContain(`1. ${dayLabel(day)} 09:00-09:30`);
    await step(WORKER, '1', /怎么称呼/);
    await step(WORKER, '张三', /手机号/);
    await step(WORKER, '13800138000', /请核对您的预约/);
    const done = await step(WORKER, '确认', /预约成功！您的预约号是 YY\d{8}-\d{4}/);
    const no = done.match(/YY\d{8}-\d{4}/)![0];

    const notice = await app.w.waitFor(LAWYER, /^【新预约】/);
    expect(notice.text).toContain(`预约号：${no}`);
    expect(notice.text).toContain('电话：13800138000');
    // Delivered in WeChat, so nothing waits in the Redis inbox.
    expect(await inboxTexts(app.t.core, 'staff:lawyer-1')).toEqual([]);

    await app.t.core.queues.reminders.add('morning-agenda', { day }, { jobId: 'agenda-wechat' });
    const agenda = await app.w.waitFor(LAWYER, /^【今日预约】/);
    expect(agenda.text).toContain(`${dayLabel(day)}，共1个`);
    expect(agenda.text).toContain(`预约号 ${no}`);

    // Ten minutes after the start, nobody came.
    clock.set(`${day}T09:10:00+08:00`);
    expect(await step(LAWYER, `爽约 ${no}`, /已记为未到场|不能/)).toMatch(new RegExp(`^已记为未到场：预约 ${no}`));
    const told = await app.w.waitFor(WORKER, /没有等到您/);
    expect(told.text).toContain(`预约号 ${no}`);

    const mine = await step(WORKER, '我的预约', /以前的预约/);
    expect(mine).toContain(`${no}`);
    expect(mine).toContain('未到场');
    expect(app.w.errors).toEqual([]);
  });
});
