/**
 * Pure matching of place names typed by users: townships and streets
 * (东龙镇, 河西街道) and the villages and communities inside them (东龙村,
 * 新塘社区). Suffixes are optional, a district prefix (青溪区东龙镇) is ignored,
 * and a small misspelling (东笼镇, 冬龙) or a name typed by its sound — a
 * pinyin keyboard's wrong characters (冬隆, 和溪) or the pinyin itself
 * (donglong) — yields "did you mean" candidates, never an exact match.
 *
 * Numbered choices ("3") are not handled here; the caller does that.
 */
import { pinyin } from 'pinyin-pro';
import { foldText } from '../infra/text.js';
import type { Directory, Grid, Township } from './schema.js';

/** Texts longer than this (after normalizing) are never a place name. */
export const MAX_PLACE_TEXT_LENGTH = 40;
/** Raw input longer than this is rejected before normalizing. */
const MAX_RAW_LENGTH = 400;
/** At most this many "did you mean" candidates are returned. */
export const MAX_CANDIDATES = 5;

/** Township suffixes, longest first. */
const TOWNSHIP_SUFFIXES = ['街道办事处', '街道办', '街道', '街', '镇', '乡'] as const;
/** Suffix variants that mean the same kind of place. */
const TOWNSHIP_SUFFIX_FAMILY: Readonly<Record<string, string>> = {
  街道办事处: 'street',
  街道办: 'street',
  街道: 'street',
  街: 'street',
  镇: 'town',
  乡: 'xiang',
};

/** Village and community suffixes, longest first. */
const COMMUNITY_SUFFIXES = [
  '村民委员会',
  '居民委员会',
  '村委会',
  '居委会',
  '村委',
  '居委',
  '社区',
  '小区',
  '村',
] as const;
const COMMUNITY_SUFFIX_FAMILY: Readonly<Record<string, string>> = {
  村民委员会: 'village',
  村委会: 'village',
  村委: 'village',
  村: 'village',
  居民委员会: 'community',
  居委会: 'community',
  居委: 'community',
  社区: 'community',
  小区: 'estate',
};

/** District suffixes stripped from a district name to get its short form. */
const DISTRICT_SUFFIXES = ['区', '县', '市'] as const;

/** Result of {@link matchTownship}. */
export type TownshipMatch =
  | { kind: 'exact'; township: Township }
  | { kind: 'candidates'; townships: Township[] }
  | { kind: 'none' };

/** A village or community and the grid that covers it. */
export interface CommunityHit {
  /** The community's name as written in the directory, e.g. "新塘社区". */
  community: string;
  /** The first grid (in directory order) covering the community. */
  grid: Grid;
}

/** Result of {@link matchCommunity}. */
export type CommunityMatch =
  | ({ kind: 'exact' } & CommunityHit)
  | { kind: 'candidates'; communities: CommunityHit[] }
  | { kind: 'none' };

/** Normalizes a place name as typed (core/infra/text.ts): `' 东龙镇。'` → `东龙镇`. */
export const normalizePlaceText = foldText;

/**
 * Levenshtein distance over Unicode code points (not UTF-16 units).
 * Inputs here are short (≤ {@link MAX_PLACE_TEXT_LENGTH}), so O(n·m) is fine.
 */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/** Number of characters two strings share, counted with multiplicity. */
function sharedChars(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const ch of a) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let shared = 0;
  for (const ch of b) {
    const n = counts.get(ch) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(ch, n - 1);
    }
  }
  return shared;
}

/** A syllable as a fuzzy pinyin keyboard takes it: zh/ch/sh as z/c/s, l as n, -ng as -n (笼 and 龙, 纱 and 沙, 绣 and 秀). */
function fuzzySyllable(ch: string): string {
  return soundOf(ch).replace(/^([zcs])h/u, '$1').replace(/^l/u, 'n').replace(/ng$/u, 'n');
}

