import { describe, expect, it } from 'vitest';
import { loadDemoDirectory } from '../../core/directory/load.js';
import type { Provider, ServicePoint, WeeklyHours } from '../../core/directory/schema.js';
import { createCalendar, workingDaysFrom } from '../../core/infra/calendar.js';
import { directoryRefusal, rawDemoDirectory } from '../support/directory.js';
import { nearestPoints, resolveSlot, slotTimes, upcomingFreeSlots, type ProviderAt } from '../../core/legal-aid/slots.js';

/** The package's data only (no years kept in the directory). */
const cal = createCalendar();

const NO_HOURS: WeeklyHours = { mon: [], tue: [], wed: [], thu: [], fri: [] };

function providerAt(hours: Partial<WeeklyHours>, opts: Partial<Provider> = {}): ProviderAt {
  const provider: Provider = { staffId: 'lawyer-9', help: 'lawyer', modes: ['in_person'], slotMinutes: 30, capacity: 1, hours: { ...NO_HOURS, ...hours }, ...opts };
  const point: ServicePoint = {
    id: 'sp-test',
    name: '测试驿站',
    kind: 'union_station',
    address: '测试路1号',
    hours: NO_HOURS,
    providers: [provider],
  };
  return { point, provider, districtId: 'qingxi' };
}

const times = (slots: { day: string; time: string }[]) => slots.map((s) => `${s.day} ${s.time}`);

describe('working days around 国庆 2026 (chinese-days data)', () => {
  it('the seven working days from Monday 28 September skip 1–7 October and include the make-up Saturday 10 October', () => {
    expect(workingDaysFrom(cal, '2026-09-28', 7)).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12']);
  });

  it.each([
    ['2026-10-01', false, '国庆节'],
    ['2026-10-07', false, '国庆节'],
    ['2026-09-26', false, '中秋'],
    ['2026-10-10', true, null],
    ['2026-09-20', true, null],
    ['2026-10-11', false, null],
    ['2026-11-24', true, null],
  ])('%s: working %s, holiday %s', (day, working, holiday) => {
    expect(cal.isWorkingDay(day)).toBe(working);
    expect(cal.holidayName(day)).toBe(holiday);
  });

  it('a make-up day follows the weekday it was swapped with: Sunday 20 Sept for Tuesday 6 Oct, Saturday 10 Oct for Wednesday 7 Oct', () => {
    expect(cal.isMakeUpDay('2026-09-20')).toBe(true);
    expect(cal.isMakeUpDay('2026-10-10')).toBe(true);
    expect(cal.isMakeUpDay('2026-10-12')).toBe(false);
    expect(cal.timetableWeekday('2026-09-20')).toBe(2);
    expect(cal.timetableWeekday('2026-10-10')).toBe(3);
  });

  it('after 2026 (no calendar data yet) weekends and the statutory holidays are off', () => {
    // Friday 2027-10-01 is 国庆 by law, whatever the notice adds; Monday the 4th counts as worked until the 2027
    // notice says how long the break is (it was once counted as a working day itself).
    expect(workingDaysFrom(cal, '2027-10-01', 3)).toEqual(['2027-10-04', '2027-10-05', '2027-10-06']);
    expect(cal.holidayName('2027-10-01')).toBe('国庆节');
  });
});

describe('slot generation', () => {
  it('cuts whole slots out of each range', () => {
    expect(slotTimes(['09:00-10:15', '14:00-15:00'], 30)).toEqual(['09:00', '09:30', '14:00', '14:30']);
    expect(slotTimes(['14:30-17:00'], 45)).toEqual(['14:30', '15:15', '16:00']);
  });

  it('over two weeks with 国庆: no slot on the holiday or the weekend, Wednesday hours on the make-up Saturday, none already past', () => {
    const p = providerAt({ mon: ['09:00-10:00'], tue: ['09:00-10:00'], wed: ['14:00-15:00'], fri: ['16:00-17:00'] });
    const slots = upcomingFreeSlots([p], { calendar: cal, now: new Date('2026-09-29T10:30:00+08:00') });
    expect(times(slots)).toEqual([
      '2026-09-30 14:00',
      '2026-09-30 14:30',
      '2026-10-09 16:00',
      '2026-10-09 16:30',
      '2026-10-10 14:00',
      '2026-10-10 14:30',
      '2026-10-12 09:00',
      '2026-10-12 09:30',
      '2026-10-13 09:00',
      '2026-10-13 09:30',
    ]);
    expect(slots[0]).toMatchObject({ key: 'lawyer-9@202609301400', endTime: '14:30', start: new Date('2026-09-30T14:00:00+08:00').toISOString() });
  });

  it('the make-up Sunday before 国庆 works Tuesday hours', () => {
    const p = providerAt({ tue: ['09:00-10:00'] });
    const slots = upcomingFreeSlots([p], { calendar: cal, now: new Date('2026-09-18T18:00:00+08:00'), workingDays: 4 });
    // Working days from Fri 18 Sept: 18 (Fri), 20 (the make-up Sunday), 21 (Mon), 22 (Tue).
    expect(times(slots)).toEqual(['2026-09-20 09:00', '2026-09-20 09:30', '2026-09-22 09:00', '2026-09-22 09:30']);
  });

  it('leaves out slots at capacity and keeps those with room', () => {
    const p = providerAt({ mon: ['09:00-10:00'] }, { capacity: 2 });
    const now = new Date('2026-11-22T10:00:00+08:00');
    const taken = new Map([
      ['lawyer-9@202611230900', 2],
      ['lawyer-9@202611230930', 1],
    ]);
    expect(times(upcomingFreeSlots([p], { calendar: cal, now, taken, workingDays: 1 }))).toEqual(['2026-11-23 09:30']);
  });

  it('offers a time once when two providers are free then, the first in order', () => {
    const a = providerAt({ mon: ['09:00-10:00'] }, { staffId: 'lawyer-a' });
    const b = providerAt({ mon: ['09:30-10:30'] }, { staffId: 'lawyer-b' });
    const slots = upcomingFreeSlots([a, b], { calendar: cal, now: new Date('2026-11-22T10:00:00+08:00'), workingDays: 1 });
    expect(slots.map((s) => `${s.time} ${s.staffId}`)).toEqual(['09:00 lawyer-a', '09:30 lawyer-a', '10:00 lawyer-b']);
  });

  it('a slot starting within 30 minutes is not offered', () => {
    const p = providerAt({ mon: ['09:00-10:00'] });
    expect(times(upcomingFreeSlots([p], { calendar: cal, now: new Date('2026-11-23T08:45:00+08:00'), workingDays: 1 }))).toEqual(['2026-11-23 09:30']);
  });
});

