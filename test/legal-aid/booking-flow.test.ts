/*
 * 预约法律援助 in chat, as transcripts, on real Redis with the queue workers
 * running (provider notices land in the staff inbox: no WeChat here).
 *
 * The scenario: 10:00 on the suite's first day on which lawyer-2 has no
 * hours at 东龙 (Saturday 21 November 2026 by default; on another day,
 * GONGYOU_TEST_NOW's day moved forward to one), so the 东龙 list starts on a
 * later day. Dates, times, slot keys and booking numbers are computed from
 * the scenario with the slot engine (pinned with literal dates in
 * slots.test.ts); without GONGYOU_TEST_NOW the old literal texts are checked too.
 */
import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { bookingKeys, createBookings } from '../../core/legal-aid/store.js';
import { workingDaysFrom, type Calendar } from '../../core/infra/calendar.js';
import type { ManualClock } from '../../core/infra/clock.js';
import { bookingJobIds } from '../../core/legal-aid/queue.js';
import { addDays, chinaDay, chinaInstant, dayLabel, slotLabel, weekdayOf, type Slot } from '../../core/legal-aid/slots.js';
import { compactDay } from '../../core/infra/time.js';
import { createWageCase } from '../support/cases.js';
import { TEST_NOW, scenarioClock } from '../support/clock.js';
import { converse } from '../support/converse.js';
import { ZHANG, courierUpToReview } from '../membership/support.js';
import { startTestCore } from '../support/core.js';
import { bookingTimer } from '../support/timers.js';
import {
  FENGQI,
  QINGXI_LEGAL,
  SUITE_CALENDAR,
  SUITE_DIRECTORY,
  bookingNoOn,
  chineseDay,
  donglongOpen,
  donglongSlots,
  freeSlots,
  inboxTexts,
  lawyerSlotsAtDonglong,
  literally,
  nth,
  optionLines,
  typedDay,
  waitInbox,
} from './helpers.js';

const YY = /YY\d{8}-\d{4}/;

let clock: ManualClock;
const t = useFixture(async () => {
  clock = scenarioClock('2026-11-21', '10:00', (d) => !donglongOpen(d));
  return startTestCore({ workers: true, clock });
});

const store = () => createBookings(t.core);
const taken = async (key: string) => Number((await t.core.redis.hGet(bookingKeys(t.core.keys.prefix).slots(key.slice(key.indexOf('@') + 1, key.indexOf('@') + 9)), key)) ?? 0);
const calendar = (): Calendar => t.core.directory.index().calendar;
/** The first free slots of lawyer-2 at 东龙 now (Tuesday 24 November from 09:00 on the default day). */
const donglong = () => donglongSlots(t.core);
/** `s` at the start of the text (literally). */
const startsWith = (s: string) => new RegExp(`^${literally(s).source}`);
/** Whether `text` names `day` (as `11月24日`, not as part of another date). */
const names = (text: string, day: string) => new RegExp(`(?<![0-9])${typedDay(day)}`).test(text);
/** The options of a page of slots, as rendered: up to six, then 更多时间 when there are more. */
const page = (slots: readonly Slot[]) => [...slots.slice(0, 6).map((s, i) => `${i + 1}. ${slotLabel(s)}`), ...(slots.length > 6 ? ['7. 更多时间'] : [])];
/** Minutes after the start of a slot (before it when negative). */
const from = (slot: Slot, minutes: number) => new Date(Date.parse(slot.start) + minutes * 60_000);

/** A lawyer at the 东龙 station, up to the review, picking the `pick`-th slot offered. */
function lawyerAtDonglong(user: string, pick = '1') {
  return converse(t.chat, user)
    .send('我想找律师')
    .expect(/好的，您想找工会律师咨询。/)
    .expect(/同意吗/)
    .send('1')
    .expect(/咨询什么事/)
    .send('1')
    .expect(/不用审查经济困难条件/)
    .expect(/还在这家单位/)
    .send('还在')
    .expect(/怎么咨询/)
    .send('1')
    .expect(/哪个镇或街道/)
    .send('东龙')
    .expect(/1\. 东龙镇工会驿站（东龙镇龙兴路18号镇总工会一楼）\n2\. 青溪区法律援助工作站/)
    .send('1')
    .send(pick)
    .expect(/怎么称呼/)
    .send('张三')
    .expect(/手机号/)
    .send('13800138000')
    .expect(/请核对您的预约/);
}

