import { UnrecoverableError, type Job } from 'bullmq';
import { cardReplies } from './card.js';
import { offerSubscribe, type SubscribeRenderer } from '../auth/index.js';
import type { Core } from '../context.js';
import { templateValue } from '../wechat/index.js';
import { sendToStaff, sendToUser } from '../infra/messenger.js';
import { recordNotices, type Notice, type NoticeHandler } from '../infra/queues.js';
import { approvedNotice, rejectedNotice, reviewerAssignedNotice, reviewerReminderNotice } from './texts.js';
import { assignReviewer } from './review.js';
import { membersOf } from './store.js';
import type { Reply } from '../infra/replies.js';
import type { TimerFamily } from '../infra/timers.js';
import { fireNoticeBackstop, noticeOutbox, type NoticeKinds, type OutboxFamily } from '../infra/outbox.js';
import type { z } from 'zod';
import { ROUTE_CHECK_MS, membershipTimerMember, parseMembershipTimer } from './timers.js';
import { MEMBERSHIP_NOTICES, MembershipJob, MembershipNoticeJob, membershipJob, membershipJobIds, notifyMembership, type MembershipJobName, type MembershipNoticeName } from './queue.js';

/**
 * The `membership` queue: `review` routes an application to its union's
 * reviewer (or approves it at once for an auto-approve union);
 * `review-reminder` and `review-deadline` are the time limits of one
 * assignment (`seq`) and do nothing once it was decided or reassigned. A
 * lapsed deadline asks for the next assignment, which skips the reviewer
 * who let it lapse and escalates to the district union.
 *
 * The time limits are timers now (timers.ts, `membershipTimers`); this
 * queue's delayed jobs are only those queued before them. Both run
 * `runMembershipJob`.
 */
export function membershipProcessor(core: Core) {
  return (job: Job) => runMembershipJob(core, job.name, job.data, job.id);
}

/** Membership notices: their names, their data (ids only) and their fixed ids. */
const MEMBERSHIP_NOTICE_KINDS: NoticeKinds<MembershipNoticeName, z.infer<typeof MembershipNoticeJob>> = {
  names: MEMBERSHIP_NOTICES,
  data: MembershipNoticeJob,
  jobId: (name, d) => membershipJobIds.notice(name, d.applicationId, d.staffId, d.seq),
};

/** The applications' outbox (core/infra/outbox.ts): their notices, written with the record that wants them. */
export function membershipOutbox(core: Core): OutboxFamily {
  const keys = membersOf(core).keys;
  return noticeOutbox({ name: 'membership', key: keys.outbox(), failuresKey: keys.outboxFailures(), kinds: MEMBERSHIP_NOTICE_KINDS });
}

/**
 * The applications' timers (core/infra/timers.ts): each due entry of
 * `gy:{members}:timers` runs the membership job of its name, as
 * `runMembershipJob`.
 */
export function membershipTimers(core: Core): TimerFamily {
  return {
    name: 'membership',
    key: membersOf(core).keys.timers(),
    failuresKey: membersOf(core).keys.timerFailures(),
    async fire(member) {
      // A backstop of a notice queued after its write, as they were before the outbox: still honoured.
      const notice = await fireNoticeBackstop(core.queues, member, MEMBERSHIP_NOTICE_KINDS);
      if (notice) return notice;
      const t = parseMembershipTimer(member);
      if (!t) throw new UnrecoverableError(`invalid membership timer ${member}`);
      return runMembershipJob(core, t.name, { applicationId: t.applicationId, seq: t.seq }, `timer:${member}`);
    },
  };
}

/** One membership job (a routing or a time limit), from the queue or a timer: it re-reads the application and does nothing if it moved on. */
export async function runMembershipJob(core: Core, jobName: string, jobData: unknown, jobId?: string) {
  const parsed = MembershipJob.safeParse(jobData);
  if (!parsed.success) throw new UnrecoverableError(`invalid membership job data: ${parsed.error.message}`);
  const { applicationId, seq } = parsed.data;
  const m = await membersOf(core).get(applicationId);
  if (!m) throw new UnrecoverableError(`membership ${applicationId} not found`);
  const name = jobName as MembershipJobName;
  switch (name) {
    case 'review': {
      const r = await assignReviewer(core, applicationId, seq);
      return { status: r?.status ?? m.status, reviewer: r?.reviewer?.staffId ?? null };
    }
    case 'review-reminder': {
      if (m.status !== 'pending' || m.reviewer?.seq !== seq) return { skipped: true };
      await notifyMembership(core, 'membership-reminder', applicationId, m.reviewer.staffId, seq);
      return { reminded: m.reviewer.staffId };
    }
    case 'review-deadline': {
      if (m.status !== 'pending' || m.reviewer?.seq !== seq) return { skipped: true };
      core.log.warn({ module: 'membership', applicationId, reviewer: m.reviewer.staffId, seq, jobId }, 'membership review deadline passed');
      // The check behind the next routing first, then its job: nothing lost if this process dies in between.
      const at = new Date(core.clock.now().getTime() + ROUTE_CHECK_MS);
      await core.redis.zAdd(membersOf(core).keys.timers(), { score: at.getTime(), value: membershipTimerMember('review', applicationId, seq + 1) }, { NX: true });
      await membershipJob(core, 'review', applicationId, seq + 1);
      return { lapsed: m.reviewer.staffId };
    }
    default:
      throw new UnrecoverableError(`unknown membership job ${jobName}`);
  }
}

