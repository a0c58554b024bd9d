import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** 32 random bytes, given as 64 hex characters or base64. */
const key32 = z.string().transform((v, ctx) => {
  const buf = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  if (buf.length !== 32) {
    ctx.addIssue({ code: 'custom', message: 'must be 32 bytes as 64 hex characters or base64' });
    return z.NEVER;
  }
  return buf;
});

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** When unset, `npm start` launches a private redis-server under var/redis. */
    REDIS_URL: z.string().url().optional(),
    /**
     * A Redis Cluster instead of REDIS_URL: some of its masters, comma-separated
     * `redis://[:password@]host:port` (the client finds the rest; every node
     * takes the first one's password).
     */
    REDIS_CLUSTER_NODES: z
      .string()
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
      .pipe(
        z
          .array(
            z.string().refine((u) => {
              try {
                const url = new URL(u);
                return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '' && url.port !== '' && /^\/?$/.test(url.pathname);
              } catch {
                return false;
              }
            }, 'each node must be redis://[:password@]host:port (or rediss://), without a database number'),
          )
          .min(1, 'must name at least one node'),
      )
      .optional(),
    /** Prefix of every Redis key this app writes (BullMQ queues included). */
    REDIS_PREFIX: z.string().regex(/^[a-z0-9_-]+$/i).default('gy'),
    /** AES-256-GCM key for ID and phone numbers at rest. */
    DATA_KEY: key32.optional(),
    /** HMAC key for look-up hashes of ID and phone numbers. */
    HASH_KEY: key32.optional(),
    /** HMAC key for chat and staff tokens. */
    TOKEN_SECRET: z.string().min(32).optional(),
    /** Minutes a sign-in token is valid; the client trades its refresh token for a new one. */
    TOKEN_TTL_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
    /** Days a refresh token is valid (each works once; a new pair comes back). */
    REFRESH_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
    /** Hours a staff token (issued by an admin) is valid. */
    STAFF_TOKEN_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
    /** `POST /api/v1/auth/dev` signs anyone in by a chosen id: for trying the product only. Refused in production. */
    DEV_LOGIN: bool.default(false),
    /** The mini-program's AppID and AppSecret (code2session, subscribe messages); unset = no WeChat sign-in. */
    WECHAT_APPID: z.string().regex(/^wx[0-9a-f]{16}$/, 'must look like wx followed by 16 hex characters').optional(),
    WECHAT_SECRET: z.string().min(16).optional(),
    /** WeChat's server API; tests point it at a local fake. */
    WECHAT_API_BASE_URL: z.string().url().default('https://api.weixin.qq.com'),
    /** Subscribe-message template ids (mp.weixin.qq.com → 订阅消息), each with the fields documented in .env.example. */
    WECHAT_TEMPLATE_CASE: z.string().min(1).optional(),
    WECHAT_TEMPLATE_BOOKING: z.string().min(1).optional(),
    WECHAT_TEMPLATE_MEMBERSHIP: z.string().min(1).optional(),
    /** The mini-program's message push (客服消息): the Token and EncodingAESKey set in 开发管理 → 消息推送; unset = no customer-service chat. */
    WECHAT_PUSH_TOKEN: z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'must be 3–32 letters or digits, as WeChat asks').optional(),
    WECHAT_PUSH_AES_KEY: z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey').optional(),
    /** The Official Account (服务号): its AppID and AppSecret, and its message push's Token and EncodingAESKey; unset = no Official Account. */
    WECHAT_OA_APPID: z.string().regex(/^wx[0-9a-f]{16}$/, 'must look like wx followed by 16 hex characters').optional(),
    WECHAT_OA_SECRET: z.string().min(16).optional(),
    WECHAT_OA_TOKEN: z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'must be 3–32 letters or digits, as WeChat asks').optional(),
    WECHAT_OA_AES_KEY: z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey').optional(),
    /** Which version of the mini-program a subscribe message opens: developer | trial | formal. */
    WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
    /** Days a person's chat history is kept after their last message. */
    HISTORY_DAYS: z.coerce.number().int().min(1).default(180),
    /** Bootstrap admin credential (Bearer token for /api/v1/admin). */
    ADMIN_TOKEN: z.string().min(16).optional(),
    /** Bearer token Prometheus sends for GET /metrics; unset = no /metrics. */
    METRICS_TOKEN: z.string().min(16).optional(),
    /** Processes without the API (workers, bot) serve GET /metrics on this port; unset = they are not scraped. */
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    /** e.g. wechaty-puppet-wechat4u; unset = no WeChat, web chat only. */
    WECHATY_PUPPET: z.string().optional(),
    WECHATY_PUPPET_TOKEN: z.string().optional(),
    WECHATY_NAME: z.string().default('gongyou'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Path of the directory data file; unset = the bundled demo directory. */
    DIRECTORY_FILE: z.string().optional(),
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
    DRAFT_TTL_DAYS: z.coerce.number().int().min(1).default(7),
    MAX_UPLOAD_MB: z.coerce.number().min(1).max(100).default(20),
    CHAT_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
    /** Sign-ins (and token refreshes) per client address per minute. */
    SIGN_IN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(20),
    /** Authenticated reads (/api/v1/me, /api/v1/staff) per person per minute. */
    READ_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    /** Outbound WeChat messages per second for one account (WeChat bans chatty accounts). */
    OUTBOUND_PER_SECOND: z.coerce.number().int().min(1).default(2),
    SERVE_WEB_CHAT: bool.default(true),
    /** Behind a reverse proxy (nginx): take the client's address from X-Forwarded-For, for per-address limits. Only when the proxy sets it. */
    TRUST_PROXY: bool.default(false),
    /** Address people reach the API at (membership-card QR codes point here); unset = http://HOST:PORT. */
    PUBLIC_BASE_URL: z.string().url().optional(),
    /** Accept deadline for urgent and group cases (fractions allowed, for tests). */
    ACCEPT_URGENT_MINUTES: z.coerce.number().positive().default(30),
    /** Accept deadline for other cases, in working days. */
    ACCEPT_WORKING_DAYS: z.coerce.number().int().min(1).default(1),
    /** Resolve deadline after accepting, in working days. */
    RESOLVE_WORKING_DAYS: z.coerce.number().int().min(1).default(15),
    /** The procuratorate liaison accepts or declines a referral within this many working days. */
    REFERRAL_WORKING_DAYS: z.coerce.number().int().min(1).default(3),
    /** How often the sweep re-routes cases left without an assignee. */
    SWEEP_SECONDS: z.coerce.number().int().min(1).default(60),
    /** Where uploaded evidence (encrypted) and the private Redis live. */
    VAR_DIR: z.string().default('var'),
  });

