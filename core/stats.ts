import { parseStats, type StatCell } from './cases/index.js';
import type { Core } from './context.js';
import { chinaDay } from './infra/time.js';
import { membersOf } from './membership/index.js';

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

/** A counter of the figures hash (core/cases/indexes.ts) added to a total. */
function add(f: Figures, cell: StatCell) {
  switch (cell.metric) {
    case 'received':
    case 'accepted':
    case 'acceptedOnTime':
    case 'resolved':
    case 'rated':
    case 'satisfied':
    case 'deadlinesMissed':
      f[cell.metric] += cell.value;
      break;
    case 'amountClaimedFen':
      f.amountClaimed += cell.value / 100;
      break;
    case 'amountRecoveredFen':
      f.amountRecovered += cell.value / 100;
      break;
  }
}

function rates(f: Figures): Figures {
  const r = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
  return { ...f, responseRate: r(f.acceptedOnTime, f.received), resolutionRate: r(f.resolved, f.received), satisfactionRate: r(f.satisfied, f.rated) };
}

/** Admin figures per district and township, over wage-arrears cases (enquiries are not counted). */
export async function caseFigures(core: Core) {
  const index = core.directory.index();
  const byDistrict = new Map<string, { total: Figures; townships: Map<string, Figures> }>();
  // The counters kept with each case's write: no case is read.
  for (const cell of parseStats(await core.cases.statsCounters())) {
    let d = byDistrict.get(cell.districtId);
    if (!d) byDistrict.set(cell.districtId, (d = { total: empty(), townships: new Map() }));
    add(d.total, cell);
    if (!d.townships.has(cell.townshipId)) d.townships.set(cell.townshipId, empty());
    add(d.townships.get(cell.townshipId)!, cell);
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

/** One row of the dashboard: a township's or a month's wage cases. */
export interface DashboardRow {
  received: number;
  accepted: number;
  acceptedOnTime: number;
  resolved: number;
  resolvedOnTime: number;
  rated: number;
  satisfied: number;
  amountClaimed: number;
  amountRecovered: number;
}

const row = (): DashboardRow => ({ received: 0, accepted: 0, acceptedOnTime: 0, resolved: 0, resolvedOnTime: 0, rated: 0, satisfied: 0, amountClaimed: 0, amountRecovered: 0 });

/** A counter of the figures hash added to a dashboard row. */
function count(r: DashboardRow, cell: StatCell) {
  switch (cell.metric) {
    case 'received':
    case 'accepted':
    case 'acceptedOnTime':
    case 'resolved':
    case 'resolvedOnTime':
    case 'rated':
    case 'satisfied':
      r[cell.metric] += cell.value;
      break;
    case 'amountClaimedFen':
      r.amountClaimed += cell.value / 100;
      break;
    case 'amountRecoveredFen':
      r.amountRecovered += cell.value / 100;
      break;
  }
}

/** The twelve months ending with `month` (YYYY-MM), oldest first. */
function lastMonths(month: string, n = 12): string[] {
  let [y, m] = month.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.unshift(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}

/**
 * The admin dashboard's figures over wage-arrears cases (enquiries are not
 * counted), as the console's charts and CSV show them: by township, by month
 * of report (the last twelve), accepted and resolved within their time
 * limits, the satisfaction answers (the last one of each case), amounts
 * recovered, and membership applications by month and status.
 */
export async function dashboardFigures(core: Core) {
  const index = core.directory.index();
  const thisMonth = chinaDay(core.clock.now()).slice(0, 7);
  const months = lastMonths(thisMonth);
  const total = row();
  const byTownship = new Map<string, DashboardRow>();
  const byMonth = new Map(months.map((m) => [m, row()]));
  const satisfaction = { satisfied: 0, basically: 0, unsatisfied: 0 };
  // The counters kept with each case's write: no case is read.
  for (const cell of parseStats(await core.cases.statsCounters())) {
    count(total, cell);
    if (!byTownship.has(cell.townshipId)) byTownship.set(cell.townshipId, row());
    count(byTownship.get(cell.townshipId)!, cell);
    const m = byMonth.get(cell.month);
    if (m) count(m, cell);
    if (cell.metric === 'satisfaction:satisfied') satisfaction.satisfied += cell.value;
    if (cell.metric === 'satisfaction:basically') satisfaction.basically += cell.value;
    if (cell.metric === 'satisfaction:unsatisfied') satisfaction.unsatisfied += cell.value;
  }
  const townships = index.directory.districts.flatMap((d) => d.townships.map((t) => ({ townshipId: t.id, name: t.name, ...(byTownship.get(t.id) ?? row()) })));
  if (byTownship.has('unknown')) townships.push({ townshipId: 'unknown', name: '地点不明', ...byTownship.get('unknown')! });
  const memberMonths = new Map(months.map((m) => [m, { applied: 0, approved: 0, rejected: 0, pending: 0 }]));
  const members = { applied: 0, approved: 0, rejected: 0, pending: 0 };
  const store = membersOf(core);
  // Applications from before the counters are counted once, by the first read after an upgrade (then a single GET).
  while (!(await store.countOlder()).done);
  for (const [month, byStatus] of await store.counts()) {
    const mm = memberMonths.get(month);
    for (const status of ['pending', 'approved', 'rejected'] as const) {
      const n = byStatus[status] ?? 0;
      members.applied += n;
      members[status] += n;
      if (mm) {
        mm.applied += n;
        mm[status] += n;
      }
    }
  }
  return {
    asOf: core.clock.now().toISOString(),
    total,
    townships,
    months: months.map((month) => ({ month, ...byMonth.get(month)! })),
    satisfaction,
    memberships: { ...members, months: months.map((month) => ({ month, ...memberMonths.get(month)! })) },
  };
}

export type DashboardFigures = Awaited<ReturnType<typeof dashboardFigures>>;

/** A CSV cell: quoted when it holds a comma, a quote or a line break; never starting a formula. */
function cell(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The dashboard as CSV, UTF-8 with a BOM so Excel opens the Chinese headings: by township, then by month. */
export function dashboardCsv(f: DashboardFigures): string {
  const head = ['受理数', '已接单', '按时接单', '已办结', '按时办结', '已评价', '满意（含基本满意）', '反映金额（元）', '追回金额（元）'];
  const vals = (r: DashboardRow) => [r.received, r.accepted, r.acceptedOnTime, r.resolved, r.resolvedOnTime, r.rated, r.satisfied, r.amountClaimed, r.amountRecovered];
  const lines: (string | number)[][] = [
    ['按镇（街道）', ...head],
    ...f.townships.map((t) => [t.name, ...vals(t)]),
    ['合计', ...vals(f.total)],
    [],
    ['按月份', ...head, '入会申请', '入会通过'],
    ...f.months.map((m, i) => [m.month, ...vals(m), f.memberships.months[i]!.applied, f.memberships.months[i]!.approved]),
    [],
    ['满意度', '满意', '基本满意', '不满意'],
    ['评价数', f.satisfaction.satisfied, f.satisfaction.basically, f.satisfaction.unsatisfied],
  ];
  return `\uFEFF${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
}
