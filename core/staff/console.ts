import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { createAuth } from '../auth/index.js';
import type { Core } from '../context.js';
import type { StaffEntry } from '../directory/index.js';
import { registerStaffCommands } from './commands.js';
import { staffKeys } from './keys.js';

/** An admin's sign-in link works once, within this long. */
export const CONSOLE_LINK_SECONDS = 15 * 60;
/** A code sent in WeChat (`控制台`) works once, within this long. */
export const CONSOLE_CODE_SECONDS = 10 * 60;
/** A console session lasts this long; then the person signs in again. */
export const CONSOLE_SESSION_SECONDS = 12 * 3600;
/** Wrong codes one client address may try within WRONG_WINDOW_SECONDS. */
const MAX_WRONG = 5;
const WRONG_WINDOW_SECONDS = 15 * 60;

const hashOf = (value: string) => createHash('sha256').update(value).digest('base64url');
const SESSION_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const LINK_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const SessionRecord = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), staffId: z.string(), gen: z.number().int().min(0), at: z.string() }),
  z.object({ kind: z.literal('admin'), admin: z.string(), at: z.string() }),
]);

/** Who a console session is: a staff member as the directory has them now, or the admin. */
export type ConsoleWho = { kind: 'staff'; staff: StaffEntry } | { kind: 'admin' };

/**
 * The web console's sign-in (api/console.ts). A staff member gets a one-time
 * link from an admin (15 minutes) or a six-digit code by sending `控制台` in
 * WeChat (10 minutes); both are stored hashed and work once; wrong codes from
 * one address are limited. The admin signs in with the ADMIN_TOKEN. The
 * session is a record here, named by a random cookie value (stored hashed),
 * that carries the staff member's token generation: `revokeStaff`, `解绑` and
 * removal from the directory end it at once, and so does changing the
 * ADMIN_TOKEN for an admin's session. Signing out deletes it.
 */
