import { createHash, randomInt } from 'node:crypto';
import { createAuth } from '../auth/index.js';
import type { Core } from '../context.js';
import { staffKeys } from './keys.js';

const CODE_TTL_SECONDS = 24 * 3600;
const MAX_WRONG = 5;
const WRONG_WINDOW_SECONDS = 15 * 60;

const hashCode = (code: string) => createHash('sha256').update(code).digest('base64url');

/**
 * Binding a WeChat contact to a directory person: an admin issues a one-time
 * six-digit code; the person sends `绑定 123456` to the bot. Codes are stored
 * hashed, expire after a day, and work once. Repeated wrong codes from one
 * contact are slowed down.
 */
export function createBindings(core: Core) {
  const k = staffKeys(core.config.REDIS_PREFIX);
  const key = { code: k.bindCode, byUser: k.boundUser, byStaff: k.boundStaff, wrong: k.wrongCodes };

  return {
    /** A fresh one-time code for `staffId` (admin only). */
    async issueCode(staffId: string): Promise<string> {
      for (;;) {
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
        if ((await core.redis.set(key.code(hashCode(code)), staffId, { NX: true, EX: CODE_TTL_SECONDS })) === 'OK') return code;
      }
    },

    /** `绑定 123456` from `userKey`. Returns the staff id bound, or a Chinese refusal. */
    async redeem(userKey: string, codeText: string): Promise<{ ok: true; staffId: string } | { ok: false; message: string }> {
      const locked = { ok: false as const, message: '错误次数太多，请15分钟后再试，或联系管理员重新获取绑定码。' };
      if (Number((await core.redis.get(key.wrong(userKey))) ?? 0) >= MAX_WRONG) return locked;
      const code = codeText.replace(/\s/g, '');
      if (!/^\d{6}$/.test(code)) return { ok: false, message: '绑定码是6位数字，请按「绑定 123456」的格式发送。' };
      // Every try is counted (atomic INCR) before the code is looked at: guesses sent in
      // parallel cannot all pass a check made before any of them was counted.
      const tries = await core.redis.incr(key.wrong(userKey));
      if (tries === 1) await core.redis.expire(key.wrong(userKey), WRONG_WINDOW_SECONDS);
      if (tries > MAX_WRONG) return locked;
      const staffId = await core.redis.getDel(key.code(hashCode(code)));
      if (!staffId) {
        return { ok: false, message: '绑定码不对或已失效（每个绑定码只能用一次，24小时内有效）。请核对，或联系管理员重新获取。' };
      }
      if (!core.directory.index().staffById.has(staffId)) return { ok: false, message: '这个绑定码对应的人员已不在名录中，请联系管理员。' };
      // One contact per person and one person per contact: drop any earlier binding.
      const previousUser = await core.redis.get(key.byStaff(staffId));
      const previousStaff = await core.redis.get(key.byUser(userKey));
      const m = core.redis.multi();
      if (previousUser) m.del(key.byUser(previousUser));
      if (previousStaff) m.del(key.byStaff(previousStaff));
      m.set(key.byUser(userKey), staffId).set(key.byStaff(staffId), userKey).del(key.wrong(userKey));
      await m.exec();
      return { ok: true, staffId };
    },

    async staffOf(userKey: string): Promise<string | null> {
      return core.redis.get(key.byUser(userKey));
    },

    async userOf(staffId: string): Promise<string | null> {
      return core.redis.get(key.byStaff(staffId));
    },

    /** Ends the binding; the person's staff tokens stop working too (a token must not outlive the binding). */
    async unbind(staffId: string): Promise<boolean> {
      const userKey = await core.redis.get(key.byStaff(staffId));
      await createAuth(core).revokeStaff(staffId);
      if (!userKey) return false;
      await core.redis.multi().del(key.byStaff(staffId)).del(key.byUser(userKey)).exec();
      return true;
    },
  };
}

export type Bindings = ReturnType<typeof createBindings>;