describe('the demo directory: service points, providers and hours', () => {
  const dir = loadDemoDirectory();
  const district = dir.districts[0]!;

  it('has each kind of point, lawyers and a procurator with weekly hours', () => {
    expect(new Set(district.servicePoints.map((p) => p.kind))).toEqual(new Set(['union_station', 'rights_station', 'legal_aid_station']));
    expect(district.lawyers.map((l) => l.role)).toEqual(['union_lawyer', 'union_lawyer', 'union_lawyer']);
    const helps = district.servicePoints.flatMap((p) => p.providers.map((pr) => pr.help));
    expect(helps).toContain('procurator');
    expect(district.servicePoints.find((p) => !p.townshipId)?.name).toBe('青溪区法律援助工作站');
  });

  it('finds the nearest points: the township’s own first, then the district’s', () => {
    const near = nearestPoints(district, 't01', 'lawyer');
    expect(near.local.map((p) => p.name)).toEqual(['东龙镇工会驿站']);
    expect(near.district.map((p) => p.name)).toEqual(['青溪区法律援助工作站']);
    expect(nearestPoints(district, 't06', 'lawyer').local).toEqual([]);
    expect(nearestPoints(district, 't09', 'procurator').local.map((p) => p.name)).toEqual(['凤栖街道维权联络站']);
  });

  it('resolves a slot key only when it is really in the schedule', () => {
    expect(resolveSlot(cal, dir, 'lawyer-2@202611240900', 'sp-t01-station')?.slot).toMatchObject({ day: '2026-11-24', time: '09:00', endTime: '09:30' });
    // Monday: lawyer-2 is at 白沙, not 东龙.
    expect(resolveSlot(cal, dir, 'lawyer-2@202611230900', 'sp-t01-station')).toBeNull();
    expect(resolveSlot(cal, dir, 'lawyer-2@202611231430', 'sp-t02-legal')).not.toBeNull();
    // Off the half-hour grid, a public holiday, an unknown point, nonsense.
    expect(resolveSlot(cal, dir, 'lawyer-2@202611240915', 'sp-t01-station')).toBeNull();
    expect(resolveSlot(cal, dir, 'lawyer-1@202610010900', 'sp-qingxi-legal')).toBeNull();
    expect(resolveSlot(cal, dir, 'lawyer-2@202611240900', 'sp-nowhere')).toBeNull();
    expect(resolveSlot(cal, dir, 'drop table', 'sp-t01-station')).toBeNull();
  });
});

describe('service points are validated with the directory', () => {
  it('when a point names a township of no district, then the path and reason are given', () => {
    const d = rawDemoDirectory();
    d.districts[0].servicePoints[1].townshipId = 't99';
    expect(directoryRefusal(d)).toContain('districts[0].servicePoints[1].townshipId: 区（县） "qingxi" 里没有乡镇 "t99"');
  });

  it('when a provider is not a lawyer or procurator of the district, then it is refused', () => {
    const d = rawDemoDirectory();
    d.districts[0].servicePoints[1].providers[0].staffId = 'gw-001';
    d.districts[0].servicePoints[0].providers[1].staffId = 'lawyer-1';
    const msg = directoryRefusal(d);
    expect(msg).toContain('districts[0].servicePoints[1].providers[0].staffId: "gw-001" 不是区（县） "qingxi" 的工会律师');
    expect(msg).toContain('districts[0].servicePoints[0].providers[1].staffId: "lawyer-1" 不是区（县） "qingxi" 的检察联络员');
  });

  it('when hours are malformed or shorter than one slot, then it is refused', () => {
    const d = rawDemoDirectory();
    d.districts[0].servicePoints[1].providers[0].hours = { tue: ['09:00-09:20'], thu: ['9点-12点'] };
    const msg = directoryRefusal(d);
    expect(msg).toContain('"09:00-09:20" 不够 "lawyer-2" 的一次预约（30 分钟）');
    expect(msg).toContain('"9点-12点" 的写法不对：时间段要写成 "09:00-12:00" 这样');
  });

  it('when one person would be at two points at once, then it is refused', () => {
    const d = rawDemoDirectory();
    // lawyer-2 is at 东龙 on Tuesday mornings; put them at 白沙 then too.
    d.districts[0].servicePoints[2].providers[0].hours = { tue: ['10:00-11:00'] };
    expect(directoryRefusal(d)).toMatch(/"lawyer-2" 星期二要同时在两个地方/);
  });

  it('when a lawyer has a role other than union_lawyer, then it is refused', () => {
    const d = rawDemoDirectory();
    d.districts[0].lawyers[0].role = 'grid_worker';
    expect(directoryRefusal(d)).toContain('districts[0].lawyers[0].role: 角色 "grid_worker" 不能放在工会律师名单里');
  });
});
