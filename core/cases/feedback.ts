import type { Core } from '../context.js';
import { addWorkingDays } from '../infra/calendar.js';
import { yuan } from '../infra/money.js';
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

/**
 * The answer to 「您对处理结果满意吗？」: the words themselves (`不满意`), or with the result named around them
 * (`我不满意这个结果`, `对结果不满意`, `结果很满意`). Nothing looser: 不满意 reopens the case.
 */
export function parseRating(text: string): Rating | null {
  const t = text.trim().replace(/[。！!.]+$/u, '');
  const bare = t
    .replace(/\s+/gu, '')
    .replace(/^(?:我|俺)?(?:对)?(?:这个|这次的?|处理的?|办理的?)?(?:结果)?/u, '')
    .replace(/(?:这个|这次的?|处理的?|办理的?)?(?:结果)?(?:的|了|啊|呀)?$/u, '');
  return RATINGS[t] ?? RATINGS[bare] ?? null;
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
export async function answerReceipt(core: Core, userKey: string, answer: Receipt, received?: number): Promise<{ c: Case; text: string } | null> {
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
    // Part of it (`只收到3000`, confirmed): 没收到 with what did arrive, for the staff to know; only less than was recovered.
    const recovered = cur.outcome?.recovered ?? null;
    const part = answer === 'not_received' && received !== undefined && recovered !== null && received > 0 && received < recovered ? { received, recovered } : null;
    if (received !== undefined && !part) return null;
    applied = true;
    const receipt = { ...cur.receipt, answer, answeredAt: now.toISOString(), ...(part ? { part } : {}) };
    if (answer === 'received') {
      return { record: { ...noted(cur, '您已确认收到追回的工资', now), receipt }, action: 'receipt-confirmed', detail: 'received' };
    }
    const said = part ? `您说追回的${yuan(part.recovered)}只收到了${yuan(part.received)}` : '您说还没收到钱';
    const holder = cur.assignee && index.staffById.has(cur.assignee.staffId) ? cur.assignee : null;
    if (holder) {
      reopened = 'assignee';
      const team = teamOf(index, holder.level, holder.staffId);
      const record: Case = {
        ...moved(cur, 'accepted', `${said}，案件已重新打开，交回${team}继续跟进`, now),
        receipt,
        outcome: null,
        satisfaction: null,
        resolveBy: addWorkingDays(index.calendar, now, REOPEN_WORKING_DAYS).toISOString(),
        deadlineRound: cur.deadlineRound + 1,
      };
      return {
        record,
        action: 'reopened',
        detail: part ? `part received (${part.received} of ${part.recovered}): back to the assignee` : 'not received: back to the assignee',
        ops: [
          // Back in their hands: their capacity counts it again, in the same step, with the new resolve limit.
          { op: 'hincrby', key: core.cases.keys.load(), field: holder.staffId, by: 1 },
          ...dueOps(core, [...resolveJobs(record, now, workingTimeOf(core.directory.index())), staffJob(record, 'staff-receipt-missing', holder.staffId, now, record.history.length - 1)]),
        ],
      };
    }
    reopened = 'routing';
    return {
      record: { ...moved(cur, 'submitted', `${said}，案件已重新打开，正在交给工作人员跟进`, now), receipt, outcome: null, satisfaction: null, assignee: null },
      action: 'reopened',
      detail: part ? `part received (${part.received} of ${part.recovered}): routed again` : 'not received: routed again',
      ops: [{ op: 'zadd', key: core.cases.keys.unassigned(), score: now.getTime(), member: cur.id }],
    };
  });
  if (!applied) return null;
  if (answer === 'received') {
    await askForRating(core, c);
    return { c, text: RECEIPT_TEXTS.received(c.caseNo) };
  }
  const part = c.receipt?.part;
  const said = (team: string) => (part ? RECEIPT_TEXTS.partReceived(c.caseNo, team, part) : RECEIPT_TEXTS.notReceived(c.caseNo, team));
  if (reopened === 'assignee') {
    // The assignee's notice was written with the record (the cases' outbox).
    wakeOutbox(core);
    return { c, text: said(teamOf(index, c.assignee!.level, c.assignee!.staffId)) };
  }
  await route(core, c.id);
  return { c, text: said('工作人员') };
}

const RECEIPT_TEXTS = {
  received: (caseNo: string) =>
    `好的，谢谢您确认已经收到工资！案件 ${caseNo} 就办好了。您对处理结果满意吗？请回复「满意」「基本满意」或「不满意」。`,
  notReceived: (caseNo: string, team: string) =>
    `抱歉让您久等了。案件 ${caseNo} 已重新打开，交回${team}继续跟进，工作人员会尽快联系您。回复「进度」可以随时查看。`,
  partReceived: (caseNo: string, team: string, part: { received: number; recovered: number }) =>
    `好的，记下了：追回的${yuan(part.recovered)}只收到了${yuan(part.received)}，还差${yuan(part.recovered - part.received)}。案件 ${caseNo} 已重新打开，交回${team}继续跟进剩下的钱，工作人员会尽快联系您。回复「进度」可以随时查看。`,
};