/** Values copied from .env.example or docs: never secrets, whatever their length. */
const EXAMPLE_SECRETS = new Set(['change-me', 'changeme', 'secret', 'password', 'example', 'your-secret-here']);

/**
 * Why a secret is too weak for production, or null. A secret of one
 * repeated character, or of very few distinct ones (`abababab…`, 64 zeros),
 * passes a length check but is guessed at once; the 32-byte keys are
 * checked on their bytes, the strings on their characters.
 */
export function weakSecret(value: string | Buffer): string | null {
  const units = [...value];
  if (units.length < 32) return `is too short (at least 32 ${typeof value === 'string' ? 'characters' : 'bytes'})`;
  if (typeof value === 'string' && [...EXAMPLE_SECRETS].some((e) => value.toLowerCase().includes(e))) return 'is an example value';
  const distinct = new Set(units).size;
  if (distinct < 8) return `has only ${distinct} distinct ${typeof value === 'string' ? 'characters' : 'bytes'}: use random values (openssl rand -hex 32)`;
  // A run like 0123456789abcdef… or a single repeated block.
  const s = typeof value === 'string' ? value : value.toString('hex');
  for (let period = 1; period <= s.length / 2; period++) {
    if (s.length % period === 0 && s.slice(period) === s.slice(0, s.length - period)) return 'repeats one short block: use random values (openssl rand -hex 32)';
  }
  return null;
}

export type Config = Omit<z.infer<typeof EnvSchema>, 'DATA_KEY' | 'HASH_KEY' | 'TOKEN_SECRET' | 'ADMIN_TOKEN'> & {
  DATA_KEY: Buffer;
  HASH_KEY: Buffer;
  TOKEN_SECRET: string;
  ADMIN_TOKEN: string;
};

