import { UnrecoverableError, type Job } from 'bullmq';
import { offerSubscribe, type SubscribeRenderer } from '../auth/index.js';
import type { Core } from '../context.js';
import { templateValue } from '../wechat/index.js';
import { progressName, statusName } from './state.js';
import { NotFoundError } from '../infra/errors.js';
import { sendToStaff, sendToUser } from '../infra/messenger.js';
import { countLapse, countReminder, observeRouting } from '../infra/metrics.js';
import { unseal } from '../infra/privacy.js';
import type { NoticeHandler } from '../infra/queues.js';
import type { TimerFamily } from '../infra/timers.js';
import { onLoopWake, wakeOutbox, type OutboxFamily } from '../infra/outbox.js';
import { endClaim, startClaimLoop, type ClaimSet, type ClaimTimings } from '../infra/claim-loop.js';
import { performance } from 'node:perf_hooks';
import { onCaseChange } from './events.js';
import type { Reply } from '../infra/replies.js';
import { askForRating, askForReceipt, asksRating } from './feedback.js';
import { groupSummary } from './groups.js';
import { releaseAssignment, routeCase } from './routing.js';
import { purgeEndedCases, scheduleRetention } from './retention.js';
import {
  CASE_NOTICES,
  CaseNoticeJob,
  SlaJob,
  caseJobIds,
  caseJobKeys,
  dueJobId,
  notify,
  outboxMember,
  parseDueMember,
  parseOutboxMember,
  parseTimerMember,
  route,
  timerMember,
  stillWanted,
  toldWithNewAssignment,
  type SlaName,
} from './queue.js';
import { caseNotice, type CaseNoticeName } from './texts.js';
import { yuan } from '../infra/money.js';

/**
 * The processors of cases' jobs (what goes on the queues is in queue.ts):
 * routing a case (the routing loop, `startRouting`), its time limits and the sweep (`sla`
 * queue), and the notices about it (`outbound` queue). Every job carries ids
 * only and re-reads the case when it runs, so a job about a case that moved
 * on does nothing.
 */
/** Cases one process routes at once (fewer left a burst's notices waiting). */
export const ROUTING_CONCURRENCY = 32;
/** A routing loop looks at least this often (a wake-up missed: a case put to route by another process before its change message). */
export const ROUTING_TICK_MS = 100;
/** Routing a case that threw is tried again 1 s later, then 2, 4… up to a minute, and never dropped: every case must reach someone. */
const ROUTING_RETRY = { retryMs: 1000, retryMaxMs: 60_000 };
/** Claims held while cases are routed, as the outboxes' (a dead process's cases are routed by another within 6 s). */
export const ROUTING_TIMINGS: ClaimTimings = { leaseMs: 6_000, renewMs: 2_000, maxHoldMs: 60_000 };

/**
 * Routes the cases put to route (queue.ts `route`: a new case, one released
 * by its assignee, one the sweep found waiting) until closed: the cases'
 * `to-route` set, claimed a hundred at a time and routed 32 at once
 * (core/infra/claim-loop.ts), at once when woken (`route` in this process,
 * a case's change message from any other) and every ROUTING_TICK_MS in
 * any case.
 *
 * Why not a BullMQ job per case, as before: a job's add, fetch, lock and
 * completion were four scripts and a blocking fetch per case, about a
 * fifth of routing's cost; a claimed batch costs three calls for a hundred
 * cases. Each step of routing is idempotent (the claim per assignment is
 * atomic and kept, the record's write checks the assignment number), so a
 * case routed twice (a lease lost, `route` called twice) gets one
 * assignment and one notice each.
 */
export function startRouting(core: Core, timings: ClaimTimings = ROUTING_TIMINGS) {
  const keys = caseJobKeys(core.config.REDIS_PREFIX);
  const set: ClaimSet = {
    name: 'cases',
    key: keys.toRoute(),
    failuresKey: keys.toRouteFailures(),
    watch: (wake) => onCaseChange(core, wake),
  };
  return startClaimLoop(core, {
    name: 'routing',
    sets: [set],
    batch: 100,
    concurrency: ROUTING_CONCURRENCY,
    timings,
    tickMs: ROUTING_TICK_MS,
    onWake: (wake) => onLoopWake(core, 'routing', wake),
    run: async (s, caseId, claim) => {
      const started = performance.now();
      try {
        // One read of the case: routeCase reads it, claims, writes, and hands back the record it wrote.
        const routed = await routeCase(core, caseId);
        observeRouting('completed', (performance.now() - started) / 1000);
        if (routed) core.log.info({ caseId, level: routed.level, staffId: routed.staffId, priority: routed.priority, seq: routed.seq }, 'case routed');
        return true;
      } catch (err) {
        observeRouting('failed', (performance.now() - started) / 1000);
        if (err instanceof NotFoundError) {
          core.log.warn({ caseId }, "a case to route no longer exists (deleted at its reporter's request, or by retention): dropped");
          await endClaim(core.redis, s, caseId, claim.lease, false, core.clock.now().getTime(), ROUTING_RETRY);
          return false;
        }
        const inARow = await endClaim(core.redis, s, caseId, claim.lease, true, core.clock.now().getTime(), ROUTING_RETRY);
        core.log.warn({ caseId, err, failures: inARow }, 'routing failed: tried again later');
        return false;
      }
    },
  });
}

