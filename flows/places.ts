/**
 * Places in what people type: a township or street answered directly (with
 * "did you mean" for near misses, core/directory/match.ts), and the
 * township and community named inside a longer sentence (`在河西街道锦绣社区的
 * 楼盘干了三个月`), exact names only: a guess is never taken from a sentence.
 */
import { matchCommunity, matchTownship, normalizePlaceText } from '../core/directory/index.js';
import type { Directory, Township } from '../core/directory/index.js';
import type { FieldResult, FlowContext } from './types.js';
import { notedForTurn } from './parsers/turn-memo.js';
import { spellsPinyin, syllablesOf, typedInPinyin } from './nlu/normalize.js';

/** A township or street, with the district it belongs to. */
export interface TownshipPlace {
  districtId: string;
  townshipId: string;
}

/** The name of the township of a place, or '' if it is not (or no longer) in the directory. */
export function townshipName(ctx: FlowContext, place: TownshipPlace | null | undefined): string {
  return (place?.townshipId && ctx.index.townshipById.get(place.townshipId)?.township.name) || '';
}

/** A place said without which one: `就在镇上`, `村里`, `这边`, `本地`. */
const VAGUE_PLACE = /^(?:就|也|都)?(?:是)?(?:在)?(?:镇上|镇里|村里|村上|街上|城里|县城|县里|市里|区里|这边|那边|本地|附近|这里|那里|我们这|我们那|我们这边|我们那边|老地方)(?:的|啊|呀|吧|呢)?$/u;

/** Provinces and regions: a 户口 or 老家 there (`老家是湖南的`) is outside the area served. */
export const PROVINCES = '河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古?|西藏|宁夏|新疆';
/** Cities people name for where they work (any `…市` counts too). */
export const CITIES =
  '北京|上海|天津|重庆|广州|深圳|东莞|佛山|惠州|中山|珠海|江门|肇庆|清远|汕头|湛江|茂名|杭州|宁波|温州|义乌|苏州|无锡|常州|南京|昆山|合肥|福州|厦门|泉州|晋江|莆田|武汉|长沙|南昌|郑州|济南|青岛|成都|西安|昆明|贵阳|南宁|柳州|桂林|玉林|梧州|北海|海口|三亚|石家庄|太原|沈阳|长春|哈尔滨|兰州|乌鲁木齐|拉萨|西宁|银川|呼和浩特|香港|澳门|外地|外省';

/** A province's or city's name without what follows it (`广西壮族自治区`, `广西` → 广西; `南宁市` → 南宁). */
export function regionCore(name: string): string {
  return name.replace(/(?:(?:壮族|回族|维吾尔)?自治区|特别行政区|省|市)$/u, '');
}

/**
 * The province and city the directory's districts are in (`广西`, `南宁`), as a district's `within` names
 * them (core/directory/schema.ts). A word naming
 * one of them (`户口在广西`, `在南宁上班`) may be inside the area served: never outside it on its own.
 */
export function ownRegion(ctx: FlowContext): string[] {
  return ctx.directory.districts.flatMap((d) => d.within.map(regionCore)).filter((n) => n.length >= 2);
}

/** A place outside the area served, or the province or city the area is in (`own`: it may be here). */
export interface PlaceOutside {
  /** The place as typed (`深圳`, `广东东莞`, `外地`). */
  place: string;
  /** Only the province or city the area is in (`南宁`, `广西`): maybe inside the area, maybe not. */
  own: boolean;
}

/** A market or a shop, not a city (`菜市`, `超市`). */
const NOT_A_CITY = /(?:超|菜|城|门|夜|集|股|花|早|闹|商)市$/u;

/**
 * The place a whole answer to a place question names, when it is not in the area served: a province or a city
 * (`深圳`, `在深圳打工`, `广东东莞`, `湖南长沙市`, `外地`), maybe with a district after it (`深圳宝安区`).
 * Null for anything else, and for any answer naming a place served (a district, a township).
 */
export function placeOutside(ctx: FlowContext, text: string): PlaceOutside | null {
  const s = normalizePlaceText(text)
    .replace(/^(?:我|我们|俺|人)?(?:是|就是|一直|现在|目前|都)?(?:住|家住|常住)?(?:在|去|到|于)?/u, '')
    .replace(/(?:那边|这边|那里|那儿|这里|一带|附近|市区|郊区|下面)?(?:上班|打工|工作|干活|做事|做工|做|干)?(?:的|呢|啊|呀|哦|了)*$/u, '');
  if (s.length < 2 || s.length > 14) return null;
  const prov = new RegExp(`^(?:${PROVINCES})(?:省|(?:壮族|回族|维吾尔)?自治区)?`, 'u').exec(s)?.[0] ?? '';
  const rest = s.slice(prov.length);
  const city = new RegExp(`^(?:(?:${CITIES})市?|[\\p{Script=Han}]{2,4}?[市省](?![场])|[\\p{Script=Han}]{2,3}?自治区)`, 'u').exec(rest)?.[0] ?? '';
  if (!prov && !city) return null;
  if (city && NOT_A_CITY.test(city)) return null;
  // After the city, at most a district or a town of it (`宝安区`, `龙华`), nothing else.
  if (!/^[\p{Script=Han}]{0,6}$/u.test(rest.slice(city.length))) return null;
  // A place served named in it (`南宁青溪区`) is not outside.
  if (findTownship(ctx, s) || placeNamed(ctx, s) || townshipsOfCommunity(ctx, s).length > 0) return null;
  if (ctx.directory.districts.some((d) => [d.name, ...d.aliases].some((n) => s.includes(n.replace(/[区县市]$/u, ''))))) return null;
  const own = ownRegion(ctx);
  const isOwn = (n: string) => n === '' || own.includes(regionCore(n));
  return { place: city ? city : prov, own: isOwn(prov) && isOwn(city) };
}

