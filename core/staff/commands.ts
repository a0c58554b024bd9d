import type { Core } from '../context.js';
import type { StaffEntry } from '../directory/index.js';
import type { StaffRole } from '../directory/index.js';
import { AppError } from '../infra/errors.js';
import { compactDay } from '../infra/time.js';
import { leadingAmount, yuan } from '../infra/money.js';
import { amendAmount, amendEmployer, amendPhone, type AmendField } from '../infra/amend.js';

/**
 * Staff commands typed in WeChat (`接单 QX20261121-0001`, `通过 RH…`). The
 * staff API calls the same `run` functions, so both paths share one code
 * path and one set of checks.
 */
export interface StaffCommandContext {
  core: Core;
  /** Who is acting (from the WeChat binding or the staff token). */
  staff: StaffEntry;
  /**
   * Where a hint that spells out one whole command (`备注 QX… 老板说月底给钱`, `接单 QX…`) is offered, so
   * the desk can run it on a `好` that comes next (core/staff/desk.ts). Not given: hints stay hints.
   */
  offer?: (command: string) => void;
  /** The case numbers last listed to this person (我的案件), in the order shown; null when none were lately. */
  listed?: readonly string[] | null;
  /** Where a list of cases shown to this person is remembered (as `listed`, for `第一个接单`). Not given: not remembered. */
  showList?: (caseNos: string[]) => void;
}

export interface StaffCommand {
  /** The words that start it, e.g. ['接单']. */
  names: string[];
  /** One line for the help text, e.g. '接单 QX… —— 接受分派给您的案件'. */
  usage: string;
  /** Roles allowed to use it; omitted = every staff role. */
  roles?: StaffRole[];
  /** `args` is the rest of the message after the name, trimmed. Returns Chinese text for the person. */
  run(ctx: StaffCommandContext, args: string): Promise<string>;
  /** About one record named by its number first (`numberedCommand`): a quoted notice may name it instead. */
  numbered?: true;
}

const registry: StaffCommand[] = [];

/** Adds commands (each feature module registers its own at import time). */
export function registerStaffCommands(...commands: StaffCommand[]): void {
  for (const c of commands) {
    for (const n of c.names) {
      if (registry.some((r) => r.names.includes(n))) throw new Error(`staff command ${n} registered twice`);
    }
    registry.push(c);
  }
}

export function staffCommands(): readonly StaffCommand[] {
  return registry;
}

/**
 * Splits `接单 QX20261121-0001` into the command and its arguments. Names
 * match at the start of the message, but a longer word that merely starts
 * with one is not that command (`案件QX…老板跑了`, `转检察院了吗`, `结果老板还是不给`):
 * see `readsAs`. `quoted`: the message replies to a notice (which may name
 * the record, so `结果已出具…` is read as typed).
 */
export function matchStaffCommand(text: string, quoted: string | null = null): { command: StaffCommand; name: string; args: string } | null {
  const t = text.trim().replace(/\u3000/g, ' ');
  const found: { command: StaffCommand; name: string }[] = [];
  for (const command of registry) {
    for (const name of command.names) if (t.startsWith(name)) found.push({ command, name });
  }
  // The longest name first; a shorter one only when the longer reading is not taken.
  for (const f of found.sort((a, b) => b.name.length - a.name.length)) {
    const args = readsAs(f.command, f.name, t.slice(f.name.length), quoted !== null);
    if (args !== null) return { command: f.command, name: f.name, args };
  }
  return null;
}

/** Punctuation or spaces only. */
const ONLY_PUNCT = /^[\s\p{P}\p{S}]*$/u;
/** Words after a command that add nothing (`接单了`, `同意办结`). */
const FILLER = /^(?:了|啦|吧|哈|啊|呀|好了|办结|办结了|办结吧|结了吧|结案吧|结吧|辛苦了?|谢谢)?[\s。.!！~～]*$/u;
/** What may follow a command name directly: a space, punctuation, or a record number (`备注QX…`). */
const STARTS_ARGS = /^(?:[\s\p{P}\p{S}]|[A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A])/u;
/**
 * A command name with a character glued on that still means it, only
 * before a record number: `转检察院 QX…` is 转检察; `转检察院了吗` is not.
 */
const GLUED: Record<string, RegExp> = { 转检察: /^院/u };

/**
 * The arguments when `rest` (what follows `name`) reads as that command,
 * else null:
 * - a short name of a command with no record number (`案件`, `列表`, `待办`,
 *   `超期`, `休息`: two characters or fewer) only alone, with punctuation
 *   or filler (`待办。`, `休息了`), or with just a record number (`案件 QX…`);
 *   a longer one (`我还有几个案子没办`) as a prefix;
 * - any other command when what follows starts its arguments (a space,
 *   punctuation, a number), is filler (`接单了`), or the message replies to
 *   a notice (the notice names the record); never a longer word (`结果老板还是不给`).
 */
function readsAs(command: StaffCommand, name: string, rest: string, quoted: boolean): string | null {
  const glue = GLUED[name]?.exec(rest);
  if (glue) {
    const after = rest.slice(glue[0].length);
    // Only before a record number (typed, or in the quoted notice with nothing else written).
    const numbered = takeRecordNo(after.trim()).no !== null || (quoted && ONLY_PUNCT.test(after));
    return numbered ? after.trim() : null;
  }
  if (rest === '' || ONLY_PUNCT.test(rest)) return '';
  if (!takesNumber(command)) {
    // A longer name is a question's start (`我还有几个案子没办`): the rest is its arguments.
    if ([...name].length > 2) return rest.trim();
    // `待办。`, `超时的有哪些`, `列表呢`: the list asked for.
    if (/^(?:了|啦|吧|呢|哈|啊|呀|的)?(?:案件|案子)?(?:有哪些|有几个|有几件|是哪些|呢|吗)?[\s\p{P}]*$/u.test(rest)) return '';
    const r = takeRecordNo(rest.trim());
    return r.no && ONLY_PUNCT.test(r.rest) ? rest.trim() : null;
  }
  if (STARTS_ARGS.test(rest) || FILLER.test(rest) || quoted) return rest.trim();
  return null;
}

/** The command a message starts with as a word of its own (`转检察院了吗` → 转检察), when it was not read as that command. */
function startsWithName(text: string): StaffCommand | null {
  const t = text.trim();
  let best: { command: StaffCommand; name: string } | null = null;
  for (const command of registry) {
    for (const name of command.names) if (t.startsWith(name) && (!best || name.length > best.name.length)) best = { command, name };
  }
  return best?.command ?? null;
}

/** A command about legal-aid bookings: its usage names a booking (YY…) or its name is about 预约. */
const aboutBookings = (c: StaffCommand) => /YY…/.test(c.usage) || c.names.some((n) => /预约/.test(n));

/**
 * Whether `staff` gives legal-aid consultations: some service point of the
 * directory has sessions (`providers`) for them. A lawyer or liaison without
 * any has no bookings to look at or record.
 */
function givesConsultations(ctx: StaffCommandContext): boolean {
  const id = ctx.staff.staff.id;
  return ctx.core.directory.index().directory.districts.some((d) => d.servicePoints.some((p) => p.providers.some((pr) => pr.staffId === id)));
}

/**
 * Whether the command is offered to this person (in 帮助 and in hints): their
 * role may use it (its `roles`; none = every role), and a booking command
 * only to someone who gives consultations. Offering is not permission: a
 * booking command still runs for anyone of its roles (one removed from the
 * directory's sessions may still have bookings to record).
 */
function offered(ctx: StaffCommandContext, c: StaffCommand): boolean {
  if (c.roles && !c.roles.includes(ctx.staff.staff.role)) return false;
  return !aboutBookings(c) || givesConsultations(ctx);
}

/** The command named `name`, when it is offered to this person. */
function usable(ctx: StaffCommandContext, name: string): StaffCommand | null {
  const c = registry.find((r) => r.names.includes(name));
  return c && offered(ctx, c) ? c : null;
}

/** The groups of the help, in order: what a command is about, read from its usage (the record kind it names) or its name. */
const HELP_GROUPS: { title: string; has: (c: StaffCommand) => boolean }[] = [
  { title: '案件', has: (c) => /QX…/.test(c.usage) || c.names.some((n) => /案件|超期/.test(n)) },
  { title: '法律援助预约', has: aboutBookings },
  { title: '入会申请', has: (c) => /RH…/.test(c.usage) || c.names.some((n) => /入会/.test(n)) },
  { title: '其他', has: () => true },
];

/**
 * The commands offered to this person (`offered`: their role's, booking
 * commands only to who gives consultations), grouped (案件, 预约, 入会, 其他).
 * A command another line already names in its note (`今日预约 ——
 * …（明日预约：明天的）`) has no line of its own; the role tag that starts a
 * description (`（检察联络员）`) is left out: the list is only theirs.
 */
export function staffHelp(ctx: StaffCommandContext): string {
  const mine = registry.filter((c) => offered(ctx, c));
  const folded = (c: StaffCommand) => mine.some((o) => o !== c && [...o.usage.matchAll(/（([^）]*)）/g)].some((p) => p[1]!.includes(`${c.names[0]!}：`)));
  const line = (c: StaffCommand) => `· ${c.usage.replace(/——\s*（[^）]*(?:工会|联络员|检察官)[^）]*）/, '—— ')}`;
  const shown = mine.filter((c) => !folded(c));
  const groups = HELP_GROUPS.map((g, i) => ({
    title: g.title,
    lines: shown.filter((c) => HELP_GROUPS.findIndex((x) => x.has(c)) === i).map(line),
  })).filter((g) => g.lines.length > 0);
  if (groups.length <= 1) return `可用的指令：\n${shown.map(line).join('\n')}`;
  return `可用的指令：\n${groups.map((g) => `【${g.title}】\n${g.lines.join('\n')}`).join('\n')}`;
}

/** A command's form without its description: `备注 QX… 内容`, `完成 YY…`. */
function shortUsage(c: StaffCommand): string {
  return c.usage.split('——')[0]!.replace(/（[^）]*）/g, '').replace(/\s+/g, ' ').trim();
}

/** Commands most people of a role use, for the short answers (greeting, not understood). */
const EVERYDAY = ['我的案件', '今日预约', '接单', '受理', '同意', '备注', '结果', '完成', '入会申请', '通过', '详情'];

function everyday(ctx: StaffCommandContext): string {
  const forms = EVERYDAY.map((n) => usable(ctx, n)).filter((c): c is StaffCommand => !!c).slice(0, 3).map(shortUsage);
  return `常用指令：${forms.join(' / ')}。发「帮助」看全部指令。`;
}

// ---------------------------------------------------------------------------
// Record numbers as typed: QX20261201-0001, ＱＸ２０２６１２０１－０００１, QX 20261201—0001,
// QX2026-1201-0001, QX20261201-1, QX202612010001, 20261201-0001, QX-20261201-0001, 202612010001, QX20261201 - 0001.

/** Full-width ASCII to ASCII, every dash to `-`, the ideographic space to a space: one code unit for one, so indexes stay. */
function halfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63]/g, '-')
    .replace(/\u3000/g, ' ');
}

/** A day as numbers carry it (`20261201`). */
const DAY_DIGITS = /^20\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;

/** Two letters, maybe a space, then digit groups joined by dashes (a day and a serial: maybe spaces around it), on the half-width text. */
const NUMBER_LIKE = /(?<![A-Za-z0-9])([A-Za-z]{2})?( *-? *)(\d{8}(?: +-+ *| *-+ +)\d{1,4}(?![\d-])|\d+(?:-+\d+)*)/g;

interface NumberToken {
  start: number;
  end: number;
  /** As typed. */
  raw: string;
  /** The number it stands for (`QX20261201-0001`); null when it looks like one but is not valid. */
  no: string | null;
}

/**
 * What a digit run means as a record number: the number, `bad` when it is
 * meant as one but is not valid, null when it is no number at all (`5` in
 * `延期 QX… 5 原因`, a phone number, an amount).
 */
function readToken(letters: string | undefined, gap: string, body: string, known: ReadonlySet<string>, defaultPrefix: string | null): string | 'bad' | null {
  // `QX20261201 - 0001`: spaces around the dash.
  const g = body.split(/ *-+ */);
  const serial = (x: string) => (x.length < 4 ? x.padStart(4, '0') : x);
  const valid = (prefix: string, day: string, seq: string) => (/^0+$/.test(seq) ? 'bad' : `${prefix}${day}-${serial(seq)}`);
  if (letters) {
    const prefix = letters.toUpperCase();
    // Letters of a word before a short number (`ok 3`) are no record number; a known prefix, or eight digits after, is.
    if (!known.has(prefix) && (gap !== '' || g[0]!.length < 8)) return null;
    if (g.length === 2 && g[0]!.length === 8) return valid(prefix, g[0]!, g[1]!);
    if (g.length === 3 && g[0]!.length === 4 && g[1]!.length === 4 && g[2]!.length <= 4) return valid(prefix, g[0]! + g[1]!, g[2]!);
    if (g.length === 1 && g[0]!.length === 12) return valid(prefix, g[0]!.slice(0, 8), g[0]!.slice(8));
    return 'bad';
  }
  // No letters: only a day and a serial (`20261201-0001`, `2026-1201-0001`) is taken as a number.
  // `202612010001`: a day and a serial run together.
  if (g.length === 1 && g[0]!.length === 12 && DAY_DIGITS.test(g[0]!.slice(0, 8))) return defaultPrefix ? valid(defaultPrefix, g[0]!.slice(0, 8), g[0]!.slice(8)) : 'bad';
  const day = g.length >= 2 && DAY_DIGITS.test(g[0]!) ? g[0]! : g.length >= 3 && DAY_DIGITS.test(g[0]! + g[1]!) && g[0]!.length === 4 ? g[0]! + g[1]! : null;
  if (!day) return null;
  if (!defaultPrefix) return 'bad';
  if (day === g[0] && g.length === 2 && g[1]!.length <= 4) return valid(defaultPrefix, day, g[1]!);
  if (day !== g[0] && g.length === 3 && g[1]!.length === 4 && g[2]!.length <= 4) return valid(defaultPrefix, day, g[2]!);
  return 'bad';
}

/** Every record-number-like run in `text`, in order. */
function numberTokens(text: string, known: ReadonlySet<string>, defaultPrefix: string | null): NumberToken[] {
  const half = halfWidth(text);
  const out: NumberToken[] = [];
  for (const m of half.matchAll(NUMBER_LIKE)) {
    const letters = m[1];
    const read = readToken(letters, m[2]!, m[3]!, known, defaultPrefix);
    if (read === null) {
      // `ab 20261201-0001`: not a prefix, but the digits after it may be a number on their own.
      if (letters && m[2]) {
        const at = m.index + letters.length + m[2].length;
        const again = readToken(undefined, '', m[3]!, known, defaultPrefix);
        if (again !== null) out.push({ start: at, end: at + m[3]!.length, raw: text.slice(at, at + m[3]!.length), no: again === 'bad' ? null : again });
      }
      continue;
    }
    const end = m.index + m[0].length;
    out.push({ start: m.index, end, raw: text.slice(m.index, end), no: read === 'bad' ? null : read });
  }
  return out;
}

/** Between numbers in a list: spaces, commas, 和. */
const LIST_GAP = /^[\s,，、;；/&+和及与]*$/u;
/** After a number, before what the person wrote: 「：」「，」「。」「号」. */
const LEAD_PUNCT = /^(?:[\s:：,，、;；.。\-—–－]|号(?=[\s:：,，、;；.。]|$))+/u;

interface NumbersRead {
  /** The number the message starts with (after the command). */
  no: string | null;
  /** What follows it, punctuation after the number left out. */
  rest: string;
  /** A number-like thing at the start (or in the list there) that is not valid, as typed. */
  bad: string | null;
  /** The numbers listed at the start (`QX1 QX2`, `QX1、QX2`), distinct. */
  listed: string[];
  /** Every valid number in the text, distinct. */
  all: string[];
  /** Nothing but the listed numbers (and punctuation) was written. */
  onlyNumbers: boolean;
}

function readNumbers(args: string, known: ReadonlySet<string>, defaultPrefix: string | null): NumbersRead {
  const lead = args.match(/^[\s:：,，、;；.。]*/u)![0].length;
  const tokens = numberTokens(args, known, defaultPrefix);
  const all = [...new Set(tokens.flatMap((t) => (t.no ? [t.no] : [])))];
  const first = tokens[0];
  if (!first || first.start !== lead) return { no: null, rest: args, bad: null, listed: [], all, onlyNumbers: false };
  const chain = [first];
  for (const t of tokens.slice(1)) {
    if (!LIST_GAP.test(args.slice(chain.at(-1)!.end, t.start))) break;
    chain.push(t);
  }
  const bad = chain.find((t) => t.no === null)?.raw.trim() ?? null;
  const tail = args.slice(chain.at(-1)!.end).replace(LEAD_PUNCT, '').trim();
  return {
    no: first.no,
    rest: args.slice(first.end).replace(LEAD_PUNCT, '').trim(),
    bad,
    listed: [...new Set(chain.flatMap((t) => (t.no ? [t.no] : [])))],
    all,
    onlyNumbers: tail === '',
  };
}

/** Prefixes the commands' usage texts show (`QX…`, `YY…`, `RH…`), and the directory's case prefix. */
function knownPrefixes(core?: Core): Set<string> {
  const out = new Set(registry.flatMap((c) => [...c.usage.matchAll(/([A-Z]{2})…/g)].map((m) => m[1]!)));
  const cases = core?.directory.index().directory.caseNoPrefix;
  if (cases) out.add(cases);
  return out;
}

