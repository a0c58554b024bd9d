import type { Core } from '../context.js';
import { lookupHash, seal, unseal } from '../infra/privacy.js';
import type { IndexOp } from '../infra/records.js';
import { membershipJob } from './queue.js';
import { ROUTE_CHECK_MS, cancelAllMembershipTimers, membershipTimerOp } from './timers.js';
import { moved } from './state.js';
import { membersOf, type CreateResult, type Employment, type Membership, type Place } from './store.js';

/**
 * Applying to join the union and leaving no trace on request: what the chat
 * calls (flows/membership-chat.ts) around the pure flow. The ID number and
 * phone are sealed here, with keyed hashes for look-ups; nothing here logs
 * them, and job data carries the record id only.
 */

export interface Application {
  /** The chat run that made it (a retried submission is the same application). */
  runId: string;
  at: Date;
  userKey: string;
  name: string;
  idNumber: string;
  phone: string;
  employment: Employment;
  place: Place | null;
  union: { id: string; name: string; districtId: string };
  /** The rejected application this one corrects. */
  previousAppNo: string | null;
  /** When the applicant confirmed the voluntary-joining declaration (ISO time). */
  declaredAt: string;
}

/**
 * Submits an application and queues its review. `duplicate`: the ID
 * number already has a pending application or is a member (that record is
 * returned). Members who gave the same phone are flagged to the reviewer,
 * never merged.
 */
export async function submitApplication(core: Core, app: Application): Promise<CreateResult> {
  const { DATA_KEY, HASH_KEY } = core.config;
  const members = membersOf(core);
  const idHash = lookupHash(HASH_KEY, 'id', app.idNumber);
  const phoneHash = lookupHash(HASH_KEY, 'phone', app.phone);
  const sharing = (await members.membersWithPhone(phoneHash)).filter((m) => m.applicant.idHash !== idHash);
  const id = `m${app.runId}`;
  const res = await members.create(
    {
      id,
      createdAt: app.at.toISOString(),
      userKey: app.userKey,
      applicant: { name: app.name, idSealed: seal(DATA_KEY, app.idNumber), idHash, phoneSealed: seal(DATA_KEY, app.phone), phoneHash },
      employment: app.employment,
      place: app.place,
      union: app.union,
      phoneSharedWith: sharing.map((m) => m.memberNo ?? m.appNo),
      previousAppNo: app.previousAppNo,
      declaredAt: app.declaredAt,
    },
    app.userKey,
    '已提交入会申请',
    // Behind the review job queued below: routes the application if that job is lost.
    [membershipTimerOp(members.keys.timers(), 'review', id, 1, new Date(core.clock.now().getTime() + ROUTE_CHECK_MS))],
  );
  if (res.result === 'duplicate') return res;
  await membershipJob(core, 'review', res.record.id, 1);
  if (res.result === 'created') {
    const m = res.record;
    core.log.info({ module: 'membership', applicationId: m.id, appNo: m.appNo, union: m.union.id, phoneShared: sharing.length > 0 }, 'membership application created');
  }
  return res;
}

/** The pending or approved record of an ID number, if any. */
export async function recordOfIdNumber(core: Core, idNumber: string): Promise<Membership | null> {
  return membersOf(core).byIdHash(lookupHash(core.config.HASH_KEY, 'id', idNumber));
}

/** What a rejected applicant typed last time, unsealed, to fill in the new application. */
export function previousAnswers(core: Core, m: Membership) {
  const key = core.config.DATA_KEY;
  return {
    name: m.applicant.name,
    id: m.applicant.idSealed ? unseal(key, m.applicant.idSealed) : null,
    phone: m.applicant.phoneSealed ? unseal(key, m.applicant.phoneSealed) : null,
    employment: m.employment,
    place: m.place,
  };
}

/**
 * 删除我的信息: every record of the person loses name, ID number, phone,
 * work and place, and its look-up entries; the member number, union and an
 * audit tombstone stay. A member's card stops verifying.
 */
export async function forgetApplicant(core: Core, userKey: string): Promise<number> {
  const members = membersOf(core);
  const now = core.clock.now();
  const list = await members.listByUser(userKey, 1000);
  for (const m of list) {
    await members.update(m.id, userKey, (cur) => {
      if (cur.status === 'erased') return null;
      const ops: IndexOp[] = [{ op: 'zrem', key: members.keys.byUser(userKey), member: cur.id }];
      if (cur.applicant.idHash) ops.push({ op: 'delifeq', key: members.keys.byId(cur.applicant.idHash), value: cur.id });
      if (cur.applicant.phoneHash) ops.push({ op: 'srem', key: members.keys.byPhone(cur.applicant.phoneHash), member: cur.id });
      if (cur.reviewer) ops.push({ op: 'zrem', key: members.keys.review(cur.reviewer.staffId), member: cur.id });
      if (cur.status === 'pending') ops.push(...cancelAllMembershipTimers(members.keys.timers(), cur));
      // A rejection note quotes the reviewer's reason, which may name the person.
      const scrubbed = { ...cur, history: cur.history.map((h) => (h.status === 'rejected' ? { ...h, note: '未通过' } : h)) };
      return {
        record: {
          ...moved(scrubbed, 'erased', '申请人已删除个人信息', now),
          userKey: '',
          applicant: { name: null, idSealed: null, idHash: null, phoneSealed: null, phoneHash: null },
          employment: null,
          place: null,
          phoneSharedWith: [],
          decision: cur.decision ? { ...cur.decision, reason: null } : null,
        },
        action: 'personal-data-erased',
        detail: "applicant name, ID number, phone, work and place removed at the applicant's request",
        ops,
      };
    });
  }
  return list.length;
}