describe('booking a union lawyer at a service point', () => {
  it('when a worker books the 东龙 station, then the slot is theirs, the lawyer is told with the full phone, and reminders are queued with ids only', async () => {
    const today = chinaDay(clock.now());
    const slots = await donglong();
    const first = nth(slots, 0, 'lawyer-2 at 东龙');
    // More than a page: the 7th option is 更多时间, and 更多 shows the 7th slot on.
    nth(slots, 6, 'lawyer-2 at 东龙 (a second page)');
    const no = bookingNoOn(clock.now());
    if (!TEST_NOW) {
      expect(first.key).toBe('lawyer-2@202611240900');
      expect(no).toBe('YY20261121-0001');
    }
    // lawyer-2 is at 东龙 on Tuesday and Thursday mornings: only working days with those hours are offered, none before the first one.
    expect(first.day > today).toBe(true);
    for (const s of slots) {
      expect(calendar().isWorkingDay(s.day), s.day).toBe(true);
      expect(donglongOpen(s.day), s.day).toBe(true);
    }
    await lawyerSlotsAtDonglong(t.chat, 'web:a1')
      .expect(/东龙镇工会驿站最近的空闲时间（接下来7个工作日，节假日不安排）/)
      .check((_r, text) => {
        const lines = optionLines(text);
        expect(lines).toEqual(page(slots));
        expect(lines.at(-1)).toBe('7. 更多时间');
        for (let d = today; d < first.day; d = addDays(d, 1)) expect(names(text, d), `${d} is not offered`).toBe(false);
        if (!TEST_NOW) {
          expect(lines[0]).toBe('1. 11月24日（周二） 09:00-09:30');
          expect(text).not.toMatch(/11月2[123]日/);
        }
      })
      .send('更多')
      .check((_r, text) => expect(optionLines(text)).toEqual(page(slots.slice(6))))
      .expect(literally(`1. ${slotLabel(slots[6]!)}`))
      .send('最早')
      .expect(literally(`1. ${slotLabel(first)}`))
      .sendAll('1', '张三', '13800138000')
      .expect(/1\. 咨询的事：欠薪/)
      .expect(/6\. 服务点：东龙镇工会驿站/)
      .expect(literally(`7. 时间：${slotLabel(first)}`))
      .send('确认')
      .expect(literally(`预约成功！您的预约号是 ${no}`))
      .expect(/地址：东龙镇龙兴路18号镇总工会一楼/)
      .expect(/接待：吴芳（工会律师）/)
      .expect(/请带上：身份证；劳动合同/)
      .expect(literally(`取消预约 ${no}`))
      .expect(literally(`改约 ${no}`));

    const [b] = await store().listByUser('web:a1');
    expect(b).toMatchObject({ bookingNo: no, status: 'booked', help: 'lawyer', mode: 'in_person', slot: { key: first.key, pointId: 'sp-t01-station' } });
    // Sealed at rest: the number is nowhere in the record, and it unseals.
    const raw = (await t.core.redis.get(bookingKeys(t.core.keys.prefix).record(b!.id)))!;
    expect(raw).not.toContain('13800138000');
    expect(store().phoneOf(b!)).toBe('13800138000');
    expect(await taken(first.key)).toBe(1);

    const notice = await waitInbox(t.core, 'staff:lawyer-2', /^【新预约】/);
    expect(notice).toContain(`预约号：${no}`);
    expect(notice).toContain('电话：13800138000');
    expect(notice).toContain(`完成 ${no}`);

    // The reminders are timers written with the booking: 18:00 Beijing the day before (Monday 23 November), and an hour before the start.
    const dayBefore = await bookingTimer.at(t.core, 'day-before', b!.id, 1);
    expect(dayBefore).toEqual(chinaInstant(addDays(first.day, -1), '18:00'));
    expect(await bookingTimer.at(t.core, 'hour-before', b!.id, 1)).toEqual(new Date(Date.parse(first.start) - 3600_000));
    if (!TEST_NOW) expect(dayBefore).toEqual(new Date('2026-11-23T18:00:00+08:00'));
    for (const kind of ['day-before', 'hour-before'] as const) {
      expect(await t.core.queues.reminders.getJob(bookingJobIds.reminder(b!.id, 1, kind)), kind).toBeUndefined();
    }
  });
});

describe('a time said before the service point', () => {
  it('明天上午, 周六可以吗, 越快越好 at the service point: the point first, said kindly (not a question nobody can answer); 明天上午 kept as the wish for the time question, no slot', async () => {
    await converse(t.chat, 'web:a-when')
      .sendAll('我想找律师', '1', '1', '还在', '1')
      .send('东龙')
      .expect(/离东龙镇最近、能提供工会律师咨询的服务点/)
      .send('明天上午')
      // Kept for the time question; on a clock where 明天 is a day off (or in a holiday), that is said instead.
      .expect(/^(?:好的，想约.*上午。先选服务点，下一步选时间时先给您看这天的。|.*(?:不上班|假期)，不安排咨询)/)
      .expect(/1\. 东龙镇工会驿站/)
      .send('周六可以吗')
      // A Saturday off (or in a holiday on another day's clock) is said so; a made-up working Saturday is kept.
      .expect(/(?:不上班|假期)，不安排咨询|先给您看这天的/)
      .expectNot(/答不上来/)
      // A house number is not a time (人民路88号, an offered point's address, now picks that point).
      .send('建设路18号那个')
      .expect(/^请回复服务点前面的数字/)
      .send('1')
      // The times of the day wished for (明天上午, when that is a working day), or the earliest.
      .expect(/东龙镇工会驿站最近的空闲时间|上午东龙镇工会驿站还能约的时间/);
    const s = await t.chat.sessions.load('web:a-when', clock.now());
    expect(s.answers).not.toHaveProperty('slot');
  });
});