/** The prefix a number typed without one gets: the kind the command's usage shows (case numbers: the directory's prefix). */
function defaultPrefix(core: Core, command: StaffCommand | null): string {
  const shown = command?.usage.match(/([A-Z]{2})…/)?.[1];
  return !shown || shown === 'QX' ? core.directory.index().directory.caseNoPrefix : shown;
}

/** Whether the command takes a record number first. */
function takesNumber(c: StaffCommand): boolean {
  return !!c.numbered || /[A-Z]{2}…/.test(c.usage);
}

/** Case numbers (QX…) and application/booking numbers (RH…, YY…) as typed; punctuation after the number is not part of `rest`. */
export function takeRecordNo(args: string): { no: string | null; rest: string } {
  const r = readNumbers(args, knownPrefixes(), null);
  return r.no ? { no: r.no, rest: r.rest } : { no: null, rest: args };
}

/** Numbers a quoted notice names (the bot's own text: numbers as printed). */
function quotedNumbers(quoted: string): string[] {
  return [...new Set([...quoted.matchAll(/\b([A-Za-z]{2}\d{8}-\d{4,})\b/g)].map((x) => x[1]!.toUpperCase()))];
}

// ---------------------------------------------------------------------------

/** Commands safe to run for each of several numbers listed alone (`接单 QX1 QX2`): nothing but the number is read. */
const EACH_NUMBER = new Set(['接单', '详情']);
/** A command whose free text may mention another case (`备注 QX1 与 QX2 是同一个老板`): it is done on the first, and said so. */
const MENTION_OK = new Set(['备注']);

async function runCommand(command: StaffCommand, ctx: StaffCommandContext, args: string): Promise<string> {
  try {
    return await command.run(ctx, args);
  } catch (err) {
    if (err instanceof AppError && err.expose) return err.message;
    throw err;
  }
}

/**
 * Runs one staff message. Refusals (wrong case, not allowed, bad argument)
 * come back as Chinese text, never as a thrown error, so WeChat always gets an
 * answer; unexpected errors propagate.
 */
export async function runStaffText(ctx: StaffCommandContext, text: string, quoted: string | null = null): Promise<string> {
  const m = matchStaffCommand(text, quoted);
  if (!m) {
    // `QX… 办结 追回6000`: the number typed before the command; read as `办结 QX… 追回6000`.
    const swapped = numberFirst(ctx, text);
    if (swapped) return runStaffText(ctx, swapped, quoted);
    return fallbackAnswer(ctx, text, quoted);
  }
  const { command, name } = m;
  if (command.roles && !command.roles.includes(ctx.staff.staff.role)) return (await rejectWordsOnCase(ctx, name, m.args)) ?? '您的岗位不能使用这条指令。';
  if (!takesNumber(command)) return runCommand(command, ctx, m.args);

  const prefix = defaultPrefix(ctx.core, command);
  const read = readNumbers(m.args, knownPrefixes(ctx.core), prefix);
  if (read.bad) return `编号格式不对：${read.bad}，例如 ${prefix}${compactDay(ctx.core.clock.now())}-0001`;
  const two = twoCommands(name, m.args);
  if (two) return two;
  let args = read.no ? `${read.no} ${read.rest}`.trim() : m.args;

  if (read.all.length >= 2) {
    if (EACH_NUMBER.has(name) && read.listed.length === read.all.length && read.onlyNumbers) {
      const answers: string[] = [];
      for (const no of read.listed) answers.push(await runCommand(command, ctx, no));
      return answers.join('\n\n');
    }
    const others = read.all.filter((n) => n !== read.no);
    if (!(MENTION_OK.has(name) && read.no && read.listed.length === 1)) {
      const how = EACH_NUMBER.has(name) ? `要${name}几件，请只写编号，例如「${name} ${read.all.slice(0, 2).join(' ')}」。` : `请每件分开发，例如「${shortUsage(command).replace(/[A-Z]{2}…/, read.all[0]!)}」。`;
      return `一次只能办一件：这条消息里有 ${read.all.join('、')}，都还没有办理。${how}`;
    }
    const answer = await runCommand(command, ctx, args);
    return `${answer}\n这条${name}记在 ${read.no} 上；里面提到的 ${others.join('、')} 没有改动。`;
  }

  if (!read.no && command.numbered && read.all.length === 1 && !FREE_TEXT.has(name)) {
    // `办结 追回28500 QX…`: the one number typed last, as if typed first (the answer names the case).
    const last = numberTokens(m.args, knownPrefixes(ctx.core), prefix).at(-1);
    if (last?.no && ONLY_PUNCT.test(m.args.slice(last.end))) {
      return runCommand(command, ctx, `${last.no} ${m.args.slice(0, last.start).replace(/[\s:：,，、;；。.]+$/u, '').trim()}`.trim());
    }
  }
  if (!read.no && command.numbered && prefix === ctx.core.directory.index().directory.caseNoPrefix) {
    // `办结 0001 追回5000`: the last four digits of a case number, never left in the text nor put on another case.
    const bySerial = await serialCase(ctx, command, name, m.args);
    if (bySerial) return bySerial;
  }
  if (!read.no && command.numbered) {
    // Typed in a reply quoting a notice: the one number the notice names (two or more: none is guessed).
    const named = quoted !== null ? quotedNumbers(quoted) : [];
    if (named.length === 1) {
      args = `${named[0]} ${read.rest}`.trim();
    } else if (named.length === 0) {
      const obvious = await obviousCase(ctx, name, m.args);
      if (obvious) return obvious(command);
      // `备注 宏达 …`: the case named by its employer, never the employer's name kept in the note of another.
      if (prefix === ctx.core.directory.index().directory.caseNoPrefix) {
        const byEmployer = await employerCase(ctx, command, name, m.args);
        if (byEmployer) return byEmployer;
      }
      const held = await onlyHeldCase(ctx, command, name, m.args);
      if (held) return held;
    }
  }
  return runCommand(command, ctx, args);
}


/** Commands whose words go to a note or the reporter as typed: a number at their end may be a case mentioned, never moved first. */
const FREE_TEXT = new Set(['备注', '回复']);

/**
 * `备注 QX… 打了电话 办结 QX… 追回28500`, `详情 QX…⏎办结 QX… 追回28500`: a second command with a record number after a
 * space or a new line. Only the first would run (the second kept in its note, or left out unsaid), so neither is run;
 * each is spelled out to send on its own. Null when there is none.
 */
function twoCommands(name: string, args: string): string | null {
  for (let i = 1; i < args.length; i++) {
    if (!/[\s。；;，,]/u.test(args[i - 1]!) || /\s/u.test(args[i]!)) continue;
    const second = matchStaffCommand(args.slice(i));
    if (!second || !takesNumber(second.command) || !takeRecordNo(second.args).no) continue;
    const first = `${name} ${args.slice(0, i).replace(/[\s。；;，,]+$/u, '')}`.trim();
    return `一次只能办一条指令：这条消息里有「${name}」和「${second.name}」，都还没有办理。请分开发：\n${first}\n${second.name} ${second.args}`.trim();
  }
  return null;
}

/** Commands of other roles that a case holder types to turn a case away (`驳回 不属于欠薪`: 驳回 is for membership applications). */
const REJECT_NAMES = new Set(['驳回', '不予支持']);

/**
 * `驳回 不属于欠薪`, `驳回 QX… 不归我们管` from someone who holds cases: said what the word is for, and the ways a case
 * of theirs can go (退回 for someone else to take it; a note and their supervisor for the rest). Nothing is run or offered.
 * Null for anyone else (the plain refusal).
 */
async function rejectWordsOnCase(ctx: StaffCommandContext, name: string, args: string): Promise<string | null> {
  if (usable(ctx, '受理')) return liaisonWords(ctx, name, args);
  if (!REJECT_NAMES.has(name) || !usable(ctx, '退回')) return null;
  const read = readNumbers(args, knownPrefixes(ctx.core), defaultPrefix(ctx.core, null));
  const held = await heldCases(ctx, ['assigned', 'accepted']);
  if (held.length === 0) return null;
  const no = read.no && !read.bad && held.includes(read.no) ? read.no : held.length === 1 && !read.no ? held[0]! : `${defaultPrefix(ctx.core, null)}…`;
  const said = (read.no ? read.rest : args).trim();
  const reason = said && [...said].length <= 40 ? said : '原因';
  const what = name === '驳回' ? '「驳回」是审核入会申请用的' : '「不予支持」是检察联络员答复转来案件用的';
  return [
    `${what}，案件不能驳回。`,
    `这件不归您办、要交给别人的，请发：退回 ${no} ${reason}`,
    `情况拿不准的，请先记下：备注 ${no} ${reason === '原因' ? '情况' : reason}`,
    '怎么处理请问问您的上级。',
  ].join('\n');
}

/**
 * A liaison's `驳回 不属于欠薪` (驳回 is for membership applications) or `办结 QX… 追回28500` (办结 is the union's): the
 * liaison's own command for it, with their referral's number when it is the one named or the only one; nothing run.
 */
async function liaisonWords(ctx: StaffCommandContext, name: string, args: string): Promise<string | null> {
  const own = name === '驳回' ? '不予支持' : name === '办结' ? '结果' : null;
  if (!own) return null;
  const answer = REFERRAL_ANSWERS[own]!;
  const read = readNumbers(args, knownPrefixes(ctx.core), defaultPrefix(ctx.core, null));
  const nos = (await referredTo(ctx)).filter((r) => r.status === answer.status).map((r) => r.caseNo);
  const no = read.no && !read.bad ? read.no : nos.length === 1 ? nos[0]! : `${defaultPrefix(ctx.core, null)}…`;
  const said = (read.no ? read.rest : args).trim();
  const rest = said && [...said].length <= 40 ? said : answer.rest;
  const what = name === '驳回' ? '「驳回」是审核入会申请用的。不支持起诉的，' : '「办结」是工会办理人用的。检察这边有了结果，';
  return `${what}请发：${own} ${no} ${rest}`;
}

/**
 * `QX20261201-0001 办结 追回6000`: one valid number, then a command that
 * takes one, as a word of its own: the same message with the command first.
 */
function numberFirst(ctx: StaffCommandContext, text: string): string | null {
  const t = text.trim();
  const read = readNumbers(t, knownPrefixes(ctx.core), defaultPrefix(ctx.core, null));
  if (!read.no || read.bad || read.listed.length !== 1 || !read.rest) return null;
  const m = matchStaffCommand(read.rest);
  if (!m || !takesNumber(m.command) || takeRecordNo(m.args).no) return null;
  return `${m.name} ${read.no} ${m.args}`.trim();
}

/**
 * `0001`, `尾号0001`, `0001号`: the serial of a case number alone (four
 * digits with a leading 0, so no amount or length; not an area code before
 * more digits, `0512-6688123`, `0512 6688123`).
 */
const SERIAL_ONLY = /^(?:尾号|后四位|编号)?\s*[:：]?\s*(0\d{3})(?:号)?(?=$|[\s，,。.：:、；;！!]|金额|单位|电话|手机)(?![\s，,]*\d{5})/u;

/**
 * A case command with only the last four digits of the number (`备注 0001
 * 老板答应月底给`): the one open case this person holds whose number ends so,
 * said back; none or several: the full number asked for. Null when the
 * arguments do not start with such a serial.
 */
async function serialCase(ctx: StaffCommandContext, command: StaffCommand, name: string, args: string): Promise<string | null> {
  const m = halfWidth(args).match(SERIAL_ONLY);
  if (!m) return null;
  const serial = m[1]!;
  const rest = args.slice(m[0].length).replace(LEAD_PUNCT, '').trim();
  const open = (await casesOf(ctx)).filter((c) => c.status !== 'closed' && c.status !== 'resolved');
  const nos = open.map((c) => c.caseNo).filter((no) => no.endsWith(`-${serial}`)).sort();
  const example = (no: string) => `「${name} ${no}${rest ? ` ${rest}` : ''}」`;
  if (nos.length === 1) {
    const no = nos[0]!;
    return `按尾号 ${serial} 的案件 ${no} 办理：\n${await runCommand(command, ctx, `${no} ${rest}`.trim())}`;
  }
  if (nos.length > 1) return `您负责的案件里尾号 ${serial} 的有${nos.length}件：${nos.join('、')}。请写完整编号，例如${example(nos[0]!)}。`;
  const prefix = defaultPrefix(ctx.core, command);
  const mine = open.map((c) => c.caseNo).sort();
  const held = mine.length > 0 ? `\n您负责的案件：${mine.slice(0, 10).join('、')}。` : '';
  // The example keeps the serial typed (another case's number is never offered for these words).
  return `您负责的案件里没有尾号 ${serial} 的，这条还没有办理。请写完整的案件编号，例如${example(`${prefix}${compactDay(ctx.core.clock.now())}-${serial}`)}。${held}`;
}

/** Words of many employers' names: a word made only of them names none (`公司`, `工地`, `建筑工程`). */
const GENERIC_EMPLOYER_WORDS = /有限|责任|股份|公司|集团|分公司|建筑|建设|工程|劳务|装饰|装修|实业|科技|项目部?|工地|厂|店|老板|单位|青溪|区|镇|街道|市/gu;

/** A word that ends as an employer's name does (`华联超市`, `鑫源公司`, `东风厂`): an employer named, not the note's words. */
const EMPLOYER_SHAPED = /.{2,}(?:有限公司|公司|集团|工厂|厂|饭店|酒店|餐厅|餐馆|超市|商场|工地|项目部|工程队|劳务队|物流|快递|门店|店)$/u;

/**
 * `备注 宏达 老板答应月底给`: a case named by its employer (a word of its
 * own before the rest) rather than its number: the one open case this
 * person works on whose employer's name has that word, said back with its
 * full number; several: the numbers asked for, nothing done. Null when the
 * word is in no such employer's name (the command goes on as typed).
 */
async function employerCase(ctx: StaffCommandContext, command: StaffCommand, name: string, args: string): Promise<string | null> {
  const m = args.match(/^([^\s:：,，、。；;！!？?]{2,10})(?:[\s:：,，、。；;！!？?]+|$)/u);
  if (!m) return null;
  const word = m[1]!;
  // `宏达公司`, `宏达建筑` name 青溪宏达建筑工程有限公司: the distinctive part is matched.
  const own = word.replace(GENERIC_EMPLOYER_WORDS, '');
  if ([...own].length < 2) return null;
  const rest = args.slice(m[0].length).trim();
  const open = (await casesOf(ctx)).filter((c) => c.status !== 'closed' && c.status !== 'resolved');
  const nos = open.filter((c) => c.wage?.employer.includes(own)).map((c) => c.caseNo).sort();
  if (nos.length === 0) {
    // An employer of another open case of the district (not this person's): never put on a case of their own. Nothing of that case is said.
    const elsewhere = (await ctx.core.cases.openIn({ districtId: ctx.staff.districtId })).some((c) => c.wage?.employer.includes(own));
    // `备注 华联超市 …`: a word shaped as an employer's name (`…超市`, `…公司`) on none of the cases is no note's first word.
    if (!elsewhere && !EMPLOYER_SHAPED.test(word)) return null;
    const mine = open.map((c) => c.caseNo).sort();
    const held = mine.length > 0 ? `\n您负责的案件：${mine.slice(0, 10).join('、')}。` : '';
    return `您负责的案件里没有用人单位有「${word}」的，这条还没有办理。请写完整的案件编号，例如「${name} ${defaultPrefix(ctx.core, command)}…${rest ? ` ${rest}` : ''}」。${held}`;
  }
  if (nos.length > 1) {
    return `您负责的案件里用人单位有「${word}」的有${nos.length}件：${nos.slice(0, 10).join('、')}，这条还没有办理。请写编号，例如「${name} ${nos[0]}${rest ? ` ${rest}` : ''}」。`;
  }
  const no = nos[0]!;
  return `按用人单位「${word}」的案件 ${no} 办理：\n${await runCommand(command, ctx, `${no} ${rest}`.trim())}`;
}

/**
 * The cases this person works on, as 我的案件 lists them: a grid worker's
 * assigned cases, a supervisor's township's (district's) open cases, a
 * liaison's referrals. Only to find a number typed short: the command
 * still checks who may act.
 */
async function casesOf(ctx: StaffCommandContext): Promise<{ caseNo: string; status: string; wage?: { employer: string } | null }[]> {
  const { cases } = ctx.core;
  const me = ctx.staff.staff;
  if (me.role === 'township_supervisor' && ctx.staff.townshipId) return cases.openIn({ townshipId: ctx.staff.townshipId });
  if (me.role === 'district_supervisor') return cases.openIn({ districtId: ctx.staff.districtId });
  if (me.role === 'procuratorate_liaison') return cases.referredTo(me.id);
  return (await cases.listByStaff(me.id)).filter((c) => c.assignee?.staffId === me.id);
}

/** Whether the case numbered `no` is one this person works: held, referred to them, or among their place's open cases. */
async function isTheirs(ctx: StaffCommandContext, no: string): Promise<boolean> {
  const me = ctx.staff.staff.id;
  const c = await ctx.core.cases.getByNo(no);
  if (!c) return false;
  if (c.assignee?.staffId === me || c.referral?.liaisonId === me) return true;
  // A supervisor's place holds its ended cases too (casesOf lists the open ones): a closed case of their township is theirs to ask about.
  const role = ctx.staff.staff.role;
  if (role === 'township_supervisor' && ctx.staff.townshipId && c.location.townshipId === ctx.staff.townshipId) return true;
  if (role === 'district_supervisor' && c.location.districtId === ctx.staff.districtId) return true;
  return (await casesOf(ctx)).some((x) => x.caseNo === no);
}

/** Commands about a case this person holds, and the states it may be in for each. */
const HELD_FOR: Record<string, readonly string[]> = {
  办结: ['accepted'],
  延期: ['accepted'],
  转检察: ['accepted'],
  回复: ['assigned', 'accepted'],
  备注: ['assigned', 'accepted'],
  退回: ['assigned', 'accepted'],
};

