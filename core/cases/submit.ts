import { createHash } from 'node:crypto';
import type { Core } from '../context.js';
import { lookupHash, seal, unseal } from '../infra/privacy.js';
import { compactDay } from '../infra/time.js';
import { linkGroup } from './groups.js';
import { forgetNotes } from './notes.js';
import { notify, route } from './queue.js';
import type { Case } from './record.js';
import { priorityOf } from './routing.js';
import { noted } from './state.js';
import { isAudio } from './voice.js';
import { acceptDeadline, resolveDeadline, workingDaysBetween } from './deadlines.js';
import { isWorkingTime, onCallFor, workingHoursOf } from './hours.js';
import { REPORTER_FORGOTTEN, submittedText } from './texts.js';
import { dutyOverrides } from '../staff/index.js';
import { chinaDay } from '../infra/time.js';

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

/**
 * What the reporter reads right after submitting: the case number, the
 * grid team that has it, and the time limits in working days from the
 * calendar, as routing will set them (the accept limit, then the resolve
 * limit counted from it), with the union hotline.
 */
export async function submittedReceipt(core: Core, c: Case): Promise<string> {
  const index = core.directory.index();
  const now = core.clock.now();
  const cal = index.calendar;
  const hours = workingHoursOf(index);
  const onCall = c.priority !== 'normal' && !isWorkingTime(cal, hours, now) && onCallFor(index, c, await dutyOverrides(core)).length > 0;
  const contactBy = acceptDeadline(core.config, cal, c.priority, now, onCall ? undefined : hours);
  const resolveBy = resolveDeadline(core.config, cal, contactBy);
  const grid = c.location.gridId ? index.gridById.get(c.location.gridId)?.grid.name : undefined;
  const township = c.location.townshipId ? index.townshipById.get(c.location.townshipId)?.township.name : undefined;
  const today = chinaDay(now);
  return submittedText(c, {
    team: grid ?? (township ? `${township}的网格团队` : '工会工作人员'),
    contactBy,
    contactDays: workingDaysBetween(cal, today, chinaDay(contactBy)),
    resolveBy,
    resolveDays: workingDaysBetween(cal, today, chinaDay(resolveBy)),
    resolveAfterAccept: core.config.RESOLVE_WORKING_DAYS,
  });
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
  /** The problem in the person's words (personal numbers already masked); '' for a voice message alone. */
  question: string;
  /** Voice messages, already stored encrypted as evidence files, for staff to listen to. */
  voices?: Case['evidence'];
  /** A mobile number to call back on (sealed here); a case that has one keeps it. */
  phone?: string | null;
}

/** Statuses in which someone still works the case: words and voices added to it are read. */
const OPEN: ReadonlySet<Case['status']> = new Set(['submitted', 'assigned', 'accepted', 'referred']);

function sealedPhone(core: Core, phone: string) {
  return { phoneSealed: seal(core.config.DATA_KEY, phone), phoneHash: lookupHash(core.config.HASH_KEY, 'phone', phone) };
}

/**
 * 人工, and voice messages nobody could read: a case for a person to pick
 * up, with the problem in the person's words and the voices to listen to.
 * One per flow run (or per day outside a flow): asking again, or another
 * voice message, joins the same case while it is open (a closed one gets a
 * successor). The assignee of a case that already had one is told of a
 * voice added later.
 */
export async function requestHelp(core: Core, h: HelpRequest): Promise<Case> {
  const district = h.place?.districtId ?? core.directory.index().directory.districts[0]!.id;
  const voices = h.voices ?? [];
  const base = `e${h.runId || `${createHash('sha256').update(h.userKey).digest('base64url').slice(0, 12)}${compactDay(h.at)}`}`;
  let record: Case | undefined;
  let created = false;
  for (let n = 1; n <= 20; n++) {
    ({ record, created } = await core.cases.create(
      {
        id: n === 1 ? base : `${base}-${n}`,
        kind: 'enquiry',
        priority: 'normal',
        createdAt: h.at.toISOString(),
        reporter: { userKey: h.userKey, name: null, ...(h.phone ? sealedPhone(core, h.phone) : { phoneSealed: null, phoneHash: null }) },
        location: { districtId: district, townshipId: h.place?.townshipId ?? null, gridId: null, community: null },
        wage: null,
        enquiry: { fromFlow: h.fromFlow, fromStep: h.fromStep, question: h.question || null },
        evidence: voices,
      },
      h.userKey,
      voices.length > 0 && !h.question ? '已提交：语音留言，等工作人员收听' : '已提交：请求人工帮助',
    ));
    if (created || OPEN.has(record.status)) break;
  }
  let c = record!;
  let voiceAdded = false;
  if (!created) {
    // Another 人工 or voice in the same run: the new words and voices join the first, for whoever picks it up.
    c = await core.cases.update(c.id, h.userKey, (cur) => {
      const words = !!h.question && !!cur.enquiry && !(cur.enquiry.question ?? '').includes(h.question);
      const fresh = voices.filter((v) => !cur.evidence.some((e) => e.id === v.id));
      const phone = !!h.phone && !cur.reporter.phoneSealed;
      voiceAdded = fresh.length > 0;
      if (!words && !fresh.length && !phone) return null;
      return {
        record: {
          ...cur,
          enquiry: words && cur.enquiry ? { ...cur.enquiry, question: [cur.enquiry.question, h.question].filter(Boolean).join('\n') } : cur.enquiry,
          evidence: [...cur.evidence, ...fresh],
          reporter: phone ? { ...cur.reporter, ...sealedPhone(core, h.phone!) } : cur.reporter,
        },
        action: 'enquiry-added',
        detail: [words && 'question', fresh.length && `voice:${fresh.length}`, phone && 'phone'].filter(Boolean).join(','),
      };
    });
  }
  await route(core, c.id);
  // Routed already: its notice went out with the voices it had then.
  if (voiceAdded && c.assignee) await notify(core, 'staff-enquiry-voice', c.id, c.assignee.staffId, c.evidence.filter(isAudio).length);
  return c;
}