describe('procurator face to face, urgent', () => {
  it('when the one-year limit ends in 4 days, then it is marked urgent, the earliest slot is first, and the procurator sees 加急', async () => {
    // Left a year before the day 4 days from now: typed without the year, it is read as the past one.
    const endsOn = addDays(chinaDay(clock.now()), 4);
    const leftOn = `${Number(endsOn.slice(0, 4)) - 1}${endsOn.slice(4)}`;
    if (new Date(`${leftOn}T00:00:00Z`).toISOString().slice(0, 10) !== leftOn) throw new Error(`${leftOn} is not a day: pick another scenario day for this test`);
    const p = nth(await freeSlots(t.core, { help: 'procurator', pointId: FENGQI }), 0, 'liaison-1 at 凤栖');
    if (!TEST_NOW) {
      expect([typedDay(endsOn), leftOn, slotLabel(p)]).toEqual(['11月25日', '2025-11-25', '11月26日（周四） 09:00-10:00']);
    }
    await converse(t.chat, 'web:p1')
      .send('预约检察官')
      .expect(/好的，您想和检察官面对面咨询（支持起诉）。/)
      .send('1')
      .send('1')
      .send(typedDay(endsOn))
      // This year's day is still to come: last year's is confirmed, with what it means, before it counts (probe 1.12).
      .expect(literally(`您说的应该是${chineseDay(leftOn)}`))
      .expect(literally(`时效还有4天，${chineseDay(endsOn)}就到期了！我们会标为加急`))
      .expect(/对吗？/)
      .send('对')
      // Having left, they are asked once whether an award or judgment exists (core/documents): not yet.
      .expect(/是不是已经有了劳动仲裁的裁决书、法院的判决书或者调解书/)
      .send('1')
      .send('1')
      .send('凤栖')
      .expect(/离凤栖街道最近、能提供检察官面对面的服务点/)
      .expect(/1\. 凤栖街道维权联络站/)
      .send('1')
      .expect(literally(`⚠ 您的仲裁时效${chineseDay(endsOn)}就到期了，已为您加急，建议约最早的时间（第1个）`))
      .expect(literally(`1. ${slotLabel(p)}`))
      .sendAll('1', '李四', '13800138001')
      .expect(literally(`在职情况：${chineseDay(leftOn)}离开，仲裁时效到${chineseDay(endsOn)}（加急）`))
      .send('确认')
      .expect(/预约成功/)
      .expect(/接待：姚春兰（检察官）/)
      .expect(/已标为加急/);
    const [b] = await store().listByUser('web:p1');
    expect(b).toMatchObject({ help: 'procurator', urgent: true, limitEndsOn: endsOn, employment: { stillEmployed: false, leftOn }, slot: { key: p.key } });
    const notice = await waitInbox(t.core, 'staff:liaison-1', /^【新预约】【加急】/);
    expect(notice).toContain(`仲裁时效：${endsOn}截止，7天内到期`);
    expect(notice).toContain('转支持起诉');
  });
});

describe('phone consultation', () => {
  it('when a worker asks for a phone consultation in one sentence, then no service point is asked and the lawyer will call', async () => {
    // The earliest phone time of the district's lawyers, 河西's own first (Monday 23 November 09:00 with lawyer-1 by default).
    const f = nth(await freeSlots(t.core, { help: 'lawyer', mode: 'phone', townshipId: 't08' }), 0, 'phone consultations for 河西');
    if (!TEST_NOW) expect([slotLabel(f), f.staffId]).toEqual(['11月23日（周一） 09:00-09:30', 'lawyer-1']);
    await converse(t.chat, 'web:f1')
      .send('工伤了想电话咨询律师')
      .expect(/好的，您想找工会律师咨询。/)
      .expect(/同意吗/)
      .send('1')
      // What else the sentence said is confirmed once consent is given.
      .expect(/我理解的是：咨询的事「工伤」、方式「电话咨询」。对吗？/)
      .send('对')
      // A work injury: when it happened (the one-year recognition limit); not known, so skipped.
      .expect(/您是哪天受伤的/)
      .send('跳过')
      .expect(/还在这家单位干吗/)
      .send('跳过')
      .expect(/哪个镇或街道？我们会安排离您最近的律师或检察官/)
      .send('河西')
      .expect(/电话咨询最近的空闲时间/)
      .expect(literally(`1. ${slotLabel(f)}`))
      .sendAll('1', '王五', '13900139000')
      .expectNot(/服务点：/)
      .expect(/方式：电话咨询/)
      .send('确认')
      .expect(/方式：电话咨询，到时会拨打您的手机 139\*\*\*\*9000/)
      .expect(/请提前准备好/)
      .expectNot(/地址：/);
    const [b] = await store().listByUser('web:f1');
    expect(b).toMatchObject({ mode: 'phone', matter: 'injury', employment: null, injury: null, slot: { key: f.key, staffId: f.staffId } });
    const notice = await waitInbox(t.core, `staff:${f.staffId}`, /^【新预约】/);
    expect(notice).toContain('方式：电话咨询，请您按时拨打对方手机');
    expect(notice).toContain('电话：13900139000');
  });
});

describe('booking help for a wage case', () => {
  it('when the worker books from the progress view, then matter, place and contact are filled in and the booking is linked', async () => {
    const c = await createWageCase(t.core, { userKey: 'web:w1' });
    await converse(t.chat, 'web:w1')
      .send('进度')
      .expect(new RegExp(`回复「预约 ${c.caseNo}」可以为这件案子预约法律援助`))
      .send(`预约 ${c.caseNo}`)
      .expect(new RegExp(`为您的案件 ${c.caseNo}（青溪宏达建筑工程有限公司）预约律师或检察官`))
      .expect(/同意吗/)
      .send('1')
      .expect(/您想找谁帮忙/)
      .send('1')
      .send('1')
      .expect(/离东龙镇最近/)
      .send('1')
      .send('1')
      .expect(new RegExp(`请核对您的预约（关于案件 ${c.caseNo}）`))
      .expect(/在职情况：还在干/)
      .expect(/联系人：张三/)
      .send('确认')
      .expect(/预约成功/);
    const [b] = await store().listByUser('web:w1');
    expect(b!.linkedCaseId).toBe(c.id);
    const notice = await waitInbox(t.core, 'staff:lawyer-2', /^【新预约】/);
    expect(notice).toContain(`关联案件：${c.caseNo}（青溪宏达建筑工程有限公司，拖欠28,500元，1人）`);
  });

  it('when the wages were all paid, then 预约 for that case is declined politely and nothing starts; a close without them still books', async () => {
    const paid = await createWageCase(t.core, { userKey: 'web:paid' });
    await t.core.cases.update(paid.id, 'test', (cur) => ({
      record: { ...cur, status: 'closed', outcome: { at: cur.createdAt, by: 'gw-001', recovered: 28500, reason: null, full: true, nextStep: null } },
      action: 'test',
      detail: 'closed, paid in full',
    }));
    await converse(t.chat, 'web:paid')
      .send(`预约 ${paid.caseNo}`)
      .expect(new RegExp(`案件 ${paid.caseNo} 的工资已经全部追回了。还有别的法律问题，可以回复「预约法律援助」。`))
      .send('1')
      .expect(/加入工会|同意/);
    expect(await store().listByUser('web:paid')).toEqual([]);

    const unpaid = await createWageCase(t.core, { userKey: 'web:unpaid' });
    await t.core.cases.update(unpaid.id, 'test', (cur) => ({
      record: { ...cur, status: 'closed', outcome: { at: cur.createdAt, by: 'gw-001', recovered: null, reason: '老板失联', full: false, nextStep: { kind: 'arbitration' } } },
      action: 'test',
      detail: 'closed, not recovered',
    }));
    await converse(t.chat, 'web:unpaid')
      .send(`预约 ${unpaid.caseNo}`)
      .expect(new RegExp(`为您的案件 ${unpaid.caseNo}（青溪宏达建筑工程有限公司）预约律师或检察官`));
  });

  it("when someone names a case that is not theirs, then it is not found and nothing starts", async () => {
    const c = await createWageCase(t.core, { userKey: 'web:owner' });
    await converse(t.chat, 'web:other')
      .send(`预约 ${c.caseNo}`)
      .expect(new RegExp(`没有找到您的案件 ${c.caseNo}`))
      .send('1')
      .expect(/加入工会|同意/);
    expect(await store().listByUser('web:other')).toEqual([]);
  });
});

