import type { Core } from '../context.js';
import type { StaffEntry } from '../directory/index.js';
import type { StaffRole } from '../directory/index.js';
import { AppError } from '../infra/errors.js';

/**
 * Staff commands typed in WeChat (`接单 QX20261121-0001`, `通过 RH…`). The
 * staff API calls the same `run` functions, so both paths share one code
 * path and one set of checks.
 */
export interface StaffCommandContext {
  core: Core;
  /** Who is acting (from the WeChat binding or the staff token). */
  staff: StaffEntry;
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

/** Splits `接单 QX20261121-0001` into the command and its arguments. */
export function matchStaffCommand(text: string): { command: StaffCommand; args: string } | null {
  const t = text.trim().replace(/\u3000/g, ' ');
  let best: { command: StaffCommand; name: string } | null = null;
  for (const command of registry) {
    for (const name of command.names) {
      if ((t === name || t.startsWith(name)) && (!best || name.length > best.name.length)) best = { command, name };
    }
  }
  if (!best) return null;
  return { command: best.command, args: t.slice(best.name.length).trim() };
}

export function staffHelp(role: StaffRole): string {
  const lines = registry.filter((c) => !c.roles || c.roles.includes(role)).map((c) => `· ${c.usage}`);
  return `可用的指令：\n${lines.join('\n')}`;
}

/**
 * Runs one staff message. Refusals (wrong case, not allowed, bad argument)
 * come back as Chinese text, never as a thrown error, so WeChat always gets an
 * answer; unexpected errors propagate.
 */
export async function runStaffText(ctx: StaffCommandContext, text: string, quoted: string | null = null): Promise<string> {
  const m = matchStaffCommand(text);
  if (!m) return `没看懂这条指令。${staffHelp(ctx.staff.staff.role)}`;
  if (m.command.roles && !m.command.roles.includes(ctx.staff.staff.role)) return '您的岗位不能使用这条指令。';
  // `接单` typed in a reply quoting the case's notice: the one number the notice names (two or more: none is guessed).
  let args = m.args;
  if (m.command.numbered && quoted !== null && takeRecordNo(args).no === null) {
    const named = new Set([...quoted.matchAll(/\b([A-Za-z]{2}\d{8}-\d{4,})\b/g)].map((x) => x[1]!.toUpperCase()));
    if (named.size === 1) args = `${[...named][0]} ${args}`.trim();
  }
  try {
    return await m.command.run(ctx, args);
  } catch (err) {
    if (err instanceof AppError && err.expose) return err.message;
    throw err;
  }
}

/** Case numbers (QX…) and application/booking numbers (RH…, YY…) as typed. */
export function takeRecordNo(args: string): { no: string | null; rest: string } {
  const m = args.match(/^([A-Za-z]{2}\d{8}-\d{4,})\s*(.*)$/s);
  if (!m) return { no: null, rest: args };
  return { no: m[1]!.toUpperCase(), rest: m[2]!.trim() };
}

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