/** A liaison's answers about a referral, and the state of the referral each is for. */
const REFERRAL_ANSWERS: Record<string, { status: 'pending' | 'accepted'; what: string; rest: string }> = {
  不予支持: { status: 'pending', what: '等您答复的转来案件', rest: '理由' },
  结果: { status: 'accepted', what: '已受理、等结果的案件', rest: '内容' },
};

/** The closes waiting for this supervisor's approval, by number. */
async function approvalsOf(ctx: StaffCommandContext): Promise<string[]> {
  const me = ctx.staff.staff;
  const place = me.role === 'township_supervisor' && ctx.staff.townshipId ? { townshipId: ctx.staff.townshipId } : me.role === 'district_supervisor' ? { districtId: ctx.staff.districtId } : null;
  if (!place) return [];
  return (await ctx.core.cases.openIn(place)).filter((c) => c.status === 'closing' && c.closeRequest?.approverId === me.id).map((c) => c.caseNo).sort();
}

/** The cases referred to this liaison and not yet decided or done (`pending`: not 受理 yet). */
async function referredTo(ctx: StaffCommandContext): Promise<{ caseNo: string; status: 'pending' | 'accepted' }[]> {
  const me = ctx.staff.staff.id;
  return (await ctx.core.cases.referredTo(me))
    .flatMap((c) => (c.status === 'referred' && c.referral?.liaisonId === me && (c.referral.status === 'pending' || c.referral.status === 'accepted') ? [{ caseNo: c.caseNo, status: c.referral.status }] : []))
    .sort((a, b) => a.caseNo.localeCompare(b.caseNo));
}

/** The cases assigned to this person in `states`, by number. */
async function heldCases(ctx: StaffCommandContext, states: readonly string[]): Promise<string[]> {
  const me = ctx.staff.staff.id;
  return (await ctx.core.cases.listByStaff(me))
    .filter((c) => c.assignee?.staffId === me && states.includes(c.status))
    .map((c) => c.caseNo)
    .sort();
}

/**
 * `办结 追回6000`, `备注 已电话联系当事人` with no number: when exactly one
 * case this person holds fits the command, that case, said back; several:
 * listed, and the number asked for. None: null (the command's own refusal).
 */
async function onlyHeldCase(ctx: StaffCommandContext, command: StaffCommand, name: string, args: string): Promise<string | null> {
  const answer = REFERRAL_ANSWERS[name];
  if (answer) {
    // `不予支持 不属于欠薪`, `结果 追回28500` from a liaison: a referral is answered only by its number (as 受理 is), so the
    // one it fits is spelled out, never run.
    const nos = (await referredTo(ctx)).filter((r) => r.status === answer.status).map((r) => r.caseNo);
    if (nos.length === 0) return null;
    const form = (no: string) => `${name} ${no} ${args || answer.rest}`;
    if (nos.length > 1) return `您有${nos.length}件${answer.what}：${nos.slice(0, 10).join('、')}，这条还没有办理。请写上编号，例如「${form(nos[0]!)}」。`;
    return `您有一件${answer.what}：${nos[0]}，这条还没有办理。请发：${form(nos[0]!)}`;
  }
  const states = HELD_FOR[name];
  if (!states) return null;
  // A supervisor's 退回 may be about a close waiting for their approval: never filled in with a case of their own.
  if (name === '退回' && ctx.staff.staff.role !== 'grid_worker') return null;
  const nos = await heldCases(ctx, states);
  if (nos.length === 0) return null;
  if (nos.length > 1) {
    return `您手上有${nos.length}件案件：${nos.slice(0, 10).join('、')}。请写上编号，例如「${name} ${nos[0]}${args ? ` ${args}` : ''}」。`;
  }
  const no = nos[0]!;
  // `办结 追回6000` with one case taken and another still waiting for 接单 (worked on before taking it, as staff do): which
  // one is meant is not guessed (a close on the wrong case reaches its reporter and the figures). Both listed, nothing run.
  const untaken = states.includes('assigned') ? [] : (await heldCases(ctx, ['assigned'])).filter((n) => n !== no);
  if (untaken.length > 0) {
    return `您手上有${untaken.length + 1}件案件：${no}（办理中）、${untaken.slice(0, 9).map((n) => `${n}（待接单）`).join('、')}，这条还没有办理。请写上编号，例如「${name} ${no}${args ? ` ${args}` : ''}」。`;
  }
  return `您手上只有一件案件，按 ${no} 办理：\n${await runCommand(command, ctx, `${no} ${args}`.trim())}`;
}

/**
 * `接单了` with exactly one case waiting for this person's 接单, `同意办结`
 * with exactly one close waiting for their approval: that case, said back.
 * Several: they are listed and the number asked for. Bare `同意` is not
 * taken (it may answer another notice, such as 【延期】): it is asked back.
 */
async function obviousCase(ctx: StaffCommandContext, name: string, args: string): Promise<((command: StaffCommand) => Promise<string>) | null> {
  // `同意，辛苦了`: punctuation before the filler.
  if (!FILLER.test(args.replace(/^[\s\p{P}]+/u, ''))) return null;
  const me = ctx.staff.staff;
  const { cases } = ctx.core;
  let waiting: { caseNo: string }[];
  let what: string;
  if (name === '接单') {
    waiting = (await cases.listByStaff(me.id)).filter((c) => c.assignee?.staffId === me.id && c.status === 'assigned');
    what = '待接单的案件';
  } else if (name === '同意') {
    const place = me.role === 'township_supervisor' && ctx.staff.townshipId ? { townshipId: ctx.staff.townshipId } : me.role === 'district_supervisor' ? { districtId: ctx.staff.districtId } : null;
    waiting = place ? (await cases.openIn(place)).filter((c) => c.status === 'closing' && c.closeRequest?.approverId === me.id) : [];
    what = '等您审批的办结';
  } else if (name === '受理') {
    waiting = (await referredTo(ctx)).filter((r) => r.status === 'pending');
    what = '等您答复的转来案件';
  } else {
    return null;
  }
  const nos = waiting.map((c) => c.caseNo).sort();
  if (nos.length === 0) return null;
  if (nos.length > 1) {
    return async () => `您有${nos.length}件${what}：${nos.slice(0, 10).join('、')}。请写上编号，例如「${name} ${nos[0]}」。`;
  }
  const no = nos[0]!;
  // A referral is taken only by its number: asked back with both answers, never run on the one guessed.
  if (name === '受理') return async () => `您有一件${what}：${no}。受理请回复「受理 ${no}」，不予支持请回复「不予支持 ${no} 理由」。`;
  if (name === '同意' && !/办结/.test(args)) {
    return async () => `您有一件${what}：${no}。同意请回复「同意 ${no}」，不同意请回复「退回 ${no} 原因」。`;
  }
  return async (command) => `您只有一件${what}，按 ${no} 办理：\n${await runCommand(command, ctx, no)}`;
}

// ---------------------------------------------------------------------------
// Messages that are no command: a short answer, and for everyday phrases a hint of the command probably meant.
// Nothing is recorded from them; a whole 备注 or 接单 a hint spells out runs only on the `好` that answers it
// (core/staff/desk.ts).

const HELP_WORDS = /^(?:怎么用|怎么使用|如何使用|咋用|不会用|不会弄|怎么弄|怎么操作|help|帮助|菜单|指令|命令|用法|使用说明)(?:吗|啊|呀|呢)?$/u;
const GREETING = /^(?:你好|您好|在吗|在不在|在么|有人吗|hi|hello|哈喽|嗨|早|早上好|上午好|中午好|下午好|晚上好)(?:啊|呀)?$/u;
const ACK = /^(?:(?:好的?|好嘞|ok|行|嗯+)(?:收到|明白|知道了|了解)|收到|好的?|好嘞|ok|行|可以|嗯+|明白|知道了|了解|谢谢|多谢|辛苦了?)(?:了|啦)?$/u;
const ACCEPT = /^(?:收到|好的?|好嘞|ok|行|可以|明白)?(?:这个|这件|这单)?(?:案子|案件|单子)?(?:我们|咱们|我)?(?:来处理|来办|来跟进|接了|来接|接下了|接|马上联系|马上处理|马上打电话|这就联系|立即联系|这就打电话)了?$/u;
const CLOSE = /^(?:这个|这件|这单)?(?:案子|案件|单子)?(?:已经?|都)?(?:结了|办好了|弄好了|搞定了|搞掂了|处理好了|处理完了|办妥了|弄完了)(?:啊|哈|哦)?$|结案|办结|(?:全|都|全部)(?:给|付|发|结)(?:了|清|齐)|给齐了|可以结了|办完了|已解决|解决了|要回来了|要到了|拿到钱了|钱(?:已经?)?(?:到了|到账|给了|付了|发了|结清)|已经?(?:结清|付清|全部支付)|^(?:钱|工资)?(?:已经?)?追回(?:了|来了)?|^(?:钱|工资)?(?:已经?)?(?:全部|全都|全额)(?:追回|要回)(?:来?了)?|^(?:已经?)?全额(?:追回|到账|付清|结清)|(?:钱|工资|工钱)(?:已经?)?(?:全|全部|都)(?:收到|拿到|到账|到)了|^(?:钱|工资|工钱)(?:已经?)?(?:收到|拿到|到手)了(?:全部|全额|全都|都)?$/u;
/** `追回了6000`, `追回6千`, `钱追回来了 6000`, `办完了 追回6000`: the amount, for the 办结 hint (said back in the hint, never recorded). */
const RECOVERED_AMOUNT = /^(?:(?:已经?)?(?:办完了?|办结了?|结案了?|解决了?|办好了?))?(?:钱|工资)?(?:已经?)?追回(?:了|来了)?(?:工资)?(\d+(?:\.\d+)?(?:[万千百]\d*)*)(?:元|块钱?)?整?(?=$|(剩下|剩余|其余|余下))/u;
/** Money said to have come back (`追回了`, `拿到了`, `钱到了`, `老板给了`, `结了`), an amount after it or not. */
const PAID_WORD = /(?:追回|要回|拿到|收到|到账|到了|给了|付了|发了|结了|结清了?|还了)(?:了|来了|来)?(?:工资|钱|工钱)?(?:了)?(?:[\s,，]*(?:一共|共|总共|总计|合计)(?:是)?)?/u;
/** Part of it only: `老板给了一半`, `只给了3000`, `还差4000`, `剩下的月底给`, `要回来一半了`, `老板没全付`, `没给齐`. */
/** Owed to others, not on this case: `这个老板在白沙镇还欠别人钱`, `还欠好多人钱` (never part of this case's money, h106). */
const OTHERS_OWED = '(?:别人|别的人|其他人|其他工人|别的工人|人家|好多人|很多人|不少人|一些人|一屁股|外债|供应商|银行|房租|货款)';
const PART_ONLY = new RegExp(`又(?:给|付|发|打|转|还)了|没(?:有)?(?:全|全部)(?:付|给|发|结|还|到)|没(?:有)?(?:付|给|发|结)(?:全|齐|够)|一半|一部分|部分|只给了?|只付了?|只发了?|还差|还欠(?!${OTHERS_OWED})|剩下|剩余|还有.{0,6}(?:没给|没付|没结|没发)`, 'u');
/** Still owed, with its amount: `还差4000`, `还欠两千`, `剩下3000`, `还有1000没给`. */
const STILL_OWED = new RegExp(`(?:还差|还欠(?!${OTHERS_OWED})|剩下(?:的)?|剩余|还有)\\s*`, 'u');
/** An amount as staff type it, for a hint: 2.8万 as 28000 (the 办结 command reads either). */
const shownAmount = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/u, ''));

/**
 * What a message says came back (`追回了两万八`, `钱到了 五千`, `老板给了2000 还差4000`, `老板给了一半`): the amount
 * back and the amount still owed, each only when said plainly (100 yuan or more), for the 办结 hint. Never recorded.
 */
function paidSaid(said: string): { back: number | null; owed: number | null; part: boolean } | null {
  const t = said.normalize('NFKC');
  const all = [...t.matchAll(new RegExp(PAID_WORD.source, 'gu'))];
  // `工人说还没收到钱`: money not come back is none said back (nor anything after it).
  const negated = all.some((x) => /(?:没|没有|未|不)$/u.test(t.slice(0, x.index)));
  // `结了 追回28500`: the word with the amount after it, when a later one has it.
  const withAmount = all.find((x) => leadingAmount(t.slice(x.index + x[0].length).replace(/^[\s,，:：]+/u, '')) !== null);
  const m = negated ? null : (withAmount ?? all[0] ?? null);
  const part = PART_ONLY.test(t);
  if (!m && !part) return null;
  const sane = (n: number | undefined) => (n !== undefined && n >= 100 && n <= 10_000_000 ? n : null);
  const after = m ? leadingAmount(t.slice(m.index + m[0].length).replace(/^[\s,，:：]+/u, '')) : null;
  // `钱到了 五千`: the amount after the words; `6000块到账了` is left as 金额 (never a number guessed from before).
  const back = after && /^[\s,，。.!！]*(?:$|还|剩|其余|余下)/u.test(after.rest) ? sane(after.n) : null;
  const o = STILL_OWED.exec(t);
  const owedAt = o ? leadingAmount(t.slice(o.index + o[0].length)) : null;
  const owed = owedAt && /^[\s,，。.!！]*(?:没给|没有给|没付|没结|没发|未付)?[\s,，。.!！]*$/u.test(owedAt.rest) ? sane(owedAt.n) : null;
  return { back, owed, part: part || owed !== null };
}

/** All of it said to be back with no figure: `全部要回来了`, `全额追回`, `一分不少`. */
const ALL_BACK = /全部|全额|全款|全都|一分不少|足额|(?<![没未不]有?)全(?:收到|拿到|到账|到了|付了|给了|发了|结了)/u;

/**
 * Money said back on a case this person is working (`钱追回来了 一共两万八`; a grid worker's case taken, a liaison's
 * referral accepted), with the amount said (`back`, as typed) or, with `all` on a claim of one figure, the claim: the
 * close (办结, or a liaison's 结果) shown whole to type (never offered for a 好: it tells the reporter), after the checks the command and the staff
 * API make: more than the claim, or less than a hundredth of it, is said so and never proposed (the form with 确认 is
 * shown to type). Null when it is not theirs to close, or no one figure was said.
 */
async function closeProposal(ctx: StaffCommandContext, no: string, back: string | null, all: boolean): Promise<(() => string) | null> {
  if (no.endsWith('…') || (!back && !all)) return null;
  const c = await ctx.core.cases.getByNo(no);
  const w = c?.wage;
  if (!c || !w) return null;
  const me = ctx.staff.staff.id;
  const holder = c.assignee?.staffId === me && c.status === 'accepted';
  const referral = c.status === 'referred' && c.referral?.liaisonId === me && c.referral.status === 'accepted';
  if (!holder && !referral) return null;
  const command = holder ? '办结' : '结果';
  const oneFigure = !w.amountApprox && w.amountUpTo === null && w.headcount.count <= 1;
  let n: number;
  if (back) {
    const read = leadingAmount(back);
    if (!read || read.rest.trim() !== '') return null;
    n = read.n;
  } else {
    if (!oneFigure) return null;
    n = w.amount;
  }
  const claim = oneFigure ? yuan(w.amount) : '的金额';
  const own = w.amountUpTo ?? w.amount;
  // As closing.ts `exceedsClaim` and `farBelowClaim` (core/cases, which imports this module): the same lines.
  const group = w.headcount.count > 1 ? (w.groupAmount ?? own * w.headcount.count) : 0;
  const form = `${command} ${no} 追回 ${back ?? n}`;
  if (n > Math.max(own, group)) {
    return () =>
      [
        `报告人反映欠${claim}，您说追回了${yuan(n)}，比反映的还多。还没有记录。`,
        `核实无误的话，请发：${form} 确认`,
        `写错了的话，请改好再发，例如：${command} ${no} 追回 ${w.amount}`,
      ].join('\n');
  }
  if (n < w.amount * 0.01) {
    return () => [`报告人反映欠${claim}，您说追回了${yuan(n)}，比反映的少很多，是不是少写了单位？还没有记录。`, `核实无误的话，请发：${form} 确认`].join('\n');
  }
  const full = !back && command === '办结' ? ' 全额' : '';
  // Shown whole to type, never offered for a 好: a close tells the reporter and cannot be undone (see `offered`).
  if (!back) {
    return () => [`您是说报告人反映的${yuan(n)}全部追回了吗？还没有记录。\n是的话，请发：${form}${full}`, `只追回了一部分的，请写上金额：${command} ${no} 追回 金额`].join('\n');
  }
  return () => (command === '办结' ? `要办结请发：${form}\n没追回的请发：办结 ${no} 未追回 原因 下一步 仲裁` : `钱追回了的，请记下结果：${form}`);
}

/**
 * The money said to have reached the worker (on the bare text): `钱交给工人了`, `老板把钱转给工人了`, `钱已经给到工人手上了`,
 * `工资发了`, `工人说钱已经收到了`, `老板已经把工资结清了`; never with a no before the verb (`钱还没交给工人`).
 */
const PAID_OVER =
  /(?:钱|工资|工钱|欠款|欠薪)(?:已经?|都|也)?(?:交给|转给|给到|发给|付给|打给|给|交到|送到|打到|转到|汇到|汇给|存到)了?(?:工人|当事人|报告人|职工|本人|工友|他|她)|(?:钱|工资|工钱)(?:已经?|都|也)?(?:拿到手|到手)了|(?:工资|工钱|欠款|欠薪)(?:已经?|都|也)?(?:发了|付了|给了|结了|结清了|发放了|到账了)|(?:工人|当事人|报告人|职工)(?:说)?(?:钱|工资|工钱)?(?:已经?|都|也)?(?:收到|拿到)(?:钱|工资|工钱)?了|(?:老板|包工头|工头|公司|单位|厂里)(?:说)?(?:已经?|都|也)?(?:把(?:钱|工资|工钱|欠款))?(?:付|给|发|还|结清|结)(?:清|齐)?(?:钱|工资|工钱)?了(?:钱|工资|工钱)?$/u;