describe('cancelling', () => {
  it('when the owner cancels, then the slot is free at once and the lawyer is told; others and unknown numbers get specific answers', async () => {
    const first = nth(await donglong(), 0, 'lawyer-2 at 东龙');
    await lawyerAtDonglong('web:c1').send('确认').expect(/预约成功/);
    const [b] = await store().listByUser('web:c1');
    const no = b!.bookingNo;
    expect(b!.slot.key).toBe(first.key);
    const unknown = `YY${compactDay(clock.now())}-0099`;
    if (!TEST_NOW) expect(unknown).toBe('YY20261121-0099');

    await converse(t.chat, 'web:c2')
      .send(`取消预约 ${no}`)
      .expect(new RegExp(`预约 ${no} 不是用您这个账号预约的，不能取消`))
      .send(`取消预约 ${unknown}`)
      .expect(literally(`没有找到预约号 ${unknown}，请核对后再试`))
      .send('取消预约')
      // None of their own to come: said plainly, never a booking number asked for.
      .expect(/您现在没有待参加的法律援助预约，不用取消/);
    expect((await store().get(b!.id))!.status).toBe('booked');

    await converse(t.chat, 'web:c1')
      .send(`取消预约 ${no}`)
      .expect(literally(`已取消预约 ${no}（${slotLabel(first)}），这个时间已经让给别人了`))
      .send(`取消预约 ${no}`)
      .expect(new RegExp(`预约 ${no} 已经取消了，不能再取消`))
      .send('我的预约')
      .expect(/您现在没有待参加的预约/)
      .expect(/已取消/);
    expect(await taken(first.key)).toBe(0);
    expect(await bookingTimer.at(t.core, 'day-before', b!.id, 1)).toBeNull();
    expect(await bookingTimer.at(t.core, 'hour-before', b!.id, 1)).toBeNull();
    await waitInbox(t.core, 'staff:lawyer-2', new RegExp(`^【取消】预约 ${no}`));

    // Free again at once: the next person is offered it (09:00) first and gets it.
    await lawyerAtDonglong('web:c3').expect(literally(`时间：${slotLabel(first)}`)).send('确认').expect(/预约成功/);
    expect((await store().listByUser('web:c3'))[0]!.slot.key).toBe(first.key);
  });

  it('when a cancel is typed in the middle of another question, then it is answered and the question comes back', async () => {
    await lawyerAtDonglong('web:c4').send('确认');
    const [b] = await store().listByUser('web:c4');
    await converse(t.chat, 'web:c4')
      .send('老板拖了我三个月工资')
      .expect(/同意吗/)
      .send(`取消预约 ${b!.bookingNo}`)
      .expect(/已取消预约/)
      .expect(/我们接着填「反映欠薪」/)
      .expect(/同意吗/);
  });
});