/** Cases waiting longer than this without an assignee are routed again by the sweep. */
const SWEEP_AFTER_MS = 30_000;

/**
 * Time limits. Each job carries the assignment number it was set for; when
 * it fires it re-reads the case and does nothing if the case has moved on
 * (accepted, resolved, reassigned), so a job that could not be removed is
 * harmless.
 */
export function slaProcessor(core: Core) {
  return async (job: Job) => {
    if (job.name === 'retention') return purgeEndedCases(core);
    if (job.name === 'sweep') return sweep(core);
    // A time limit: since timers (due.ts) only a delayed job queued before them, or a test.
    return runTimeLimit(core, job.name, job.data);
  };
}

/**
 * The cases' timers (core/infra/timers.ts): each due entry of `timers`
 * runs its time limit, as `runTimeLimit`.
 */
export function caseTimers(core: Core): TimerFamily {
  return {
    name: 'cases',
    key: caseJobKeys(core.config.REDIS_PREFIX).timers(),
    failuresKey: caseJobKeys(core.config.REDIS_PREFIX).timerFailures(),
    async fire(member) {
      const t = parseTimerMember(member);
      if (!t) throw new UnrecoverableError(`invalid case timer ${member}`);
      return runTimeLimit(core, t.name, t.round > 0 ? { caseId: t.caseId, seq: t.seq, round: t.round } : { caseId: t.caseId, seq: t.seq });
    },
  };
}

/**
 * The cases' outbox (core/infra/outbox.ts): each entry is a case notice,
 * sent by the outbox loop as `caseNotices` sends it, under the id a job on
 * the outbound queue would have had. The loop of every process is woken by
 * a change of any case (their records' change messages).
 */
export function caseOutbox(core: Core): OutboxFamily {
  const keys = caseJobKeys(core.config.REDIS_PREFIX);
  return {
    name: 'cases',
    key: keys.outbox(),
    failuresKey: keys.outboxFailures(),
    parse(member) {
      const n = parseOutboxMember(member);
      if (!n || !(CASE_NOTICES as readonly string[]).includes(n.name)) return null;
      return { name: n.name, data: { caseId: n.caseId, staffId: n.staffId, seq: n.seq }, id: caseJobIds.notice(n.name as CaseNoticeName, n.caseId, n.staffId, n.seq) };
    },
    watch: (wake) => onCaseChange(core, wake),
  };
}

/** The cases' outbox by state, read now (for /metrics): due now (`waiting`), due later (`delayed`: a send to try again, or claimed and in flight). */
export function caseOutboxDepth(core: Core): Promise<{ waiting: number; delayed: number }> {
  return dueDepth(core, caseJobKeys(core.config.REDIS_PREFIX).outbox());
}

/** The cases to route by state, read now (for /metrics): due now (`waiting`), due later (`delayed`: a routing to try again, or claimed and running). */
export function caseRoutingDepth(core: Core): Promise<{ waiting: number; delayed: number }> {
  return dueDepth(core, caseJobKeys(core.config.REDIS_PREFIX).toRoute());
}

async function dueDepth(core: Core, key: string): Promise<{ waiting: number; delayed: number }> {
  const now = core.clock.now().getTime();
  const [waiting, delayed] = await Promise.all([core.redis.zCount(key, '-inf', now), core.redis.zCount(key, `(${now}`, '+inf')]);
  return { waiting, delayed };
}

