import type { Core } from '../context.js';
import { wakeOutbox } from '../infra/outbox.js';
import { seal } from '../infra/privacy.js';
import { chinaDay } from '../infra/time.js';
import type { Staff } from '../directory/index.js';
import { dutyOverrides } from '../staff/index.js';
import { dueOps, type DueJob } from './due.js';
import { isWorkingTime, onCallFor, workingHoursOf } from './hours.js';
import type { Case, ReporterNote, ReporterNoteKind } from './record.js';
import { noted } from './state.js';

/**
 * Messages a reporter leaves for their case worker after submitting (a
 * correction, money paid, a wish to withdraw, retaliation, a boss gone, a
 * new phone), each confirmed by the reporter in the chat first
 * (flows/case-desk.ts), and the alerts the chat raises itself when a
 * reporter speaks of harming themselves (`safety`) or someone else
 * (`threat`, flows/safety.ts). Each is added to the case in one write with
 * its line in the reporter's 进度 and, when the case has an assignee, their
 * notice in the cases' outbox (`staff-reporter-note`, job data ids only);
 * an alert on a case nobody holds yet pages the township's supervisor on
 * duty at once (the same notice, to them, numbers whole: they call), and
 * one on a case someone holds is copied to them (`alertCopies`: the
 * assignee was asked to call, the phone masked). A complaint about the staff
 * (`complaint`, also confirmed first) never goes to the assignee: it goes
 * to the township's supervisor (`complaintContacts`), and only
 * supervisors' views show it (api/views.ts). Mobile numbers in the words
 * are sealed on the note and masked in its text, as the case keeps the
 * reporter's own phone; the audit and the logs get the kind and a length.
 * Withdrawing and "I was paid" stay messages: only staff change a case's
 * status.
 */

/** The longest note kept (the staff commands' limit too). */
export const NOTE_MAX_CHARS = 500;
/** Notes a case takes from its reporter in one day (Beijing), safety alerts aside: past that, the person is told to call. */
export const NOTES_PER_DAY = 10;
/** A second safety alert on the same case within this time adds no note and sends no second notice. */
const SAFETY_QUIET_MS = 30 * 60_000;

/** Statuses in which someone still works the case (a close waiting for approval included): a note is read. */
const NOTE_OPEN: ReadonlySet<Case['status']> = new Set(['submitted', 'assigned', 'accepted', 'referred', 'closing']);

/** Kinds the assignee reads first. */
const URGENT: ReadonlySet<ReporterNoteKind> = new Set(['retaliation', 'violence', 'safety', 'threat']);
/** Alerts the chat raises itself: not counted against the day's notes, and paged to a supervisor when nobody holds the case. */
const ALERTS: ReadonlySet<ReporterNoteKind> = new Set(['safety', 'threat']);

/** A complaint's line in the reporter's 进度 starts so (blanked on 删除我的信息 like a note's). */
const COMPLAINT_LINE = '您反映了对工作人员的意见';
const NOTE_LINE = '您给工作人员留言';

/** A mainland mobile number, as typed (spaces or dashes between the groups). */
const MOBILE = /(?<![\dXx])(?:\+?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d){8})(?![\dXx])/g;
/** An ID number (18 characters, the last may be X). */
const ID_NUMBER = /(?<![\dXx])\d{17}[\dXx](?![\dXx])/g;
/** Control and format characters (a pasted message's zero-width joiners, a hostile one's escapes). */
const CONTROL = /[\p{Cc}\p{Cf}]/gu;

/** The mobile numbers in `text`, digits only, each once, in order. */
export function mobilesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(MOBILE)) {
    const d = m[1]!.replace(/\D/g, '');
    if (!out.includes(d)) out.push(d);
  }
  return out;
}

/** `text` with every ID number and mobile masked (`1101**********1234`, `138****2222`). */
export function maskPersonalNumbers(text: string): string {
  return maskMobiles(maskIdNumbers(text));
}

/** `text` with every ID number masked (`1101**********1234`): no staff view ever shows one whole. */
export function maskIdNumbers(text: string): string {
  return text.replace(ID_NUMBER, (m) => `${m.slice(0, 4)}**********${m.slice(-4)}`);
}