/**
 * Characters a handwriting pad (手写) mistakes for each other (形近字), each pair once: 挂山 for 桂山, 全竹 for 金竹,
 * 土坪 for 上坪. Only a near miss (a "did you mean" candidate, confirmed by the person), never an exact match.
 */
const LOOK_ALIKE_PAIRS = '挂桂 全金 土上 土士 士上 风凤 风枫 令岭 今令 末未 己已 人入 八入 王玉 大太 木本 田由 甲申 午牛 问间 住往 休体 侯候 贝见 刀力 白自 石右 乌马 乌鸟 西酉 何河 汪江 坑炕 岗岚 冈岗 梅悔 塘搪 樟璋 陂坡 洋详 樟漳 鹿麓 渡度 杨扬 茶荼 岩若 桥侨 龙尤 湾弯 园圆 泥呢 滨宾 锦绵 禾木 昌冒 栖牺 沙抄 林材 鸣呜 屋尾 莲连 荷苛 晖辉';
const LOOK_ALIKE = new Set(LOOK_ALIKE_PAIRS.split(' ').flatMap(([a, b]) => [`${a}${b}`, `${b}${a}`]));

/** Whether a handwriting pad could have written `typed` for `meant` ({@link LOOK_ALIKE_PAIRS}). */
export function looksAlike(typed: string, meant: string): boolean {
  return LOOK_ALIKE.has(`${typed}${meant}`);
}

/**
 * Whether `typed` can be `name` mistyped: the same length with each differing character sounding like the
 * name's own (东笼 for 东龙, 新唐 for 新塘), or with one character looking like the name's own on a handwriting pad
 * (挂山 for 桂山), or the name of three characters or more with one left out (金桂园 for 金桂花园). Characters merely
 * shared (南宁 and 南塘) are not a typo.
 */
function typedAs(typed: string, name: string): boolean {
  const t = Array.from(typed);
  const n = Array.from(name);
  if (t.length === n.length) {
    // At most one character written by its look (the rest the name's own, or typed by their sound).
    const byLook = t.filter((ch, i) => ch !== n[i] && fuzzySyllable(ch) !== fuzzySyllable(n[i]!));
    return byLook.length === 0 || (byLook.length === 1 && t.every((ch, i) => ch === n[i] || fuzzySyllable(ch) === fuzzySyllable(n[i]!) || looksAlike(ch, n[i]!)));
  }
  if (t.length === n.length - 1 && t.length >= 3) {
    let i = 0;
    for (const ch of n) if (ch === t[i]) i++;
    return i === t.length;
  }
  return false;
}

/**
 * Whether `typed` is `name` with exactly one character typed wrong by sound, as a pinyin keyboard does (`青溪纺只厂`
 * for 青溪纺织厂, `宏大建筑` for 宏达建筑): the same length, one character different, sounding like the name's own
 * (fuzzily, as {@link typedAs} hears it). Stricter than {@link typedAs}: a unit's name is offered back on it.
 */
export function oneCharTypedAs(typed: string, name: string): boolean {
  const t = Array.from(typed);
  const n = Array.from(name);
  if (t.length !== n.length) return false;
  const diff = t.flatMap((ch, i) => (ch === n[i] ? [] : [i]));
  return diff.length === 1 && /\p{Script=Han}/u.test(t[diff[0]!]!) && fuzzySyllable(t[diff[0]!]!) === fuzzySyllable(n[diff[0]!]!);
}

/** Splits a normalized name into core and suffix, e.g. 东龙镇 → [东龙, 镇]. Never leaves the core empty. */
function splitSuffix(name: string, suffixes: readonly string[]): [core: string, suffix: string] {
  // Strip repeatedly: 新塘社区居委会 → 新塘社区 → 新塘.
  let core = name;
  let suffix = '';
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of suffixes) {
      if (core.length > s.length && core.endsWith(s)) {
        suffix = s + suffix;
        core = core.slice(0, -s.length);
        changed = true;
        break;
      }
    }
  }
  return [core, suffix];
}