/**
 * A sum said paid to the worker, who named before it (`老板给了工人三千`, `老板转了五千给工人`, `工人已经拿到三千了`):
 * the sum as said (group 1, 2 or 3), for the note offered and the closes shown (was 「没看懂」, h106). Whether it is all of
 * it is not guessed: both closes are shown to type.
 */
const SUM_WORDS = '((?:\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千万]+)(?:[万千百]\\d*)*)(?:块钱?|元)?整?';
const PAID_SOME = new RegExp(
  `^(?:工人说)?(?:老板|包工头|工头|老总|公司|单位|厂里|对方)(?:已经?|又|先|今天|昨天|刚才|刚刚)*(?:给|付|发|打|转|还|结)(?:给)?了?(?:工人|当事人|报告人|他|她)${SUM_WORDS}(?:钱|工资|工钱)?了?$` +
    `|^(?:老板|包工头|工头|老总|公司|单位|厂里|对方)(?:已经?|又|先|今天|昨天|刚才|刚刚)*(?:给|付|发|打|转|还)了${SUM_WORDS}(?:钱|工资|工钱)?给(?:了)?(?:工人|当事人|报告人|他|她)了?$` +
    `|^(?:工人|当事人|报告人)(?:说)?(?:已经?|又|先|今天|昨天)*(?:拿到|收到|领到)了?${SUM_WORDS}(?:钱|工资|工钱)?了?$`,
  'u',
);

/** Said of money to come, just before the words of it paid (`老板说月底之前一定把钱打给工人`): a promise, not paid. */
const PROMISED = /答应|承诺|保证|说好|一定|会|要|准备|打算|之前|以前|月底|月初|下周|下个?月|明天|后天|过几天|过两天|年前|年底/u;

/** PAID_OVER, unless a promise comes just before it in the same words (h74: a voice-like note read as a close). */
function paidOver(bare: string): boolean {
  const m = PAID_OVER.exec(bare);
  if (!m) return false;
  return /已/u.test(m[0]) || !PROMISED.test(bare.slice(Math.max(0, m.index - 12), m.index));
}

/** `这个办不了 老板跑路了`, `钱追不回来`: no money back in sight; the ways on (未追回, 转检察) and a note, hinted. */
const STUCK = /没(?:有)?(?:追回|要回|要到)|办不了|办不下去|没法办|没办法|追不回|要不回|拿不回|跑路|跑了|失联|联系不上老板|找不到老板|老板不见|^(?:这个|那个)?(?:老板|包工头|工头|老总)(?:人)?(?:也|已经|现在)*(?:找不到|联系不上|不见)了?$/u;
const DECLINE = /不归我们|不归我管|不是我们(?:的|管|这|街道|镇|社区|村|片区|网格|辖区)|不是我管|给别人吧|交给别人|转出去|不是我的(?:片区|网格|辖区)|不在我的?(?:片区|网格|辖区)|转给区|交给区|给区里|区里管|分错了|派错了|转给别人|转给其他人|给别人办|换个人|换人办|让别人/u;
/** Giving a case back as staff say it (`退单`, `我要退单`, `这单我不接了`): the 退回 command. */
const GIVE_BACK = /退单|退掉(?:这个|这件|这单)?(?:案子|案件|单子)?$|^(?:这单|这个单子?)(?:我)?(?:不接了|不想接了)$/u;
/** The reporter pressing for speed, as staff pass it on (`工人要求加急`, `当事人一直在催`): a note offered, the 回复 form shown. */
const REPORTER_PRESSES =
  /(?:工人|当事人|报告人|申请人)(?:说)?(?:一直|又|老是|天天|也)*(?:要求|希望|想|让|请求|催(?:促)?)(?:我们?)?(?:加急|快点|快一点|尽快|抓紧|早点|快些|赶紧)|(?:工人|当事人|报告人|申请人)(?:一直|又|老是|天天|也)*(?:在)?催(?:了|办|促|我|得很急)?$|^(?:要)?加急/u;
/** The reporter's phone asked to be sent (`把工人电话发我`, `工人手机号给我一下`): never printed here; 详情 shows each role its own view. */
const REPORTER_CONTACT = /(?:工人|当事人|报告人|反映人|申请人|职工)(?:的)?(?:电话号码|电话号|电话|手机号码|手机号|手机|号码|联系方式)/u;
const SEND_ME = /发我|发给我|给我|发一下|发下|发过来|告诉我|说一下/u;
/** A liaison's words of taking a referral on (`转给检察院`, `转到我们检察院`, `检察院来办`): their 受理. */
const LIAISON_TAKE = /(?:转|交|移交|送)(?:给|到)(?:我们|咱们)?检察院?|检察院?(?:来)?(?:办|接|处理)/u;

/** Handed to a colleague by word of mouth (`我转给黄丽娟了`, `交给小黄办了`); not money or papers to an office. */
const TRANSFERRED = /(?:转给|转交给|交给|移交给)(?!老板|工人|当事人|报告人|包工头|工头|劳动|监察|仲裁|法院|派出所|公安|检察|人社|街道|镇|区)[\u4e00-\u9fa5]{1,5}(?:了|去办了?|来办|办了|处理了?|跟进了?)$/u;
/** Asked to hand the case on to someone (`帮我转给东龙的网格员`, `派给别的网格员吧`): a colleague, never the boss or an office. */
const HAND_ON = /(?:转给|转交给|交给|派给|分给|转到)(?!老板|工人|当事人|报告人|包工头|工头|劳动|监察|仲裁|法院|派出所|公安|检察|人社)[\u4e00-\u9fa5]{0,8}(?:网格员|网格|同事|别人|其他人|别的人)/u;
/** `我去看看`, `我在开会 稍后处理`, `明天上班`, `收到 我去了解一下`: a word of what comes, nothing done yet. */
const LATER = /^(?:收到|好的?|好嘞|ok|行|明白|知道了)?(?:这个|这件|这单|这边)?(?:我们?)?(?:先|马上|这就|现在)?(?:正在处理|在处理|处理中|正在办|在办了|去看看|去看一下|去了解|了解一下|去核实|核实一下|看看|看一下|看下|稍后|晚点|晚些|回头|等会|待会|一会|明天|下午|在开会|开会|在忙|忙完)/u;
const NOTE = /(?:老板娘?|包工头|工头|老总|厂长|经理|对方|雇主)(?:的)?(?:(?:电话|手机|号码)(?:号码?)?(?:是|：|:)?\s*\d|姓|叫|住|家在|在外地|跑了|换号|换了号|停机|空号)|换号|换了号|停机|空号|让(?:他|她|工人|当事人|报告人)(?:自己)?去|(?:交给|移交|转到|送到|报给|报了?|上报(?:给|到)?)了?(?:劳动|监察|仲裁|法院|派出所|公安|人社)|(?:去|到)了?(?:厂|工地|公司|店|单位|饭店|工厂)里?(?:看了?|看过|问了?|找了?|走了一趟|跑了一趟)|(?:老板|对方|负责人|厂长|经理)(?:不在|没在)|不承认|不认账|说没钱|没钱给|等(?:老板|工人|对方|当事人|包工头)(?:的)?(?:回复|回话|消息|答复|电话|回电)|去不了|再去|同一个老板|联系|打不通|没人接|关机|答应|承诺|现场|工地|上门|核实|约了|约好|稳定|稳住|协调|调解|跟进|打过电话|打了电话|通了电话|沟通|谈过|谈了|见过|见了|去过|找过|电联|致电|去电|回电|属实|不实|查实|核查|(?:去|申请|提起|提交|申请了|走)(?:劳动)?仲裁|仲裁了|转(?:给|交|到)?了?(?:劳动|监察|仲裁|法院|人社|派出所|公安)|(?:还|都)?(?:没|没有|未)(?:收到|拿到|到账)|(?:还|都)?(?:没|没有|未)(?:给|付|发|结|打)(?:钱|工资|工钱)|(?:说|讲)(?:好)?(?:钱)?(?:这两天|这几天|过段时间|月底|月初|(?:下个?)?(?:周|礼拜|星期)[一二三四五六日天]|下周|下个?礼拜|下个?星期|下个月|明天|后天|过几天|过两天|年前|年底|(?:\d{1,2}月)?\d{1,2}(?:号|日)(?:前|之前)?)(?:再|就)?(?:给|发|付|结|打|转|还)|当面|面谈|见面|碰面|同意(?:先)?(?:付|给|还|结|发)|(?:找了|请了|找过|请过)(?:个)?律师|律师(?:说|来了|介入|已经)|法律援助|法援|立案|起诉|旷工|扣钱|扣工资|不认|不欠|(?:老板|工人|当事人|对方|包工头|他|她)(?:说)?(?:要|再|还在)?考虑|不配合|态度|(?:不接|不回)(?:电话|消息|微信)|没(?:见到|见着)|没找到(?:老板|人|工人|当事人|对方|包工头|店|厂)|关门|倒闭|停业|歇业|聊天记录|考勤|欠条|工资条|打得通|能打通|打通了|接电话了|(?:钱|工资|工钱)(?:还|都)?(?:没|没有|未)到|欠(?:了)?(?:别人|别的人|其他人|好多人|很多人|不少人|一屁股|外债|供应商|银行)/u;
/** The person will be away, or is back: `我明天请假`, `今天休息 别给我派单`; `我上班了`, `我回来了`. */
const DUTY_OFF = /请假|休假|休息|不在岗|出差|别(?:给我)?派|不要(?:给我)?派|先别派|暂停派|停止派/u;
const DUTY_ON = /^我?(?:已经)?(?:回来)?(?:上班|到岗|销假|回来)了?(?:啊|哈|哦)?$/u;
/** Someone other than the writer named: `工人`, `老板`, `他`. */
const OTHER_PERSON = /工人|当事人|报告人|老板|包工头|单位|公司|他|她|人家/u;
/** Said of some day to come (`明天请假`): the 休息 form is hinted, never offered for now. */
const LATER_DAY = /明天|后天|下周|下星期|下礼拜|周[一二三四五六日天]|星期[一二三四五六日天]|\d+号|过几天|过两天/u;
/** A message for the reporter: `跟他说下周一来拿钱`, `给工人发个消息`, `告诉当事人钱到了`, `通知他来拿钱`. */
const TELL = /^(?:请|麻烦|帮我)?(?:给|跟|和|告诉|通知)(?:一下)?(?:工人|当事人|报告人|他|她|职工|工友|申请人)|^(?:发个?|回个?)(?:消息|信息)(?:给|跟)(?:工人|当事人|报告人|他|她)/u;
/** A question about the case itself (`老板电话多少`, `工人在哪个工地`, `这个案子要几天`): its details. */
const ABOUT_CASE = /联系(?:方式|电话|当事人|报告人|工人|他|她)|电话|手机|号码|地址|在哪|工地|单位|公司|老板是谁|叫什么|多少钱|金额|欠了多少|期限|几天|到期|截止|什么时候要办完|啥时候/u;
/** The employer's side's phone asked for (`老板电话多少`, `包工头的联系方式有吗`, `公司电话是多少`). */
const BOSS_CONTACT = /(?:老板娘?|包工头|工头|老总|厂长|经理|单位|公司|厂里|项目部|对方|雇主)(?:的)?(?:电话号码|电话号|电话|手机号码|手机号|手机|号码|联系方式|怎么联系)/u;

/**
 * The boss's phone asked for: a report does not ask for it, so the case has none (the phone in 详情 is the
 * reporter's); what is known of the employer, for a case this person holds or was referred (`mine`: the case
 * is named or the only one held); any phone the reporter's notes hold is in 详情. 详情 offered.
 */
async function bossContact(
  ctx: StaffCommandContext,
  no: string,
  one: boolean,
  offered: (command: string, full: string, whole: boolean, line: (full: string) => string) => string | null,
): Promise<string> {
  const found = one ? await ctx.core.cases.getByNo(no) : null;
  const me = ctx.staff.staff.id;
  // Only a case of theirs is read here (others may not see it; 详情 says why).
  const c = found && (found.assignee?.staffId === me || found.referral?.liaisonId === me) ? found : null;
  const w = c?.wage ?? null;
  const lines = [`${c ? `案件 ${c.caseNo} ` : ''}没有登记老板的电话：反映欠薪时不填老板的电话，详情里的电话是报告人${c?.reporter.name ?? ''}的。`];
  if (w) {
    const known = [
      w.employerAddress ? `地址：${w.employerAddress}` : '',
      w.projectAddress ? `项目地址：${w.projectAddress}` : '',
      w.labourContractor ? `包工头：${w.labourContractor}` : '',
      w.subcontractor ? `分包单位：${w.subcontractor}` : '',
      w.generalContractor ? `总包单位：${w.generalContractor}` : '',
    ].filter(Boolean);
    lines.push(`已知的${w.employerKind === 'household' ? '雇主' : '用人单位'}：${w.employer}${known.length > 0 ? `（${known.join('，')}）` : ''}。`);
  }
  const noted = c && c.reporterNotes.some((n) => n.kind !== 'complaint' && n.phonesSealed.length > 0);
  lines.push(noted ? '报告人的留言里有电话号码，在详情里能看到。' : '可以先问问报告人有没有老板的电话。');
  const text = lines.join('\n');
  return offered('详情', `详情 ${no}`, true, (full) => `${text}\n案件的全部情况请发：${full}`) ?? text;
}

/** Commands for a case already taken (HELD_FOR: `accepted` only). */
const AFTER_TAKING = new Set(Object.entries(HELD_FOR).filter(([, states]) => !states.includes('assigned')).map(([name]) => name));

/** What `好` does to an offered command (the default: a note written). */
const OFFER_LINE: Record<string, string> = {
  备注: '回复「好」就这样记下。',
  接单: '回复「好」就接单。',
  详情: '回复「好」就发给您。',
  上班: '回复「好」就设为上班。',
  休息: '回复「好」就设为休息。',
};

/** Words that a fact of the case was wrong or is to be changed (`金额写错了`, `帮他改下电话`, `工人说欠的是两万八`). */
const AMEND_CUE = /有问题|少了一位|多了一位|少打|多打|少写|多写|写错|填错|记错|搞错|弄错|打错|报错|说错|错了|不对|有误|改成|改为|改下|改一下|帮.{0,3}改|要改|更正|应该是|应是|应为|其实是|实际是|欠的是|欠的钱是|欠的工资是/u;
/** Which fact (said before the value): the reporter's phone, the employer's name, the amount owed. */
const AMEND_FIELD_SAID: [RegExp, AmendField][] = [
  [/电话|手机|号码/u, 'phone'],
  [/单位|公司|厂名|厂的名|厂家|厂子名|店名|雇主/u, 'employer'],
  [/金额|钱数|数额|欠薪|欠款|欠的|工资|总额|多少钱/u, 'amount'],
];
/** Another fact than the three (the boss's or the company's phone, an address, a person's name): never a 更正. */
const AMEND_OTHER = /(?:老板|包工头|工头|单位|公司|厂里?|经理|对方)的?(?:电话|手机|号码|联系方式)|地址|地点|身份证|(?:工人|报告人|当事人|他|她)的?(?:名字|姓名)/u;
/** The value after its lead (`应该是28500`, `改成宏达电子厂`, `是宏达电子厂`). */
const AMEND_VALUE = /(?:应该是|应是|应为|改成|改为|换成|更正为|其实是|实际是|是|为)\s*[:：]?\s*([^\s，,。；;！!]+(?:\s+[^\s，,。；;！!]+)*?)[\s。！!]*$/u;
/** A serial said before the fact (`0001的金额改成28500`, `0001 电话不对`). */
const AMEND_SERIAL = /^(?:尾号)?\s*(0\d{3})\s*(?:号)?(?:的|这件|这个|这单|\s)/u;
/** A case said to repeat another: `这个是重复的`, `重复了 和之前那个一样`, `重复报的`. */
/** `不属于欠薪`, `这个不是欠薪`: what the case is not; how to go on is the supervisor's to say. */
const NOT_WAGE = /不(?:属于|是|算)(?:欠薪|拖欠工资|欠工资|讨薪)/u;
const DUPLICATE = /重复(?:的|了|报|提交|反映|登记)|是重复/u;
/** The reporter gave up: `工人说他不要了`, `当事人不追了`, `他说算了`. */
const WITHDRAWN =
  /不要了|不追了|(?<!(?:老板|公司|单位|对方)[\u4e00-\u9fa5]{0,3})不(?:想|打算)?告了|不想搞了|不搞了|不想追|不追究|不想要了|不打算要|不找了|说算了|撤回|撤诉|撤销|(?:工人|当事人|报告人|本人|职工)(?:自己)?(?:已经?)?撤了|^(?!.*(?:老板|包工头|工头|公司|单位|厂里|厂长|经理|对方))(?:工人|当事人|报告人|本人|职工|他|她)?(?:自己)?(?:说)?(?:不用管了?|不用追了?|不用(?:再)?找了|不需要了|不用帮(?:忙|他|她)?了|不用麻烦了)$/u;