describe('rescheduling', () => {
  it('when the worker moves a booking, then the old slot stays theirs until they confirm, and then it is freed in the same step', async () => {
    const slots = await donglong();
    const first = nth(slots, 0, 'lawyer-2 at 东龙');
    // Typed as a day and an hour: 10:00 on the next day lawyer-2 is at 东龙 (Thursday 26 November).
    const later = slots.filter((s) => s.day > first.day);
    const target = later.find((s) => s.time === '10:00') ?? later[0];
    if (!target) throw new Error(`lawyer-2 has no free slot at 东龙 after ${first.day} in this scenario`);
    if (!TEST_NOW) expect([typedDay(target.day, target.time), target.key]).toEqual(['11月26日10点', 'lawyer-2@202611261000']);
    await lawyerAtDonglong('web:r1').send('确认').expect(/预约成功/);
    const [b0] = await store().listByUser('web:r1');
    const no = b0!.bookingNo;
    expect(b0!.slot.key).toBe(first.key);

    await converse(t.chat, 'web:r1')
      .send(`改约 ${no}`)
      .expect(literally(`为预约 ${no} 改时间（现在是${slotLabel(first)}）。在您确认新的时间之前，原来的预约一直保留`))
      .check((_r, text) => {
        // The current time is not offered again.
        expect(optionLines(text)).toEqual(page(slots.slice(1)));
        if (!TEST_NOW) expect(optionLines(text)[0]).toBe('1. 11月24日（周二） 09:30-10:00');
      })
      .send(typedDay(target.day, target.time))
      .expect(new RegExp(`原预约 ${no} 在您确认之前保持不变`))
      .expect(literally(`时间：${slotLabel(target)}`));
    // Not confirmed yet: nothing has moved.
    expect(await taken(first.key)).toBe(1);
    expect(await taken(target.key)).toBe(0);
    expect((await store().get(b0!.id))!.rev).toBe(1);

    await converse(t.chat, 'web:r1')
      .send('确认')
      .expect(new RegExp(`改约成功！预约号仍是 ${no}，原来的时间已取消`))
      .expect(literally(`时间：${slotLabel(target)}`));
    const b1 = (await store().get(b0!.id))!;
    expect(b1).toMatchObject({ rev: 2, status: 'booked', slot: { key: target.key }, previous: { key: first.key } });
    expect(await taken(first.key)).toBe(0);
    expect(await taken(target.key)).toBe(1);
    // The old reminders are gone; the new ones carry the new revision.
    expect(await bookingTimer.at(t.core, 'hour-before', b0!.id, 1)).toBeNull();
    expect(await bookingTimer.at(t.core, 'day-before', b0!.id, 1)).toBeNull();
    expect(await bookingTimer.at(t.core, 'hour-before', b0!.id, 2)).toEqual(new Date(Date.parse(target.start) - 3600_000));
    const moved = await waitInbox(t.core, 'staff:lawyer-2', /^【改约】/);
    expect(moved).toContain(`由${slotLabel(first)}改到${slotLabel(target)}`);
  });

  it('when the reschedule goes to another service point, then the first lawyer is told it moved away and the new one is told of it', async () => {
    const first = nth(await donglong(), 0, 'lawyer-2 at 东龙');
    // lawyer-1's earliest time at the district station (Monday 23 November 09:00 by default).
    const q = nth(await freeSlots(t.core, { help: 'lawyer', pointId: QINGXI_LEGAL }), 0, 'lawyer-1 at the district station');
    if (!TEST_NOW) expect(slotLabel(q)).toBe('11月23日（周一） 09:00-09:30');
    await lawyerAtDonglong('web:r5').send('确认').expect(/预约成功/);
    const [b0] = await store().listByUser('web:r5');
    expect(b0!.slot.key).toBe(first.key);
    await converse(t.chat, 'web:r5')
      .send(`改约 ${b0!.bookingNo}`)
      .send('返回')
      .expect(/请选一个/)
      .expect(/之前填的是：东龙镇工会驿站/)
      .send('2')
      .expect(/青溪区法律援助工作站最近的空闲时间/)
      .expect(literally(`1. ${slotLabel(q)}`))
      .send('1')
      .expect(/服务点：青溪区法律援助工作站/)
      .send('确认')
      .expect(/改约成功/)
      .expect(/接待：周明（工会律师）/);
    expect((await store().get(b0!.id))!.slot).toMatchObject({ key: q.key, staffId: 'lawyer-1', pointId: 'sp-qingxi-legal' });
    expect(await taken(first.key)).toBe(0);
    await waitInbox(t.core, 'staff:lawyer-2', startsWith(`【改约】预约 ${b0!.bookingNo}（原定${slotLabel(first)}）已改到其他时间，由其他人员接待`));
    await waitInbox(t.core, 'staff:lawyer-1', /^【新预约】/);
  });

  it('when the worker gives up a reschedule, then the booking is unchanged', async () => {
    await lawyerAtDonglong('web:r2').send('确认');
    const [b0] = await store().listByUser('web:r2');
    await converse(t.chat, 'web:r2').send(`改约 ${b0!.bookingNo}`).send('2').expect(/请核对/).send('取消').expect(/要先停在这里吗/).send('放弃').expect(new RegExp(`不改了。预约 ${b0!.bookingNo} 还是原来的时间，照常有效`)).expectNot(/已取消/);
    expect(await store().get(b0!.id)).toEqual(b0);
    expect(await taken(b0!.slot.key)).toBe(1);
  });

  it("when someone tries to move another person's booking, then it is refused", async () => {
    await lawyerAtDonglong('web:r3').send('确认');
    const [b0] = await store().listByUser('web:r3');
    await converse(t.chat, 'web:r4').send(`改约 ${b0!.bookingNo}`).expect(/不是用您这个账号预约的，不能改约/);
  });
});

describe('a slot lost to a race', () => {
  it('when another person confirms the same slot first, then the loser is told, nothing is half-booked, and fresh slots are offered', async () => {
    const slots = await donglong();
    const [first, second] = [nth(slots, 0, 'lawyer-2 at 东龙'), nth(slots, 1, 'lawyer-2 at 东龙')];
    await lawyerAtDonglong('web:x1');
    await lawyerAtDonglong('web:x2');
    await converse(t.chat, 'web:x2').send('确认').expect(/预约成功/);
    await converse(t.chat, 'web:x1')
      .send('确认')
      .expect(literally(`很抱歉，${slotLabel(first)}刚刚被别人约走了，这次没有预约成功。请从下面的空闲时间里重新选一个`))
      .check((_r, text) => {
        expect(text).not.toMatch(new RegExp(`\\d\\. ${literally(slotLabel(first)).source}`));
        expect(optionLines(text)[0]).toBe(`1. ${slotLabel(second)}`);
        if (!TEST_NOW) expect(optionLines(text)[0]).toBe('1. 11月24日（周二） 09:30-10:00');
      });
    expect(await store().listByUser('web:x1')).toEqual([]);
    expect(await taken(first.key)).toBe(1);
    await converse(t.chat, 'web:x1').send('1').expect(literally(`时间：${slotLabel(second)}`)).send('确认').expect(/预约成功/);
  });

  it('when the slot was taken while the list was on screen, then picking it is refused with fresh choices', async () => {
    const slots = await donglong();
    const [first, second] = [nth(slots, 0, 'lawyer-2 at 东龙'), nth(slots, 1, 'lawyer-2 at 东龙')];
    const ask = lawyerSlotsAtDonglong(t.chat, 'web:y1');
    await ask.expect(literally(`1. ${slotLabel(first)}`));
    await lawyerAtDonglong('web:y2').send('确认').expect(/预约成功/);
    await converse(t.chat, 'web:y1')
      .send('1')
      .expect(literally(`${slotLabel(first)}刚刚被别人约走了，请选一个新的时间`))
      .expect(literally(`1. ${slotLabel(second)}`));
  });
});

