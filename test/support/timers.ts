import type { Core } from '../../core/context.js';
import { caseTimers } from '../../core/cases/index.js';
import { caseJobKeys, timerMember } from '../../core/cases/queue.js';
import { fireDue, timerDue } from '../../core/infra/timers.js';

/** When a case's time limit is due (null: not set), read from its timer. */
export async function timerAt(core: Core, name: string, caseId: string, seq: number, round = 0): Promise<Date | null> {
  return timerDue(core.redis, caseJobKeys(core.config.REDIS_PREFIX).timers(), timerMember(name, caseId, seq, round));
}

/** Fires a case's time limit now (as BullMQ's `promote` did for a delayed job): made due by the app's clock, then the due timers fired. */
export async function fireTimerNow(core: Core, name: string, caseId: string, seq: number, round = 0): Promise<void> {
  const key = caseJobKeys(core.config.REDIS_PREFIX).timers();
  const member = timerMember(name, caseId, seq, round);
  if ((await core.redis.zAdd(key, { score: core.clock.now().getTime(), value: member }, { XX: true, CH: true })) !== 1) {
    throw new Error(`timer ${member} is not set`);
  }
  await fireDue(core.redis, core.clock, caseTimers(core), core.log);
}
