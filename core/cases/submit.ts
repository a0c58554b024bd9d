import { createHash } from 'node:crypto';
import type { Core } from '../context.js';
import { lookupHash, seal } from '../infra/privacy.js';
import { compactDay } from '../infra/time.js';
import { linkGroup } from './groups.js';
import { route } from './queue.js';
import type { Case } from './record.js';
import { priorityOf } from './routing.js';
import { noted } from './state.js';

/**
 * Opening cases and leaving no trace on request: what the chat calls
 * (flows/service.ts) once a person has confirmed. The phone is sealed here,
 * with a keyed hash for look-ups; job data carries the case id only.
 */

export interface WageReportInput {
  /** The chat run that made it: a retried submission is the same case. */
  runId: string;
  userKey: string;
  at: Date;
  wage: NonNullable<Case['wage']>;
  location: Case['location'];
  contactName: string;
  phone: string;
  evidence: Case['evidence'];
  /** The first line of the reporter's history. */
  note: string;
}

/**
 * Opens a wage case: created with its number and indexes, linked with other
 * reports about the same employer within 30 days (before routing, so a
 * group is routed as one), then routed.
 */
export async function submitWageReport(core: Core, r: WageReportInput): Promise<Case> {
  const { record, created } = await core.cases.create(
    {
      id: `w${r.runId}`,
      kind: 'wage_arrears',
      priority: priorityOf({ wage: r.wage }),
      createdAt: r.at.toISOString(),
      reporter: {
        userKey: r.userKey,
        name: r.contactName,
        phoneSealed: seal(core.config.DATA_KEY, r.phone),
        phoneHash: lookupHash(core.config.HASH_KEY, 'phone', r.phone),
      },
      location: r.location,
      wage: r.wage,
      enquiry: null,
      evidence: r.evidence,
    },
    r.userKey,
    r.note,
  );
  const groupId = created ? await linkGroup(core, record) : record.groupId;
  await route(core, record.id);
  if (created) core.log.info({ caseId: record.id, caseNo: record.caseNo, groupId }, 'case created');
  return groupId ? ((await core.cases.get(record.id)) ?? record) : record;
}

export interface HelpRequest {
  userKey: string;
  /** The flow run it came from ('' outside a flow). */
  runId: string;
  at: Date;
  /** Wherever the person said they are, if anywhere. */
  place: { districtId: string; townshipId: string } | null;
  fromFlow: string | null;
  fromStep: string | null;
  /** The problem in the person's words (personal numbers already masked). */
  question: string;
}

/**
 * 人工: a case for a person to pick up, with the problem in the person's
 * words. One per flow run (or per day outside a flow): asking again adds the
 * new words to the same case.
 */
export async function requestHelp(core: Core, h: HelpRequest): Promise<Case> {
  const district = h.place?.districtId ?? core.directory.index().directory.districts[0]!.id;
  const { record, created } = await core.cases.create(
    {
      id: `e${h.runId || `${createHash('sha256').update(h.userKey).digest('base64url').slice(0, 12)}${compactDay(h.at)}`}`,
      kind: 'enquiry',
      priority: 'normal',
      createdAt: h.at.toISOString(),
      reporter: { userKey: h.userKey, name: null, phoneSealed: null, phoneHash: null },
      location: { districtId: district, townshipId: h.place?.townshipId ?? null, gridId: null, community: null },
      wage: null,
      enquiry: { fromFlow: h.fromFlow, fromStep: h.fromStep, question: h.question },
      evidence: [],
    },
    h.userKey,
    '已受理：请求人工帮助',
  );
  let c = record;
  if (!created && record.enquiry && !record.enquiry.question?.includes(h.question)) {
    // A second 人工 in the same run: the new words join the first, for whoever picks it up.
    c = await core.cases.update(record.id, h.userKey, (cur) =>
      cur.enquiry ? { record: { ...cur, enquiry: { ...cur.enquiry, question: [cur.enquiry.question, h.question].filter(Boolean).join('\n') } }, action: 'enquiry-added', detail: 'question' } : null,
    );
  }
  await route(core, c.id);
  return c;
}

/**
 * 删除我的信息: the reporter's name, phone and evidence leave every case of
 * theirs (`removeFile` deletes each evidence file); the cases stay (staff
 * still act on them) and the audit stream keeps a tombstone without
 * personal data.
 */
export async function forgetReporter(core: Core, userKey: string, removeFile: (id: string) => void): Promise<void> {
  const now = core.clock.now();
  for (const c of await core.cases.listByUser(userKey, 1000)) {
    for (const e of c.evidence) removeFile(e.id);
    await core.cases.update(c.id, userKey, (cur) => ({
      record: { ...noted(cur, '报告人已删除个人信息', now), reporter: { ...cur.reporter, name: null, phoneSealed: null, phoneHash: null }, evidence: [] },
      action: 'personal-data-erased',
      detail: "reporter name, phone and evidence removed at the reporter's request",
    }));
  }
  core.log.info({ module: 'cases', erased: 'reporter' }, 'personal data erased on request');
}
