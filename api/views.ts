import type { Case } from '../core/cases/index.js';
import { behalfText, lawyerMayHelp, progressName, reporterStepNote, staffNotesView } from '../core/cases/index.js';
import type { Core } from '../core/context.js';
import type { DirectoryIndex } from '../core/directory/index.js';
import { maskIdNumber, maskPhone, unseal } from '../core/infra/privacy.js';
import type { Booking, BookingStore } from '../core/legal-aid/index.js';
import { STATUS_NAMES } from '../core/legal-aid/index.js';
import { HELP_NAMES, MATTER_NAMES, MODE_NAMES, awardText, hearingText, pointOf, urgentReasons, whenText } from '../core/legal-aid/index.js';
import type { Membership } from '../core/membership/index.js';
import { OCCUPATION_NAMES, RIDER_TYPE_NAMES, membershipStatusText, placeText } from '../core/membership/index.js';
import type { StaffCommandContext } from '../core/staff/index.js';

/**
 * What the API answers about records, by who asks: the reporter's and
 * applicant's own views carry no more than they typed (numbers masked);
 * staff views add what their role needs (the full phone only for whoever
 * must call back). No ID number is ever shown whole.
 */
/**
 * What anyone allowed to see a case reads first: no personal data. The
 * reporter's view is exactly this; staff views add to it (api/staff.ts).
 */
export function caseSummary(index: DirectoryIndex, c: Case) {
  return {
    caseNo: c.caseNo,
    kind: c.kind,
    status: c.status,
    statusText: progressName(c.status),
    priority: c.priority,
    createdAt: c.createdAt,
    township: c.location.townshipId ? index.townshipById.get(c.location.townshipId)?.township.name ?? null : null,
    employer: c.wage?.employer ?? null,
    amount: c.wage?.amount ?? null,
    legalAid: lawyerMayHelp(c),
    // As the reporter reads it (their own 删除我的信息 as theirs); staff views put their own history in its place.
    history: c.history.map((h) => ({ ...h, note: reporterStepNote(h.note) })),
  };
}

/** Who reads a complaint about the staff: a supervisor over the place, unless they hold the case themselves. */
const SEES_COMPLAINTS: ReadonlySet<string> = new Set(['township_supervisor', 'district_supervisor']);

/**
 * The reporter's notes a staff member may read, and the case's history
 * without the lines of those they may not (each note's `hist` renumbered
 * to match): a complaint about the staff is for supervisors only, never
 * for the one who holds the case.
 */
function notesFor(c: Case, sc: StaffCommandContext): { notes: Case['reporterNotes']; history: Case['history'] } {
  const me = sc.staff.staff.id;
  if (SEES_COMPLAINTS.has(sc.staff.staff.role) && c.assignee?.staffId !== me) return { notes: c.reporterNotes, history: c.history };
  const hidden = new Set(c.reporterNotes.filter((n) => n.kind === 'complaint').map((n) => n.hist));
  if (hidden.size === 0) return { notes: c.reporterNotes, history: c.history };
  const before = (i: number) => [...hidden].filter((h) => h < i).length;
  return {
    notes: c.reporterNotes.filter((n) => n.kind !== 'complaint').map((n) => ({ ...n, hist: n.hist - before(n.hist) })),
    history: c.history.filter((_h, i) => !hidden.has(i)),
  };
}

/** What each kind of reporter note is, for the staff console. */
const NOTE_KIND_NAMES: Record<Case['reporterNotes'][number]['kind'], string> = {
  correction: '更正或补充',
  paid: '说工资已拿到',
  partly_paid: '说拿到一部分',
  withdraw: '想撤回',
  retaliation: '受到威胁或报复',
  absconded: '老板跑了或联系不上',
  phone: '换了电话',
  violence: '遭到殴打',
  safety: '轻生或过激的话',
  threat: '扬言伤害他人',
  complaint: '投诉工作人员',
  other: '留言',
};