export function createConsoleAccess(core: Core) {
  const k = staffKeys(core.config.REDIS_PREFIX);
  const { redis } = core;
  const auth = createAuth(core);
  const adminMark = () => createHmac('sha256', core.config.TOKEN_SECRET).update(`console-admin\0${core.config.ADMIN_TOKEN}`).digest('base64url');
  const clientMark = (client: string) => createHmac('sha256', core.config.HASH_KEY).update(`console-client\0${client}`).digest('base64url');

  async function newSession(record: z.infer<typeof SessionRecord>): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    await redis.set(k.consoleSession(hashOf(id)), JSON.stringify(record), { EX: CONSOLE_SESSION_SECONDS });
    return id;
  }

  return {
    /** A one-time sign-in link token for `staffId` (admin only). */
    async issueLink(staffId: string): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      await redis.set(k.consoleLink(hashOf(token)), staffId, { EX: CONSOLE_LINK_SECONDS });
      return token;
    },

    /** A one-time six-digit code for `staffId` (sent to them in WeChat). */
    async issueCode(staffId: string): Promise<string> {
      for (;;) {
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
        if ((await redis.set(k.consoleCode(hashOf(code)), staffId, { NX: true, EX: CONSOLE_CODE_SECONDS })) === 'OK') return code;
      }
    },

    /** A session for whoever the link was issued to; a Chinese refusal for a used, expired or unknown link. */
    async signInWithLink(token: string): Promise<{ ok: true; session: string; staffId: string } | { ok: false; message: string }> {
      const staffId = LINK_SHAPE.test(token) ? await redis.getDel(k.consoleLink(hashOf(token))) : null;
      if (!staffId) return { ok: false, message: '登录链接无效或已失效（每个链接只能用一次，15分钟内有效）。请联系管理员重新获取，或在微信里发送「控制台」获取登录码。' };
      return startStaff(staffId);
    },

    /** A session for whoever the code was sent to; wrong codes from one address are limited. */
    async signInWithCode(code: string, client: string): Promise<{ ok: true; session: string; staffId: string } | { ok: false; message: string; locked?: boolean }> {
      const wrongKey = k.consoleWrong(clientMark(client));
      const locked = { ok: false as const, locked: true, message: '错误次数太多，请15分钟后再试。' };
      if (Number((await redis.get(wrongKey)) ?? 0) >= MAX_WRONG) return locked;
      const c = code.replace(/\s/g, '');
      if (!/^\d{6}$/.test(c)) return { ok: false, message: '登录码是6位数字，请在微信里发送「控制台」获取。' };
      // Counted before the code is looked at, so parallel guesses cannot all pass the check.
      const tries = await redis.incr(wrongKey);
      if (tries === 1) await redis.expire(wrongKey, WRONG_WINDOW_SECONDS);
      if (tries > MAX_WRONG) return locked;
      const staffId = await redis.getDel(k.consoleCode(hashOf(c)));
      if (!staffId) return { ok: false, message: '登录码不对或已失效（每个登录码只能用一次，10分钟内有效）。请核对，或在微信里重新发送「控制台」。' };
      await redis.del(wrongKey);
      return startStaff(staffId);
    },

    /** An admin session, for the ADMIN_TOKEN only (compared in constant time). */
    async signInAdmin(token: string): Promise<{ ok: true; session: string } | { ok: false; message: string }> {
      const a = createHash('sha256').update(token).digest();
      const b = createHash('sha256').update(core.config.ADMIN_TOKEN).digest();
      if (!timingSafeEqual(a, b)) return { ok: false, message: '管理员凭证不正确，请重新输入。' };
      return { ok: true, session: await newSession({ kind: 'admin', admin: adminMark(), at: core.clock.now().toISOString() }) };
    },

    /** Who holds this session now: null when unknown, expired, revoked, signed out or no longer in the directory. */
    async who(session: string | undefined): Promise<ConsoleWho | null> {
      if (!session || !SESSION_SHAPE.test(session)) return null;
      const raw = await redis.get(k.consoleSession(hashOf(session)));
      if (!raw) return null;
      const parsed = SessionRecord.safeParse(JSON.parse(raw));
      if (!parsed.success) return null;
      const rec = parsed.data;
      if (rec.kind === 'admin') return rec.admin === adminMark() ? { kind: 'admin' } : null;
      const staff = core.directory.index().staffById.get(rec.staffId);
      if (!staff) return null;
      if (rec.gen !== (await auth.staffGeneration(rec.staffId))) return null;
      return { kind: 'staff', staff };
    },

    /** Signs out: the session is gone. */
    async end(session: string | undefined): Promise<void> {
      if (session && SESSION_SHAPE.test(session)) await redis.del(k.consoleSession(hashOf(session)));
    },
  };

  async function startStaff(staffId: string): Promise<{ ok: true; session: string; staffId: string } | { ok: false; message: string }> {
    if (!core.directory.index().staffById.has(staffId)) return { ok: false, message: '您已不在工作人员名录中，请联系管理员。' };
    const gen = await auth.staffGeneration(staffId);
    return { ok: true, staffId, session: await newSession({ kind: 'staff', staffId, gen, at: core.clock.now().toISOString() }) };
  }
}

export type ConsoleAccess = ReturnType<typeof createConsoleAccess>;

/** Where the console is, as staff are told in WeChat. */
export function consoleAddress(core: Core): string {
  return `${core.config.PUBLIC_BASE_URL?.replace(/\/$/, '') ?? ''}/console`;
}

registerStaffCommands({
  names: ['控制台'],
  usage: '控制台 —— 获取网页控制台的登录码',
  async run(ctx) {
    const code = await createConsoleAccess(ctx.core).issueCode(ctx.staff.staff.id);
    const where = ctx.core.config.PUBLIC_BASE_URL ? `请在浏览器打开 ${consoleAddress(ctx.core)}` : '请在浏览器打开工友网页控制台（/console）';
    return `您的控制台登录码是 ${code}，10分钟内有效，只能使用一次。${where}，输入这个登录码即可登录。请勿把登录码告诉他人。`;
  },
});