/** `text` with every mobile number masked (`138****2222`), for staff who do not call. */
export function maskMobiles(text: string): string {
  return text.replace(MOBILE, (_m, p: string) => {
    const d = p.replace(/\D/g, '');
    return `${d.slice(0, 3)}****${d.slice(-4)}`;
  });
}

/** The words as kept: control characters out, runs of spaces one, trimmed. */
export function cleanNoteText(text: string): string {
  return text.replace(CONTROL, '').replace(/[ \t\u3000]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
}

/** The reporter's open cases (wage reports and 支持起诉 cases, newest first) a note can go to. */
export async function casesForNotes(core: Core, userKey: string): Promise<Case[]> {
  return (await core.cases.listByUser(userKey, 20)).filter((c) => c.kind !== 'enquiry' && NOTE_OPEN.has(c.status) && c.reporter.userKey === userKey);
}

/** A note's line in the reporter's 进度 (no personal numbers). */
function historyLine(kind: ReporterNoteKind, masked: string): string {
  if (ALERTS.has(kind)) return '已请工作人员尽快联系您';
  const chars = [...masked.replace(/\s+/g, ' ')];
  return `${kind === 'complaint' ? COMPLAINT_LINE : NOTE_LINE}：${chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : chars.join('')}`;
}

export type NoteAdded =
  | { ok: true; case: Case; note: ReporterNote; seq: number; told: boolean; paged: number; copied: number }
  | { ok: false; reason: 'not-open' | 'empty' | 'too-long' | 'too-many' };

/**
 * Adds the reporter's words to their open case (see above). `told`: the
 * case has an assignee, whose notice went into the outbox with the write;
 * without one, the note is on the case and the assignment's notice shows
 * it (texts.ts `staffCaseText`). A complaint tells nobody but `page`
 * (`told` false, `paged` how many).
 */
export async function addReporterNote(
  core: Core,
  caseId: string,
  userKey: string,
  input: { kind: ReporterNoteKind; text: string },
  /** Alerts: whom to page when the case has no assignee; complaints: whom to tell, whoever holds the case (staff ids). */
  page: readonly string[] = [],
  /** Alerts on a case someone holds: the supervisors on duty who get a copy (`alertCopies`), besides the assignee. */
  copies: readonly string[] = [],
): Promise<NoteAdded> {
  const text = cleanNoteText(input.text);
  if (!text) return { ok: false, reason: 'empty' };
  if ([...text].length > NOTE_MAX_CHARS) return { ok: false, reason: 'too-long' };
  const now = core.clock.now();
  const today = chinaDay(now);
  const masked = maskPersonalNumbers(text);
  const phones = mobilesIn(text);
  let refused: 'not-open' | 'too-many' | null = null;
  let paged = 0;
  let copied = 0;
  const c = await core.cases.update(caseId, userKey, (cur) => {
    refused = null;
    if (cur.reporter.userKey !== userKey || cur.kind === 'enquiry' || !NOTE_OPEN.has(cur.status)) refused = 'not-open';
    else if (!ALERTS.has(input.kind) && cur.reporterNotes.filter((n) => !ALERTS.has(n.kind) && chinaDay(new Date(n.at)) === today).length >= NOTES_PER_DAY) refused = 'too-many';
    if (refused) return null;
    const withLine = noted(cur, historyLine(input.kind, masked), now);
    const note: ReporterNote = {
      at: now.toISOString(),
      kind: input.kind,
      text: masked,
      // Sealed each time (a fresh nonce): nothing in the record reads back as the number.
      phonesSealed: phones.map((p) => seal(core.config.DATA_KEY, p)),
      urgent: URGENT.has(input.kind),
      hist: withLine.history.length - 1,
    };
    const record: Case = { ...withLine, reporterNotes: [...cur.reporterNotes, note] };
    const seq = record.reporterNotes.length - 1;
    // A complaint is never for the one who holds the case.
    // An alert on a case someone holds: the assignee, and a copy to the supervisors on duty (told the assignee was asked to call).
    const copyTo = cur.assignee && ALERTS.has(input.kind) ? copies.filter((id) => id !== cur.assignee!.staffId) : [];
    // A close waiting for approval (`closing`): whoever approves it hears the reporter too (`钱没收到`, `只收到一半`
    // bear on the review; the assignee alone was told, who had asked to close it).
    const approver = cur.status === 'closing' && input.kind !== 'complaint' ? cur.closeRequest?.approverId : undefined;
    const reviewer = approver && approver !== cur.assignee?.staffId && !copyTo.includes(approver) ? [approver] : [];
    const to =
      input.kind === 'complaint' ? page.filter((id) => id !== cur.assignee?.staffId)
      : cur.assignee ? [cur.assignee.staffId, ...copyTo, ...reviewer]
      : ALERTS.has(input.kind) ? page
      : [];
    paged = cur.assignee && input.kind !== 'complaint' ? 0 : to.length;
    copied = copyTo.length;
    const jobs: DueJob[] = to.map((staffId) => ({ queue: 'outbound', name: 'staff-reporter-note', caseId: cur.id, staffId, seq, at: now }));
    // Kinds and sizes only: never the words or a number.
    return { record, action: 'reporter-note', detail: `${input.kind} ${[...text].length} chars${phones.length ? ` ${phones.length} phone(s) sealed` : ''}`, ops: dueOps(core, jobs) };
  });
  if (refused) return { ok: false, reason: refused };
  const seq = c.reporterNotes.length - 1;
  const told = !!c.assignee && input.kind !== 'complaint';
  if (told || paged > 0) wakeOutbox(core);
  return { ok: true, case: c, note: c.reporterNotes[seq]!, seq, told, paged, copied };
}

export type SafetyAlert = { case: Case; told: boolean; paged: number; repeated: boolean; /** Supervisors on duty sent a copy (a case someone holds). */ copied: number };

/**
 * Who is paged about a safety alert on a case nobody holds yet: the
 * township's supervisor when on duty (the directory's flag or 上班/休息),
 * and outside working hours the first on call; with neither (or no
 * township), the district's supervisors on duty. At most three.
 */
export async function safetyContacts(core: Core, c: Case): Promise<string[]> {
  const index = core.directory.index();
  const duty = await dutyOverrides(core);
  const onDuty = (s: Staff | undefined): s is Staff => !!s && (duty.get(s.id) ?? s.onDuty);
  const out: string[] = [];
  const add = (s: Staff | undefined) => {
    if (onDuty(s) && !out.includes(s.id)) out.push(s.id);
  };
  const tw = c.location.townshipId ? index.townshipById.get(c.location.townshipId)?.township : undefined;
  add(tw?.supervisor);
  if (!isWorkingTime(index.calendar, workingHoursOf(index), core.clock.now())) add(onCallFor(index, c, duty)[0]);
  if (out.length === 0) {
    const district = index.directory.districts.find((d) => d.id === c.location.districtId);
    for (const s of district?.supervisors ?? []) if (s.role === 'district_supervisor') add(s);
  }
  return out.slice(0, 3);
}

/**
 * Who gets a copy of a safety or threat alert on a case someone holds (the
 * assignee is the one asked to call): the township's supervisor on duty
 * (the directory's flag or 上班/休息); when they are off or hold the case
 * themselves, the district's supervisors on duty (at most three). Never
 * the assignee; none when nobody holds the case (then `safetyContacts`
 * are paged).
 */
export async function alertCopies(core: Core, c: Case): Promise<string[]> {
  const holder = c.assignee?.staffId;
  if (!holder) return [];
  const index = core.directory.index();
  const duty = await dutyOverrides(core);
  const onDuty = (s: Staff | undefined): s is Staff => !!s && s.id !== holder && (duty.get(s.id) ?? s.onDuty);
  const tw = c.location.townshipId ? index.townshipById.get(c.location.townshipId)?.township : undefined;
  if (onDuty(tw?.supervisor)) return [tw.supervisor.id];
  const district = index.directory.districts.find((d) => d.id === c.location.districtId);
  return (district?.supervisors ?? []).filter((s) => s.role === 'district_supervisor' && onDuty(s)).map((s) => s.id).slice(0, 3);
}

/**
 * Whom a complaint about the staff goes to, and that union's name for the
 * reporter (`河西街道总工会`): the township's supervisor on duty (the
 * directory's flag or 上班/休息); when they are off or hold the case
 * themselves, the district's supervisors on duty (at most three). With
 * nobody on duty it still goes to the township's supervisor (or the
 * district's), to read when back. Never the assignee, never someone on
 * call for urgent cases: a complaint is no emergency.
 */
export async function complaintContacts(core: Core, c: Case): Promise<{ to: string[]; union: string }> {
  const index = core.directory.index();
  const duty = await dutyOverrides(core);
  const onDuty = (s: Staff) => duty.get(s.id) ?? s.onDuty;
  const notHolder = (s: Staff | undefined): s is Staff => !!s && s.id !== c.assignee?.staffId;
  const tw = c.location.townshipId ? index.townshipById.get(c.location.townshipId)?.township : undefined;
  const district = index.directory.districts.find((d) => d.id === c.location.districtId);
  const townshipUnion = tw?.union.name ?? '镇（街道）工会';
  const districtUnion = district?.union.name ?? '区总工会';
  const districtSups = (district?.supervisors ?? []).filter((s) => s.role === 'district_supervisor' && notHolder(s));
  const sup = tw?.supervisor;
  if (notHolder(sup) && onDuty(sup)) return { to: [sup.id], union: townshipUnion };
  const dutyDistrict = districtSups.filter(onDuty).slice(0, 3);
  if (dutyDistrict.length > 0) return { to: dutyDistrict.map((s) => s.id), union: districtUnion };
  if (notHolder(sup)) return { to: [sup.id], union: townshipUnion };
  return { to: districtSups.slice(0, 3).map((s) => s.id), union: districtUnion };
}

/**
 * A reporter who spoke of harming themselves (`safety`) or someone else
 * (`threat`): an urgent note on their open case (their words, numbers
 * masked) and the assignee's urgent notice, without asking first; with no
 * assignee yet, the notice goes to the supervisors on duty
 * (`safetyContacts`, `paged`); with one, the supervisors on duty get a
 * copy (`alertCopies`). Once per case and kind in half an hour: a
 * second message in that time adds nothing (`repeated`). Null when the
 * case is not open.
 */
export async function raiseSafetyAlert(core: Core, c: Case, userKey: string, words: string, kind: 'safety' | 'threat' = 'safety'): Promise<SafetyAlert | null> {
  const now = core.clock.now().getTime();
  const last = c.reporterNotes.filter((n) => n.kind === kind).at(-1);
  // Said again soon after: no second note, notice or copy.
  if (last && now - Date.parse(last.at) < SAFETY_QUIET_MS) return { case: c, told: !!c.assignee, paged: c.assignee ? 0 : (await safetyContacts(core, c)).length, repeated: true, copied: 0 };
  const text = [...cleanNoteText(words)].slice(0, NOTE_MAX_CHARS).join('') || '（没有文字）';
  const page = c.assignee ? [] : await safetyContacts(core, c);
  const copies = c.assignee ? await alertCopies(core, c) : [];
  const added = await addReporterNote(core, c.id, userKey, { kind, text }, page, copies);
  return added.ok ? { case: added.case, told: added.told, paged: added.paged, repeated: false, copied: added.copied } : null;
}

/** 删除我的信息: a case's notes lose their words and numbers, and their lines in 进度 say so (used by submit.ts `forgetReporter`). */
export function forgetNotes(c: Case): Pick<Case, 'reporterNotes' | 'history'> {
  if (c.reporterNotes.length === 0) return { reporterNotes: c.reporterNotes, history: c.history };
  const lines = new Set(c.reporterNotes.map((n) => n.hist));
  return {
    reporterNotes: c.reporterNotes.map((n) => ({ ...n, text: '（已删除）', phonesSealed: [] })),
    history: c.history.map((h, i) =>
      !lines.has(i) ? h
      : h.note.startsWith(NOTE_LINE) ? { ...h, note: `${NOTE_LINE}（内容已删除）` }
      : h.note.startsWith(COMPLAINT_LINE) ? { ...h, note: `${COMPLAINT_LINE}（内容已删除）` }
      : h,
    ),
  };
}
