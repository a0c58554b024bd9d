/**
 * What a document can say about a wage case or a legal-aid booking, read
 * from the records on demand (nothing is stored): the worker, the employer,
 * the claim, the place, the evidence, an award already made. Whatever the
 * records do not know stays null and is printed as a blank to fill in.
 */
import { fullyPaid, type Case } from '../cases/index.js';
import type { Core } from '../context.js';
import { unseal } from '../infra/privacy.js';
import { chinaDay, createBookings, type Award, type Booking, type Hearing, type Matter } from '../legal-aid/index.js';

/** A case or a booking: what documents are made from. */
export type Subject = Case | Booking;

export function isCase(s: Subject): s is Case {
  return 'caseNo' in s;
}

/** The number people know the record by (`QX20261121-0001`, `YY20261121-0001`). */
export function refOf(s: Subject): string {
  return isCase(s) ? s.caseNo : s.bookingNo;
}

/** The worker's own record (their user key). */
export function ownerOf(s: Subject): string {
  return isCase(s) ? s.reporter.userKey : s.userKey;
}

export type Wage = NonNullable<Case['wage']>;

export interface Facts {
  ref: string;
  /** What it is about; null for a 人工 request (no documents). */
  matter: Matter | null;
  /**
   * The party owed the wages (申请人/原告). Someone reporting or booking for a relative or a 老乡 is not the
   * party: then it is the worker they named (name null when not given) and the phone is left blank, since
   * the only phone we have is the reporter's. `forOther` says so, for the notes.
   */
  worker: { name: string | null; phone: string | null; forOther?: boolean };
  wage: Wage | null;
  /** Household service (家政) for a family: a civil matter (劳务), not arbitration. */
  household: boolean;
  employerAddress: string | null;
  /** 工种. */
  trade: string | null;
  /** `YYYY-MM`: when the work started. */
  workStart: string | null;
  /** Still working there, or since when they left (a month `YYYY-MM` from a case, a day from a booking); null when unknown. */
  employment: { stillEmployed: true } | { stillEmployed: false; left: string | null } | null;
  district: string;
  /** Township, community: where the work was. */
  place: string | null;
  evidence: { name: string }[];
  award: Award | null;
  /** A hearing (or arbitration) day the worker told of on a booking and confirmed, still to come; absent or null when none. */
  hearing?: Hearing | null;
  /** A 支持起诉 case, a case referred to the procuratorate (not declined), or a booking with a procurator. */
  procurator: boolean;
  /** All the claimed wages were recovered: nothing more to claim. */
  settled: boolean;
}

export interface FactsOptions {
  /** Whether the phone number goes in: the worker's own documents and the staff who call back; not supervisors. */
  phone: boolean;
}

/**
 * What the wage record says besides the basics: who employs the worker (a
 * family or a private person — a nanny, a carer, private renovation — is a
 * civil matter, not arbitration), the employer's address, the trade, when
 * the work started.
 */
export function wageExtras(w: Wage | null): { household: boolean; employerAddress: string | null; trade: string | null; workStart: string | null } {
  const text = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);
  return {
    household: w?.employerKind === 'household',
    employerAddress: text(w?.employerAddress),
    trade: text(w?.trade),
    workStart: w?.workStart && /^\d{4}-\d{2}$/.test(w.workStart) ? w.workStart : null,
  };
}

/** The hearing day told of on a booking (the newest open one that has one), while it is still to come. */
function hearingOf(bookings: readonly Booking[], today: string): Hearing | null {
  return bookings.find((b) => b.status === 'booked' && b.hearing && b.hearing.to >= today)?.hearing ?? null;
}

/** The newest award the worker told of in bookings about this case. */
function awardOf(bookings: readonly Booking[]): Award | null {
  return bookings.find((b) => b.award && b.award.state !== 'none')?.award ?? bookings.find((b) => b.award)?.award ?? null;
}

