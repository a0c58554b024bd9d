/**
 * Unions a worker can join, derived from the directory: township and street
 * unions (乡镇/街道总工会), the district's federation of new-employment-form
 * unions (新业态工会联合会) and enterprise unions (企业工会) of known employers.
 * Pure: no Redis, no I/O.
 */
import type { DirectoryIndex } from './load.js';
import { normalizePlaceText, oneCharTypedAs } from './match.js';
import type { Directory, Employer, Staff } from './schema.js';
import { employerKey } from '../infra/text.js';

export type UnionKind = 'township' | 'federation' | 'enterprise';

export interface Union {
  /** `tu-<townshipId>`, `nef-<districtId>` or `eu-<employerId>`: stable while the directory keeps the place. */
  id: string;
  name: string;
  kind: UnionKind;
  districtId: string;
  /** The township of a township union or of an employer. */
  townshipId: string | null;
  /** Applications are approved at once, without a reviewer. */
  autoApprove: boolean;
  /**
   * Who decides applications. The directory's reviewers; without any, the
   * township supervisor (a township union), the township union's reviewers
   * (an enterprise union) or the district union's (the federation).
   */
  reviewers: Staff[];
  /** The district union's reviewers: an application nobody decided in time goes up to them. */
  escalation: Staff[];
}

const cache = new WeakMap<DirectoryIndex, Map<string, Union>>();

/** Every union of the directory by id. */
export function unionsOf(index: DirectoryIndex): ReadonlyMap<string, Union> {
  const hit = cache.get(index);
  if (hit) return hit;
  const out = new Map<string, Union>();
  for (const d of index.directory.districts) {
    const supervisors = d.supervisors.filter((s) => s.role === 'district_supervisor');
    const escalation = d.union.reviewers.length > 0 ? d.union.reviewers : supervisors;
    const townshipUnions = new Map<string, Union>();
    for (const t of d.townships) {
      const u: Union = {
        id: `tu-${t.id}`,
        name: t.union.name,
        kind: 'township',
        districtId: d.id,
        townshipId: t.id,
        autoApprove: t.union.autoApprove,
        reviewers: t.union.reviewers.length > 0 ? t.union.reviewers : [t.supervisor],
        escalation,
      };
      townshipUnions.set(t.id, u);
      out.set(u.id, u);
    }
    if (d.newEmploymentFederation) {
      const f = d.newEmploymentFederation;
      out.set(`nef-${d.id}`, {
        id: `nef-${d.id}`,
        name: f.name,
        kind: 'federation',
        districtId: d.id,
        townshipId: null,
        autoApprove: f.autoApprove,
        reviewers: f.reviewers.length > 0 ? f.reviewers : escalation,
        escalation,
      });
    }
    for (const e of d.employers) {
      if (!e.union) continue;
      out.set(`eu-${e.id}`, {
        id: `eu-${e.id}`,
        name: e.union.name,
        kind: 'enterprise',
        districtId: d.id,
        townshipId: e.townshipId,
        autoApprove: e.union.autoApprove,
        reviewers: e.union.reviewers.length > 0 ? e.union.reviewers : townshipUnions.get(e.townshipId)?.reviewers ?? escalation,
        escalation,
      });
    }
  }
  cache.set(index, out);
  return out;
}

export function unionById(index: DirectoryIndex, id: string): Union | undefined {
  return unionsOf(index).get(id);
}

/** The union of a township or street. */
export function townshipUnion(index: DirectoryIndex, townshipId: string): Union | undefined {
  return unionsOf(index).get(`tu-${townshipId}`);
}

/** A known employer and the district it is in. */
export function employerById(index: DirectoryIndex, employerId: string): { employer: Employer; districtId: string } | undefined {
  for (const d of index.directory.districts) {
    const e = d.employers.find((x) => x.id === employerId);
    if (e) return { employer: e, districtId: d.id };
  }
  return undefined;
}

/** The union covering a known employer's employees: its own, else its township's. */
export function employerUnion(index: DirectoryIndex, employerId: string): Union | undefined {
  const hit = employerById(index, employerId);
  if (!hit) return undefined;
  return unionsOf(index).get(`eu-${employerId}`) ?? townshipUnion(index, hit.employer.townshipId);
}