/** Where {@link parseTownship} differs between flows. */
export interface TownshipMatchOptions {
  /** How the typed text is quoted back in a message; defaults to its first 20 characters. */
  quote?(text: string): string;
  /** Tried after a picked township id and before matching names, e.g. a bare district name. */
  before?(text: string, ctx: FlowContext): FieldResult | undefined;
  /** The error when nothing is near; defaults to listing every township served. */
  none?(quoted: string, ctx: FlowContext): string;
  /** The error when nothing is near and the answer names a place outside the area ({@link placeOutside}); else `none`. */
  away?(outside: PlaceOutside, ctx: FlowContext): string;
}

/**
 * A township from a direct answer: a picked candidate (it arrives as its
 * township id), or a name matched by matchTownship. A near miss offers the
 * candidates as options ("did you mean"); nothing near gets `opts.none`.
 */
export function parseTownship(ctx: FlowContext, text: string, opts: TownshipMatchOptions = {}): { ok: true; value: TownshipPlace } | Extract<FieldResult, { ok: false }> {
  const picked = ctx.index.townshipById.get(text);
  if (picked) return { ok: true, value: { districtId: picked.districtId, townshipId: picked.township.id } };
  const early = opts.before?.(text, ctx);
  if (early && !early.ok) return early;
  const quoted = opts.quote ? opts.quote(text) : [...text].slice(0, 20).join('');
  // `东龙 石岭`: two townships, each a whole word; which one is asked, never the one said last kept.
  const two = twoTownshipWords(ctx, text);
  if (two) return { ok: false, error: `您说了两个地方：「${two[0].name}」和「${two[1].name}」。是在哪一个？回复数字即可。`, options: two.map((x) => ({ label: x.name, value: x.id })) };
  const m = matchTownship(ctx.directory, text);
  if (m.kind === 'exact') {
    const entry = ctx.index.townshipById.get(m.township.id)!;
    return { ok: true, value: { districtId: entry.districtId, townshipId: m.township.id } };
  }
  if (m.kind === 'candidates') {
    const options = m.townships.map((tw) => ({ label: tw.name, value: tw.id }));
    // `离河西近的`: the name is inside the words, so nothing is 「没找到」; only which township, asked.
    if (options.length === 1 && nameInside(text, m.townships[0]!)) return { ok: false, error: `您是说「${options[0]!.label}」吗？`, options: [{ ...options[0]!, yes: true }] };
    if (options.length === 1) return { ok: false, error: `没找到「${quoted}」。您是说「${options[0]!.label}」吗？`, options: [{ ...options[0]!, yes: true }] };
    return { ok: false, error: `没找到「${quoted}」。您是说下面哪一个？回复数字即可。`, options };
  }
  // `我在合西`, `在和溪干活`, `我在东笼那边`: a name mistyped inside the words around a place; the one near it offered.
  const near = nearInPlaceWords(ctx, text);
  if (near) {
    const options = near.map((tw) => ({ label: tw.name, value: tw.id }));
    if (options.length === 1) return { ok: false, error: `没找到「${quoted}」。您是说「${options[0]!.label}」吗？`, options: [{ ...options[0]!, yes: true }] };
    return { ok: false, error: `没找到「${quoted}」。您是说下面哪一个？回复数字即可。`, options };
  }
  // `不在你们这 在深圳`: the place in the last of several clauses (the whole was 「没找到」).
  const clauses = text.split(/[,，。;；\s]+/u).filter(Boolean);
  const outside = opts.away ? (placeOutside(ctx, text) ?? (clauses.length > 1 ? placeOutside(ctx, clauses[clauses.length - 1]!) : null)) : null;
  if (outside) return { ok: false, error: opts.away!(outside, ctx) };
  const names = ctx.directory.districts.flatMap((d) => d.townships.map((tw) => tw.name));
  // `就在镇上`, `村里`, `这边`: where, but not which one (「没找到「就在镇上」」 read as a name not found).
  if (VAGUE_PLACE.test(text.replace(/[\s。.!！]+/gu, ''))) return { ok: false, error: `是哪个镇或街道呢？我们服务的镇街有：${names.join('、')}。请回复其中一个。` };
  if (opts.none) return { ok: false, error: opts.none(quoted, ctx) };
  return { ok: false, error: `没找到「${quoted}」。我们服务的镇街有：${names.join('、')}。请回复其中一个。` };
}

