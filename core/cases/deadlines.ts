import { addWorkingDays, type Calendar } from '../infra/calendar.js';
import type { Case } from './store.js';
import type { Config } from '../infra/config.js';

/** When the assignee must accept: minutes for urgent and group cases, working days otherwise. */
export function acceptDeadline(config: Config, cal: Calendar, priority: Case['priority'], now: Date): Date {
  if (priority !== 'normal') return new Date(now.getTime() + config.ACCEPT_URGENT_MINUTES * 60_000);
  return addWorkingDays(cal, now, config.ACCEPT_WORKING_DAYS);
}

export function resolveDeadline(config: Config, cal: Calendar, now: Date): Date {
  return addWorkingDays(cal, now, config.RESOLVE_WORKING_DAYS);
}

export function referralDeadline(config: Config, cal: Calendar, now: Date): Date {
  return addWorkingDays(cal, now, config.REFERRAL_WORKING_DAYS);
}

/** The reminder (催办) goes out when two thirds of the time is gone. */
export function reminderAt(from: Date, deadline: Date): Date {
  return new Date(from.getTime() + ((deadline.getTime() - from.getTime()) * 2) / 3);
}
