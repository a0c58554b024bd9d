/*
 * Shared helpers for the staff API tests: the real Koa app on port 0 over a
 * real-Redis core, tokens for each kind of caller, wage cases with chosen
 * details, and routing a case to a chosen grid worker.
 */
import { expect } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import type { Core } from '../../core/context.js';
import { caseJobKeys } from '../../core/cases/queue.js';
import { signToken } from '../../core/infra/tokens.js';
import { createWageCase, type WageCaseInput } from '../support/cases.js';
import { TEST_ENV, eventually, startTestCore, type TestCore } from '../support/core.js';
import { startHttp } from '../support/http.js';
import { route } from '../../core/cases/queue.js';
import { staffKeys } from '../../core/staff/keys.js';
import { createStaffDesk } from '../../core/staff/desk.js';
import '../../core/commands.js';
import { shiftedClock, type Clock } from '../../core/infra/clock.js';
import { createCalendar } from '../../core/infra/calendar.js';
import { addDays, chinaDay, chinaInstant } from '../../core/infra/time.js';
import { suiteNow } from '../support/clock.js';
import { suiteDirectory } from '../support/core.js';

/** Untyped JSON from the server; each test asserts what it reads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Res {
  status: number;
  body: Json;
}

export interface StaffApi {
  t: TestCore;
  core: Core;
  req(method: string, path: string, opts?: { token?: string; json?: unknown }): Promise<Res>;
  /** A staff token issued by the admin endpoint (cached per staff id). */
  staff(staffId: string): Promise<string>;
  /** A web-chat user token for `web:<userId>`. */
  user(userId: string): string;
  stop(): Promise<void>;
}

export const ADMIN = TEST_ENV.ADMIN_TOKEN;

export async function startStaffApi(opts: Parameters<typeof startTestCore>[0] = {}): Promise<StaffApi> {
  const http = await startHttp(opts);
  const { t, base } = http;
  const tokens = new Map<string, string>();

  const api: StaffApi = {
    t,
    core: t.core,
    async req(method, path, o = {}) {
      const headers: Record<string, string> = {};
      if (o.token !== undefined) headers.authorization = `Bearer ${o.token}`;
      let body: string | undefined;
      if (o.json !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(o.json);
      }
      const res = await fetch(base + path, { method, headers, body });
      const raw = await res.text();
      const parsed: Json = (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(raw) : raw;
      return { status: res.status, body: parsed };
    },
    async staff(staffId) {
      const cached = tokens.get(staffId);
      if (cached) return cached;
      const r = await api.req('POST', '/api/v1/admin/staff-tokens', { token: ADMIN, json: { staffId } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      tokens.set(staffId, r.body.token as string);
      return r.body.token as string;
    },
    user(userId) {
      return signToken(TEST_ENV.TOKEN_SECRET, { sub: `web:${userId}`, role: 'user' }, 3600, api.core.clock.now().getTime());
    },
    async stop() {
      await http.stop();
    },
  };
  return api;
}

export type CaseInput = WageCaseInput;

export const PHONE = '13800138000';
export const MASKED = '138****8000';

/** A wage case record made directly (no conversation), waiting to be routed. */
export function wageCase(core: Core, input: CaseInput = {}): Promise<Case> {
  return createWageCase(core, { phone: PHONE, ...input });
}

/**
 * Routes the case through the routing loop (the workers') so that `staffId`
 * (a grid worker of the case's grid) gets it: the other workers of the grid
 * are set 休息 for the moment and `staffId`'s load is cleared.
 */
export async function routeTo(core: Core, c: Case, staffId: string): Promise<Case> {
  const grid = core.directory.index().gridById.get(c.location.gridId!)!.grid;
  const others = grid.workers.filter((w) => w.id !== staffId).map((w) => w.id);
  await core.redis.hSet(staffKeys(core.keys.prefix).duty(), Object.fromEntries([[staffId, '1'], ...others.map((id) => [id, '0'])]));
  await core.redis.hSet(core.cases.keys.load(), staffId, 0);
  await route(core, c.id);
  // Until the routing loop is done with it (its entry goes once the assignment and its timers are written).
  const toRoute = caseJobKeys(core.config.REDIS_PREFIX).toRoute();
  await eventually(async () => (await core.redis.zScore(toRoute, c.id)) === null, 8000, 'routing');
  const routed = await waitFor(core, c.id, (x) => !!x.assignee, 'assignment');
  expect(routed.assignee).toMatchObject({ staffId, level: 'grid' });
  return routed;
}

export async function waitFor(core: Core, id: string, ok: (c: Case) => boolean, what: string, timeoutMs = 8000): Promise<Case> {
  return eventually(async () => {
    const c = await core.cases.get(id);
    return c && ok(c) ? c : null;
  }, timeoutMs, what);
}

/** Every text the inbox target (a userKey or `staff:<id>`) received, in order. */
export async function inboxTexts(core: Core, target: string): Promise<string[]> {
  const { items } = await core.inbox.read(target);
  return items.flatMap((i) => i.replies.map((r) => (r.type === 'text' ? r.text : '')));
}

/** Waits until the inbox holds a text matching `pattern`; returns that text. */
export async function inboxMessage(core: Core, target: string, pattern: RegExp, what = String(pattern)): Promise<string> {
  return eventually(async () => (await inboxTexts(core, target)).find((x) => pattern.test(x)), 8000, `${target} ← ${what}`);
}

/** What a refusal must leave untouched: the record and its audit trail. */
export async function snapshot(core: Core, id: string) {
  const c = (await core.cases.get(id))!;
  return { record: c, status: c.status, audit: (await core.cases.audit(id)).length };
}

/**
 * A running clock that starts on the suite's day, or the next working day of
 * the suite's calendar, at Beijing `at` (`HH:MM`): inside working hours
 * whatever the real time is, so 30-minute accept clocks run as minutes.
 * With `offset` working days, that many working days later.
 */
export function workingDayClock(at = '09:30', offset = 0): Clock {
  return shiftedClock(workingDayAt(at, offset));
}

/**
 * A fixed working day (Tuesday 1 December 2026) at 10:00 Beijing, for files whose outcome does not depend on the day
 * (what staff words mean): they run on the real date only (vitest.config.ts, ON_A_FIXED_DAY).
 */
export const A_WORKING_DAY = new Date('2026-12-01T10:00:00+08:00');

/** The suite's day (or the next working day) at Beijing `at`, `offset` working days later. */
export function workingDayAt(at: string, offset = 0): Date {
  const cal = createCalendar(suiteDirectory().calendar);
  let day = chinaDay(suiteNow());
  for (let i = 0; i < 60 && !cal.isWorkingDay(day); i++) day = addDays(day, 1);
  for (let n = 0; n < offset; ) {
    day = addDays(day, 1);
    if (cal.isWorkingDay(day)) n += 1;
  }
  return chinaInstant(day, at);
}

/**
 * A staff member's WeChat chat with the bot (the staff desk every WeChat
 * channel runs): bound with a one-time code, then each line is a command,
 * answered as in WeChat.
 */
export async function staffChat(core: Core, staffId: string): Promise<(text: string) => Promise<string>> {
  const desk = createStaffDesk(core);
  const userKey = `wx:${staffId}`;
  const code = await desk.bindings.issueCode(staffId);
  expect(await desk.handle(userKey, `绑定 ${code}`)).toMatch(/绑定成功/);
  return async (text) => (await desk.handle(userKey, text)) ?? '';
}