/** A township's name, or its name without the suffix (`河西`), inside the words as typed. */
function nameInside(text: string, tw: Township): boolean {
  const s = normalizePlaceText(text);
  const f = formOf(tw.name, TOWNSHIP_SUFFIX);
  return f.core.length >= 2 && (s.includes(f.full) || s.includes(f.core));
}

/** The words around a place in an answer (`我在…`, `…那边干活`), for {@link nearInPlaceWords}. */
const PLACE_WORDS_BEFORE = /^(?:我|我们|俺|俺们)?(?:就|是|一直|现在)?(?:在|到|去)/u;
const PLACE_WORDS_AFTER = /(?:那边|这边|那里|那儿|这里|一带|附近|那块|那旮旯|那嘎达|那疙瘩|那搭|那头|那坨)?(?:干活|上班|打工|做事|做工|干)?(?:的|呢|啊|呀|哦|嘛|吧)*$/u;
/** What voice input writes before a place (`就是那个和西街道嘛`, `呃东笼镇那边`): no part of it. */
const SPOKEN_BEFORE = /^(?:(?:嗯+|呃+|额+|啊+|那个|这个|就是)[\s,，、]*)+/u;

/**
 * The townships near a name said inside the words around a place (`我在合西`, `在和溪干活`, `我在东笼那边`): a
 * typo of one name (match.ts: by its sound, never a name merely sharing a character), for a "did you mean".
 * Null for anything else, and for an exact name (the caller finds those).
 */
function nearInPlaceWords(ctx: FlowContext, text: string): Township[] | null {
  const s = normalizePlaceText(text);
  const word = s.replace(SPOKEN_BEFORE, '').replace(PLACE_WORDS_BEFORE, '').replace(PLACE_WORDS_AFTER, '');
  if (word === s || !/^\p{Script=Han}{2,5}$/u.test(word)) return null;
  const m = matchTownship(ctx.directory, word);
  return m.kind === 'candidates' ? m.townships.slice(0, 3) : null;
}

const TOWNSHIP_SUFFIX = /(?:街道办事处|街道办|街道|镇|乡)$/;
const COMMUNITY_SUFFIX = /(?:社区居委会|居委会|村委会|社区|村)$/;

const DISTRICT_SUFFIX = /(?:区|县|市)$/u;

/** A name folded for comparison, and without the suffix of its kind (`东龙镇`: `东龙镇`, `东龙`). */
interface NameForm {
  full: string;
  core: string;
}
const formOf = (name: string, suffix: RegExp): NameForm => {
  const full = normalizePlaceText(name);
  return { full, core: full.replace(suffix, '') };
};

/** A township's names, folded, and its communities'. */
interface TownshipForms {
  township: Township;
  districtId: string;
  forms: NameForm[];
  communities: { name: string; gridId: string; form: NameForm }[];
}

/** The directory's place names, folded once per directory: by district, and every township in order. */
interface PlaceForms {
  districts: { name: string; forms: NameForm[]; townships: TownshipForms[] }[];
  townships: TownshipForms[];
}

/**
 * Every message is compared with every place of the directory, so the
 * names' folded forms (NFKC and a Unicode class replace, some microseconds
 * a name) are made once per loaded directory (a reload is a new object).
 */
const placeForms = new WeakMap<Directory, PlaceForms>();
function formsOf(d: Directory): PlaceForms {
  let forms = placeForms.get(d);
  if (!forms) {
    const districts = d.districts.map((district) => ({
      name: district.name,
      forms: [district.name, ...district.aliases].map((n) => formOf(n, DISTRICT_SUFFIX)),
      townships: district.townships.map((township) => ({
        township,
        districtId: district.id,
        forms: [township.name, ...township.aliases].map((n) => formOf(n, TOWNSHIP_SUFFIX)),
        communities: township.grids.flatMap((g) => g.communities.map((c) => ({ name: c, gridId: g.id, form: formOf(c, COMMUNITY_SUFFIX) }))),
      })),
    }));
    forms = { districts, townships: districts.flatMap((x) => x.townships) };
    placeForms.set(d, forms);
  }
  return forms;
}

/**
 * The place a whole answer names, if that is all it is: the district, a
 * township or a community of the directory, with or without its suffix, with or without
 * the words around a place (`东龙镇`, `新塘`, `在新塘社区那边`). Its name as
 * the directory writes it; null for anything else (`东龙镇宏达厂` is a unit
 * named after its place). For the employer questions: a place there is an
 * answer to another question, never the employer's name.
 */