/** `time` on the suite's first day lawyer-2 is at 东龙 (Tuesday 24 November 2026 by default). */
const donglongDayAt = (time: string) => scenarioClock('2026-11-24', time, donglongOpen).now();

/**
 * A public holiday and then a make-up working day within the 7 working days
 * after `day`: the holiday day named is one on a weekend when there is one
 * (its name, not 周六, is said), else its first day.
 */
function holidayAhead(cal: Calendar, day: string): { holiday: string; makeUp: string } | null {
  const window = workingDaysFrom(cal, day, 7);
  const makeUp = window.find((d) => d > day && cal.isMakeUpDay(d));
  const off: string[] = [];
  for (let d = addDays(day, 1); d <= window.at(-1)!; d = addDays(d, 1)) if (cal.holidayName(d)) off.push(d);
  const holiday = off.find((d) => weekdayOf(d) === 0 || weekdayOf(d) === 6) ?? off[0];
  return holiday && makeUp ? { holiday, makeUp } : null;
}

describe('bad input at the time and place questions', () => {
  it('a number not on the list, a day in the past, a weekend, a holiday-free weekday with nothing left: each is answered specifically', async () => {
    // 10:00 on a day lawyer-2 is at 东龙 (Tuesday 24 November): the morning is half gone.
    const day = chinaDay(donglongDayAt('10:00'));
    clock.set(chinaInstant(day, '10:00'));
    const cal = calendar();
    const slots = await donglong();
    const first = nth(slots, 0, 'lawyer-2 at 东龙');
    if (first.day !== day) throw new Error(`lawyer-2 has no free slot left at 东龙 on ${day} after 10:00 in this scenario`);
    const window = workingDaysFrom(cal, day, 7);
    // A weekend day that is not a holiday; a working day with nobody at 东龙; another day with free times.
    let weekend = addDays(day, 1);
    while (cal.isWorkingDay(weekend) || cal.holidayName(weekend)) weekend = addDays(weekend, 1);
    const empty = window.find((d) => !slots.some((s) => s.day === d));
    const other = slots.find((s) => s.day > day)?.day;
    if (!empty || !other) throw new Error(`the 7 working days from ${day} need a day without and a later day with lawyer-2 at 东龙`);
    // March 1 next year, or the first working day after it: past the 7 working days.
    let beyond = `${Number(day.slice(0, 4)) + 1}-03-01`;
    while (!cal.isWorkingDay(beyond)) beyond = addDays(beyond, 1);
    if (!TEST_NOW) {
      expect([day, weekend, empty, other, beyond]).toEqual(['2026-11-24', '2026-11-28', '2026-11-25', '2026-11-26', '2027-03-01']);
      expect(slotLabel(first)).toBe('11月24日（周二） 10:30-11:00');
    }
    await lawyerSlotsAtDonglong(t.chat, 'web:b1')
      .expect(literally(`1. ${slotLabel(first)}`))
      .check((_r, text) => expect(optionLines(text)).toEqual(page(slots)))
      .send('9')
      .expect(literally(`没有这个选项，请回复1到${page(slots).length}之间的数字`))
      .send('今天9点')
      .expect(literally(`${dayLabel(day)} 09:00 已经过了`))
      .send('昨天')
      .expect(literally(`${dayLabel(addDays(day, -1))}已经过去了`))
      .send(typedDay(weekend))
      .expect(literally(`${dayLabel(weekend)}是周末，不安排咨询`))
      .send(typedDay(empty))
      // Nobody on duty that day: said so, never 「约满了」 (probe 3 B18).
      .expect(literally(`${dayLabel(empty)}东龙镇工会驿站没有律师值班`))
      .expectNot(/约满了/)
      .send(`${typedDay(other)}上午9点15`)
      .expect(literally(`${dayLabel(other)} 09:15 没有可约的时间，这天能约的是`))
      .send(`明年${typedDay(beyond)}`)
      .expect(literally(`只能预约最近7个工作日内的时间（到${dayLabel(window.at(-1)!)}）`))
      .send('看情况')
      .expect(/请回复时间前面的数字/);
    expect(await store().listByUser('web:b1')).toEqual([]);
  });

  it('a time in words (「下午2点半那个」) picks the one shown slot starting then, which the summary shows before anything is booked; a time not shown is asked about', async () => {
    const day = chinaDay(donglongDayAt('10:00'));
    clock.set(chinaInstant(day, '10:00'));
    const shown = (await donglong()).slice(0, 6);
    // A time on the list once, said as a worker would; and a time the list does not have.
    const once = shown.find((x) => shown.filter((y) => y.time === x.time).length === 1);
    if (!once) throw new Error(`no time shown once among ${shown.map((x) => x.key).join(', ')}`);
    const h = Number(once.time.slice(0, 2));
    const spoken = `${h > 12 ? `下午${h - 12}` : `上午${h}`}点${once.time.endsWith(':30') ? '半' : ''}`;
    const absent = ['09:00', '12:00', '17:00', '08:00'].find((x) => !shown.some((y) => y.time === x))!;
    await lawyerSlotsAtDonglong(t.chat, 'web:words1')
      .send(`${Number(absent.slice(0, 2))}点`)
      .expect(literally(`上面没有${absent}开始的时间`))
      .send(`就${spoken}那个吧`)
      .expect(/怎么称呼您/)
      .send('张三')
      .send('13800138000')
      .expect(literally(slotLabel(once)));
    expect(await store().listByUser('web:words1')).toEqual([]);
  });

  it('a time said alone that the list shows on several days is asked about with those days, never guessed', async () => {
    // Each lawyer at one place only, seeing people 15:00-15:30 only: the first page holds 15:00 on more than one day.
    const directory = structuredClone(SUITE_DIRECTORY);
    const placed = new Set<string>();
    for (const d of directory.districts) {
      for (const p of d.servicePoints) {
        p.providers = p.providers.filter((pr) => pr.help !== 'lawyer' || !placed.has(pr.staffId));
        for (const pr of p.providers) {
          if (pr.help !== 'lawyer') continue;
          placed.add(pr.staffId);
          pr.hours = { mon: ['15:00-15:30'], tue: ['15:00-15:30'], wed: ['15:00-15:30'], thu: ['15:00-15:30'], fri: ['15:00-15:30'] };
        }
      }
      d.servicePoints = d.servicePoints.filter((p) => p.providers.length > 0);
    }
    const own = await startTestCore({ directory, clock: scenarioClock('2026-11-23', '10:00', (d) => SUITE_CALENDAR.isWorkingDay(d)) });
    try {
      const talk = converse(own.chat, 'web:words2');
      await talk.sendAll('我想预约律师', '同意', '老板不给钱', '还在干', '电话', '东龙').expect(/空闲时间/);
      const reply = await talk.send('下午3点').expect(/15:00有\d天可以约，请选是哪一天/);
      const days = optionLines(reply.text);
      expect(days.length).toBeGreaterThan(1);
      // One option per day, each at 15:00.
      expect(new Set(days.map((l) => l.replace(/^\d+\. /, '').split(' ')[0])).size).toBe(days.length);
      for (const l of days) expect(l).toMatch(/ 15:00-15:30$/);
      await talk.send('2').expect(/怎么称呼您/);
      await talk.send('张三').send('13800138000').expect(literally(days[1]!.replace(/^\d+\. /, '')));
    } finally {
      await own.stop();
    }
  });

  it('when a public holiday is asked for, then it is named', async () => {
    // 10:00 on a day whose coming working days step over a holiday to a make-up working day (Tuesday 29 September 2026: 国庆节, then Saturday 10 October).
    const day = chinaDay(scenarioClock('2026-09-29', '10:00', (d) => holidayAhead(SUITE_CALENDAR, d) !== null).now());
    clock.set(chinaInstant(day, '10:00'));
    const ahead = holidayAhead(calendar(), day);
    if (!ahead) throw new Error(`no holiday and make-up day within the 7 working days from ${day}`);
    const { holiday, makeUp } = ahead;
    // Phone consultations for someone in 东龙: the make-up day keeps a weekday's hours.
    const onMakeUp = (await freeSlots(t.core, { help: 'lawyer', mode: 'phone', townshipId: 't01' })).filter((s) => s.day === makeUp);
    if (onMakeUp.length === 0) throw new Error(`no phone consultation on the make-up day ${makeUp}`);
    if (!TEST_NOW) expect([typedDay(holiday), typedDay(makeUp)]).toEqual(['10月3日', '10月10日']);
    await converse(t.chat, 'web:b2')
      .sendAll('我想找律师', '1', '1', '还在', '2', '东龙')
      .expect(/电话咨询最近的空闲时间/)
      .send(typedDay(holiday))
      .expect(literally(`${dayLabel(holiday)}是${calendar().holidayName(holiday)}假期，不安排咨询`))
      .send(typedDay(makeUp))
      .expect(literally(`${dayLabel(makeUp)}还能约的时间`))
      .check((_r, text) => expect(optionLines(text)).toEqual(onMakeUp.slice(0, 12).map((s, i) => `${i + 1}. ${slotLabel(s)}`)));
  });

  it('when the time chosen has passed by the time it is picked, then it is refused and fresh times are offered', async () => {
    // 08:20 on a day lawyer-2 is at 东龙: the first time (09:00) can still be booked.
    const day = chinaDay(donglongDayAt('08:20'));
    clock.set(chinaInstant(day, '08:20'));
    const first = nth(await donglong(), 0, 'lawyer-2 at 东龙');
    if (first.day !== day) throw new Error(`lawyer-2 has no free slot at 东龙 on ${day} in this scenario`);
    await lawyerSlotsAtDonglong(t.chat, 'web:b3').expect(literally(`1. ${slotLabel(first)}`));
    // 20 minutes on the list (not idle long enough to pause): the first time is now too close.
    clock.set(from(first, -20));
    const fresh = nth(await donglong(), 0, 'lawyer-2 at 东龙');
    expect(fresh.key).not.toBe(first.key);
    if (!TEST_NOW) expect([slotLabel(first), slotLabel(fresh)]).toEqual(['11月24日（周二） 09:00-09:30', '11月24日（周二） 09:30-10:00']);
    await converse(t.chat, 'web:b3')
      .send('1')
      .expect(literally(`${slotLabel(first)}已经过了（或不到30分钟就开始，来不及赶到）`))
      .expect(literally(`1. ${slotLabel(fresh)}`));
  });

  it('when the time passes between the summary and 确认, then nothing is booked and fresh times are offered', async () => {
    const day = chinaDay(donglongDayAt('08:20'));
    clock.set(chinaInstant(day, '08:20'));
    const first = nth(await donglong(), 0, 'lawyer-2 at 东龙');
    if (first.day !== day) throw new Error(`lawyer-2 has no free slot at 东龙 on ${day} in this scenario`);
    await lawyerAtDonglong('web:b4').expect(literally(`时间：${slotLabel(first)}`));
    // A quarter of an hour before the start (08:45).
    clock.set(from(first, -15));
    const fresh = nth(await donglong(), 0, 'lawyer-2 at 东龙');
    await converse(t.chat, 'web:b4')
      .send('确认')
      .expect(literally(`${slotLabel(first)}已经过了（或马上就开始，来不及了），这次没有预约成功`))
      .expect(literally(`1. ${slotLabel(fresh)}`));
    expect(await store().listByUser('web:b4')).toEqual([]);
    expect(await taken(first.key)).toBe(0);
  });

  it('when the township has no service point, then the district point, phone and video are offered', async () => {
    await converse(t.chat, 'web:b5')
      .sendAll('我想找律师', '1', '1', '还在', '1', '柳溪')
      .expect(/柳溪镇还没有能提供工会律师咨询的服务点。您可以去区里的服务点，或改成电话咨询，或改成视频咨询/)
      .check((_r, text) =>
        expect(optionLines(text)).toEqual(['1. 青溪区法律援助工作站（青溪区人民路88号区公共法律服务中心一楼）', '2. 改为电话咨询', '3. 改为视频咨询']),
      )
      .send('2')
      .expect(/好的，改为电话咨询/)
      .expect(/电话咨询最近的空闲时间/)
      .sendAll('1', '赵六', '13700137000')
      .expect(/方式：电话咨询/)
      .expectNot(/服务点：/)
      .send('确认')
      .expect(/预约成功/);
  });

  it('when a place is not one we serve, then the places are listed', async () => {
    await converse(t.chat, 'web:b6').send('我想找律师').send('1').send('5').send('1').send('火星镇').expect(/没找到「火星镇」。我们服务的镇街有：东龙镇/);
  });

  it('when the procurator is asked for by phone, then the modes on offer are named', async () => {
    await converse(t.chat, 'web:b7').send('预约检察官').send('1').send('5').send('电话').expect(/检察官面对面暂时没有电话咨询，可以选：到服务点面谈、视频咨询/);
  });

  it('when a person already has three bookings waiting, then a fourth is refused and nothing is booked', async () => {
    for (let i = 0; i < 3; i++) await lawyerAtDonglong('web:b8', String(i + 1)).send('确认').expect(/预约成功/);
    await lawyerAtDonglong('web:b8', '4').send('确认').expect(/您已经有3个还没参加的预约了/);
    expect(await store().listByUser('web:b8')).toHaveLength(3);
  });
});

