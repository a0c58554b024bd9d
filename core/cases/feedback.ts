import type { Core } from '../context.js';
import { route } from './queue.js';
import type { Case } from './record.js';
import { moved } from './state.js';

export type Rating = NonNullable<Case['satisfaction']>;

const RATINGS: Record<string, Rating> = { 满意: 'satisfied', 非常满意: 'satisfied', 基本满意: 'basically', 一般: 'basically', 不满意: 'unsatisfied' };

export function parseRating(text: string): Rating | null {
  return RATINGS[text.trim().replace(/[。！!.]+$/u, '')] ?? null;
}

/**
 * Asks the reporter to rate a resolved case: remembers which case the next
 * 满意 / 基本满意 / 不满意 of theirs is about (for two weeks).
 */
export async function askForRating(core: Core, c: Case): Promise<void> {
  await core.redis.set(core.cases.keys.survey(c.reporter.userKey), c.id, { EX: 14 * 86400 });
}

/**
 * A rating typed in the chat: applied to the case the reporter was asked
 * about, if any (null: there was no question pending, so the words are
 * not a rating).
 */
export async function answerRating(core: Core, userKey: string, rating: Rating): Promise<Case | null> {
  const key = core.cases.keys.survey(userKey);
  const caseId = await core.redis.getDel(key);
  return caseId ? rateCase(core, caseId, rating) : null;
}

/**
 * The reporter's answer to the satisfaction question. `不满意` reopens the
 * case: it goes back to routing with the grid tier skipped, so the township
 * union supervisor re-examines it.
 */
export async function rateCase(core: Core, caseId: string, rating: Rating): Promise<Case> {
  const now = core.clock.now();
  const c = await core.cases.update(caseId, 'reporter', (cur) => {
    if (cur.status !== 'resolved' || cur.satisfaction) return null;
    if (rating !== 'unsatisfied') {
      return {
        record: { ...moved(cur, 'closed', `您的评价：${rating === 'satisfied' ? '满意' : '基本满意'}，案件已结案`, now), satisfaction: rating, ratings: [...cur.ratings, rating] },
        action: 'rated',
        detail: rating,
      };
    }
    return {
      record: {
        ...moved(cur, 'submitted', '您对结果不满意，案件已重新打开，交镇（街道）工会复查', now),
        // A reopened case will be asked again once it is resolved again.
        satisfaction: null,
        ratings: [...cur.ratings, rating],
        assignee: null,
        // Two lapses = escalation: routing starts at the township supervisor.
        lapses: Math.max(cur.lapses, 2),
        lapsed: cur.assignee && cur.assignee.level === 'grid' ? [...new Set([...cur.lapsed, cur.assignee.staffId])] : cur.lapsed,
      },
      action: 'reopened',
      detail: rating,
      // Waiting for an assignee again, in the same step.
      ops: [{ op: 'zadd', key: core.cases.keys.unassigned(), score: now.getTime(), member: cur.id }],
    };
  });
  if (c.status === 'submitted') await route(core, c.id, c.assignmentSeq + 1);
  return c;
}