/** One time limit of a case, fired: it re-reads the case and does nothing if the case moved on. */
export async function runTimeLimit(core: Core, jobName: string, jobData: unknown) {
  const parsed = SlaJob.safeParse(jobData);
  if (!parsed.success) throw new UnrecoverableError(`invalid sla job data: ${parsed.error.message}`);
  const { caseId, seq, round = 0 } = parsed.data;
  const c = await core.cases.get(caseId);
  if (!c) throw new UnrecoverableError(`case ${caseId} not found`);
  const name = jobName as SlaName;
  const current = c.assignmentSeq === seq && c.assignee;
  // The resolve limit moved since (延期, a returned close, 没收到): this job is not its.
  if ((name === 'resolve-reminder' || name === 'resolve-deadline') && round !== c.deadlineRound) return { skipped: 'limit moved' };

  switch (name) {
    case 'accept-reminder':
      if (current && c.status === 'assigned') await notify(core, 'staff-accept-reminder', caseId, c.assignee!.staffId, seq);
      if (current && c.status === 'assigned') countReminder('case-accept');
      return { done: name };
    case 'accept-deadline': {
      if (!current || c.status !== 'assigned') return { skipped: 'moved on' };
      // Only a case still waiting: an accept that lands while this runs is not undone.
      const released = await releaseAssignment(core, caseId, c.assignee!.staffId, 'lapsed', '超时未接单，正在改派', seq, 'assigned');
      if (released) await route(core, caseId);
      if (released) countLapse('case-accept');
      core.log.info({ caseId, staffId: c.assignee!.staffId, seq }, 'accept deadline passed; re-routing');
      return { lapsed: c.assignee!.staffId };
    }
    case 'resolve-reminder':
      if (current && c.status === 'accepted') await notify(core, 'staff-resolve-reminder', caseId, c.assignee!.staffId, seq);
      if (current && c.status === 'accepted') countReminder('case-resolve');
      return { done: name };
    case 'resolve-deadline': {
      if (!current || c.status !== 'accepted') return { skipped: 'moved on' };
      await core.cases.update(caseId, 'system:sla', (cur) =>
        cur.missed.includes('resolve') ? null : { record: { ...cur, missed: [...cur.missed, 'resolve'] }, action: 'resolve-overdue', detail: `seq:${seq}` },
      );
      for (const sup of supervisorsOf(core, c.location.townshipId, c.location.districtId)) await notify(core, 'staff-overdue', caseId, sup, seq);
      return { overdue: true };
    }
    case 'referral-deadline': {
      if (c.status !== 'referred' || c.referral?.status !== 'pending') return { skipped: 'decided' };
      await core.cases.update(caseId, 'system:sla', (cur) =>
        cur.missed.includes('referral') ? null : { record: { ...cur, missed: [...cur.missed, 'referral'] }, action: 'referral-overdue', detail: cur.referral!.liaisonId },
      );
      await notify(core, 'staff-referral-reminder', caseId, c.referral.liaisonId, seq);
      for (const sup of supervisorsOf(core, null, c.location.districtId)) await notify(core, 'staff-overdue', caseId, sup, seq);
      return { overdue: true };
    }
    case 'satisfaction':
      if (c.status !== 'resolved' || c.satisfaction) return { skipped: 'not resolved' };
      // Withdrawn by the reporter: no question about the handling (feedback.ts asksRating).
      if (!asksRating(c)) return { skipped: 'withdrawn' };
      // Money recovered: first whether it arrived (收到了 asks the rating itself); still unanswered, asked once more.
      if (c.receipt?.answer === 'received') return { skipped: 'asked with the receipt' };
      if (c.receipt && c.receipt.answer === null) {
        await askForReceipt(core, c);
        await notify(core, 'reporter-receipt', caseId, undefined, seq);
        return { receiptAsked: true };
      }
      await askForRating(core, c);
      await notify(core, 'reporter-survey', caseId, undefined, seq);
      return { asked: true };
    case 'close-approval': {
      // Still the same request (its history entry is when it was made).
      if (c.status !== 'closing' || !c.closeRequest || c.history[seq]?.at !== c.closeRequest.at) return { skipped: 'decided' };
      const to = new Set([c.closeRequest.approverId, ...supervisorsOf(core, null, c.location.districtId)].filter((id) => id !== c.closeRequest!.by));
      for (const id of to) await notify(core, 'staff-close-approval-reminder', caseId, id, seq);
      return { chased: [...to] };
    }
    case 'transfer-follow-up': {
      const step = c.outcome?.nextStep;
      if ((c.status !== 'resolved' && c.status !== 'closed') || step?.kind !== 'transfer' || !c.outcome) return { skipped: 'no transfer' };
      await notify(core, 'staff-transfer-follow-up', caseId, c.outcome.by, seq);
      return { followUp: c.outcome.by };
    }
    default:
      throw new UnrecoverableError(`unknown sla job ${jobName}`);
  }
}

function supervisorsOf(core: Core, townshipId: string | null, districtId: string): string[] {
  const index = core.directory.index();
  if (townshipId) {
    const tw = index.townshipById.get(townshipId);
    if (tw) return [tw.township.supervisor.id];
  }
  const d = index.directory.districts.find((x) => x.id === districtId);
  return d ? d.supervisors.filter((s) => s.role === 'district_supervisor').map((s) => s.id) : [];
}