/**
 * The mobile a person gave after a voice message, asked for once: sealed on
 * their help request; the assignee, if it already has one, is told.
 */
export async function addHelpPhone(core: Core, caseId: string, userKey: string, phone: string): Promise<Case> {
  const c = await core.cases.update(caseId, userKey, (cur) =>
    cur.reporter.userKey !== userKey || cur.reporter.phoneHash === lookupHash(core.config.HASH_KEY, 'phone', phone)
      ? null
      : { record: { ...cur, reporter: { ...cur.reporter, ...sealedPhone(core, phone) } }, action: 'reporter-phone-added', detail: 'phone' },
  );
  if (c.assignee) await notify(core, 'staff-enquiry-phone', c.id, c.assignee.staffId, c.assignmentSeq);
  return c;
}

/** The person's wage reports someone still works on (newest first): files sent after submitting are added to one of these. */
export async function openReports(core: Core, userKey: string): Promise<Case[]> {
  return (await core.cases.listByUser(userKey, 20)).filter((c) => c.kind === 'wage_arrears' && OPEN.has(c.status));
}

export type AddedEvidence = { ok: true; case: Case } | { ok: false; reason: 'not-open' | 'full' };

/**
 * A file the reporter sent after submitting (already checked and stored
 * encrypted by the caller), added to their case while it is open and has
 * fewer than `max` files; its assignee is told. Nothing changes otherwise,
 * and the caller removes the stored file.
 */
export async function addReporterEvidence(core: Core, caseId: string, userKey: string, file: Case['evidence'][number], max: number): Promise<AddedEvidence> {
  let refused: 'not-open' | 'full' | null = null;
  const c = await core.cases.update(caseId, userKey, (cur) => {
    refused = null;
    if (cur.reporter.userKey !== userKey || cur.kind !== 'wage_arrears' || !OPEN.has(cur.status)) refused = 'not-open';
    else if (cur.evidence.length >= max) refused = 'full';
    if (refused || cur.evidence.some((e) => e.id === file.id)) return null;
    return { record: { ...cur, evidence: [...cur.evidence, file] }, action: 'evidence-added', detail: `file:${cur.evidence.length + 1}` };
  });
  if (refused) return { ok: false, reason: refused };
  // Routed already: its notice went out with the files it had then. `seq`: how many it has now (one notice per file).
  if (c.assignee) await notify(core, 'staff-case-evidence', c.id, c.assignee.staffId, c.evidence.length);
  return { ok: true, case: c };
}

/** The mobile of the person's latest case that has one (for a call back), or null. */
export async function latestReporterPhone(core: Core, userKey: string): Promise<string | null> {
  for (const c of await core.cases.listByUser(userKey, 10)) if (c.reporter.phoneSealed) return unseal(core.config.DATA_KEY, c.reporter.phoneSealed);
  return null;
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
      record: {
        ...noted({ ...cur, ...forgetNotes(cur) }, REPORTER_FORGOTTEN, now),
        reporter: { ...cur.reporter, name: null, phoneSealed: null, phoneHash: null },
        evidence: [],
        // The roster names other people (phones sealed) and the account is the reporter's own words: both go.
        // So does the name of the worker reported for (the relation alone stays).
        wage: cur.wage
          ? { ...cur.wage, roster: null, account: null, evidenceHeld: null, ...(cur.wage.onBehalf ? { onBehalf: { ...cur.wage.onBehalf, workerName: null } } : {}) }
          : cur.wage,
      },
      action: 'personal-data-erased',
      detail: "reporter name, phone, evidence, roster, account, evidence held, the name of the worker reported for and notes' words removed at the reporter's request",
    }));
  }
  core.log.info({ module: 'cases', erased: 'reporter' }, 'personal data erased on request');
}