/** A case for staff: the full phone number only for the assignee and a referral's liaison; masked for supervisors. */
export function staffCaseView(core: Core, c: Case, sc: StaffCommandContext, base = '/api/v1/staff') {
  const index = core.directory.index();
  const me = sc.staff.staff.id;
  const phone = c.reporter.phoneSealed ? unseal(core.config.DATA_KEY, c.reporter.phoneSealed) : null;
  const full = c.assignee?.staffId === me || c.referral?.liaisonId === me;
  const said = notesFor(c, sc);
  return {
    ...caseSummary(index, c),
    history: said.history,
    grid: c.location.gridId ? index.gridById.get(c.location.gridId)?.grid.name ?? null : null,
    community: c.location.community,
    wage: c.wage ? staffWageView(core, c.wage, full) : null,
    evidence: c.evidence.map((e) => ({ name: e.name, mediaType: e.mediaType, size: e.size, url: `${base}/cases/${c.caseNo}/evidence/${e.id}` })),
    reporter: { name: c.reporter.name, phone: phone ? (full ? phone : maskPhone(phone)) : null },
    assignee: c.assignee,
    acceptBy: c.acceptBy,
    acceptFrom: c.acceptFrom,
    resolveBy: c.resolveBy,
    extensions: c.extensions,
    // Staff notes (备注): ID numbers masked, phones whole only for whoever calls, with who wrote each (core/cases/work.ts).
    notes: staffNotesView(core, c, full),
    replies: c.replies,
    // What the reporter asked to pass on (core/cases/notes.ts): words masked; a number in them whole only for whoever calls back.
    reporterNotes: said.notes.map((n) => ({
      at: n.at,
      kind: n.kind,
      kindText: NOTE_KIND_NAMES[n.kind],
      text: n.text,
      urgent: n.urgent,
      hist: n.hist,
      phones: n.phonesSealed.map((p) => (full ? unseal(core.config.DATA_KEY, p) : maskPhone(unseal(core.config.DATA_KEY, p)))),
    })),
    outcome: c.outcome,
    closeRequest: c.closeRequest,
    closeReviews: c.closeReviews,
    receipt: c.receipt,
    referral: c.referral,
    groupId: c.groupId,
    deliveryFailures: c.deliveryFailures,
  };
}

/**
 * A wage report for staff: every field the reporter gave; a roster's phones
 * unsealed for the assignee, masked for anyone else.
 */
function staffWageView(core: Core, w: NonNullable<Case['wage']>, full: boolean) {
  const { roster, ...rest } = w;
  const phoneOf = (sealed: string | null) => {
    const p = sealed ? unseal(core.config.DATA_KEY, sealed) : null;
    return p ? (full ? p : maskPhone(p)) : null;
  };
  return {
    ...rest,
    employerKind: w.employerKind ?? 'organisation',
    // Reported on behalf of the worker owed: the relation and the worker's name, and the line staff read (【代为反映】…).
    onBehalf: w.onBehalf ? { ...w.onBehalf, text: `【代为反映】${behalfText(w.onBehalf)}` } : null,
    roster: roster
      ? { entries: roster.entries.map(({ phoneSealed, ...e }) => ({ ...e, phone: phoneOf(phoneSealed) })), files: roster.files.map((f) => f.name) }
      : null,
  };
}

/** A booking as its worker sees it: their own number masked (a screen may be seen by others). */
export function bookingView(core: Core, bookings: BookingStore, b: Booking) {
  const index = core.directory.index();
  const point = pointOf(index.directory, b.slot.pointId);
  const phone = bookings.phoneOf(b);
  return {
    bookingNo: b.bookingNo,
    status: b.status,
    statusText: STATUS_NAMES[b.status],
    matter: b.matter,
    matterText: MATTER_NAMES[b.matter],
    help: b.help,
    helpText: HELP_NAMES[b.help],
    mode: b.mode,
    modeText: MODE_NAMES[b.mode],
    start: b.slot.start,
    end: b.slot.end,
    when: whenText(b.slot),
    servicePoint: point ? { id: point.id, name: point.name, address: point.address, phone: point.phone ?? null } : null,
    provider: index.staffById.get(b.slot.staffId)?.staff.name ?? null,
    urgent: b.urgent,
    limitEndsOn: b.limitEndsOn,
    forWhom: b.forWhom,
    // A hearing (or arbitration) day told of and confirmed, with the line staff read.
    hearing: b.hearing ? { ...b.hearing, text: hearingText(b.hearing) } : null,
    // The worker's own number, masked: they know it, and a screen may be seen by others.
    contact: { name: b.contact.name, phone: phone ? maskPhone(phone) : null },
    history: b.history,
  };
}

