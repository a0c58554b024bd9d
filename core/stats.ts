import type { Case } from './cases/index.js';
import type { Core } from './context.js';

export interface Figures {
  received: number;
  accepted: number;
  acceptedOnTime: number;
  /** 响应率: accepted before the accept deadline / received. */
  responseRate: number | null;
  resolved: number;
  /** 解决率: resolved / received. */
  resolutionRate: number | null;
  rated: number;
  satisfied: number;
  /** 满意率: (满意 + 基本满意) / rated. */
  satisfactionRate: number | null;
  amountClaimed: number;
  amountRecovered: number;
  deadlinesMissed: number;
}

function empty(): Figures {
  return {
    received: 0, accepted: 0, acceptedOnTime: 0, responseRate: null, resolved: 0, resolutionRate: null,
    rated: 0, satisfied: 0, satisfactionRate: null, amountClaimed: 0, amountRecovered: 0, deadlinesMissed: 0,
  };
}

function add(f: Figures, c: Case) {
  f.received += 1;
  if (c.acceptedAt) {
    f.accepted += 1;
    if (!c.missed.includes('accept')) f.acceptedOnTime += 1;
  }
  if (c.status === 'resolved' || c.status === 'closed') f.resolved += 1;
  const rating = c.ratings.at(-1);
  if (rating) {
    f.rated += 1;
    if (rating !== 'unsatisfied') f.satisfied += 1;
  }
  f.amountClaimed += c.wage?.amount ?? 0;
  f.amountRecovered += c.outcome?.recovered ?? 0;
  f.deadlinesMissed += c.missed.length;
}

function rates(f: Figures): Figures {
  const r = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
  return { ...f, responseRate: r(f.acceptedOnTime, f.received), resolutionRate: r(f.resolved, f.received), satisfactionRate: r(f.satisfied, f.rated) };
}

/** Admin figures per district and township, over wage-arrears cases (enquiries are not counted). */
export async function caseFigures(core: Core) {
  const index = core.directory.index();
  const byDistrict = new Map<string, { total: Figures; townships: Map<string, Figures> }>();
  for (const c of await core.cases.recent()) {
    if (c.kind !== 'wage_arrears') continue;
    let d = byDistrict.get(c.location.districtId);
    if (!d) byDistrict.set(c.location.districtId, (d = { total: empty(), townships: new Map() }));
    add(d.total, c);
    const tw = c.location.townshipId ?? 'unknown';
    if (!d.townships.has(tw)) d.townships.set(tw, empty());
    add(d.townships.get(tw)!, c);
  }
  return index.directory.districts.map((district) => {
    const d = byDistrict.get(district.id) ?? { total: empty(), townships: new Map<string, Figures>() };
    return {
      districtId: district.id,
      name: district.name,
      ...rates(d.total),
      townships: district.townships.map((t) => ({ townshipId: t.id, name: t.name, ...rates(d.townships.get(t.id) ?? empty()) })),
    };
  });
}