export function placeNamed(ctx: FlowContext, text: string): string | null {
  const s = normalizePlaceText(text)
    .replace(/^(?:就|我|我们)?(?:在|是|到)/u, '')
    .replace(/(?:那边|这边|那里|那儿|这里|一带|附近|的)+$/u, '');
  if (s.length < 2) return null;
  // In directory order: a district, then each of its townships and that township's communities.
  for (const district of formsOf(ctx.directory).districts) {
    if (district.forms.some((f) => s === f.full || s === f.core)) return district.name;
    for (const tw of district.townships) {
      if (tw.forms.some((f) => s === f.full || s === f.core)) return tw.township.name;
      for (const c of tw.communities) if (s === c.form.full || s === c.form.core) return c.name;
      // `东龙镇新塘村`, `东龙镇的新塘社区`: the township with a community or village of it, nothing else.
      for (const f of tw.forms) {
        if (!s.startsWith(f.full)) continue;
        const rest = s.slice(f.full.length).replace(/^的/u, '');
        const c = tw.communities.find((x) => rest === x.form.full || rest === x.form.core || rest === `${x.form.core}村`);
        if (c) return `${tw.township.name}${c.name}`;
        if (/^[\p{Script=Han}]{1,4}(?:村|社区|村委会?|屯)$/u.test(rest) && !UNIT_AFTER.test(rest)) return `${tw.township.name}${rest}`;
      }
    }
  }
  return null;
}
/** Words around a bare core name (`在白沙干活`) that make it a place. */
const PLACE_CUE_BEFORE = /(?:在|到|去|是|住|来自|位于|搬到|老家|家在|那边的|这边的)$/;
const PLACE_CUE_AFTER = /^(?:那边|这边|一带|附近|那里|那儿|这里|的|干|上班|打工|做|那块|那旮旯|那嘎达|那疙瘩|那搭|那头|那坨|嗰边|嗰度|片区|工地|村|社区|工业园|工业区|开发区|园区|镇上|街上|市场)/;

/**
 * Words after a bare core name that make it part of a unit's name (`河西物业`, `东龙电子厂`): no place said,
 * whatever comes before it (`是河西物业`). A full name (`东龙镇宏达厂`) still names its township.
 */
const UNIT_AFTER = /^(?:物业|公司|建筑|建设|集团|工程|装饰|装修|电子|电器|厂|酒店|饭店|宾馆|超市|商场|商贸|医院|学校|物流|快递|家政|保安|实业|科技|制衣|服装|鞋业|五金|塑料|机械|模具|印刷|包装|食品|餐饮|地产|置业|劳务|车队|砖厂|石场|矿)/u;

/** The townships named in a sentence: full names and aliases anywhere, a bare core name only with a place cue. */
export function townshipsIn(ctx: FlowContext, text: string): { township: Township; districtId: string; at: number; length: number }[] {
  const s = normalizePlaceText(text);
  const hits: { township: Township; districtId: string; at: number; length: number }[] = [];
  for (const tw of formsOf(ctx.directory).townships) {
    let best: { at: number; length: number } | null = null;
    for (const { full, core } of tw.forms) {
      const at = s.indexOf(full);
      if (at >= 0 && (!best || full.length > best.length)) best = { at, length: full.length };
      if (!best && core.length >= 2 && core !== full) {
        // `在柳溪 厂叫宏利五金`: a space or a comma after the name as typed ends it (never 「柳溪厂」, a unit).
        const ended = text.includes(core) && new RegExp(`${core}[\\s,，。、;；!！]`, 'u').test(text);
        for (let i = s.indexOf(core); i >= 0; i = s.indexOf(core, i + 1)) {
          if (UNIT_AFTER.test(s.slice(i + core.length)) && !ended) continue;
          if (PLACE_CUE_BEFORE.test(s.slice(0, i)) || PLACE_CUE_AFTER.test(s.slice(i + core.length)) || i + core.length === s.length) {
            best = { at: i, length: core.length };
            break;
          }
        }
      }
    }
    if (best) hits.push({ township: tw.township, districtId: tw.districtId, ...best });
  }
  return hits;
}

/** Two words (`东龙 石岭`, `东龙和白沙`), each a different township's name exactly: the two, or null. */
function twoTownshipWords(ctx: FlowContext, text: string): [Township, Township] | null {
  const words = text.trim().split(/\s*(?:[\s,，、/／]|和|跟|或者|或)\s*/u).filter(Boolean);
  if (words.length === 2) {
    const [a, b] = words.map((w) => matchTownship(ctx.directory, w));
    if (a?.kind === 'exact' && b?.kind === 'exact' && a.township.id !== b.township.id) return [a.township, b.township];
  }
  // `马坪还是柳溪来着 就两个镇交界那`: two townships weighed against each other (还是 between them, a recalling word
  // after), whatever is said beside them: both named, neither kept (the one said last was taken).
  const either = /^(\p{Script=Han}{2,5}?)(?:还是|或是)(\p{Script=Han}{2,5}?)(?:来着|吧|呢|啊|呀|吗|嘛)*$/u.exec(text.trim().split(/[\s,，。、]+/u)[0] ?? '');
  if (!either || /不对|不是|错|应该|改/u.test(text)) return null;
  const [a, b] = [either[1]!, either[2]!].map((w) => matchTownship(ctx.directory, w));
  return a?.kind === 'exact' && b?.kind === 'exact' && a.township.id !== b.township.id ? [a.township, b.township] : null;
}