/** A booking as its provider sees it: the full number, to call back. */
export async function staffBookingView(core: Core, bookings: BookingStore, b: Booking) {
  const linked = b.linkedCaseId ? await core.cases.get(b.linkedCaseId) : null;
  const referral = b.referralCaseId ? await core.cases.get(b.referralCaseId) : null;
  return {
    ...bookingView(core, bookings, b),
    // The provider calls back (phone and video consultations): the full number.
    contact: { name: b.contact.name, phone: bookings.phoneOf(b) },
    linkedCaseNo: linked?.caseNo ?? null,
    referralCaseNo: referral?.caseNo ?? null,
    // What was already decided (an award or judgment, paid or not), as the provider's notice says it; null when not asked.
    award: b.award ? { ...b.award, text: awardText(b.award) } : null,
    // Why it is marked urgent (仲裁时效, 工伤认定申请期限, 开庭日期).
    urgentReasons: urgentReasons(b),
  };
}

const idMasked = (core: Core, m: Membership) => (m.applicant.idSealed ? maskIdNumber(unseal(core.config.DATA_KEY, m.applicant.idSealed)) : null);

/** Shared by the applicant's and the reviewer's views; never the full ID number. */
export function membershipView(core: Core, m: Membership) {
  const index = core.directory.index();
  const e = m.employment;
  return {
    appNo: m.appNo,
    status: m.status,
    statusText: membershipStatusText(m.status),
    createdAt: m.createdAt,
    union: m.union.name,
    memberNo: m.memberNo,
    joinedAt: m.joinedAt,
    name: m.applicant.name,
    idNumber: idMasked(core, m),
    work:
      e?.kind === 'employee'
        ? { kind: e.kind, employer: e.employer, workplace: e.workplace ? placeText(index, e.workplace) : null }
        : e
          ? {
              kind: e.kind,
              occupation: OCCUPATION_NAMES[e.occupation],
              occupationText: e.occupationText,
              platform: e.platform,
              // 专送 / 众包 for riders and couriers on a platform (null: not asked, or 不清楚).
              riderType: e.riderType,
              riderTypeText: e.riderType ? RIDER_TYPE_NAMES[e.riderType] : null,
            }
          : null,
    place: m.place ? { kind: m.place.kind, text: placeText(index, m.place) } : null,
    /** When the applicant confirmed the voluntary-joining declaration (null for applications from before it was asked). */
    declaredAt: m.declaredAt,
    reviewDeadline: m.status === 'pending' ? m.reviewer?.deadline ?? null : null,
    rejectReason: m.status === 'rejected' ? m.decision?.reason ?? null : null,
    history: m.history,
  };
}

/** The phone is complete only for the assigned reviewer, who may have to call. */
export function reviewerView(core: Core, m: Membership, staffId: string) {
  const phone = m.applicant.phoneSealed ? unseal(core.config.DATA_KEY, m.applicant.phoneSealed) : null;
  return {
    ...membershipView(core, m),
    phone: phone ? (m.reviewer?.staffId === staffId ? phone : maskPhone(phone)) : null,
    phoneSharedWith: m.phoneSharedWith,
    previousAppNo: m.previousAppNo,
    reviewer: m.reviewer ? { staffId: m.reviewer.staffId, deadline: m.reviewer.deadline, escalated: m.reviewer.escalated } : null,
  };
}