/**
 * Re-routes every case that has waited too long without an assignee — e.g.
 * it was never put to route (a process died between creating the case and
 * `route`). Routing is idempotent, so a sweep that overlaps a normal
 * routing is harmless.
 */
async function sweep(core: Core) {
  const now = core.clock.now().getTime();
  const k = core.cases.keys;
  const ids = await core.redis.zRangeByScore(k.unassigned(), 0, now - SWEEP_AFTER_MS, { LIMIT: { offset: 0, count: 200 } });
  let requeued = 0;
  for (const c of await core.cases.getMany(ids)) {
    if (c.assignee || c.status !== 'submitted') {
      await core.redis.zRem(k.unassigned(), c.id);
      continue;
    }
    // Due now, even if an earlier routing of it failed and waits for its retry.
    await route(core, c.id);
    requeued += 1;
  }
  if (requeued) core.log.warn({ requeued }, 'sweep put cases without an assignee to route again');
  return { requeued, jobs: await sweepJobs(core) };
}

/** A job due this long ago should be in BullMQ (queued by its writer) or done: an entry older than this is checked. */
const JOBS_CHECK_AFTER_MS = 30_000;

/**
 * What is left of `jobs-due`, the index of notices a case record promised
 * on the outbound queue before notices had the cases' outbox (due.ts).
 * Each entry due by now whose job
 * - ran (completed) goes;
 * - is waiting, delayed or running is left for a later sweep;
 * - is missing (its writer died before queueing it, or it was removed) or
 *   failed for good moves to the outbox under the same id, if the case
 *   still wants it and its delivery mark says no run started sending it
 *   (`deliverOnce`: `sent` or `sending` means it went out or may have;
 *   never a second one), and goes otherwise.
 * An entry of a time limit (written before timers) becomes its timer.
 */
export async function sweepJobs(core: Core, limit = 200) {
  const now = core.clock.now().getTime();
  const keys = caseJobKeys(core.config.REDIS_PREFIX);
  const key = keys.jobsDue();
  const entries = await core.redis.zRangeByScoreWithScores(key, 0, now - JOBS_CHECK_AFTER_MS, { LIMIT: { offset: 0, count: limit } });
  const cases = new Map((await core.cases.getMany([...new Set(entries.map((e) => e.value.split('|')[2] ?? ''))])).map((c) => [c.id, c]));
  const out = { checked: entries.length, moved: 0, done: 0, dropped: 0 };
  for (const { value, score } of entries) {
    const j = parseDueMember(value, score);
    if (j?.queue === 'sla') {
      // Written before time limits were timers: its delayed job (if any) still fires; the timer is the safety net it used to be.
      await core.redis.zAdd(keys.timers(), { score, value: timerMember(j.name, j.caseId, j.seq ?? 0, j.round ?? 0) }, { NX: true });
      await core.redis.zRem(key, value);
      out.dropped += 1;
      continue;
    }
    const c = j && cases.get(j.caseId);
    if (!j || !c) {
      await core.redis.zRem(key, value);
      out.dropped += 1;
      continue;
    }
    const jobId = dueJobId(j);
    const state = await core.queues.outbound.getJobState(jobId);
    if (state !== 'unknown' && state !== 'failed' && state !== 'completed') continue;
    if (state !== 'completed' && stillWanted(c, j) && (await core.queues.deliveryMark(jobId)) === null) {
      // The outbox entry first: a crash in between leaves both, and the next sweep finds it there (NX) or sent.
      await core.redis.zAdd(keys.outbox(), { score: now, value: outboxMember(j.name, j.caseId, j.staffId, j.seq) }, { NX: true });
      await core.redis.zRem(key, value);
      out.moved += 1;
      core.log.warn({ caseId: c.id, jobId, was: state }, 'sweep moved a notice that was never sent to the outbox');
      continue;
    }
    await core.redis.zRem(key, value);
    if (state === 'completed') out.done += 1;
    else out.dropped += 1;
  }
  if (out.moved) wakeOutbox(core);
  return out;
}

/** The sweep: one scheduler however many worker processes run. */
export async function scheduleSweep(core: Core): Promise<void> {
  await scheduleRetention(core);
  await core.queues.sla.upsertJobScheduler('sweep', { every: core.config.SWEEP_SECONDS * 1000 }, { name: 'sweep', data: { caseId: 'sweep', seq: 0 } });
}