/** The kind of place a suffix denotes; the first recognized suffix wins. '' for no suffix. */
function suffixFamily(suffix: string, suffixes: readonly string[], families: Readonly<Record<string, string>>): string {
  for (const s of suffixes) if (suffix.startsWith(s)) return families[s] ?? s;
  return '';
}

interface NameKey {
  full: string;
  core: string;
  family: string;
  /** How the core sounds, toneless pinyin without spaces (东龙 → donglong); latin letters stay as typed. */
  sound: string;
  /** How the whole name sounds (东龙镇 → donglongzhen). */
  fullSound: string;
}

/**
 * The sounds of texts asked lately: a message is matched against several
 * questions' places in one turn (each time its pinyin, most of a match's
 * cost). At most SOUNDS_MAX, forgotten all at once when full.
 */
const sounds = new Map<string, string>();
const SOUNDS_MAX = 2000;

/** Toneless pinyin, for names typed by sound. `ü` is written `v`, as on a phone keyboard. */
function soundOf(text: string): string {
  let sound = sounds.get(text);
  if (sound === undefined) {
    sound = pinyin(text, { toneType: 'none', separator: '', nonZh: 'consecutive', v: true });
    if (sounds.size >= SOUNDS_MAX) sounds.clear();
    sounds.set(text, sound);
  }
  return sound;
}

interface Entry<T> {
  item: T;
  keys: NameKey[];
}

interface Scheme {
  suffixes: readonly string[];
  families: Readonly<Record<string, string>>;
}

const TOWNSHIP_SCHEME: Scheme = { suffixes: TOWNSHIP_SUFFIXES, families: TOWNSHIP_SUFFIX_FAMILY };
const COMMUNITY_SCHEME: Scheme = { suffixes: COMMUNITY_SUFFIXES, families: COMMUNITY_SUFFIX_FAMILY };

function nameKey(name: string, scheme: Scheme): NameKey | undefined {
  const full = normalizePlaceText(name);
  if (full === '') return undefined;
  const [core, suffix] = splitSuffix(full, scheme.suffixes);
  return { full, core, family: suffixFamily(suffix, scheme.suffixes, scheme.families), sound: soundOf(core), fullSound: soundOf(full) };
}

function makeEntry<T>(item: T, names: readonly string[], scheme: Scheme): Entry<T> {
  const keys: NameKey[] = [];
  for (const n of names) {
    const k = nameKey(n, scheme);
    if (k && !keys.some((x) => x.full === k.full)) keys.push(k);
  }
  return { item, keys };
}

/**
 * Scores how well a query matches a key: `Infinity` for an exact match, a
 * value in (0, 1] for a plausible "did you mean", 0 for no match.
 */
function scoreKey(query: NameKey, key: NameKey): number {
  if (query.full === key.full) return Infinity;
  if (query.core === key.core) {
    // Same core: no suffix, or a suffix of the same kind (街道 / 街道办), is exact;
    // a different kind (东龙街道 for 东龙镇) is only a strong candidate.
    return query.family === '' || query.family === key.family ? Infinity : 0.95;
  }
  // Typed by sound: the same pinyin as the name (冬隆 or donglong for 东龙) is a strong candidate.
  // Two syllables at least (a single 镇 sounds like too many things).
  if (key.sound.length >= 4 && (query.sound === key.sound || query.full === key.sound || query.full === key.fullSound)) return 0.9;
  const q = query.core;
  const k = key.core;
  const lq = Array.from(q).length;
  const lk = Array.from(k).length;
  const allowed = lk <= 4 ? 1 : 2;
  const contains = lk >= 2 && q.includes(k);
  // Lengths further apart than the edits allowed: neither a near miss nor an anagram, so only
  // containment counts (a sentence or a company's name against every township: skip the distance).
  if (Math.abs(lq - lk) > allowed && !contains) return 0;
  const dist = editDistance(q, k);
  const shared = sharedChars(q, k);
  const anagram = shared === lq && shared === lk;
  // A near miss is a typo of this very name (a character typed by its sound, one dropped from a long name),
  // never another name sharing a character with it: 南宁 is not 南塘, 深圳 is not any of ours.
  if (!((dist <= allowed && typedAs(q, k)) || anagram || contains)) return 0;
  const similarity = 1 - dist / Math.max(lq, lk);
  const overlap = (2 * shared) / (lq + lk);
  let score = 0.6 * similarity + 0.4 * overlap;
  if (contains) score = Math.max(score, 0.5) + 0.1;
  // Tie-breaker: 河溪街道 is closer to 河西街道 than to 柳溪镇.
  if (query.family !== '' && query.family === key.family) score += 0.05;
  return Math.min(0.9, score);
}

