import type { Case } from './cases.js';
import type { Config } from './config.js';
import { addWorkingDays } from './working-days.js';

/** When the assignee must accept: minutes for urgent and group cases, working days otherwise. */
export function acceptDeadline(config: Config, priority: Case['priority'], now: Date): Date {
  if (priority !== 'normal') return new Date(now.getTime() + config.ACCEPT_URGENT_MINUTES * 60_000);
  return addWorkingDays(now, config.ACCEPT_WORKING_DAYS);
}

export function resolveDeadline(config: Config, now: Date): Date {
  return addWorkingDays(now, config.RESOLVE_WORKING_DAYS);
}

export function referralDeadline(config: Config, now: Date): Date {
  return addWorkingDays(now, config.REFERRAL_WORKING_DAYS);
}

/** The reminder (催办) goes out when two thirds of the time is gone. */
export function reminderAt(from: Date, deadline: Date): Date {
  return new Date(from.getTime() + ((deadline.getTime() - from.getTime()) * 2) / 3);
}