/**
 * Membership notices on the outbound queue (rate-limited per WeChat
 * account): rendered from the record when sent, so the queue holds ids only.
 * The reviewer gets the application (masked ID number); the applicant gets
 * the decision in the chat they used, with the card as a PNG image.
 */
async function sendMembershipNotice(core: Core, job: Notice): Promise<unknown> {
  const parsed = MembershipNoticeJob.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid membership notice data: ${parsed.error.message}`);
  const { applicationId, staffId, seq } = parsed.data;
  const m = await membersOf(core).get(applicationId);
  if (!m) throw new UnrecoverableError(`membership ${applicationId} not found`);
  const index = core.directory.index();
  const name = job.name as MembershipNoticeName;

  if (name === 'membership-decided') {
    if (m.status !== 'approved' && m.status !== 'rejected') return { skipped: m.status };
    const replies: Reply[] =
      m.status === 'approved' ? [{ type: 'text', text: approvedNotice(m) }, ...(await cardReplies(core, m))] : [{ type: 'text', text: rejectedNotice(m) }];
    await sendToUser(core, m.userKey, replies);
    await offerSubscribe(core, 'membership', m.userKey, m.id, name, job.id);
    core.log.info({ module: 'membership', applicationId, jobId: job.id, status: m.status }, 'applicant told of the decision');
    return { to: 'applicant' };
  }

  // Reviewer notices: only while that assignment still stands.
  if (m.status !== 'pending' || !m.reviewer || m.reviewer.staffId !== staffId || (seq !== undefined && m.reviewer.seq !== seq)) return { skipped: true };
  const staff = index.staffById.get(staffId)?.staff;
  if (!staff) throw new UnrecoverableError(`staff ${staffId} not in directory`);
  let text: string;
  if (name === 'membership-review') text = reviewerAssignedNotice(core.config, index, m, staff.id);
  else if (name === 'membership-reminder') text = reviewerReminderNotice(m);
  else throw new UnrecoverableError(`unknown membership notice ${job.name}`);
  const replies: Reply[] = [{ type: 'text', text }];
  await sendToStaff(core, staff, replies);
  core.log.info({ module: 'membership', applicationId, staffId: staff.id, jobId: job.id, notice: name }, 'reviewer notified');
  return { to: staff.id };
}

/**
 * The decision on an application as a subscribe message
 * (WECHAT_TEMPLATE_MEMBERSHIP, fields in .env.example); it opens the card.
 */
export function membershipSubscribeContent(core: Core): SubscribeRenderer {
  return async (applicationId) => {
    const m = await membersOf(core).get(applicationId);
    if (!m || (m.status !== 'approved' && m.status !== 'rejected')) return null;
    return {
      userKey: m.userKey,
      data: {
        character_string1: templateValue('character_string', m.appNo),
        phrase2: templateValue('phrase', m.status === 'approved' ? '已通过' : '未通过'),
        thing3: templateValue('thing', m.union.name),
        time4: templateValue('time', new Date(m.decision?.at ?? m.createdAt)),
      },
      page: m.status === 'approved' ? 'pages/card/index' : 'pages/chat/index',
    };
  };
}

/** Membership notices on the outbound queue; a notice that could not be delivered stays in the application's audit. */
export function membershipNotices(core: Core): NoticeHandler {
  return recordNotices({
    names: MEMBERSHIP_NOTICES,
    data: MembershipNoticeJob,
    idOf: (d) => d.applicationId,
    send: (job) => sendMembershipNotice(core, job),
    note: (id, audit) => membersOf(core).note(id, 'system:outbound', audit),
  });
}