/**
 * The union for a new-employment-form worker (新就业形态劳动者) living or
 * registered in `townshipId`: the district's federation if it has one, else
 * the township or street union.
 */
export function newEmploymentUnion(index: DirectoryIndex, townshipId: string): Union | undefined {
  const entry = index.townshipById.get(townshipId);
  if (!entry) return undefined;
  return unionsOf(index).get(`nef-${entry.districtId}`) ?? townshipUnion(index, townshipId);
}

/** Whether `staffId` may decide applications to `union` (escalated ones go to the district union too). */
export function reviewsFor(union: Union, staffId: string, escalated: boolean): boolean {
  return union.reviewers.some((s) => s.id === staffId) || (escalated && union.escalation.some((s) => s.id === staffId));
}

/** The unions whose applications `staffId` reviews (district union reviewers: every union of the district). */
export function unionsReviewedBy(index: DirectoryIndex, staffId: string): { union: Union; asEscalation: boolean }[] {
  const out: { union: Union; asEscalation: boolean }[] = [];
  for (const u of unionsOf(index).values()) {
    if (u.reviewers.some((s) => s.id === staffId)) out.push({ union: u, asEscalation: false });
    else if (u.escalation.some((s) => s.id === staffId)) out.push({ union: u, asEscalation: true });
  }
  return out;
}

export type EmployerMatch =
  | { kind: 'exact'; employer: Employer }
  /** Plausible but not certain (青溪纺织机械 is not 青溪纺织): the worker picks. */
  | { kind: 'near'; employers: Employer[] }
  | { kind: 'none' };

function namesOf(e: Employer) {
  return [e.name, ...e.aliases].map((n) => employerKey(n));
}

/**
 * Finds a known employer from what a worker typed as its name: the name or
 * an alias, with or without 有限公司 and the like, is `exact`; a text
 * containing a known name, or a known name containing a text of four or more
 * characters, is `near`.
 */
export function matchEmployer(directory: Directory, text: string): EmployerMatch {
  const q = employerKey(text);
  if (q.full.length < 2 || q.full.length > 80) return { kind: 'none' };
  const all = directory.districts.flatMap((d) => d.employers);
  const exact = all.filter((e) => namesOf(e).some((k) => k.full === q.full || k.core === q.core));
  if (exact.length === 1) return { kind: 'exact', employer: exact[0]! };
  const near = exact.length > 1
    ? exact
    : all.filter((e) => namesOf(e).some((k) => ([...k.core].length >= 3 && q.full.includes(k.core)) || ([...q.core].length >= 4 && k.full.includes(q.core))));
  return near.length > 0 ? { kind: 'near', employers: near.slice(0, 5) } : { kind: 'none' };
}

/** The one known employer whose full name or alias appears in a longer message ("我在青溪纺织厂上班"), if exactly one does. */
export function employerMentioned(directory: Directory, text: string): Employer | undefined {
  const t = normalizePlaceText(text);
  const hits = directory.districts
    .flatMap((d) => d.employers)
    .filter((e) => namesOf(e).some((k) => [...k.full].length >= 4 && t.includes(k.full)));
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * The one known employer whose name or alias was typed with one character of the same sound written wrong, as a
 * pinyin keyboard does (`青溪纺只厂` for 青溪纺织厂, `河西物叶` for 河西物业, `宏大建筑` for 宏达建筑): four Han characters or
 * more, the same length, only one character different. Offered, never taken (宏大建筑 may be another company);
 * `name` is the name or alias it was typed for. `河西物流` (another sound) is none.
 */
export function employerTypedBySound(directory: Directory, text: string): { employer: Employer; name: string } | undefined {
  const t = text.replace(/\s+/gu, '');
  if (!/^\p{Script=Han}{4,20}$/u.test(t)) return undefined;
  const hits: { employer: Employer; name: string }[] = [];
  for (const e of directory.districts.flatMap((d) => d.employers)) {
    const name = [e.name, ...e.aliases].find((n) => oneCharTypedAs(t, n.replace(/\s+/gu, '')));
    if (name) hits.push({ employer: e, name });
  }
  return hits.length === 1 ? hits[0] : undefined;
}