/** The reporter and the employer settled between them: `他们私了了`, `已经和解了`. */
const SETTLED = /私了|私下解决|私下谈好|私下协商|协商好了|和解|自己谈好|自己解决了|双方(?:已经?)?(?:谈好|谈妥|协商好|达成(?:一致|协议))/u;
/** Only a look asked for (`查`, `查一下`, `看看进度`): 详情, never a note. */
const LOOK_UP = /^(?:帮我)?(?:查|查查|查询|查看|看|看看)(?:一下|下)?(?:这个|这件)?(?:案件|案子|进度|详情|情况|(?:老板|工人|当事人|报告人|单位)的?(?:电话|地址|名字|信息))?$/u;
const QUESTION = /[?？]\s*$|[吗呢么]\s*$|了没有?\s*$|怎么|如何|什么|哪|谁|为啥|为什么/u;
/** `钱拿到了`, `工资收到了` with no one named: asked (`钱拿到了吗`), whether the worker got the money (never told it). */
const MONEY_GOT = /^(?:那|那个)?(?:钱|工资|工钱|欠款|欠薪)(?:已经?|都|也)?(?:拿到|收到|拿回|要回|要到|追回)(?:手|来)?了$/u;
/** A yes-or-no asked at the end (`老板给钱了吗`, `工人收到钱了没有`): stripped, what is asked about is left. */
const PAID_ASKED_END = /(?:吗|么|呢|没有?|[?？])+$/u;
/** `金额是对的`, `金额没问题 不用改`: the amount said to be right (no 更正; nothing to change). */
const AMOUNT_RIGHT = /^(?:核对了|核实了|核对过了?|核实过了?|查过了?)?(?:欠薪|欠的|工资)?(?:金额|钱数|数额|数目|工资数)(?:是|都是|也是)?(?:对的?|没错|没有错|没问题|正确|准确|无误|属实)(?:的|了)?(?:不用改|不需要改|不用更正|不用动)?$|^(?:欠薪|欠的|工资)?(?:金额|钱数|数额|数目|工资数)(?:已经?|都)?(?:核对|核实|确认|查)(?:过了?|好了|了)(?:没错|没问题|无误|是对的?)?$/u;
/** `先挂着`, `先放一放`: leave the case as it is for now (no command: nothing changes). */
const HOLD_ON = /^(?:这个|这件|这单)?(?:案子|案件|单子)?(?:先|暂时|暂且)(?:挂着|挂一下|挂起来?|放着|放一放|放一下|搁着|搁一搁|搁置|不动|不管|不处理|等等|等一等|缓一缓|缓缓)(?:吧|啊|哈|了)?$/u;
/** `转给白沙镇`, `转到河西街道去`: to another town or street office (not a colleague, which HAND_ON reads). */
const TO_PLACE = /(?:转给|转到|转交给?|交给|移交给?|派给|给)([\u4e00-\u9fa5]{1,6}?(?:镇|街道|乡|社区|村|片区|辖区))(?:去|那边|那里)?(?:吧|了|处理|办|管)?/u;
/** A place as staff name it (`白沙镇`, `河西街道`, `白沙村村委`, `白沙镇政府`). */
const STAFF_PLACE = '(?:[\u4e00-\u9fa5]{1,8}?(?:镇|街道|乡|社区|村|村委会?|居委会?|政府|街道办(?:事处)?|办事处|司法所|派出所|县|市)|老家|外地|外省|镇上|村里|村委会?|居委会?)';
/**
 * Where a person of the case is or went (`老板在白沙镇`, `工人回白沙镇老家了`, `老板家在白沙村`, `老板是白沙镇的`): a fact
 * for a note, never the case handed to that place (h103).
 */
const PERSON_AT_PLACE = new RegExp(
  `^(?:这个|那个)?(?:老板娘?|包工头|工头|老总|厂长|对方|雇主|工人|当事人|报告人|申请人)(?:的)?(?:家|老家|人|店|厂|公司|户口|户籍)?(?:已经|现在|目前|也|都|又|本人)*(?:在|住在|回|回到|回了|去|去了|到|到了|搬到|搬去|搬回|搬回了|跑到|跑去|跑回|跑回了|躲到|躲在|躲回|藏在|是)(?:了)?${STAFF_PLACE}(?:老家|那边|那里|那儿|的|的人)?(?:了|去了|打工了?|上班了?|住了?|干活了?)?(?:吧|啊|呢)?(?:(?:下周|下个?月|明天|后天|过几天|过两天|年后|过完年)(?:再)?回来)?$`,
  'u',
);
/** The money or the papers of the case left with a place (`钱交给白沙村村委了`, `老板把工资放在镇政府了`): a note, never a transfer. */
const MONEY_AT_PLACE = new RegExp(
  `^(?:这个|那个)?(?:老板|对方|包工头|工头)?(?:已经)?(?:把)?(?:钱|工资|工钱|欠款|工资款|款|材料|证据|资料)(?:已经|都|也)*(?:交给|交到|交|给到|给了|放在|放到|放|存在|存到|打到|转到|转给|送到|送给|押在|在)(?:了)?${STAFF_PLACE}(?:那边|那里|那儿)?(?:了|去了)?$`,
  'u',
);
const WORKLOAD = /^(?:我的案子|我的任务|我的单子|待办|案件|案子|列表|任务)$|^我?(?:手上|手里|现在|目前)(?:还)?(?:有|在办)?(?:几个|几件|多少|哪些|什么)?(?:个|件)?(?:案子|案件|单子|任务)(?:吗|呢|啊)?$/u;
/** Places in a list as said: `第一个`, `第2件`. */
const ORDINALS = '一二三四五六七八九十';
const ORDINAL = /^第([一二三四五六七八九十]|[1-9])(?:个|件|条|单)/u;
/** A supervisor's no to a close: `不同意 再核实一下`, `退回去让他再核实`, `先不结`, `打回去`. */
const APPROVAL_NO = /不同意|不行|不能结|不能办结|先不结|先别结|别结|退回|打回|再核实|再核查|重新核实|(?:钱数|金额|数额|数目|钱)(?:不对|有误|有问题)|再跟(?:进|一下|一跟)?$|继续跟进?$/u;
/** The words of the no itself, before the reason (`不同意 `, `退回去让他`). */
const APPROVAL_NO_LEAD = /^(?:不同意|不行|先不结|先别结|别结|不能结|不能办结)?[\s，,。]*(?:先)?(?:退回去?|打回去?)?(?:给他|让他|叫他)?/u;
/** `不对 是…`, `搞错了 应该是…`: the case of the last command corrected, nothing more said. */
const CORRECTION_WORDS = '(?:不对|不是|错了|搞错了|弄错了|写错了|发错了|记错了|打错了|填错了|说错了)(?:了|啦)?[\\s，,。]*(?:是|应该是|应是|应为|改成|改为|换成)?';
const CORRECTION = new RegExp(`^${CORRECTION_WORDS}(?:这个|这件|这单)?$`, 'u');
/** `不对 是0002`, `错了 应该是0002号`: the correction with a case's last four digits. */
const CORRECTION_SERIAL = new RegExp(`^${CORRECTION_WORDS}\\s*(?:尾号)?\\s*(0\\d{3})号?[\\s。！!]*$`, 'u');

/**
 * `不对 是QX…0002`: what was run before stays as it is (nothing is moved from one case to another here); the case now
 * named gets nothing until a whole command names it. Never a note of 「不对」.
 */
async function correctionAnswer(ctx: StaffCommandContext, no: string): Promise<string> {
  const theirs = await isTheirs(ctx, no);
  const lines = [`收到，是 ${no}。这条还没有办理：之前发的指令已经按当时写的编号办了，不会自动改到 ${no} 上。`];
  if (theirs) {
    const forms = [usable(ctx, '备注') ? `备注 ${no} 情况` : '', usable(ctx, '办结') ? `办结 ${no} 追回 金额` : '', usable(ctx, '同意') ? `同意 ${no}` : ''].filter(Boolean);
    if (forms.length > 0) lines.push(`要在 ${no} 上办理，请把完整指令再发一次，例如：${forms.join(' 或 ')}`);
  } else {
    lines.push(`${no} 不是您负责的案件，请核对编号。`);
  }
  lines.push('记错了案件的，可以在记错的那件上补一条备注说明；办结办错了的，请联系您的上级更正。');
  return lines.join('\n');
}

/** A supervisor's yes to a close: `可以`, `没问题 结了吧`, `同意结案`, `批了`. */
const APPROVAL_YES = /^(?:(?:两个|两件|几个|几件|这些|这几个|这几件)?(?:都|全部|全)?(?:可以|行|同意|没问题|好的?|ok|嗯))|^结了$|结了吧|可以结|能结|同意结|结案吧|办结吧|批了|通过吧?$/u;
/** A liaison's no to a referral: `不符合条件`, `材料不够`, `证据不足`, `不支持`. */
const LIAISON_NO = /不归我们|不属于我们|不是我们管|不符合|不予支持|不支持|不能支持|支持不了|没法支持|不受理|不能受理|材料不够|材料不全|材料不足|证据不足|证据不够|证据不全/u;
/** What came of a referral, as a liaison says it: `已经起诉了`, `法院立案了`, `已经出了支持起诉意见书`. */
const LIAISON_DONE = /意见书|已经?起诉|起诉了|立案了|已经?立案|开庭了|判决了|判了|调解书|已出具|出具了/u;
/** A liaison's yes: `这个可以支持起诉`, `符合条件`, `可以受理`. */
const LIAISON_YES = /支持起诉|可以支持|同意支持|能支持|符合条件|可以受理|能受理|受理吧|我来受理|我们?受理|受理了/u;
/** Asked how a case stands: `QX… 怎么样了`, `进展如何`, `现在什么情况`, `办到哪一步了`. */
const STATUS_ASKED = /怎么样|咋样|进展|进度|到哪一?步|什么情况|啥情况|什么状态|啥状态|办完了没|办好了没/u;
/** Asked what to do with a case: `这种情况怎么办`, `我该怎么弄`, `这个怎么处理`. */
const ASK_HOW = /怎么办|怎么弄|怎么处理|咋办|咋弄|咋处理|如何处理|该怎么做/u;
/** `这个案子要多几天`, `能不能宽限几天`: more time asked for, no length said. */
const MORE_TIME = /(?:多要|多给|多|宽限|延|再给)(?:我)?(?:几|一些|些|点|一点)(?:天|时间|日子)|要延期|想延期|能延期|申请延期|延长(?:一下|期限|时间)|^(?:能不能|能否|可以|可不可以)?(?:延|延期|宽限|推迟)(?:到|至)|^延(?:[一二两三四五六七八九十]|\d{1,2})(?:个)?(?:工作日|天)/u;

/** Every case taken at once, as said: `两个都接`, `都接了`, `全部接单`. */
const ALL_TAKEN = /^(?:两个|两件|三个|三件|几个|几件|这些|这几个|这几件)?(?:都|全部|全)(?:我)?(?:接|接了|接单|接下|接下了|来接|接吧)(?:吧|了)?$/u;
/** A place in a list, as said: `第一个`, `第2件`, `第十单`. */
const PLACE_SAID = /第([一二三四五六七八九十]|[1-9]\d?)(?:个|件|条|单)/u;
/** Taking the case at a place (`第一个接单`, `接第二个`, `第一个我接了`), once the place is taken out. */
const TAKE_AT = /^(?:我?(?:接单|接了|接下了|来接|接)|(?:这个|这件)?我(?:来)?(?:接|办|处理)了?)(?:吧|了|啦)?$/u;

/**
 * `第一个接单`: the case at that place of the list last shown to them (我的案件), said back by its number; the
 * words read as if that number were typed (`QX… 已联系老板`), or the command they name spelled out with it. Never run.
 */
async function placeSaid(ctx: StaffCommandContext, said: string, place: RegExpExecArray, quoted: string | null): Promise<string> {
  const prefix = defaultPrefix(ctx.core, null);
  const listed = ctx.listed ?? null;
  if (!listed || listed.length === 0) return `请写上案件编号，例如「接单 ${prefix}…」。发「我的案件」可以看到您的案件和编号。`;
  const at = /\d/u.test(place[1]!) ? Number(place[1]) - 1 : ORDINALS.indexOf(place[1]!);
  const no = listed[at];
  if (!no) return `刚才列出的案件只有${listed.length}件：${listed.slice(0, 10).join('、')}。请写上编号，例如「接单 ${listed[0]}」。`;
  const lead = `第${place[1]}件是 ${no}。`;
  const rest = `${said.slice(0, place.index)} ${said.slice(place.index + place[0].length)}`.replace(/^[\s，,。:：]+|[\s，,。]+$/gu, '').replace(/\s+/gu, ' ');
  const bare = rest.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '');
  if (TAKE_AT.test(bare)) {
    if (!usable(ctx, '接单')) return `${lead}${await fallbackAnswer(ctx, `${no} ${rest}`, quoted)}`;
    if (ctx.offer) ctx.offer(`接单 ${no}`);
    return `${lead}要接单请发：接单 ${no}${ctx.offer ? `\n${OFFER_LINE['接单']}` : ''}`;
  }
  // A command named with the place (`第二个退回 不是我网格的`, `详情第一个`): its form with this number, as typed after it.
  const named = matchStaffCommand(rest);
  if (named && takesNumber(named.command) && !takeRecordNo(named.args).no && usable(ctx, named.name)) {
    const full = `${named.name} ${no}${named.args ? ` ${named.args}` : ''}`;
    const offerable = named.name === '详情' || named.name === '接单' || (named.name === '备注' && named.args !== '');
    if (offerable && ctx.offer) {
      ctx.offer(full);
      return `${lead}请发：${full}\n${OFFER_LINE[named.name] ?? '回复「好」就这样记下。'}`;
    }
    return `${lead}请发：${full}`;
  }
  return `${lead}${await fallbackAnswer(ctx, rest ? `${no} ${rest}` : `详情 ${no}`, quoted)}`;
}

/**
 * A fact of the case said to be wrong, with its new value (`金额写错了 应该是28500`, `工人说欠的是两万八`, `单位名字不对
 * 是宏达电子厂`, `0001的金额改成28500`): the 更正 command filled in with the case's number, the field and the value as
 * 更正 would record it (两万八 → 28000). Offered on 好 when the case is named (its number or last four digits) or the one
 * they hold and 更正 takes the value; otherwise shown (a value it would refuse, `两三万`, with why). Nothing is changed here.
 * The boss's or the company's phone, an address or a name is no fact 更正 changes: left to the other readings.
 */
async function amendSaid(
  ctx: StaffCommandContext,
  said: string,
  nos: string[],
  held: string[],
  offered: (command: string, full: string, whole: boolean, line: (full: string) => string) => string | null,
  hint: (command: string, line: string) => string | null,
): Promise<string | null> {
  if (!usable(ctx, '更正') || QUESTION.test(said)) return null;
  let text = halfWidth(said).trim();
  let no: string | null = nos.length === 1 ? nos[0]! : nos.length === 0 && held.length === 1 ? held[0]! : null;
  if (nos.length > 1) return null;
  // A serial said first (`0001的金额改成28500`): the one open case of theirs ending so, and the words after it.
  const serial = nos.length === 0 ? AMEND_SERIAL.exec(text) : null;
  let serialLine = '';
  if (serial) {
    const ends = (await casesOf(ctx)).filter((c) => c.status !== 'closed' && c.status !== 'resolved' && c.caseNo.endsWith(`-${serial[1]!}`)).map((c) => c.caseNo);
    no = ends.length === 1 ? ends[0]! : null;
    if (ends.length !== 1) serialLine = `您负责的案件里尾号 ${serial[1]!} 的有${ends.length}件${ends.length > 0 ? `：${ends.join('、')}` : ''}，请写完整的案件编号。\n`;
    text = text.slice(serial[0].length).trim();
  } else if (nos.length === 1) {
    // `QX… 金额写错了 应该是28500`: the words after the number.
    const own = takeRecordNo(text);
    // Said after the words (`钱数不对 QX…0002`): the number taken out, never read as a value.
    text = own.no ? own.rest.trim() : text.replace(/(?:[A-Za-z]{1,4}\s*[-—]?\s*)?\d{4}-?\d{2}-?\d{2}\s*[-—]\s*\d{1,4}|[A-Za-z]{1,4}\s*\d{12}/gu, ' ').trim();
  }
  const compact = text.replace(/\s+/gu, '');
  if (!AMEND_CUE.test(compact)) return null;
  // `老板电话不对 是139…`: no fact 更正 changes; the words as typed for a note (offered as a note's hint is).
  if (AMEND_OTHER.test(compact)) {
    const words = said.trim();
    return offered('备注', `备注 ${no ?? `${defaultPrefix(ctx.core, null)}…`} ${words}`, no !== null && [...words].length <= 40, (c) => `更正只能改欠薪金额、用人单位和报告人的电话。这个情况可以记在备注里：${c}`);
  }
  // Money back said (`工资不对 老板只给了一半`): a payment, read below, never a new claim.
  if (/给了|付了|发了|还了|追回|结了|收到|到账/u.test(compact)) return null;
  // The field is said before the value (`单位名字不对 是宏达电子厂`: 厂 in the name is no field word).
  const lead = AMEND_VALUE.exec(text);
  const before = lead ? text.slice(0, lead.index) : text;
  const field = AMEND_FIELD_SAID.find(([re]) => re.test(before))?.[1];
  if (!field) return null;
  const n = no ?? `${defaultPrefix(ctx.core, null)}…`;
  const word = field === 'amount' ? '金额' : field === 'employer' ? '单位' : '电话';
  // The value: after its lead; a phone or an amount may stand alone at the end (`帮他改下电话 13912345678`).
  let raw: string | null = lead ? lead[1]!.trim() : null;
  if (field === 'phone') raw = /(?:\+?86[\s-]?)?1\d[\d\s-]{6,14}\d/u.exec(text)?.[0] ?? raw;
  // (A figure standing alone after a space or the words, never a serial: `0002` is a case's number.)
  if (!raw && field === 'amount') raw = /(?:^|[\s，,：:]|[^\d\sA-Za-z-])([\d零〇一二两三四五六七八九十百千万点.,]+(?:元|块钱?)?)[\s。！!]*$/u.exec(text)?.[1] ?? null;
  if (raw && /^0\d{3}$/u.test(raw)) return null;
  // `金额写错了` alone: the form with what to fill in (nothing read as the value); longer words are left to the others.
  if (!raw && [...compact].length > 8) return null;
  if (!raw) return hint('更正', `${serialLine}要更正${field === 'amount' ? '欠薪金额' : field === 'employer' ? '用人单位' : '报告人的电话'}，请发：更正 ${n} ${word} ${field === 'amount' ? '正确金额' : field === 'employer' ? '单位名称' : '手机号'}`);
  let value: string;
  try {
    value = field === 'amount' ? String(amendAmount(raw)) : field === 'employer' ? amendEmployer(raw) : amendPhone(raw);
  } catch (err) {
    const why = err instanceof Error ? err.message.replace(/[。.]$/u, '') : '';
    return hint('更正', `${serialLine}这样还不能更正：${why}。\n请发：更正 ${n} ${word} ${field === 'amount' ? '确定的金额' : field === 'employer' ? '单位名称' : '手机号'}`);
  }
  // Only shown, never run on 好: a 更正 changes the record and tells the reporter, and is typed out as a close is.
  return offered('更正', `更正 ${n} ${word} ${value}`, false, (c) => `${serialLine}要更正${field === 'phone' ? '报告人的电话' : field === 'employer' ? '用人单位' : '欠薪金额'}，请发：${c}`);
}