export async function factsOf(core: Core, s: Subject, opts: FactsOptions): Promise<Facts> {
  const index = core.directory.index();
  const bookings = createBookings(core);
  const phoneOf = (sealed: string | null) => (opts.phone && sealed ? unseal(core.config.DATA_KEY, sealed) : null);
  const districtName = (id: string) => index.directory.districts.find((d) => d.id === id)?.name ?? index.directory.districts[0]?.name ?? '';
  const townshipName = (id: string | null) => (id ? index.townshipById.get(id)?.township.name ?? null : null);

  if (isCase(s)) {
    // A 支持起诉 case carries the wage case's details; its evidence stays with the wage case.
    const linked = s.legalAid?.linkedCaseId ? await core.cases.get(s.legalAid.linkedCaseId) : null;
    const own = (await bookings.listByUser(s.reporter.userKey, 50)).filter((b) => b.linkedCaseId === s.id || b.id === s.legalAid?.bookingId || (linked && b.linkedCaseId === linked.id));
    const fromBooking = s.legalAid ? await bookings.get(s.legalAid.bookingId) : null;
    const w = s.wage;
    const behalf = w?.onBehalf ?? linked?.wage?.onBehalf ?? null;
    return {
      ref: s.caseNo,
      matter: w ? 'wage' : s.kind === 'legal_aid' ? (fromBooking?.matter ?? null) : null,
      worker: behalf ? otherWorker(behalf.workerName) : { name: s.reporter.name, phone: phoneOf(s.reporter.phoneSealed) },
      wage: w,
      ...wageExtras(w),
      employment: w ? (w.stillEmployed ? { stillEmployed: true } : { stillEmployed: false, left: w.leftSince }) : employmentOf(fromBooking),
      district: districtName(s.location.districtId),
      place: [townshipName(s.location.townshipId), s.location.community].filter(Boolean).join('') || null,
      evidence: [...(linked?.evidence ?? []), ...s.evidence].filter((e) => !e.mediaType.startsWith('audio/')).map((e) => ({ name: e.name })),
      award: awardOf(own),
      hearing: hearingOf(own, chinaDay(core.clock.now())),
      procurator:
        s.kind === 'legal_aid' ||
        (s.referral !== null && s.referral.status !== 'declined') ||
        own.some((b) => b.help === 'procurator' && b.status !== 'cancelled' && b.status !== 'no_show'),
      settled: fullyPaid(s) || (linked !== null && fullyPaid(linked)),
    };
  }

  const linked = s.linkedCaseId ? await core.cases.get(s.linkedCaseId) : null;
  const w = s.matter === 'wage' ? (linked?.wage ?? null) : null;
  // Booked for someone else (为儿子预约): the booking knows only the relation, not the worker's name.
  const behalf = linked?.wage?.onBehalf ?? null;
  return {
    ref: s.bookingNo,
    matter: s.matter,
    worker: behalf
      ? otherWorker(behalf.workerName)
      : s.forWhom
        ? otherWorker(null)
        : { name: s.contact.name, phone: phoneOf(s.contact.phoneSealed) },
    wage: w,
    ...wageExtras(w),
    employment: employmentOf(s) ?? (w ? (w.stillEmployed ? { stillEmployed: true } : { stillEmployed: false, left: w.leftSince }) : null),
    district: districtName(s.districtId),
    place: linked
      ? [townshipName(linked.location.townshipId), linked.location.community].filter(Boolean).join('') || null
      : townshipName(s.townshipId),
    evidence: (linked?.evidence ?? []).filter((e) => !e.mediaType.startsWith('audio/')).map((e) => ({ name: e.name })),
    award: s.award,
    hearing: s.hearing && s.hearing.to >= chinaDay(core.clock.now()) ? s.hearing : null,
    procurator: s.help === 'procurator',
    settled: linked !== null && fullyPaid(linked),
  };
}

/** The worker owed, when someone else reported or booked: their name if known; never the reporter's name or phone. */
function otherWorker(name: string | null): Facts['worker'] {
  return { name: name && name.trim() ? name.trim() : null, phone: null, forOther: true };
}

function employmentOf(b: Booking | null): Facts['employment'] {
  if (!b?.employment) return null;
  return b.employment.stillEmployed ? { stillEmployed: true } : { stillEmployed: false, left: b.employment.leftOn };
}