describe('my bookings and the known contact', () => {
  it('shows one booking by its number, only to its owner', async () => {
    const first = nth(await donglong(), 0, 'lawyer-2 at 东龙');
    const no = bookingNoOn(clock.now());
    await lawyerAtDonglong('web:m3').send('确认');
    await converse(t.chat, 'web:m3').send(`预约 ${no}`).expect(literally(`${no}  ${slotLabel(first)}`));
    await converse(t.chat, 'web:m4').send(`查看预约 ${no}`).expect(literally(`没有找到您的预约 ${no}`));
    if (!TEST_NOW) expect(`${no}  ${slotLabel(first)}`).toBe('YY20261121-0001  11月24日（周二） 09:00-09:30');
  });

  it('lists upcoming bookings with how to cancel, and offers the last contact next time', async () => {
    const first = nth(await donglong(), 0, 'lawyer-2 at 东龙');
    const no = bookingNoOn(clock.now());
    await lawyerAtDonglong('web:m1').send('确认');
    await converse(t.chat, 'web:m1')
      .send('我的预约')
      .expect(literally(`您的预约：\n${no}  ${slotLabel(first)}\n  工会律师咨询 · 东龙镇工会驿站 · 已预约`))
      .expect(/取消请回复「取消预约 预约号」/)
      .sendAll('预约法律援助', '1', '5', '1', '2', '东龙', '1')
      .expect(/也可以回复1，用上次留的联系方式（张三，138\*\*\*\*8000）/)
      .send('1')
      .expect(/请核对/)
      .expect(/联系人：张三/)
      .expect(/手机号：13800138000/);
    expect(await inboxTexts(t.core, 'web:m1')).toEqual([]);
  });

  it('when the person applied to join the union, then the contact from the application is offered', async () => {
    await courierUpToReview(t.chat, 'web:mem1', ZHANG).send('确认').expect(/RH\d{8}-\d{4}/);
    await converse(t.chat, 'web:mem1')
      .sendAll('预约法律援助', '1', '5', '1', '2', '东龙', '1')
      .expect(/用上次留的联系方式（张三，139\*\*\*\*5678）/)
      .send('1')
      .expect(/联系人：张三/)
      .expect(/手机号：13912345678/);
  });

  it('删除我的信息 removes the name and phone from bookings, which stay booked', async () => {
    await lawyerAtDonglong('web:m2').send('确认');
    await converse(t.chat, 'web:m2').send('删除我的信息').send('确认删除').expect(/已删除/);
    const [b] = await store().listByUser('web:m2');
    expect(b).toMatchObject({ status: 'booked', contact: { name: null, phoneSealed: null, phoneHash: null } });
  });
});

it('the booking number format is YY, the day and a sequence', () => {
  expect('YY20261121-0001').toMatch(YY);
  expect(bookingNoOn(clock.now())).toMatch(YY);
});