/** Reporter notices that also go out as a subscribe message (the survey asks something: it stays in the chat). */
const SUBSCRIBED = new Set<CaseNoticeName>(['reporter-case-assigned', 'reporter-update', 'reporter-message', 'reporter-resolved', 'reporter-extended']);

/**
 * A case's progress as a subscribe message (WECHAT_TEMPLATE_CASE, fields in
 * .env.example): its number, status, the latest step, when; it opens the
 * case in the mini-program.
 */
export function caseSubscribeContent(core: Core): SubscribeRenderer {
  return async (caseId) => {
    const c = await core.cases.get(caseId);
    if (!c) return null;
    const last = c.history.at(-1);
    return {
      userKey: c.reporter.userKey,
      data: {
        character_string1: templateValue('character_string', c.caseNo),
        phrase2: templateValue('phrase', statusName(c.status)),
        thing3: templateValue('thing', last?.note ?? progressName(c.status)),
        time4: templateValue('time', new Date(last?.at ?? c.createdAt)),
      },
      page: `pages/cases/index?caseNo=${c.caseNo}`,
    };
  };
}

/**
 * Case notices on the outbound queue: rendered from the record at send time
 * (job data holds ids only, so no personal number sits in a queue), sent
 * through the first messenger that reaches the person, else the inbox.
 */
export function caseNotices(core: Core): NoticeHandler {
  return {
    names: CASE_NOTICES,
    async send(job) {
      const parsed = CaseNoticeJob.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`invalid case notice data: ${parsed.error.message}`);
      const { caseId, staffId, seq } = parsed.data;
      const c = await core.cases.get(caseId);
      if (!c) throw new UnrecoverableError(`case ${caseId} not found`);
      const index = core.directory.index();
      const name = job.name as CaseNoticeName;
      const phone = c.reporter.phoneSealed ? unseal(core.config.DATA_KEY, c.reporter.phoneSealed) : null;
      const text = (t: string): Reply[] => [{ type: 'text', text: t }];
      if (name.startsWith('reporter-')) {
        if (name === 'reporter-case-assigned' && !c.assignee) throw new Error(`case ${caseId} has no assignee yet`);
        // A 退回 or 改派 routed again meanwhile: the new assignment's notice says both.
        if (name === 'reporter-update' && toldWithNewAssignment(c, seq)) return { skipped: 'told with the new assignment' };
        await sendToUser(core, c.reporter.userKey, text(caseNotice(name, { index, c, staffId, seq, phone })));
        if (SUBSCRIBED.has(name)) await offerSubscribe(core, 'case', c.reporter.userKey, c.id, name, job.id);
        return { to: 'reporter' };
      }
      const staff = staffId ? index.staffById.get(staffId)?.staff : undefined;
      if (!staff) throw new UnrecoverableError(`staff ${staffId} not in directory`);
      // An accept reminder sent after its case moved on (accepted meanwhile, or lapsed: that has its own notice): nothing to remind of.
      if (name === 'staff-accept-reminder' && (c.status !== 'assigned' || c.assignee?.staffId !== staffId)) return { skipped: 'moved on' };
      // A 催办 sent after the case left its holder (handed on, closed): nothing to chase them about.
      if (name === 'staff-case-chased' && (c.assignee?.staffId !== staffId || (c.status !== 'assigned' && c.status !== 'accepted'))) return { skipped: 'moved on' };
      let body = caseNotice(name, { index, c, staffId, seq, phone, unsealPhone: (sealed) => unseal(core.config.DATA_KEY, sealed), now: core.clock.now() });
      if (c.groupId && (name === 'staff-case-assigned' || name === 'staff-case-copied')) {
        const g = await groupSummary(core, c.groupId);
        body += `\n\n【群体欠薪】同一单位30天内共${g.reports}起反映，合计${g.headcount}人、${yuan(g.amount)}：${g.caseNos.join('、')}`;
      }
      const via = await sendToStaff(core, staff, text(body));
      core.log.info({ caseId, staffId: staff.id, jobId: job.id, via }, 'staff notified');
      return { to: staff.id };
    },
    /** After the last retry the failure stays visible on the case (staff detail) and in its audit. */
    async failed(job, reason) {
      const parsed = CaseNoticeJob.safeParse(job.data);
      if (!parsed.success || !(await core.cases.get(parsed.data.caseId))) return;
      await core.cases.update(parsed.data.caseId, 'system:outbound', (cur) => ({
        record: { ...cur, deliveryFailures: [...cur.deliveryFailures, { at: core.clock.now().toISOString(), job: job.name, reason: reason.slice(0, 200) }] },
        action: 'delivery-failed',
        detail: `${job.name} ${job.id}`,
      }));
    },
  };
}