// --- what is waiting for the reporter's word after a close ----------------------------------

/**
 * The case whose recovered wages the reporter was asked about (收到了 / 没收到) and that still waits for
 * their answer, or null. Only looks: the question stays pending.
 */
export async function pendingReceipt(core: Core, userKey: string): Promise<Case | null> {
  const caseId = await core.redis.get(core.cases.keys.receipt(userKey));
  const c = caseId ? await core.cases.get(caseId) : null;
  return c && c.status === 'resolved' && c.receipt?.answer === null && c.reporter.userKey === userKey ? c : null;
}

/** Whether the reporter was asked to rate a case (满意 / 基本满意 / 不满意) and has not answered yet. Only looks. */
export async function ratingPending(core: Core, userKey: string): Promise<boolean> {
  return (await core.redis.exists(core.cases.keys.survey(userKey))) > 0;
}

/**
 * What the money's arrival sounds like in words {@link parseReceipt} does not take: asked back, never applied.
 * `claimed`: the boss (or someone) said it was paid (`老板说已经给了`), which says nothing of what arrived.
 */
export type LooseReceipt = 'not_received' | 'partly' | 'received' | 'claimed';

const LOOSE_NOT = /(?:没|冒|木|未|莫)(?:有|得)?(?:收到|到账|到手|拿到|领到|得到|见到|看到|进账|打过来|打来|发下来|到)/u;
const LOOSE_PART = /一半|一部分|部分|没(?:给|收|发|结|拿|领|到)(?:全|齐|完|够)|只(?:收到|拿到|到账|领到|到了|给了?|发了?|结了?|打了?)|还(?:差|欠|剩|少)|剩下|[\d一二三四五六七八九十两]+(?:多)?(?:块|元|千|万|百)|\d{3,}/u;
const LOOSE_GOT = /收到|到账|到手|拿到|领到|钱到了/u;
/**
 * The boss said to have paid, as done (`老板已经给了`, `老板把钱给我了`, `包工头今天结了`; never `老板打了`, which may be a
 * blow): the money received, to be asked
 * back. Never what the boss says or promises (`老板说已经给了`, `老板答应给`), nor a question (`老板给了吗`). The same words
 * are the case desk's news that the boss paid while a case is open (flows/case-desk.ts `PAID`).
 */
export const BOSS_PAID_DONE =
  '(?:老板|老板娘|厂里|公司|包工头|工头|老总)(?:今天|昨天|刚才|刚刚|前天|已经|都|终于|总算|也)*(?:把)?(?:钱|工资|工钱)?(?:都|已经|全)?(?:给|付|结|发|还)(?:清|齐)?(?:了)?(?:给)?(?:我)?(?:钱|工资|工钱)?了';
const LOOSE_BOSS_PAID = new RegExp(`^(?:那个|我们)?${BOSS_PAID_DONE}$`, 'u');
/** Said to have been paid, by the boss or someone else (`老板说已经给了`, `工友说老板给了`, `他说钱打过来了`): a claim only. */
const SAYS_PAID = /^(?:那个|我们)?(?:老板|老板娘|厂里|公司|包工头|工头|老总|工友|同事|他们|他|她)(?:跟我|和我|对我)?(?:说|讲)(?:是|他|她|老板|钱)*(?:已经|都|早就?|早)?(?:把)?(?:钱|工资|工钱)?(?:都|已经)?(?:给|付|结|发|打|还|转)(?:过|清|齐)?(?:了)?(?:给|到)?(?:我|卡上|我卡上|我的卡上)?(?:钱|工资|工钱)?(?:了|过了|过来了)$/u;

/**
 * Words about the recovered money that {@link parseReceipt} does not take (`说是追回了但我没收到钱`, `钱还冒到`,
 * `只收到3000`, `收到一半`, `钱嗯收到`): what they seem to say, to be asked back while a 收到了 / 没收到 question
 * waits. Null for anything else (a bare `收到` is only "OK").
 */
export function looseReceipt(text: string): LooseReceipt | null {
  const t = text.replace(/\s+/g, '').replace(/[。！!.，,~～?？]+/gu, '');
  // A phone number in it is about something else (`给我打电话 138…`).
  if (t === '' || t === '收到' || [...t].length > 40 || /1\d{10}/.test(t) || !/钱|工资|工钱|收|到账|到手|拿到|给|发|结|付|差|欠|一半/u.test(t)) return null;
  if (LOOSE_PART.test(t)) return 'partly';
  if (LOOSE_NOT.test(t)) return 'not_received';
  if ((LOOSE_GOT.test(t) || LOOSE_BOSS_PAID.test(t)) && !/[吗么嘛]$|没有?$|不$|什么时候|啥时候|几时|哪|怎么|咋/u.test(t)) return 'received';
  if (SAYS_PAID.test(t)) return 'claimed';
  return null;
}
