import { describe, expect, it } from 'vitest';
import { addWorkingDays, beijingDate, isWorkingDay, nextWorkingMorning } from '../../core/working-days.js';

describe('working days', () => {
  it.each([
    ['2026-10-01', false, 'National Day'],
    ['2026-10-08', true, 'first day back'],
    ['2026-09-20', true, 'a Sunday made a working day (调休)'],
    ['2026-10-10', true, 'a Saturday made a working day (调休)'],
    ['2026-11-21', false, 'an ordinary Saturday'],
    ['2026-11-23', true, 'an ordinary Monday'],
    ['2027-01-02', false, 'a Saturday in a year the calendar does not cover yet'],
    ['2027-01-04', true, 'a Monday in a year the calendar does not cover yet'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(date)).toBe(expected);
  });

  it('one working day from Friday afternoon is Monday afternoon', () => {
    expect(addWorkingDays(new Date('2026-11-20T16:00:00+08:00'), 1).toISOString()).toBe(new Date('2026-11-23T16:00:00+08:00').toISOString());
  });

  it('one working day from the last day before National Day skips the holiday week', () => {
    expect(beijingDate(addWorkingDays(new Date('2026-09-30T09:00:00+08:00'), 1))).toBe('2026-10-08');
  });

  it('fifteen working days count only working days', () => {
    expect(beijingDate(addWorkingDays(new Date('2026-11-23T09:00:00+08:00'), 15))).toBe('2026-12-14');
  });

  it('the next working morning after a Friday is Monday 10:00', () => {
    expect(nextWorkingMorning(new Date('2026-11-20T15:00:00+08:00')).toISOString()).toBe(new Date('2026-11-23T10:00:00+08:00').toISOString());
  });
});
