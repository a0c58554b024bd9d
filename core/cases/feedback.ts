import type { Case } from './store.js';
import type { Core } from '../context.js';

export type Rating = NonNullable<Case['satisfaction']>;

const RATINGS: Record<string, Rating> = { 满意: 'satisfied', 非常满意: 'satisfied', 基本满意: 'basically', 一般: 'basically', 不满意: 'unsatisfied' };

export function parseRating(text: string): Rating | null {
  return RATINGS[text.trim().replace(/[。！!.]+$/u, '')] ?? null;
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
    const reopen = rating === 'unsatisfied';
    return {
      record: {
        ...cur,
        // A reopened case will be asked again once it is resolved again.
        satisfaction: reopen ? null : rating,
        ratings: [...cur.ratings, rating],
        status: reopen ? 'submitted' : 'closed',
        assignee: reopen ? null : cur.assignee,
        // Two lapses = escalation: routing starts at the township supervisor.
        lapses: reopen ? Math.max(cur.lapses, 2) : cur.lapses,
        lapsed: reopen && cur.assignee && cur.assignee.level === 'grid' ? [...new Set([...cur.lapsed, cur.assignee.staffId])] : cur.lapsed,
        history: [
          ...cur.history,
          reopen
            ? { at: now.toISOString(), status: 'submitted' as const, note: '您对结果不满意，案件已重新打开，交镇（街道）工会复查' }
            : { at: now.toISOString(), status: 'closed' as const, note: `您的评价：${rating === 'satisfied' ? '满意' : '基本满意'}，案件已结案` },
        ],
      },
      action: reopen ? 'reopened' : 'rated',
      detail: rating,
    };
  });
  if (c.status === 'submitted') {
    await core.redis.zAdd(core.keys.unassigned(), { score: now.getTime(), value: c.id });
    await core.queues.route(c.id, c.assignmentSeq + 1);
  }
  return c;
}