/** The one township a sentence names (none or two: null). */
export function findTownship(ctx: FlowContext, text: string): TownshipPlace | null {
  // A turn asks this of the same words several times (the facts, the place's question, the desks): what was found
  // for them in the same directory is kept for the turn (a directory is replaced, never changed in place).
  const kept = townshipFound.get(text);
  if (kept !== undefined && kept.directory === ctx.directory) return kept.place && { ...kept.place };
  const place = townshipInText(ctx, text);
  townshipFound.set(text, { directory: ctx.directory, place });
  // A copy for each caller.
  return place && { ...place };
}

/**
 * The words without their clauses about a home elsewhere (`老家是马坪的`, `户口还在老家柳溪`, `原籍白沙`): where someone
 * comes from or is registered is not where they are. The words unchanged when no such clause is there.
 */
export function withoutHometown(text: string): string {
  const clauses = text.split(/(?<=[,，。;；!！?？\s])|(?=但是?|不过|可是)/u);
  return clauses.filter((c) => !HOMETOWN_CLAUSE.test(c)).join('');
}
const HOMETOWN_CLAUSE = /老家|家乡|户口|户籍|原籍|祖籍/u;

/** findTownship's readings this turn, by text. */
const townshipFound = notedForTurn<{ directory: Directory; place: TownshipPlace | null }>();

function townshipInText(ctx: FlowContext, text: string): TownshipPlace | null {
  // `东龙 石岭`: two words, each a township's name: two named (the one said last is no answer).
  if (twoTownshipWords(ctx, text)) return null;
  const hits = townshipsIn(ctx, text);
  const ids = new Set(hits.map((h) => h.township.id));
  if (ids.size !== 1) return null;
  // `不是东龙镇`: said not to be it.
  if (negatedTownship(text, hits[0]!.township.name)) return null;
  return { districtId: hits[0]!.districtId, townshipId: hits[0]!.township.id };
}

/**
 * `不是东龙镇`, `不在东龙那边`, `反正不是河西`: the township named only after 不是/不在 (said not to be it); `不是东龙
 * 是白沙` names 白沙 too (the other township is the one found).
 */
export function negatedTownship(text: string, name: string): boolean {
  return deniedRe(name)?.test(text.replace(/\s+/gu, '')) === true && !withoutDenied(text, name).includes(coreOf(name));
}

/**
 * `不是东龙镇`, `不在东龙 在白沙`: a township said not to be it (its name, and the words without that denial), else null.
 */
export function deniedTownship(ctx: FlowContext, text: string): { name: string; rest: string } | null {
  for (const d of ctx.directory.districts) {
    for (const tw of d.townships) {
      if (deniedRe(tw.name)?.test(text.replace(/\s+/gu, ''))) return { name: tw.name, rest: withoutDenied(text, tw.name) };
    }
  }
  return null;
}

const coreOf = (name: string) => name.replace(/(?:街道办事处|街道办|街道|镇|乡)$/u, '');
function deniedRe(name: string): RegExp | null {
  const core = coreOf(name);
  return core.length < 2 ? null : new RegExp(`(?:不是|不在|并非|并不是|并不在)(?:在)?${core}(?:街道办事处|街道办|街道|镇|乡)?(?:的)?`, 'u');
}
function withoutDenied(text: string, name: string): string {
  const re = deniedRe(name);
  return re ? text.replace(/\s+/gu, ' ').replace(new RegExp(re.source, 'gu'), ' ').trim() : text;
}



/**
 * A township said where the person works, with its suffix but mistyped (`我在合西街道干活`: 河西街道), or a bare
 * name of two characters with the work said right after it (`我在合西干活`): the one township near that word, or null (none, or more than one, near). A reading only: the caller has it confirmed,
 * never kept as said.
 */
export function nearTownshipSaid(ctx: FlowContext, text: string): TownshipPlace | null {
  const s = normalizePlaceText(text);
  const words = [...s.matchAll(/(?<![住家居])在(\p{Script=Han}{2,3}?(?:街道|镇|乡))/gu)].map((m) => m[1]!);
  // `我在合西干活`, `在石林那边上班`: a bare name of two characters with the work said right after it.
  if (words.length === 0) words.push(...[...s.matchAll(/(?<![住家居现实存正])在(\p{Script=Han}{2})(?=那边|这边|那里|那儿|一带|附近|干活|上班|打工|做事|做工)/gu)].map((m) => m[1]!));
  if (words.length !== 1) return null;
  const m = matchTownship(ctx.directory, words[0]!);
  if (m.kind !== 'candidates' || m.townships.length !== 1) return null;
  const entry = ctx.index.townshipById.get(m.townships[0]!.id);
  return entry ? { districtId: entry.districtId, townshipId: m.townships[0]!.id } : null;
}

