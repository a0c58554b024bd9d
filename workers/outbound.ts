import { UnrecoverableError, type Job } from 'bullmq';
import type { Core } from '../core/context.js';
import { reporterAssignedNotice, staffAssignedNotice, staffCopiedNotice } from '../core/notices.js';
import { unseal } from '../core/privacy.js';
import { OutboundJob, type OutboundName } from '../core/queues.js';
import type { Reply } from '../core/replies.js';
import { teamOf } from '../core/routing.js';

/**
 * Outbound processor: renders the notice from the record at send time (job
 * data holds ids only, so no personal number sits in a queue) and sends it
 * through the first messenger that reaches the person, else the inbox.
 */
export function outboundProcessor(core: Core) {
  return async (job: Job) => {
    const parsed = OutboundJob.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid outbound job data: ${parsed.error.message}`);
    const { caseId, staffId } = parsed.data;
    const c = await core.cases.get(caseId);
    if (!c) throw new UnrecoverableError(`case ${caseId} not found`);
    const index = core.directory.index();
    const name = job.name as OutboundName;
    const text = (t: string): Reply[] => [{ type: 'text', text: t }];

    if (name === 'reporter-case-assigned') {
      if (!c.assignee) throw new Error(`case ${caseId} has no assignee yet`);
      const replies = text(reporterAssignedNotice(c, teamOf(index, c.assignee.level, c.assignee.staffId)));
      const m = core.messengers.find((x) => x.canReachUser(c.reporter.userKey));
      await (m ? m.sendToUser(c.reporter.userKey, replies) : core.inbox.push(c.reporter.userKey, replies));
      return { to: 'reporter' };
    }

    const staff = staffId ? index.staffById.get(staffId)?.staff : undefined;
    if (!staff) throw new UnrecoverableError(`staff ${staffId} not in directory`);
    let replies: Reply[];
    const phone = c.reporter.phoneSealed ? unseal(core.config.DATA_KEY, c.reporter.phoneSealed) : null;
    if (name === 'staff-case-assigned') {
      replies = text(staffAssignedNotice(index, c, c.assignee?.staffId === staff.id ? phone : null));
    } else if (name === 'staff-case-copied') {
      const assignee = c.assignee ? index.staffById.get(c.assignee.staffId)?.staff.name ?? '' : '';
      replies = text(staffCopiedNotice(index, c, assignee, phone));
    } else {
      throw new UnrecoverableError(`unknown outbound job ${job.name}`);
    }
    const m = core.messengers.find((x) => x.canReachStaff(staff));
    if (m) {
      await m.sendToStaff(staff, replies);
    } else {
      await core.inbox.push(`staff:${staff.id}`, replies);
    }
    core.log.info({ caseId, staffId: staff.id, jobId: job.id, via: m ? 'wechat' : 'inbox' }, 'staff notified');
    return { to: staff.id };
  };
}