async function fallbackAnswer(ctx: StaffCommandContext, text: string, quoted: string | null): Promise<string> {
  const said = text.trim();
  const prefix = defaultPrefix(ctx.core, null);
  // `案件QX…老板跑了`: the word 案件 before the number is not the command 案件 (a list), and not part of what was said.
  const own = readNumbers(said.replace(/^(?:案件|案子|编号)\s*[:：]?\s*/u, ''), knownPrefixes(ctx.core), prefix);
  // What was said besides the number it starts with (`QX… 钱交给工人了`): the words read, and a note's text (never the number).
  const spoken = own.no && !own.bad && own.rest ? own.rest : said;
  const bare = spoken.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
  // The same, a decimal point kept (`追回2.8万` is 28,000, never 28万).
  const bareDot = spoken.normalize('NFKC').toLowerCase().replace(/(\d)\.(?=\d)/gu, '$1\uE000').replace(/[\s\p{P}\p{S}]+/gu, '').replace(/\uE000/gu, '.');
  const nos = own.all.length > 0 ? own.all : quoted !== null ? quotedNumbers(quoted) : [];
  // None named: the one open case this person holds, when they hold exactly one (a liaison: the one referred to them).
  const liaison = usable(ctx, '受理') !== null;
  const referred = nos.length === 0 && liaison ? await referredTo(ctx) : [];
  // A supervisor's closes waiting for their yes (`可以`, `不同意 再核实一下`): the one waiting, when only one waits.
  // (`QX… 可以`: that one, when it waits for them.)
  const approvals = nos.length <= 1 && usable(ctx, '同意') !== null ? (await approvalsOf(ctx)).filter((a) => nos.length === 0 || a === nos[0]) : [];
  const held = nos.length === 0 ? [...(await heldCases(ctx, ['assigned', 'accepted'])), ...referred.map((r) => r.caseNo), ...approvals] : [];
  const no = nos.length === 1 ? nos[0]! : held.length === 1 ? held[0]! : `${prefix}…`;
  // The case named still waits for this person's 接单: a close, an extension or a referral is only possible after it.
  const untaken = !no.endsWith('…') && usable(ctx, '接单') && (await heldCases(ctx, ['assigned'])).includes(no);
  const takeFirst = (command: string) => (untaken && AFTER_TAKING.has(command) ? `案件 ${no} 还没有接单，请先发：接单 ${no}\n接单后，` : '');
  const hint = (command: string, line: string) => (usable(ctx, command) ? `${takeFirst(command)}${line}` : null);
  /**
   * A hint whose command is whole (a real number, the words as typed): offered to run on a `好` when `whole`
   * (see StaffCommandContext.offer), and said so. Only 备注, 接单, 详情, 上班 and 休息, which change nothing the
   * person cannot see or undo; a close, a decline, an extension or a message to the reporter is always typed out.
   */
  const offered = (command: string, full: string, whole: boolean, line: (full: string) => string) => {
    if (!usable(ctx, command)) return null;
    if (!whole || !ctx.offer || full.includes('…')) return line(full);
    ctx.offer(full);
    return `${line(full)}\n${OFFER_LINE[command] ?? '回复「好」就这样记下。'}`;
  };

  /**
   * `老板付了三千`, `追回3000元`, `老板给了工人三千` on a case they are working whose claim is one figure above the sum:
   * part of the money, never shown as the one close to send (was `办结 … 追回 3000`, or 「全部付清」 with 3000). The
   * words as a note (run on 好, as a note's hint) and the close with what is still owed, as `老板给了三千 还差三千` is
   * answered. Null otherwise (the whole claim, a range, a group, another's case: as before).
   */
  const partOfClaim = async (back: string): Promise<string | null> => {
    if (!usable(ctx, '办结') || no.endsWith('…')) return null;
    const c = await ctx.core.cases.getByNo(no);
    const w = c?.wage;
    const n = leadingAmount(back);
    const oneFigure = !!w && !w.amountApprox && w.amountUpTo === null && w.headcount.count <= 1;
    if (!c || !w || !oneFigure || !n || n.rest.trim() !== '' || n.n < w.amount * 0.01 || n.n >= w.amount) return null;
    if (c.assignee?.staffId !== ctx.staff.staff.id || c.status !== 'accepted') return null;
    const words = [...spoken].length <= 40 ? spoken : '情况';
    const note = offered('备注', `备注 ${no} ${words}`, words === spoken, (cmd) => `报告人反映欠${yuan(w.amount)}，这是其中一部分。还在追剩下的，先记下：${cmd}`);
    return [note, `不再追的话，请发：办结 ${no} 追回 ${back} 还欠 金额`].filter(Boolean).join('\n');
  };

  /**
   * A liaison's words of taking a referral on (`这个案子我来办`, `转给检察院`): their own 受理 (with 不予支持 beside it), or,
   * once taken, 结果; the referral named, or the only one of theirs. Only shown (a referral is taken by its number).
   * Null for anyone else.
   */
  const liaisonTake = async (): Promise<string | null> => {
    if (!liaison || !usable(ctx, '受理')) return null;
    const mine = nos.length === 0 ? referred : (await referredTo(ctx)).filter((r) => nos.includes(r.caseNo));
    const pending = mine.filter((r) => r.status === 'pending').map((r) => r.caseNo);
    if (mine.length === 1 && pending.length === 0) return `案件 ${mine[0]!.caseNo} 您已经受理了，不用再受理。有了结果请发：结果 ${mine[0]!.caseNo} 内容`;
    if (pending.length > 1) return `您有${pending.length}件等您答复的转来案件：${pending.slice(0, 10).join('、')}。请写上编号，例如「受理 ${pending[0]}」。`;
    const n = pending[0] ?? `${prefix}…`;
    return `转来的案件由您受理，请发：受理 ${n}\n不予支持请发：不予支持 ${n} 理由`;
  };

  if (HELP_WORDS.test(bare)) return staffHelp(ctx);
  // `不对 是0002`: the one open case of theirs ending so (several or none: asked, nothing done).
  const serialFix = nos.length === 0 ? CORRECTION_SERIAL.exec(halfWidth(said)) : null;
  if (serialFix) {
    const ends = (await casesOf(ctx)).filter((c) => c.status !== 'closed' && c.status !== 'resolved' && c.caseNo.endsWith(`-${serialFix[1]!}`)).map((c) => c.caseNo);
    if (ends.length === 1) return correctionAnswer(ctx, ends[0]!);
    return `您负责的案件里尾号 ${serialFix[1]!} 的有${ends.length}件${ends.length > 0 ? `：${ends.join('、')}` : ''}，这条还没有办理。请写完整的案件编号和要办的事，例如「备注 ${ends[0] ?? `${prefix}…`} 情况」。`;
  }
  // `可以 0002`, `不行 0002 再跟一下` from a supervisor with closes waiting: the close whose number ends so, read as if its
  // number were typed first (its 同意 or 退回 form, nothing approved); none or several end so: listed, nothing picked (h74).
  const approvalSerial = nos.length === 0 && approvals.length > 0 ? /(?<![\dA-Za-z])(?:尾号)?(0\d{3})号?(?![\d])/u.exec(halfWidth(said)) : null;
  if (approvalSerial) {
    const rest = `${said.slice(0, approvalSerial.index)} ${said.slice(approvalSerial.index + approvalSerial[0].length)}`.replace(/^[\s，,。:：]+|[\s，,。]+$/gu, '').replace(/\s+/gu, ' ');
    const restBare = rest.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
    if (restBare !== '' && (APPROVAL_YES.test(restBare) || APPROVAL_NO.test(restBare)) && !QUESTION.test(said)) {
      const serial = approvalSerial[1]!;
      const ends = approvals.filter((n) => n.endsWith(`-${serial}`));
      if (ends.length === 1) return fallbackAnswer(ctx, `${ends[0]} ${rest}`, quoted);
      const which = ends.length > 1 ? `有${ends.length}件尾号 ${serial} 的：${ends.join('、')}` : `没有尾号 ${serial} 的`;
      const list = ends.length > 1 ? ends : approvals;
      return `等您审批的办结里${which}，这条还没有办理。${ends.length > 1 ? '' : `等您审批的：${list.slice(0, 10).join('、')}。\n`}请写完整编号，例如「同意 ${list[0]}」或「退回 ${list[0]} 原因」。`;
    }
  }
  // `第一个接单`, `接第二个`, `第2件 已联系老板`: a place in the list 我的案件 showed them (no close waiting for their yes,
  // whose places are read below): said back by its number and read as if the number were typed; nothing is run.
  const place = nos.length === 0 && approvals.length === 0 ? PLACE_SAID.exec(said) : null;
  if (place && !PLACE_SAID.test(said.slice(place.index + place[0].length))) return placeSaid(ctx, said, place, quoted);
  // `两个都接`, `都接了`: each case waiting for their 接单, one command each (never all at once).
  if (nos.length === 0 && ALL_TAKEN.test(bare) && usable(ctx, '接单')) {
    const waiting = await heldCases(ctx, ['assigned']);
    if (waiting.length >= 2) return `有${waiting.length}件等您接单，请逐件发：\n${waiting.slice(0, 10).map((n) => `接单 ${n}`).join('\n')}`;
  }
  if (GREETING.test(bare)) return `您好，我是工友助手。${everyday(ctx)}`;
  // The boss's phone asked for (`老板电话多少`, `QX… 包工头的联系方式有吗`): not recorded in a report, said plainly (the
  // phone in 详情 is the reporter's), with what is known of the employer; 详情 offered for the rest. Never a note.
  if (BOSS_CONTACT.test(bare) && (QUESTION.test(said) || /多少$/u.test(bare))) return bossContact(ctx, no, nos.length === 1 || held.length === 1, offered);
  // `金额写错了 应该是28500`, `帮他改下电话 13912345678`, `0001的金额改成28500`: the 更正 filled in (before the numbers
  // in the words are read as something else); offered on 好 only for a case named or the one held, with a value 更正 takes.
  // (A supervisor's no to a close waiting, `钱数不对`, is read below as its 退回.)
  // `金额是对的`, `金额没问题`: nothing to correct; said so with the amount as it stands (was 「没看懂」, h98), and the
  // words offered as a note (a supervisor with a close waiting: left to their 同意 / 退回 below).
  if (AMOUNT_RIGHT.test(bare) && approvals.length === 0 && !QUESTION.test(said)) {
    const known = no.endsWith('…') ? null : await ctx.core.cases.getByNo(no);
    const amount = known?.wage?.amount;
    const head = known ? `好的，案件 ${no} 的欠薪金额不改${typeof amount === 'number' ? `，还是${yuan(amount)}` : ''}。` : '好的，欠薪金额不改。';
    const note = offered('备注', `备注 ${no} ${spoken.trim()}`, [...spoken].length <= 40, (c) => `要记下已核实，请发：${c}`);
    return note ? `${head}\n${note}` : head;
  }
  const amend = approvals.length > 0 && (APPROVAL_NO.test(bare) || APPROVAL_YES.test(bare)) ? null : await amendSaid(ctx, said, nos, held, offered, hint);
  if (amend) return amend;
  // Numbers typed in the words (not a mistyped command's: `办节 QX… 追回5000` is read below).
  if (!Object.keys(TYPOS).some((w) => said.startsWith(w))) {
    const read = await numbersInWords(ctx, said, own);
    if (read?.answer) return read.answer;
    // `老板给了2000 剩下的下周给 QX…`: the number said last is which case; the words are read without it, as `QX… 老板给了2000…`.
    if (read?.moved) return fallbackAnswer(ctx, read.moved, quoted);
  }
  // `QX20261201-0009 已联系老板`: a well-formed case number of no case of theirs; nothing offered for it (a note on `好`
  // would only fail), said plainly with the cases they hold.
  if (own.no && !own.bad && own.all.length === 1 && own.no.startsWith(ctx.core.directory.index().directory.caseNoPrefix) && !(await isTheirs(ctx, own.no))) {
    const mine = (await casesOf(ctx)).filter((c) => c.status !== 'closed' && c.status !== 'resolved').map((c) => c.caseNo).sort();
    return `${own.no} 不是您负责的案件，${QUESTION.test(said) ? '' : '这条还没有记下，'}请核对编号。${mine.length > 0 ? `\n您负责的案件：${mine.slice(0, 10).join('、')}。` : ''}`;
  }
  // A number and words with no command before them: most likely a note.
  // (A question with its number, `QX… 怎么办`, or money said back, `QX… 追回两万八`, is no note: read below;
  // nor a bare acknowledgement, `QX… 收到`.)
  const restPaid = own.rest ? paidSaid(own.rest) : null;
  const restBare = own.rest.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
  const notNote =
    !!own.rest &&
    (QUESTION.test(own.rest) || CLOSE.test(restBare) || restPaid?.back != null || !!restPaid?.part || ACK.test(restBare) || ACCEPT.test(restBare) || paidOver(restBare) || (liaison && LIAISON_DONE.test(restBare)));
  // `不对 是QX…0002` (after a command on another case): no note of 「不对 是」; nothing done here is moved (h71).
  if (own.no && !own.bad && CORRECTION.test(restBare)) return correctionAnswer(ctx, own.no);
  // `QX… 不行 再跟一下`, `QX… 钱数不对`, `QX… 可以` from the approver of that case's close: their answer to the close
  // (read below), never a note on it (h71).
  const approvalSaid = approvals.includes(own.no ?? '') && (APPROVAL_NO.test(restBare) || APPROVAL_YES.test(restBare));
  // `查 QX…`, `查看一下 QX…`: the case looked up, never a note of 「查」 (was offered as one).
  const look = own.no && !own.bad && LOOK_UP.test(restBare) ? offered('详情', `详情 ${own.no}`, true, (c) => `要查看这件案件，请发：${c}`) : null;
  if (look) return look;
  if (own.no && !own.bad && !notNote && !approvalSaid) {
    const line = own.rest
      ? offered('备注', `备注 ${own.no} ${own.rest}`, [...own.rest].length <= 200, (c) => `要记下办理情况，请发：${c}`)
      : hint('详情', `要查看这件案件，请发：详情 ${own.no}`);
    if (line) return line;
  }
  const words = [...spoken].length <= 40 ? spoken : '内容';
  const glued = async () => {
    const c = startsWithName(said);
    return c && usable(ctx, c.names[0]!) ? `是要${c.names[0]}吗？请发：${await gluedForm(ctx, c, said, nos)}` : null;
  };
  // `办节 QX… 追回5000`, `借单`: a command name mistyped (same sound or next key): its form with the rest as typed, never run.
  // Only as a word of its own (alone, with filler, or before a number): `借单找到了` is an IOU found, no 接单.
  const typo = Object.entries(TYPOS).find(([wrong]) => said.startsWith(wrong));
  const typoRest = typo ? said.slice(typo[0].length) : '';
  const typoCommand = typo && (typoRest === '' || FILLER.test(typoRest) || STARTS_ARGS.test(typoRest)) ? usable(ctx, typo[1]) : null;
  if (typo && typoCommand) {
    const rest = typoRest.trim();
    // The rest as typed only after a number (`办节 QX… 追回5000`); else the form, with the one case it fits.
    const numbered = rest !== '' && (takeRecordNo(rest).no !== null || SERIAL_ONLY.test(halfWidth(rest)));
    // `办节 追回五千`: the amount as said kept in the form (never dropped).
    const paid = typo[1] === '办结' && !numbered ? paidSaid(rest) : null;
    const form = numbered ? `${typo[1]} ${rest}` : await gluedForm(ctx, typoCommand, typo[1], nos);
    return `是要${typo[1]}吗？请发：${paid?.back != null && !paid.part ? form.replace(/追回 金额$/u, `追回 ${shownAmount(paid.back)}`) : form}`;
  }
  const guesses: (() => string | null | Promise<string | null>)[] = [
    // A close waiting for this supervisor: a no (`不同意 再核实一下`, `退回去让他再核实`, `先不结`) → 退回 with the words as
    // the reason; a yes (`可以`, `没问题 结了吧`) → 同意. Only hints: the close is decided by the command alone.
    () => {
      if (approvals.length === 0) return null;
      // `第一个同意`, `第二件退回`: which one by its place in the list (sorted by number, as listed to them); said back
      // by its number, never approved.
      // Several in one message (`第一个同意，第二个不同意`): each part on its own.
      const parts = bare.split(/(?=第(?:[一二三四五六七八九十]|[1-9])(?:个|件|条|单))/u).filter((p) => ORDINAL.test(p));
      if (parts.length > 0 && approvals.length > 0 && !QUESTION.test(said)) {
        // `同意第一个`: the words before the first place are its own.
        const lead = bare.slice(0, bare.indexOf(parts[0]!));
        const lines: string[] = [];
        for (const [i, part] of parts.entries()) {
          const ord = ORDINAL.exec(part)!;
          const words = `${i === 0 ? lead : ''}${part.slice(ord[0].length)}`;
          const no = APPROVAL_NO.test(words);
          if (!no && !APPROVAL_YES.test(words) && !/^同意/u.test(words)) return null;
          const at = /\d/u.test(ord[1]!) ? Number(ord[1]) - 1 : ORDINALS.indexOf(ord[1]!);
          const picked = approvals[at];
          if (!picked) return `等您审批的办结只有${approvals.length}件：${approvals.slice(0, 10).join('、')}。请写上编号，例如「同意 ${approvals[0]}」。`;
          const reason = words.replace(APPROVAL_NO_LEAD, '').trim();
          const how = no ? `不同意办结请发：退回 ${picked} ${reason && [...reason].length <= 40 && parts.length === 1 ? reason : '原因'}` : `同意办结请发：同意 ${picked}`;
          lines.push(`第${ORDINALS[at]}件是 ${picked}，${how}`);
        }
        if (lines.length === 1 && !APPROVAL_NO.test(bare)) lines.push(`不同意请发：退回 ${/同意 (\S+)$/u.exec(lines[0]!)![1]} 原因`);
        return lines.join('\n');
      }
      if (APPROVAL_NO.test(bare)) {
        const reason = spoken.replace(APPROVAL_NO_LEAD, '').replace(/^[\s，,。]+/u, '').trim();
        return `不同意办结请发：退回 ${no} ${reason && [...reason].length <= 40 && !QUESTION.test(said) ? reason : '原因'}`;
      }
      if (!APPROVAL_YES.test(bare) || QUESTION.test(said)) return null;
      // Several waiting (`都同意`): each close is approved on its own, by its number (never all at once).
      if (approvals.length > 1) return `有${approvals.length}件办结等您审批，请逐件发：\n${approvals.slice(0, 10).map((n) => `同意 ${n}`).join('\n')}\n不同意的请发：退回 ${approvals[0]} 原因`;
      // A bare `好` / `嗯` (often the answer to this very hint): said why it did nothing, so it is no loop (h71).
      const bareYes = /^(?:好|好的|好吧|嗯+|ok|okay|是|是的|对|对的)$/u.test(bare);
      return `${bareYes ? '审批要发完整的指令，回复「好」不会办理。\n' : ''}同意办结请发：同意 ${no}\n不同意请发：退回 ${no} 原因`;
    },
    // A liaison's view of a referral (`不符合条件`, `材料不够 让工格员补一下`, `这个可以支持起诉`): the command for it.
    () => {
      if (!liaison) return null;
      const pending = referred.length === 1 ? referred[0]!.status === 'pending' : true;
      if (LIAISON_NO.test(bare)) {
        const lines = [`不予支持请发：不予支持 ${no} 理由`];
        if (/材料|证据/u.test(bare) && !QUESTION.test(said)) lines.unshift(`要请工格员补材料，可以先记下：备注 ${no} ${words}`);
        return lines.join('\n');
      }
      // What came of it (`已经起诉了`, `法院立案了`, `出了支持起诉意见书`): the 结果 form with the words (a referral not yet
      // taken is 受理 first). Only shown.
      if (LIAISON_DONE.test(bare) && !QUESTION.test(said)) {
        const result = `结果 ${no} ${words}`;
        return pending ? `还没受理的，请先发：受理 ${no}\n再记下结果：${result}` : `记下结果请发：${result}`;
      }
      if (LIAISON_YES.test(bare) && !QUESTION.test(said)) return pending ? `受理请发：受理 ${no}` : `有了结果请发：结果 ${no} 已出具支持起诉意见书`;
      return null;
    },
    // `延期两天 等住建核实`: a length right after 延期 asks for an extension, whatever words the reason has (no note, no 转检察).
    () => (/^延期/u.test(said) && EXTENSION_SAID.test(said.slice('延期'.length)) ? glued() : null),
    // `转给检察院` from a liaison: the case is theirs to take (受理), not to refer (was 「没看懂」).
    () => (LIAISON_TAKE.test(bare) && !QUESTION.test(said) ? liaisonTake() : null),
    () => (/检察/.test(bare) ? hint('转检察', `要转检察院审查支持起诉，请发：转检察 ${no} 理由`) : null),
    async () => {
      if (!ACCEPT.test(bare)) return null;
      // A liaison's `这个案子我来办`: their 受理 (was a 备注 hint as if the case were taken).
      if (liaison) return liaisonTake();
      // `QX… 接了` on a case they already took: said so (was a 接单 offered that only failed on 好, h98).
      if (!no.endsWith('…') && usable(ctx, '接单') && (await heldCases(ctx, ['accepted'])).includes(no)) {
        return `案件 ${no} 您已经接单了，正在办理，不用再接。${usable(ctx, '备注') ? `\n有了办理情况，请发：备注 ${no} 情况` : ''}`;
      }
      // Their cases are all taken already (`收到 我马上打电话` on an accepted case): no 接单 to hint.
      if (nos.length === 0 && held.length > 0 && (await heldCases(ctx, ['assigned'])).length === 0) return hint('备注', `好的。联系后请发：备注 ${no} 情况`);
      return offered('接单', `接单 ${no}`, true, (c) => `要接单请发：${c}`);
    },
    // `老板在白沙镇`, `工人回白沙镇老家了`, `钱交给白沙村村委了`: where the people or the money of the case are, a note
    // offered (run on 好), never a 退回 or a transfer (was 「没看懂」, or the 退回 form, h103).
    () => ((PERSON_AT_PLACE.test(bare) || MONEY_AT_PLACE.test(bare)) && !QUESTION.test(said) ? offered('备注', `备注 ${no} ${words}`, words === spoken, (c) => `要记下这个情况，请发：${c}`) : null),
    // `转给白沙镇`, `这个应该交给河西街道`: another town or street office; only 退回 (which the system reassigns) is
    // shown, with the place as said; nothing is sent anywhere (was 「没看懂」, h98).
    () => {
      // (`钱交给白沙村村委了`: money handed over, no case passed on.)
      const to = /钱|工资|工钱|材料|证据/u.test(bare) ? null : TO_PLACE.exec(bare);
      if (!to) return null;
      return hint('退回', `案件${no.endsWith('…') ? '' : ` ${no} `}还在您名下，期限照算。不归您这里办的，请发：退回 ${no} 应归${to[1]!}\n退回后由系统改派；要转到${to[1]!}，请联系您的上级。`);
    },
    // `这个案子我转给黄丽娟了`: handed on by word of mouth, the case is still theirs (and its time limit runs).
    () => ((TRANSFERRED.test(bare) || HAND_ON.test(bare)) && !QUESTION.test(said) ? hint('退回', `案件${no === `${prefix}…` ? '' : ` ${no} `}还在您名下，期限照算。要交给别人办，请发：退回 ${no} 原因\n系统会改派给别的工作人员；想指定谁来办，请联系您的上级。`) : null),
    () => (DECLINE.test(bare) ? hint('退回', `这件不归您办的话，请发：退回 ${no} 原因`) : null),
    // `退单`, `我要退单`: the command for giving a case back (was 「没看懂」).
    () => (GIVE_BACK.test(bare) && !QUESTION.test(said) ? hint('退回', `要把案件退回，请发：退回 ${no} 原因\n系统会改派给别的工作人员；想指定谁来办，请联系您的上级。`) : null),
    // `把工人电话发我`: no phone printed here; 详情 shows what their role may see of the case (was 「没看懂」).
    () => (REPORTER_CONTACT.test(bare) && SEND_ME.test(bare) ? offered('详情', `详情 ${no}`, true, (c) => `报告人的联系方式在案件详情里，按您的岗位能看到的都会列出，请发：${c}`) : null),
    // `工人要求加急`: the words as a note (run on 好), and how to answer the reporter (was 「没看懂」).
    () => {
      if (!REPORTER_PRESSES.test(bare) || QUESTION.test(said)) return null;
      const note = offered('备注', `备注 ${no} ${words}`, words === spoken, (c) => `报告人着急的话，可以先记下：${c}`);
      const reply = hint('回复', `要回复报告人，请发：回复 ${no} 内容`);
      return [note, reply].filter(Boolean).join('\n') || null;
    },
    // A message for the reporter (`跟他说下周一来拿钱`): the 回复 form, with 内容 left for their own words (theirs are
    // about the reporter, `去找他`, not to them). Before 办结's words: `告诉当事人钱到了` is a message first.
    () => (TELL.test(bare) && !QUESTION.test(said) ? hint('回复', `要给报告人发消息，请发：回复 ${no} 内容\n内容就是发给报告人的话，会原样发过去。`) : null),
    // The reporter gave up or settled (`工人说他不要了`, `他们私了了`): how such a case is closed (before 办结's
    // 追回: a settlement is not money recovered). Only a hint.
    () => {
      if (QUESTION.test(said)) return null;
      if (SETTLED.test(bare)) return hint('办结', `私下和解的，请发：办结 ${no} 和解 金额（金额不清楚的写：和解 金额未知）`);
      if (WITHDRAWN.test(bare)) return hint('办结', `本人不想追了的，请发：办结 ${no} 撤回 原因`);
      return null;
    },
    // `老板给钱了吗`, `工人收到钱了吗`: asked of themself, not told. The system knows only what someone recorded: said
    // plainly (with what the reporter left, if they did), and how to note it when they know (备注), only shown (was
    // 「没看懂」, h110). Nothing is offered to run on 好.
    async () => {
      const asked = PAID_ASKED_END.test(said) ? bare.replace(PAID_ASKED_END, '') : null;
      if (!asked || QUESTION.test(asked) || PAID_SOME.test(asked) || !(paidOver(asked) || MONEY_GOT.test(asked)) || !usable(ctx, '备注')) return null;
      const c = no.endsWith('…') ? null : await ctx.core.cases.getByNo(no);
      if (c && ['closing', 'resolved', 'closed'].includes(c.status)) return hint('详情', `案件 ${no} 已经在办结了，记下的结果请发：详情 ${no} 查看。`);
      const left = c?.reporterNotes.filter((n) => n.kind === 'paid' || n.kind === 'partly_paid').at(-1);
      const lines = [
        left
          ? `报告人留过言：「${left.text}」。这是报告人说的，还没有人记下办理情况。`
          : '系统里还没有记录钱给没给：要有人记下来，这里才会知道。可以先问问工人或老板。',
        `问清楚了，记下情况请发：备注 ${no} 情况（例如：工人说钱收到了）`,
      ];
      // (No close shown to a question, h30: it is asked about once they know, with their words.)
      return lines.join('\n');
    },
    // A sum said paid to the worker (`老板给了工人三千`, `工人已经拿到三千了`): the words as a note (offered on 好); below a
    // one-figure claim, part of it (`partOfClaim`); else whether it is all of it is not guessed, both closes shown to
    // type (was 「没看懂」, h106).
    async () => {
      const m = QUESTION.test(said) ? null : PAID_SOME.exec(bare);
      if (!m || !usable(ctx, '办结')) return null;
      const read = leadingAmount(m[1] ?? m[2] ?? m[3] ?? '');
      const c = no.endsWith('…') ? null : await ctx.core.cases.getByNo(no);
      const claim = c?.wage ? Math.max(c.wage.amountUpTo ?? c.wage.amount, c.wage.groupAmount ?? 0) : null;
      // More than the claim, or no sum read: 金额 left to fill (the 办结 command says what it thinks of a sum).
      const sum = read && read.rest.trim() === '' && read.n >= 100 && (claim === null || read.n <= claim) ? shownAmount(read.n) : '金额';
      const part = sum !== '金额' ? await partOfClaim(sum) : null;
      if (part) return part;
      const note = offered('备注', `备注 ${no} ${words}`, words === spoken, (full) => `要记下办理情况，请发：${full}`);
      // The whole of a one-figure claim (`老板给了工人28500`): no part-paid close beside it.
      const all = !!c?.wage && !c.wage.amountApprox && c.wage.amountUpTo === null && c.wage.headcount.count <= 1 && read?.n === c.wage.amount && sum !== '金额';
      const closes = hint('办结', `工资已经全部付清、要办结的，请发：办结 ${no} 追回 ${sum}${all ? '' : `
只付了一部分、不再追的话，请发：办结 ${no} 追回 ${sum} 还欠 金额`}`);
      return [note, closes].filter(Boolean).join('\n') || null;
    },
    // Part of the money back (`老板给了一半`, `老板给了2000 还差4000`, `老板给了三千 剩下的月底给`): a note of it, and
    // how to close it when nothing more will come; amounts only as said. Only hints.
    () => {
      if (QUESTION.test(said)) return null;
      // `老板同意先付一半`: a promise, no money yet (a note, below; was the part-paid close, h106).
      if (/(?:同意|答应|承诺|保证|准备|打算)(?:先)?(?:付|给|还|结|发)/u.test(bare)) return null;
      const paid = paidSaid(said);
      // (`追回3000 剩下的老板跑了`: the close with what is left as a note, below.)
      if (!paid?.part || !usable(ctx, '办结') || (CLOSE.test(bare) && bareDot.match(RECOVERED_AMOUNT)?.[2])) return null;
      const lines = [`${takeFirst('办结')}不再追的话，请发：办结 ${no} 追回 ${paid.back !== null ? shownAmount(paid.back) : '金额'} 还欠 ${paid.owed !== null ? shownAmount(paid.owed) : '金额'}`];
      const what = own.no && own.rest ? own.rest : words;
      // The note, as typed, runs on a `好` like a note's own hint (a close is always typed out).
      const whole = [...what].length <= 40 && what !== '内容';
      const note = offered('备注', `备注 ${no} ${whole ? what : '情况'}`, whole, (c) => `还在追剩下的，先记下：${c}`);
      if (note) lines.unshift(note);
      return lines.join('\n');
    },
    // The money said to have reached the worker, no amount (`钱交给工人了`, `工人说钱收到了`, `老板已经付了`): what was
    // said as a note (offered on 好), and how to close it as paid, only shown: a close is always typed out.
    () => {
      if (QUESTION.test(said) || !paidOver(bare) || paidSaid(said)?.back != null) return null;
      const note = offered('备注', `备注 ${no} ${words}`, words === spoken, (c) => `要记下办理情况，请发：${c}`);
      const close = hint('办结', `工资已经全部付清、要办结的，请发：办结 ${no} 追回 金额`);
      return [note, close].filter(Boolean).join('\n') || null;
    },
    async () => {
      const paid = QUESTION.test(said) ? null : paidSaid(said);
      if (!CLOSE.test(bare) && paid?.back == null) return null;
      // A close already waiting for this supervisor's yes is no close to hint again (their 同意 is above).
      if (approvals.includes(no)) return null;
      const m = bareDot.match(RECOVERED_AMOUNT);
      const amount = m?.[1];
      // `追回3000 剩下的老板跑了`: part of it back; the words about the rest are for a note, never part of the result.
      const remark = m?.[2] ? said.slice(said.indexOf(m[2])).trim() : null;
      if (amount && remark) return hint('办结', `要办结请发：办结 ${no} 追回 ${amount} 还欠 金额\n情况可以记在备注里：备注 ${no} ${remark}`);
      const back = amount ?? (paid?.back != null ? shownAmount(paid.back) : null);
      const part = back && !liaison ? await partOfClaim(back) : null;
      if (part) return part;
      // The amount said (or all of a one-figure claim, `全部要回来了`) on a case of theirs being worked: checked against
      // the claim as the 办结 command and the staff API check it, then shown whole to type (h74). Never recorded here.
      // Part of it (`老板给了两万 还差八千`): no close proposed (a liaison's 结果 with 还欠 is recorded as progress, shown).
      const proposal = paid?.part ? null : await closeProposal(ctx, no, back, !back && ALL_BACK.test(bare) && !QUESTION.test(said));
      // A liaison (no 办结): money back on a referral is its 结果, only shown (was 「没看懂」, h71).
      if (liaison && !usable(ctx, '办结') && usable(ctx, '结果')) {
        if (proposal) return proposal();
        const owed = paid?.part ? ` 还欠 ${paid.owed !== null ? shownAmount(paid.owed) : '金额'}` : '';
        const result = `结果 ${no} 追回 ${back ?? '金额'}${owed}`;
        const pending = referred.length === 1 && referred[0]!.status === 'pending';
        return pending ? `还没受理的，请先发：受理 ${no}\n再记下结果：${result}` : `钱追回了的，请记下结果：${result}`;
      }
      if (proposal) return proposal();
      return hint('办结', `要办结请发：办结 ${no} 追回 ${back ?? '金额'}\n没追回的请发：办结 ${no} 未追回 原因 下一步 仲裁`);
    },
    // Nothing back in sight: how to close it as not recovered, or pass it on; what happened as a note. Only hints.
    () => {
      // Asked (`老板跑了怎么办`): the same ways on, with no note of the question's words.
      if (!STUCK.test(bare) || !usable(ctx, '办结')) return null;
      const lines = [`${takeFirst('办结')}追不回的话，请发：办结 ${no} 未追回 原因 下一步 仲裁`];
      if (usable(ctx, '转检察')) lines.push(`需要检察院支持起诉的，请发：转检察 ${no} 理由`);
      if (usable(ctx, '备注') && !QUESTION.test(said)) lines.push(`只记下情况的，请发：备注 ${no} ${words}`);
      return lines.join('\n');
    },
    // Away or back: 休息 / 上班, offered when it is about now (`今天休息 别给我派单`, `我上班了`), else only shown.
    () => {
      if (QUESTION.test(said)) return null;
      if (DUTY_ON.test(bare)) return offered('上班', '上班', true, () => '要开始接收新案件，请发：上班');
      // About someone else (`工人在休息 晚点再打`, `老板出差了`): not their own duty.
      if (!DUTY_OFF.test(bare) || OTHER_PERSON.test(bare)) return null;
      const line = '要暂停接收新案件，请在不上班时发：休息\n回来后发：上班（手上的案件请继续办理）';
      return LATER_DAY.test(bare) ? hint('休息', line) : offered('休息', '休息', true, () => line);
    },
    // `这个是重复的`, `跟之前那个重复了`: no close is for a repeat; noted with the other case's number, the rest for the supervisor.
    () => (DUPLICATE.test(bare) && !QUESTION.test(said) ? hint('备注', `和别的案件重复的话，请先记下：备注 ${no} 与 另一件的编号 重复\n怎么处理请问问您的上级。`) : null),
    // `不属于欠薪`: noted as said (offered on 好); whether and how it closes is asked of their supervisor (no close is hinted).
    () => {
      if (!NOT_WAGE.test(bare) || QUESTION.test(said)) return null;
      const note = offered('备注', `备注 ${no} ${words}`, words === spoken, (c) => `要记下这个情况，请发：${c}`);
      return note ? `${note}\n怎么处理请问问您的上级；这件不归您办的，请发：退回 ${no} 原因` : null;
    },
    // A question (`怎么联系当事人`) is not what was done: no note is suggested with its words.
    () => (NOTE.test(bare) && !QUESTION.test(said) ? offered('备注', `备注 ${no} ${words}`, words === spoken, (c) => `要记下办理情况，请发：${c}`) : null),
    // `先挂着`, `先放一放`: nothing to run; said so, with the time limit still running and the ways on (was 「没看懂」, h98).
    () => {
      if (!HOLD_ON.test(bare)) return null;
      const more = usable(ctx, '延期') ? `\n${takeFirst('延期')}需要更多时间的，请发：延期 ${no} 天数 原因` : '';
      return `好的，案件${no.endsWith('…') ? '' : ` ${no} `}照旧，这条没有办理，期限照算。${more}${usable(ctx, '备注') ? `\n有了办理情况，请发：备注 ${no} 情况` : ''}`;
    },
    () => (LATER.test(bare) && [...bare].length <= 16 ? (usable(ctx, '备注') ? `好的。有了办理情况，请发：备注 ${no} 情况` : '好的。需要办理时请发指令，发「帮助」看全部指令。') : null),
    () => (WORKLOAD.test(bare) ? hint('我的案件', '查看您负责的案件，请发：我的案件') : null),
    async () => {
      const c = MORE_TIME.test(bare) && !/说/u.test(bare) ? usable(ctx, '延期') : null;
      if (!c) return null;
      // `延五天`: the length as said kept in the form.
      const days = /^延((?:[一二两三四五六七八九十]{1,3}|\d{1,2})(?:个)?(?:工作日|天))/u.exec(bare)?.[1];
      const form = await gluedForm(ctx, c, said, nos);
      return `是要延期吗？请发：${days ? form.replace('天数', days) : form}`;
    },
    // How a case of theirs stands (`QX… 怎么样了`, `这个案子进展如何`): its details (状态, 办理结果, the limits) at once.
    async () => {
      if (!QUESTION.test(said) || !STATUS_ASKED.test(bare) || ASK_HOW.test(bare)) return null;
      // No number, and not the one case they hold: which one is asked (a list is a command away).
      if (no.endsWith('…')) return `要问哪件案件？请写上编号，例如：${prefix}… 怎么样了\n看您的全部案件请发：我的案件`;
      const details = usable(ctx, '详情');
      if (!details || !(await isTheirs(ctx, no))) return null;
      return details.run(ctx, no);
    },
    // A question about the case (`老板电话多少`, `这个案子要几天`; after 延期's `要多几天`): its details, where the
    // contact, place and limit are.
    () => (QUESTION.test(said) || /多少$|几天$/u.test(bare) ? (ABOUT_CASE.test(bare) ? offered('详情', `详情 ${no}`, true, (c) => `案件的联系人、电话、地点和期限都在详情里，请发：${c}`) : null) : null),
    // A command name with more glued on (`延期两天`, `休息一下`): its form, never run.
    glued,
    // `这种情况怎么办`, `我该怎么弄`: what can be done with a case, each way as its command (nothing run).
    async () => {
      if (!ASK_HOW.test(bare) || !usable(ctx, '办结')) return null;
      // An ended case has nothing left to do but look and note (a reporter back about it).
      const ended = no.endsWith('…') ? null : await ctx.core.cases.getByNo(no);
      if (ended && (ended.status === 'resolved' || ended.status === 'closed')) {
        return `案件 ${no} 已经办结，不用再办了。\n要看办理记录请发：详情 ${no}${usable(ctx, '备注') ? `\n报告人又来反映的，可以记下：备注 ${no} 情况` : ''}`;
      }
      const lines = [
        untaken ? `先接单：接单 ${no}` : '',
        `案件的情况请看：详情 ${no}`,
        usable(ctx, '备注') ? `记下办理情况：备注 ${no} 情况` : '',
        usable(ctx, '延期') ? `需要更多时间：延期 ${no} 天数 原因` : '',
        `追回了：办结 ${no} 追回 金额`,
        `没追回：办结 ${no} 未追回 原因 下一步 仲裁`,
        usable(ctx, '退回') ? `不归您办：退回 ${no} 原因` : '',
      ].filter(Boolean);
      return `办理这件案件可以用这些指令：\n${lines.join('\n')}\n拿不准的可以问问您的上级。`;
    },
    async () => {
      // A bare `1` (WeChat shorthand for 收到, or a pick from a list): read as 收到, never as a yes to anything offered (h98).
      const one = /^1{1,3}$/u.test(bare) && /^\s*1{1,3}\s*$/u.test(said);
      if (!ACK.test(bare) && !one) return null;
      const unquoted = (RECEIVED.test(bare) || one) && (quoted === null || quotedNumbers(quoted).length === 0);
      // A liaison's 收到 for the one referral waiting for their answer: the two answers it can have (nothing offered).
      const pending = unquoted && liaison ? referred.filter((r) => r.status === 'pending') : [];
      if (pending.length === 1) return `案件 ${pending[0]!.caseNo} 等您答复：受理请发：受理 ${pending[0]!.caseNo}\n不予支持请发：不予支持 ${pending[0]!.caseNo} 理由`;
      // A supervisor's, for the one close waiting for their yes: the same (an approval is typed out).
      if (unquoted && approvals.length === 1) return `案件 ${approvals[0]} 的办结等您审批：同意办结请发：同意 ${approvals[0]}\n不同意请发：退回 ${approvals[0]} 原因`;
      const answer = ackAnswer(ctx, quoted, unquoted ? await heldCases(ctx, ['assigned']) : []);
      return one && answer === ACK_ANSWER ? `好的，「${said.trim()}」当作收到，没有办理任何事。${usable(ctx, '我的案件') ? '要看您的案件，请发：我的案件' : '发「帮助」看全部指令。'}` : answer;
    },
  ];
  for (const g of guesses) {
    const line = await g();
    if (line) return line;
  }
  return `没看懂这条消息。${everyday(ctx)}`;
}