/** The community of `townshipId` a sentence names exactly (with its suffix: 锦绣社区, 沙湾村), and its grid. */
export function findCommunity(ctx: FlowContext, townshipId: string, text: string): { community: string; gridId: string } | null {
  const tw = ctx.index.townshipById.get(townshipId)?.township;
  if (!tw) return null;
  const s = normalizePlaceText(text);
  const found: { community: string; gridId: string }[] = [];
  const forms = formsOf(ctx.directory).townships.find((t) => t.township.id === townshipId);
  for (const c of forms?.communities ?? []) {
    if (s.includes(c.form.full) && !found.some((f) => f.community === c.name)) found.push({ community: c.name, gridId: c.gridId });
  }
  // 东龙村 inside 东龙村委: one hit; 新塘社区 and 东龙社区 both named: ask instead.
  if (found.length !== 1) return null;
  const m = matchCommunity(tw, found[0]!.community);
  return m.kind === 'exact' ? { community: m.community, gridId: m.grid.id } : null;
}

/**
 * The townships a village or community belongs to, when that is the whole answer (`龙湾村`, `在龙湾村那边`):
 * for the township question, which can then ask "在东龙镇吧？" rather than say it found nothing.
 */
export function townshipsOfCommunity(ctx: FlowContext, text: string): { township: Township; districtId: string; community: string }[] {
  const s = normalizePlaceText(text)
    .replace(/^(?:就|我|我们)?(?:在|是|到)/u, '')
    .replace(/(?:那边|这边|那里|那儿|这里|一带|附近|的|干活|上班|打工)+$/u, '');
  if (s.length < 2) return [];
  const out: { township: Township; districtId: string; community: string }[] = [];
  for (const tw of formsOf(ctx.directory).townships) {
    const c = tw.communities.find((x) => s === x.form.full || (x.form.core.length >= 2 && s === x.form.core));
    if (c && !out.some((o) => o.township.id === tw.township.id)) out.push({ township: tw.township, districtId: tw.districtId, community: c.name });
  }
  return out;
}

/** The words around a village or community (`#`) said as where someone is or works. */
const COMMUNITY_SAID = /^(?:我|我们|俺|我家|家|家里)?(?:就|是|现在|一直|目前)?(?:住|家住|住在|在|到)?(?:在)?#(?:那块|那边|这边|那里|那儿|一带|里|里面|这块)?(?:租房子?|住|干活|上班|打工)?(?:的)?$/u;

/**
 * The one village or community an answer to a township question names inside more words (`家在沙湾村`,
 * `我在茶园村租房`, `住金桂花园小区`, `我住物流园社区`), by its full name (with its suffix). Its township, when exactly one township has it, no other township is named beside it
 * and it is not denied (`不在沙湾村`). A reading of the words: the caller has it confirmed, never kept as said.
 */
export function communityPlace(ctx: FlowContext, text: string): { place: TownshipPlace; community: string; gridId: string } | null {
  // The name alone (`新塘`, `在龙湾村那边`) is asked about by communityTownshipAsk.
  if (townshipsOfCommunity(ctx, text).length > 0) return null;
  const whole: ReturnType<typeof townshipsOfCommunity> = [];
  const s = normalizePlaceText(text);
  const hits: { place: TownshipPlace; community: string; gridId: string }[] = [];
  for (const tw of formsOf(ctx.directory).townships) {
    for (const c of tw.communities) {
      const named = whole.length === 1 ? whole[0]!.township.id === tw.township.id && whole[0]!.community === c.name : c.form.full.length >= 3 && s.includes(c.form.full);
      if (!named || hits.some((h) => h.community === c.name && h.place.townshipId === tw.township.id)) continue;
      hits.push({ place: { districtId: tw.districtId, townshipId: tw.township.id }, community: c.name, gridId: c.gridId });
    }
  }
  if (hits.length !== 1) return null;
  const hit = hits[0]!;
  // Only as a place said (`家在沙湾村`, `我在茶园村租房`, `在滨江社区那块`): never a name inside other words
  // (`锦绣花园三期 不是锦绣社区那个`).
  const rest = s.replace(normalizePlaceText(hit.community), '#').replace(/[,，。!！~～\s]|(?:啊|呀|吧|呢|哦)$/gu, '');
  if (!COMMUNITY_SAID.test(rest)) return null;
  // `不在沙湾村`, `不是沙湾村的`: said not to be there.
  if (new RegExp(`(?:不是|不在|并非)(?:在)?${normalizePlaceText(hit.community).replace(COMMUNITY_SUFFIX, '')}`, 'u').test(s)) return null;
  // `白沙镇沙湾村` is found as the township itself; another township named beside it (`东龙 沙湾村`): which, unsure.
  if (townshipsIn(ctx, text).some((h) => h.township.id !== hit.place.townshipId)) return null;
  return hit;
}