/** The process environment: the one place it is read (entry points pass it to `boot`). */
export function processEnv(): Record<string, string | undefined> {
  return process.env;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads and validates the environment once. Every problem is listed together
 * so an operator fixes them in one go. Outside production, missing secrets
 * must have been filled in by the caller (see `core/infra/dev-secrets.ts`).
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const blanked = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = EnvSchema.safeParse(blanked);
  // Checks across settings read the raw values, so they are listed with every other problem: one start-up names them all.
  const weak = [...crossProblems(blanked), ...(blanked.NODE_ENV === 'production' ? weakSecrets(blanked) : [])];
  if (!parsed.success) {
    throw new ConfigError([...parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'} ${i.message}`), ...weak]);
  }
  if (weak.length > 0) throw new ConfigError(weak);
  const c = parsed.data;
  const missing = (['DATA_KEY', 'HASH_KEY', 'TOKEN_SECRET', 'ADMIN_TOKEN'] as const).filter((k) => c[k] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(missing.map((k) => `${k} is required (npm start creates development values in var/dev-secrets.env)`));
  }
  return c as Config;
}

/** Settings that go together, and what production requires. */
function crossProblems(env: Record<string, string | undefined>): string[] {
  const out: string[] = [];
  if ((env.WECHAT_APPID === undefined) !== (env.WECHAT_SECRET === undefined)) {
    out.push(`${env.WECHAT_APPID ? 'WECHAT_SECRET' : 'WECHAT_APPID'} WECHAT_APPID and WECHAT_SECRET go together`);
  }
  if (env.WECHAT_PUSH_TOKEN && !env.WECHAT_APPID) out.push('WECHAT_PUSH_TOKEN needs WECHAT_APPID and WECHAT_SECRET (replies go through the mini-program\'s API)');
  if (env.WECHAT_PUSH_AES_KEY && !env.WECHAT_PUSH_TOKEN) out.push('WECHAT_PUSH_AES_KEY needs WECHAT_PUSH_TOKEN');
  const oa = ['WECHAT_OA_APPID', 'WECHAT_OA_SECRET', 'WECHAT_OA_TOKEN'] as const;
  if (oa.some((k) => env[k]) && !oa.every((k) => env[k])) out.push(`${oa.find((k) => !env[k])} the Official Account needs WECHAT_OA_APPID, WECHAT_OA_SECRET and WECHAT_OA_TOKEN together`);
  if (env.WECHAT_OA_AES_KEY && !env.WECHAT_OA_TOKEN) out.push('WECHAT_OA_AES_KEY needs WECHAT_OA_TOKEN');
  if (env.METRICS_PORT && !env.METRICS_TOKEN) out.push('METRICS_PORT needs METRICS_TOKEN (/metrics answers only with it)');
  if (env.REDIS_URL && env.REDIS_CLUSTER_NODES) out.push('REDIS_CLUSTER_NODES and REDIS_URL: set one (a cluster, or one server)');
  if (env.NODE_ENV !== 'production') return out;
  for (const name of ['DATA_KEY', 'HASH_KEY', 'TOKEN_SECRET', 'ADMIN_TOKEN'] as const) {
    if (env[name] === undefined) out.push(`${name} is required when NODE_ENV=production`);
  }
  if (env.REDIS_URL === undefined && env.REDIS_CLUSTER_NODES === undefined) out.push('REDIS_URL (or REDIS_CLUSTER_NODES) is required when NODE_ENV=production');
  if (['true', '1', 'yes'].includes(env.DEV_LOGIN ?? '')) out.push('DEV_LOGIN must be off when NODE_ENV=production (anyone could sign in as anyone)');
  return out;
}

/** The 32-byte keys as given (hex or base64), or null when malformed (the schema says so). */
function keyBytes(v: string | undefined): Buffer | null {
  if (v === undefined) return null;
  const buf = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  return buf.length === 32 ? buf : null;
}

/** Why the production secrets are weak, one line each, read from the raw values (so a malformed other setting does not hide them). */
function weakSecrets(env: Record<string, string | undefined>): string[] {
  const out: string[] = [];
  const keys = { DATA_KEY: keyBytes(env.DATA_KEY), HASH_KEY: keyBytes(env.HASH_KEY) };
  for (const k of ['DATA_KEY', 'HASH_KEY'] as const) {
    const why = keys[k] ? weakSecret(keys[k]) : null;
    if (why) out.push(`${k} ${why}`);
  }
  for (const k of ['TOKEN_SECRET', 'ADMIN_TOKEN', 'METRICS_TOKEN', 'WECHAT_SECRET', 'WECHAT_OA_SECRET'] as const) {
    const v = env[k];
    const why = v === undefined ? null : weakSecret(v);
    if (why) out.push(`${k} ${why}`);
  }
  if (keys.DATA_KEY && keys.HASH_KEY && keys.DATA_KEY.equals(keys.HASH_KEY)) out.push('HASH_KEY must differ from DATA_KEY');
  if (env.TOKEN_SECRET && env.TOKEN_SECRET === env.ADMIN_TOKEN) out.push('ADMIN_TOKEN must differ from TOKEN_SECRET');
  if (env.METRICS_TOKEN && (env.METRICS_TOKEN === env.ADMIN_TOKEN || env.METRICS_TOKEN === env.TOKEN_SECRET)) out.push('METRICS_TOKEN must differ from ADMIN_TOKEN and TOKEN_SECRET');
  return out;
}