/** Before a number that is only mentioned (`和QX…是同一个老板`, `跟QX…一样`): the words are about another case too. */
const MENTIONED_BEFORE = /(?:和|与|跟|同|及|比|像|对比|参照)\s*(?:案件|案子|编号)?\s*$/u;

/**
 * Case numbers in a message that is no command, before any guess is made from its words:
 * - a number meant but not valid (`QX2026120-0001`): asked again, with the cases this person holds; never put on another;
 * - two cases or more (`QX1 老板答应月底给，QX2 已联系老板`): nothing offered; each one's note shown to send on its own;
 * - the last four digits first (`0001 已联系老板`): the one open case of theirs ending so, read as its full number;
 * - one number after the words (`老板给了2000 剩下的下周给 QX…`): `moved`, the same message with the number first, so
 *   the number is which case and never part of a note (a mention, `和QX…是同一个老板`, is left as typed).
 * Null when none of these.
 */
async function numbersInWords(ctx: StaffCommandContext, said: string, own: NumbersRead): Promise<{ answer?: string; moved?: string } | null> {
  const prefix = defaultPrefix(ctx.core, null);
  const tokens = numberTokens(said, knownPrefixes(ctx.core), prefix);
  const open = async () => (await casesOf(ctx)).filter((c) => c.status !== 'closed' && c.status !== 'resolved').map((c) => c.caseNo).sort();
  const heldLine = async () => {
    const mine = await open();
    return mine.length > 0 ? `\n您负责的案件：${mine.slice(0, 10).join('、')}。` : '';
  };
  const bad = tokens.find((t) => t.no === null);
  if (bad) return { answer: `编号格式不对：${bad.raw.trim()}，这条还没有记下。请写完整的案件编号，例如 ${prefix}${compactDay(ctx.core.clock.now())}-0001。${await heldLine()}` };
  const valid = tokens.filter((t) => t.no !== null);
  if (own.all.length >= 2) {
    // Each number followed by its own words, nothing before the first: each one's note as typed.
    const parts = valid.map((t, i) => ({ no: t.no!, words: said.slice(t.end, valid[i + 1]?.start ?? said.length).replace(LEAD_PUNCT, '').replace(/[\s，,、;；。和及与]+$/u, '').trim() }));
    const lead = said.slice(0, valid[0]!.start).replace(/^\s*(?:案件|案子|编号)?\s*[:：]?\s*$/u, '');
    const plain = (w: string) => w !== '' && [...w].length <= 40 && !QUESTION.test(w) && !CLOSE.test(w) && paidSaid(w)?.back == null;
    const each = lead === '' && new Set(parts.map((p) => p.no)).size === parts.length && parts.every((p) => plain(p.words));
    const lines = each ? parts.map((p) => `备注 ${p.no} ${p.words}`) : [`备注 ${own.all[0]} 内容`, `办结 ${own.all[0]} 追回 金额`];
    return { answer: `这条消息里有 ${own.all.join('、')}，还没有记下。一次只能办一件，请每件分开发${each ? '' : '，例如'}：\n${lines.join('\n')}` };
  }
  if (own.all.length === 0) {
    // `0001 已联系老板`: the serial of a case of theirs.
    const m = halfWidth(said).match(SERIAL_ONLY);
    if (!m) return null;
    const rest = said.slice(m[0].length).replace(LEAD_PUNCT, '').trim();
    const nos = (await open()).filter((no) => no.endsWith(`-${m[1]!}`));
    if (nos.length === 1) return { moved: `${nos[0]!} ${rest}`.trim() };
    if (nos.length > 1) return { answer: `您负责的案件里尾号 ${m[1]!} 的有${nos.length}件：${nos.join('、')}，这条还没有记下。请写完整编号，例如「备注 ${nos[0]!}${rest ? ` ${rest}` : ''}」。` };
    return { answer: `您负责的案件里没有尾号 ${m[1]!} 的，这条还没有记下。请写完整的案件编号。${await heldLine()}` };
  }
  if (own.no) return null;
  const t = valid[0]!;
  const before = said.slice(0, t.start);
  // `这个和QX…是同一个老板`: about two cases; which one it goes on is asked, nothing offered.
  if (MENTIONED_BEFORE.test(before)) {
    const mine = await open();
    const nos = [...new Set([...(mine.length === 1 ? mine : []), t.no!])];
    const text = [...said].length <= 40 ? said : '内容';
    return { answer: `这条消息提到了 ${t.no!}，还没有记下。要记在哪一件上，请写上那件的编号发：\n${nos.map((n) => `备注 ${n} ${text}`).join('\n')}` };
  }
  // `…，案件QX…的老板说…`: the number said as whose (的) is left out with it; no space after a comma.
  const named = /(?:案件|案子|编号)\s*[:：]?\s*$/u.test(before);
  const head = before.replace(/(?:案件|案子|编号)\s*[:：]?\s*$/u, '').trim();
  const tail = said.slice(t.end).replace(/^号/u, '').replace(named ? /^的/u : /^$/u, '').trim();
  const words = `${head}${/[，,。；;：:]$/u.test(head) ? '' : ' '}${tail}`
    .replace(/^[\s\p{P}]+/u, '')
    .replace(/[\s，,、;；:：]+$/u, '')
    .trim();
  return { moved: `${t.no!} ${words}`.trim() };
}