/**
 * At a township question, a village or community typed for it (`新塘`, `在龙湾村那边`): which township that is,
 * asked (「「新塘社区」是东龙镇的吧？」, or which one when several have it); undefined for anything else.
 */
export function communityTownshipAsk(text: string, ctx: FlowContext): Extract<FieldResult, { ok: false }> | undefined {
  const hits = townshipsOfCommunity(ctx, text);
  if (hits.length === 0 || matchTownship(ctx.directory, text).kind === 'exact') return undefined;
  const options = hits.map((h) => ({ label: h.township.name, value: h.township.id }));
  if (hits.length === 1) return { ok: false, error: `「${hits[0]!.community}」是${hits[0]!.township.name}的吧？`, options: [{ ...options[0]!, yes: true as const }] };
  return { ok: false, error: `叫「${hits[0]!.community}」的有好几个，是哪个镇或街道的？`, options };
}

/**
 * Where home is, not the work (`我家是东龙的`, `家住东龙`, `老家在东龙`, `户口是东龙的`, `我是东龙镇人`): words to
 * drop before looking for where someone works.
 */
const HOME_PLACE =
  /(?:(?:我|俺|我们|俺们)(?:的)?家(?:里)?|(?:我|俺)?家住|(?:我|俺|^)住|老家|户口|家乡|籍贯)(?:是|在|住)?(?:在)?[\p{Script=Han}]{2,6}?(?:那边|这边)?(?:的|人)?(?=$|[,，。;；!！\s]|[在我俺现])|(?:我|俺|我们|俺们)(?:是|系)[\p{Script=Han}]{2,6}?(?:本地)?(?:的)?人(?=$|[,，。;；!！\s]|[在老我俺])/gu;
/** Where the work was before, in a clause of its own (`原来在凤栖，后来厂搬到桂山镇去了`): not where it is now. */
const FORMER_PLACE = /(?:^|(?<=[,，。;；!！\s]))(?:我们|我|俺|厂子?|公司|单位)?(?:原来|以前|之前|本来|开始)(?:是)?在[\p{Script=Han}]{2,6}?(?=$|[,，。;；!！\s])/gu;
/** A place denied at the end of a clause (`不是东龙`, `不是在白沙`). */
const DENIED_PLACE = /不是(?:在)?[\p{Script=Han}]{2,5}?(?:镇|街道)?(?=$|[,，。;；!！\s])/gu;

/**
 * The township a sentence names only as where home is (`我住在白沙镇`, `我家在白沙`, `户口是白沙的`): null when it
 * names none, or any township outside such words (`我住白沙 单位在东龙`).
 */
export function homeTownshipOnly(ctx: FlowContext, text: string): TownshipPlace | null {
  const said = findTownship(ctx, text);
  if (!said) return null;
  const rest = text.normalize('NFKC').trim().replace(HOME_PLACE, ' ');
  return townshipsIn(ctx, rest).length === 0 ? said : null;
}

/**
 * The township where the work is, in a sentence naming two: the other one said as home or denied
 * (`我家是东龙的 在石岭干活`, `我在石岭干活 不是东龙`: 石岭镇). Null when fewer than two are named, or
 * what is left does not name exactly one; a reading, to be confirmed by the caller.
 */
export function workTownship(ctx: FlowContext, text: string): TownshipPlace | null {
  const named = new Set(townshipsIn(ctx, text).map((h) => h.township.id));
  if (named.size < 2) return null;
  const rest = text.normalize('NFKC').trim().replace(HOME_PLACE, ' ').replace(DENIED_PLACE, ' ').replace(FORMER_PLACE, ' ');
  return townshipsIn(ctx, rest).length === 1 ? findTownship(ctx, rest) : null;
}

/**
 * Said of working somewhere (`在深圳打工`, `在东莞一个厂里上班`, `在广东干了三个月`, a platform's or a home's work:
 * `在深圳送快递`, `在广州跑外卖`, `在上海当保姆`): the place in group 1.
 */
const WORKS_IN =
  /(?<![实自存所好])在([\p{Script=Han}]{2,16}?)(?:打工|上班|干活|工作|做工|做事|干了|做了|搬砖|(?:送|跑)(?:快递|外卖|单|网约车|滴滴|货拉拉)|开(?:网约车|滴滴|货车|出租)|(?:当|做)(?:保姆|保洁|家政|月嫂|育儿嫂|护工|骑手|快递员))/u;

/**
 * Where a message says the person (or the one owed) works, when it is outside the area served: `我在深圳打工 老板欠了
 * 我两个月工资` → 深圳. Null when no work place is said, when it may be inside (the area's own city or province,
 * `在南宁上班`), or when a place served is named anywhere in the message (`老家在湖南 在东龙镇干活`) but as home (`老家是梅岗的`).
 */