/** Best exact hits and ranked candidates of queries against entries. */
function rank<T>(entries: readonly Entry<T>[], queries: readonly NameKey[]): { exact: T[]; candidates: T[] } {
  const exact: T[] = [];
  const scored: { item: T; score: number; order: number }[] = [];
  entries.forEach((entry, order) => {
    let best = 0;
    for (const q of queries) for (const k of entry.keys) best = Math.max(best, scoreKey(q, k));
    if (best === Infinity) exact.push(entry.item);
    else if (best > 0) scored.push({ item: entry.item, score: best, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return { exact, candidates: scored.slice(0, MAX_CANDIDATES).map((s) => s.item) };
}

/** Normalizes user text, or returns undefined when it cannot be a place name. */
function prepare(text: string): string | undefined {
  if (typeof text !== 'string' || text.length > MAX_RAW_LENGTH) return undefined;
  const n = normalizePlaceText(text);
  if (n === '' || Array.from(n).length > MAX_PLACE_TEXT_LENGTH) return undefined;
  return n;
}

/** The query itself plus the query with each given prefix removed (when something remains). */
function withPrefixesStripped(text: string, prefixes: readonly string[]): string[] {
  const out = [text];
  for (const p of prefixes) {
    if (p !== '' && text.length > p.length && text.startsWith(p)) {
      const rest = text.slice(p.length);
      if (!out.includes(rest)) out.push(rest);
    }
  }
  return out;
}

/** Prefixes a user may put before a township name: the district's name, its short form, aliases. */
function districtPrefixes(d: Directory): string[] {
  const out = new Set<string>();
  for (const district of d.districts) {
    for (const name of [district.name, ...district.aliases]) {
      const n = normalizePlaceText(name);
      if (n === '') continue;
      out.add(n);
      const [core] = splitSuffix(n, DISTRICT_SUFFIXES);
      out.add(core);
    }
  }
  // Longest first so 青溪区东龙镇 strips 青溪区, not just 青溪.
  return [...out].sort((a, b) => b.length - a.length);
}

function toQueries(texts: readonly string[], scheme: Scheme): NameKey[] {
  return texts.map((t) => nameKey(t, scheme)).filter((k): k is NameKey => k !== undefined);
}

/**
 * Finds the township or street a user means.
 *
 * - `exact`: the text is a township's name, with or without its suffix
 *   (东龙, 东龙镇), optionally after the district name (青溪区东龙镇), or one
 *   of its aliases. Spaces, punctuation and full-width forms are ignored.
 * - `candidates`: up to {@link MAX_CANDIDATES} close names, best first, for a
 *   "did you mean" question: one character off (东笼镇, 冬龙), the name inside
 *   a longer text (我在东龙镇), the same name with another suffix (东龙街道),
 *   or an exact name shared by townships of different districts.
 * - `none`: nothing plausible, empty text, or text too long to be a name.
 *
 * Numbered choices such as "3" are not interpreted; they give `none`.
 */
export function matchTownship(d: Directory, text: string): TownshipMatch {
  const n = prepare(text);
  if (n === undefined) return { kind: 'none' };
  const { entries, prefixes } = townshipIndex(d);
  // A district's own name (青溪区, 青溪) is not a township, nor a near miss of one.
  if (prefixes.includes(n)) return { kind: 'none' };
  const queries = toQueries(withPrefixesStripped(n, prefixes), TOWNSHIP_SCHEME);
  const { exact, candidates } = rank(entries, queries);
  if (exact.length === 1) return { kind: 'exact', township: exact[0]! };
  if (exact.length > 1) return { kind: 'candidates', townships: exact.slice(0, MAX_CANDIDATES) };
  if (candidates.length > 0) return { kind: 'candidates', townships: candidates };
  // `老城` for the alias 老城区 (an area's name, no district): the alias without its 区, asked about, never taken.
  const shortAlias = aliasWithoutArea(d, n);
  if (shortAlias.length > 0) return { kind: 'candidates', townships: shortAlias };
  return { kind: 'none' };
}

/** Townships with an alias that is an area's name ending in 区 (`老城区`), the text being that name without it (`老城`). */
function aliasWithoutArea(d: Directory, n: string): Township[] {
  if (Array.from(n).length < 2) return [];
  return d.districts.flatMap((district) => district.townships).filter((t) =>
    t.aliases.some((a) => {
      const alias = normalizePlaceText(a);
      return /区$/u.test(alias) && alias.slice(0, -1) === n;
    }),
  );
}

/**
 * Finds the village or community a user means within one township, and the
 * grid covering it. Works like {@link matchTownship}: the suffixes
 * 村/社区/小区/居委会/村委会 are optional, a leading township name
 * (东龙镇新塘社区) is ignored, and near misses give candidates.
 */
export function matchCommunity(township: Township, text: string): CommunityMatch {
  const n = prepare(text);
  if (n === undefined) return { kind: 'none' };
  const { entries, prefixes } = communityIndex(township);
  const queries = toQueries(withPrefixesStripped(n, prefixes), COMMUNITY_SCHEME);
  const { exact, candidates } = rank(entries, queries);
  if (exact.length === 1) return { kind: 'exact', ...exact[0]! };
  if (exact.length > 1) return { kind: 'candidates', communities: exact.slice(0, MAX_CANDIDATES) };
  if (candidates.length > 0) return { kind: 'candidates', communities: candidates };
  return { kind: 'none' };
}

/**
 * The names to match against, worked out once per loaded directory (their
 * pinyin is most of a match's cost, and a chat message may match several
 * times): a directory is replaced, never changed in place, so its objects
 * are the cache keys.
 */
const townshipIndexes = new WeakMap<Directory, { entries: Entry<Township>[]; prefixes: string[] }>();
function townshipIndex(d: Directory) {
  let index = townshipIndexes.get(d);
  if (!index) {
    const entries: Entry<Township>[] = [];
    for (const district of d.districts) {
      for (const t of district.townships) entries.push(makeEntry(t, [t.name, ...t.aliases], TOWNSHIP_SCHEME));
    }
    townshipIndexes.set(d, (index = { entries, prefixes: districtPrefixes(d) }));
  }
  return index;
}

const communityIndexes = new WeakMap<Township, { entries: Entry<CommunityHit>[]; prefixes: string[] }>();
function communityIndex(township: Township) {
  const kept = communityIndexes.get(township);
  if (kept) return kept;
  const entries: Entry<CommunityHit>[] = [];
  const seen = new Set<string>();
  for (const grid of township.grids) {
    for (const community of grid.communities) {
      if (seen.has(community)) continue; // covered by an earlier grid too
      seen.add(community);
      entries.push(makeEntry({ community, grid }, [community], COMMUNITY_SCHEME));
    }
  }
  const townshipPrefixes = new Set<string>();
  for (const name of [township.name, ...township.aliases]) {
    const k = nameKey(name, TOWNSHIP_SCHEME);
    if (k) townshipPrefixes.add(k.full).add(k.core);
  }
  const index = { entries, prefixes: [...townshipPrefixes].sort((a, b) => b.length - a.length) };
  communityIndexes.set(township, index);
  return index;
}