/** Command names as mistyped with a pinyin keyboard (same sound), each to the name meant. */
const TYPOS: Record<string, string> = { 借单: '接单', 接但: '接单', 揭单: '接单', 办节: '办结', 半结: '办结', 办解: '办结', 备住: '备注', 被注: '备注', 延其: '延期', 严期: '延期', 跟正: '更正', 更证: '更正', 庚正: '更正', 耕正: '更正', 更新: '更正' };

/** `两天`, `5个工作日`, with a reason after it or not: the length as said, for the 延期 hint. */
const EXTENSION_SAID = /^\s*((?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:个)?(?:工作日|天))(?:[\s，,]+(\S.*))?$/u;

/**
 * The form of a command typed with more glued on (`延期两天`): the case
 * named (typed or in the quoted notice), else the only one this person
 * holds that it fits (as {@link onlyHeldCase} takes it); for 延期, the
 * length (and the reason) as typed. Said back for them to send, never run.
 */
async function gluedForm(ctx: StaffCommandContext, command: StaffCommand, said: string, nos: readonly string[]): Promise<string> {
  const name = command.names[0]!;
  let form = shortUsage(command);
  if (!takesNumber(command)) return form;
  // 接单 is for a case waiting to be taken (a hint only: 接单 is never run on a guessed case).
  const states = HELD_FOR[name] ?? (name === '接单' ? ['assigned'] : undefined);
  const held = nos.length === 0 && states ? await heldCases(ctx, states) : [];
  const no = nos.length === 1 ? nos[0]! : held.length === 1 ? held[0]! : null;
  // Only a number of the kind the command takes (a case's for 延期, not a booking's).
  if (no && no.startsWith(defaultPrefix(ctx.core, command))) form = form.replace(/[A-Z]{2}…/, no);
  if (name === '延期') {
    const typed = command.names.filter((n) => said.startsWith(n)).sort((a, b) => b.length - a.length)[0] ?? name;
    const m = said.slice(typed.length).match(EXTENSION_SAID);
    if (m) form = form.replace('天数', m[1]!.replace(/\s+/g, '')).replace(/原因$/, () => m[2]?.trim() || '原因');
  }
  return form;
}

/** `收到`, `明白了`: a notice acknowledged (`好`, `谢谢` may answer anything). */
const RECEIVED = /^(?:(?:好的?|好嘞|ok|行|嗯+))?(?:收到|明白|知道了|了解)/u;

/**
 * 「收到」「好的」: what the quoted notice asks for, when it asks this person for one thing. `waiting`: the cases
 * waiting for this person's 接单 when a bare 收到 quotes no case (the usual answer to a new case's notice): one is
 * offered to take on 好, several are listed. A 收到 is no 接单 itself, and is never left to look like one.
 */
function ackAnswer(ctx: StaffCommandContext, quoted: string | null, waiting: readonly string[] = []): string {
  const asked = quoted ? [...new Set([...quoted.matchAll(/(接单|同意|受理) ([A-Z]{2}\d{8}-\d{4,})/g)].map((m) => `${m[1]} ${m[2]}`))].filter((x) => usable(ctx, x.split(' ')[0]!)) : [];
  if (asked.length === 1) {
    const [name, no] = asked[0]!.split(' ') as [string, string];
    if (name === '接单') {
      // The notice quoted names the case: the 接单 is whole, so offered on 好 like the hints' (see fallbackAnswer).
      if (!ctx.offer || !usable(ctx, '接单')) return `要接单请发：接单 ${no}`;
      ctx.offer(`接单 ${no}`);
      return `要接单请发：接单 ${no}\n${OFFER_LINE['接单']}`;
    }
    if (name === '同意') return `同意办结请发：同意 ${no}\n不同意请发：退回 ${no} 原因`;
    return `受理请发：受理 ${no}\n不予支持请发：不予支持 ${no} 理由`;
  }
  if (waiting.length === 1 && usable(ctx, '接单')) {
    if (!ctx.offer) return `案件 ${waiting[0]} 还等您接单，请发：接单 ${waiting[0]}`;
    ctx.offer(`接单 ${waiting[0]}`);
    return `案件 ${waiting[0]} 还等您接单，请发：接单 ${waiting[0]}\n${OFFER_LINE['接单']}`;
  }
  if (waiting.length > 1 && usable(ctx, '接单')) return `有${waiting.length}件案件还等您接单：${waiting.join('、')}\n请逐件发：接单 案件编号`;
  return ACK_ANSWER;
}

const ACK_ANSWER = '好的。需要办理时请发指令，发「帮助」看全部指令。';

/**
 * A command about one record, named by its number first (`接单 QX…`,
 * `完成 YY…`): `run` gets the number (null when none was typed) and the
 * rest of the message.
 */
export function numberedCommand(
  names: string[],
  usage: string,
  run: (ctx: StaffCommandContext, no: string | null, rest: string) => Promise<string>,
  roles?: StaffRole[],
): StaffCommand {
  return {
    names,
    usage,
    numbered: true,
    ...(roles ? { roles } : {}),
    run: (ctx, args) => {
      const { no, rest } = takeRecordNo(args);
      return run(ctx, no, rest);
    },
  };
}
