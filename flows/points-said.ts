/**
 * `东龙镇的工会驿站在哪`, `河西镇那块 工会驿站在哪`: where the union and its service points are, asked with a place. The
 * knowledge base's answer is the same for everyone (every township has a union; book to see the points); a place named
 * gets the points there by name, address, telephone and hours, from the directory, with the general answer's way on
 * after it. A township with no point of its own gets the district's (those with no township). No place named, or a
 * hometown only (`我老家梅岗的`): the general answer, unchanged.
 */
import type { ServicePoint, WeeklyHours } from '../core/directory/index.js';
import type { KnowledgeEntry } from './knowledge/kb.js';
import { findTownship, townshipName, withoutHometown } from './places.js';
import type { FlowContext } from './types.js';

/** The entries asking where the union and its points are. */
const WHERE_ENTRIES = new Set(['union-where']);

const DAYS: readonly (keyof WeeklyHours)[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const DAY_NAMES: Record<keyof WeeklyHours, string> = { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五' };

/** `周一至周五 09:00-12:00、14:00-17:00`: days with the same hours run together; days closed left out. */
export function hoursSaid(hours: WeeklyHours): string {
  const parts: string[] = [];
  let i = 0;
  while (i < DAYS.length) {
    const same = hours[DAYS[i]!].join('、');
    let j = i;
    while (j + 1 < DAYS.length && hours[DAYS[j + 1]!].join('、') === same) j++;
    if (same !== '') parts.push(`${DAY_NAMES[DAYS[i]!]}${j > i ? `${j - i === 1 ? '、' : '至'}${DAY_NAMES[DAYS[j]!]}` : ''} ${same}`);
    i = j + 1;
  }
  return parts.join('；');
}

/** `沙湾村附近有没有服务点`: a village or community named in full (three characters or more) in one township only. */
function villageTownship(ctx: FlowContext, words: string): { districtId: string; townshipId: string } | null {
  const found = new Map<string, { districtId: string; townshipId: string }>();
  for (const d of ctx.directory.districts)
    for (const t of d.townships)
      for (const g of t.grids) if (g.communities.some((c) => c.length >= 3 && words.includes(c))) found.set(`${d.id}/${t.id}`, { districtId: d.id, townshipId: t.id });
  return found.size === 1 ? [...found.values()][0]! : null;
}

function pointSaid(p: ServicePoint): string {
  const hours = hoursSaid(p.hours);
  return `· ${p.name}：${p.address}${p.phone ? `，电话${p.phone}` : ''}${hours ? `，${hours}` : ''}`;
}

/** The answer to where the points are, for the place the question names; null when it names none (or is not that question). */
export function pointsSaid(entry: KnowledgeEntry, asked: string, ctx: FlowContext): string | null {
  if (!WHERE_ENTRIES.has(entry.id) || asked === '') return null;
  const words = withoutHometown(asked);
  const place = findTownship(ctx, words) ?? villageTownship(ctx, words);
  if (!place) return null;
  const district = ctx.directory.districts.find((d) => d.id === place.districtId);
  if (!district) return null;
  const here = district.servicePoints.filter((p) => p.townshipId === place.townshipId);
  const name = townshipName(ctx, place);
  const way = '想去当面谈，先在这里预约法律援助；想入会不用跑，回复「我要入会」就能申请。';
  if (here.length > 0) return `${name}的服务点：\n${here.map(pointSaid).join('\n')}\n也可以直接去${name}工会。${way}`;
  const districtWide = district.servicePoints.filter((p) => p.townshipId === undefined);
  if (districtWide.length === 0) return null;
  return `${name}还没有服务点，区里的有：\n${districtWide.map(pointSaid).join('\n')}\n也可以直接去${name}工会。${way}`;
}
