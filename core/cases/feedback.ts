import type { Core } from '../context.js';
import { addWorkingDays } from '../infra/calendar.js';
import { REOPEN_WORKING_DAYS } from './deadlines.js';
import { dueOps, resolveJobs, staffJob } from './due.js';
import { workingTimeOf } from './hours.js';
import { wakeOutbox } from '../infra/outbox.js';
import { route } from './queue.js';
import type { Case } from './record.js';
import { teamOf } from './routing.js';
import { moved, noted } from './state.js';

export type Rating = NonNullable<Case['satisfaction']>;

const RATINGS: Record<string, Rating> = { 满意: 'satisfied', 非常满意: 'satisfied', 基本满意: 'basically', 一般: 'basically', 不满意: 'unsatisfied' };

export function parseRating(text: string): Rating | null {
  return RATINGS[text.trim().replace(/[。！!.]+$/u, '')] ?? null;
}

/**
 * Whether the satisfaction question follows a close. Not after the
 * reporter's own withdrawal: they chose to stop, and a question about the
 * handling (不满意 reopens it) would read as pressing them to go on. After a
 * settlement it is asked: the staff worked the case up to it, and 不满意
 * brings it back should the settlement have left the person worse off.
 */
export function asksRating(c: Case): boolean {
  return c.outcome?.end?.kind !== 'withdrawn';
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
  if (c.status === 'submitted') await route(core, c.id);
  return c;
}

// --- 收到了 / 没收到: did the recovered money arrive? ---------------------------------------

export type Receipt = 'received' | 'not_received';

const RECEIVED = /^(?:钱)?(?:已经|已|都)?(?:收到|到账|到手|拿到)了?(?:钱了?)?$|^钱(?:已经|已)?到了$/;
const NOT_RECEIVED = /^(?:钱)?还?(?:没有|没|未)(?:收到|到账|到手|拿到)(?:钱)?(?:呢|啊|哦)?$|^钱还?没(?:有)?(?:到|来)(?:呢)?$/;

/** `收到了` / `没收到` and their everyday forms (a bare `收到` is only "OK", not an answer). */
export function parseReceipt(text: string): Receipt | null {
  const t = text
    .trim()
    .replace(/[。！!.，,~～\s]*(?:谢谢|感谢)(?:你们|您|大家|了)?[。！!.~～]*$/u, '')
    .replace(/[。！!.，,~～]+$/u, '')
    .replace(/^(?:嗯|好的|好|是的|对)[，,、\s]*/u, '');
  if (t === '收到') return null;
  if (NOT_RECEIVED.test(t)) return 'not_received';
  if (RECEIVED.test(t)) return 'received';
  return null;
}

/** Asks the reporter whether the money arrived: the next 收到了 / 没收到 of theirs is about this case (for two weeks). */
export async function askForReceipt(core: Core, c: Case): Promise<void> {
  await core.redis.set(core.cases.keys.receipt(c.reporter.userKey), c.id, { EX: 14 * 86400 });
}

/**
 * A 收到了 / 没收到 typed in the chat, applied to the case the reporter was
 * asked about (null: no question pending, so the words are something else).
 * 收到了: noted, and the satisfaction question follows. 没收到: the case is
 * reopened to its assignee with a short new limit (or routed again when
 * nobody holds it), and they are told.
 */
export async function answerReceipt(core: Core, userKey: string, answer: Receipt): Promise<{ c: Case; text: string } | null> {
  const caseId = await core.redis.getDel(core.cases.keys.receipt(userKey));
  if (!caseId) return null;
  const now = core.clock.now();
  const index = core.directory.index();
  let reopened: 'assignee' | 'routing' | null = null;
  let applied = false;
  const c = await core.cases.update(caseId, 'reporter', (cur) => {
    reopened = null;
    applied = false;
    if (cur.status !== 'resolved' || !cur.receipt || cur.receipt.answer !== null || cur.reporter.userKey !== userKey) return null;
    applied = true;
    const receipt = { ...cur.receipt, answer, answeredAt: now.toISOString() };
    if (answer === 'received') {
      return { record: { ...noted(cur, '您已确认收到追回的工资', now), receipt }, action: 'receipt-confirmed', detail: 'received' };
    }
    const holder = cur.assignee && index.staffById.has(cur.assignee.staffId) ? cur.assignee : null;
    if (holder) {
      reopened = 'assignee';
      const team = teamOf(index, holder.level, holder.staffId);
      const record: Case = {
        ...moved(cur, 'accepted', `您说还没收到钱，案件已重新打开，交回${team}继续跟进`, now),
        receipt,
        outcome: null,
        satisfaction: null,
        resolveBy: addWorkingDays(index.calendar, now, REOPEN_WORKING_DAYS).toISOString(),
        deadlineRound: cur.deadlineRound + 1,
      };
      return {
        record,
        action: 'reopened',
        detail: 'not received: back to the assignee',
        ops: [
          // Back in their hands: their capacity counts it again, in the same step, with the new resolve limit.
          { op: 'hincrby', key: core.cases.keys.load(), field: holder.staffId, by: 1 },
          ...dueOps(core, [...resolveJobs(record, now, workingTimeOf(core.directory.index())), staffJob(record, 'staff-receipt-missing', holder.staffId, now, record.history.length - 1)]),
        ],
      };
    }
    reopened = 'routing';
    return {
      record: { ...moved(cur, 'submitted', '您说还没收到钱，案件已重新打开，正在交给工作人员跟进', now), receipt, outcome: null, satisfaction: null, assignee: null },
      action: 'reopened',
      detail: 'not received: routed again',
      ops: [{ op: 'zadd', key: core.cases.keys.unassigned(), score: now.getTime(), member: cur.id }],
    };
  });
  if (!applied) return null;
  if (answer === 'received') {
    await askForRating(core, c);
    return { c, text: RECEIPT_TEXTS.received(c.caseNo) };
  }
  if (reopened === 'assignee') {
    // The assignee's notice was written with the record (the cases' outbox).
    wakeOutbox(core);
    return { c, text: RECEIPT_TEXTS.notReceived(c.caseNo, teamOf(index, c.assignee!.level, c.assignee!.staffId)) };
  }
  await route(core, c.id);
  return { c, text: RECEIPT_TEXTS.notReceived(c.caseNo, '工作人员') };
}

const RECEIPT_TEXTS = {
  received: (caseNo: string) =>
    `好的，谢谢您确认已经收到工资！案件 ${caseNo} 就办好了。您对处理结果满意吗？请回复「满意」「基本满意」或「不满意」。`,
  notReceived: (caseNo: string, team: string) =>
    `抱歉让您久等了。案件 ${caseNo} 已重新打开，交回${team}继续跟进，工作人员会尽快联系您。回复「进度」可以随时查看。`,
};