export function workPlaceAway(ctx: FlowContext, text: string): string | null {
  if (typeof text !== 'string' || text.length > 300) return null;
  const s = normalizePlaceText(text);
  const m = WORKS_IN.exec(s);
  if (!m) return null;
  // `我老家是青溪梅岗的`: where home is, not the work (a place served named there says nothing of where they work).
  const h = withoutHometown(s);
  if (townshipsIn(ctx, h).length > 0 || placeNamed(ctx, h) || ctx.directory.districts.some((d) => [d.name, ...d.aliases].some((n) => h.includes(n)))) return null;
  // The longest start of the words after 在 that is a place outside (`广东东莞` → 东莞; `深圳一个厂里` → 深圳).
  const words = m[1]!;
  for (let n = words.length; n >= 2; n--) {
    const out = placeOutside(ctx, words.slice(0, n));
    if (out) return out.own ? null : out.place;
  }
  return null;
}

// --- places typed in pinyin -----------------------------------------------------------------------

interface SpelledPlace {
  /** Toneless syllables, ü as v. */
  syllables: string[];
  place: TownshipPlace;
  /** The community spelled, or null for the township itself. */
  community: string | null;
  gridId: string | null;
}

const spelledPlaces = new WeakMap<Directory, SpelledPlace[]>();
/** Every township (by its names, with and without 镇/街道) and community (with and without 村/社区) in syllables. */
function spelledOf(d: Directory): SpelledPlace[] {
  let out = spelledPlaces.get(d);
  if (out) return out;
  out = [];
  for (const tw of formsOf(d).townships) {
    const place = { districtId: tw.districtId, townshipId: tw.township.id };
    const names = new Set([tw.township.name, ...tw.township.aliases].flatMap((n) => [n, n.replace(TOWNSHIP_SUFFIX, '')]));
    for (const n of names) if (/^\p{Script=Han}+$/u.test(n)) out.push({ syllables: syllablesOf(n), place, community: null, gridId: null });
    for (const c of tw.communities) {
      for (const n of new Set([c.name, c.name.replace(COMMUNITY_SUFFIX, '')])) {
        if (/^\p{Script=Han}+$/u.test(n)) out.push({ syllables: syllablesOf(n), place, community: c.name, gridId: c.gridId });
      }
    }
  }
  spelledPlaces.set(d, out);
  return out;
}

/**
 * The places `typed` spells, remembered per directory for the words last asked about: a long message is read clause
 * by clause, and letters said again (`bai sha bai sha …`) were spelled against every place each time (a message of
 * 20,000 letters cost most of a second here).
 */
const spelledSeen = new WeakMap<Directory, Map<string, SpelledPlace[]>>();
function spelledHits(d: Directory, typed: string): SpelledPlace[] {
  let seen = spelledSeen.get(d);
  if (!seen) spelledSeen.set(d, (seen = new Map()));
  const key = typed.toLowerCase();
  let hits = seen.get(key);
  if (!hits) {
    hits = spelledOf(d).filter((p) => p.syllables.length >= 2 && spellsPinyin(typed, p.syllables));
    if (seen.size >= 256) seen.clear();
    seen.set(key, hits);
  }
  return hits;
}

/** The words a place typed in pinyin may stand in (`我在 baisha 住`, `我在 zhu yuan cun`, `baisha那边`): `#` is the pinyin. */
const PINYIN_PLACE_SAID = /^(?:我|我们|俺|我家|家)?(?:就|是|现在|一直)?(?:住|家住|住在|在|到)?(?:在)?#(?:那块|那边|这边|那里|那儿|一带|这块)?(?:住|干活|上班|打工)?(?:的)?$/u;

/**
 * A township or a community of the directory typed in pinyin (`baisha`, `bai sha zhen`, `nan tang`, `zhu yuan cun`),
 * alone or in the words around a place (`我在 baisha 住`): the place, with the community when one is spelled. Only
 * when the letters spell exactly one place, in at least two syllables (`nan` alone never decides). A reading of
 * the words: the caller has it confirmed, never kept as said.
 */
export function pinyinPlace(ctx: FlowContext, text: string): { place: TownshipPlace; community: string | null; gridId: string | null } | null {
  const runs = text.match(/[a-zA-Zü]+(?:[\s']+[a-zA-Zü]+)*/gu) ?? [];
  if (runs.length !== 1) return null;
  const typed = runs[0]!;
  if (!typedInPinyin(typed)) return null;
  const rest = text.replace(typed, '#').replace(/[\s,，。.!！~～]/gu, '');
  if (!PINYIN_PLACE_SAID.test(rest)) return null;
  const hits = spelledHits(ctx.directory, typed);
  // One township only; spelled as the township (`bai sha`: 白沙镇, beside its 白沙社区), the township alone.
  if (new Set(hits.map((h) => h.place.townshipId)).size !== 1) return null;
  const hit = hits.find((h) => h.community === null) ?? (new Set(hits.map((h) => h.community)).size === 1 ? hits[0]! : null);
  return hit ? { place: hit.place, community: hit.community, gridId: hit.gridId } : null;
}
