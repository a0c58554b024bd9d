/**
 * Redis keys are declared once, by the feature that owns them, each with
 * its type, how long it lives and what it holds (`keySpace`); the
 * registry (core/keys.ts) lists them all for the README and for the test
 * that every key the app writes is one of them. Personal numbers never
 * appear in a key: look-ups use keyed hashes.
 *
 * Every key of a feature carries the feature's hash tag (`gy:{cases}:…`),
 * so the scripts that change a record and its indexes in one step touch
 * keys of one Redis Cluster slot. (A tag per record would spread a feature
 * over the cluster, but then a record and its indexes could no longer
 * change atomically; a feature's data on one shard is the price.)
 */
export type KeyType = 'string' | 'hash' | 'set' | 'zset' | 'list' | 'stream';

export interface KeyDecl {
  /** The feature that writes it. */
  owner: string;
  /** What follows the tag: `case`, `by-user`. */
  name: string;
  /** What the key's name takes after that (`caseId`, `userKey`). */
  parts: readonly string[];
  type: KeyType;
  /** How long it lives: null until deleted, else in words (`2 days`, `DRAFT_TTL_DAYS`). */
  ttl: string | null;
  doc: string;
}

export type Key<P extends readonly string[]> = ((...parts: { [K in keyof P]: string | number }) => string) & {
  readonly decl: KeyDecl;
  /** Whether a key in Redis is one of these. */
  matches(key: string): boolean;
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The declarer of one feature's keys under the app's prefix: `key('case', ['caseId'], 'string', null, 'one case')`. */
export function keySpace(prefix: string, owner: string) {
  const head = `${prefix}:{${owner}}`;
  return function key<const P extends readonly string[]>(name: string, parts: P, type: KeyType, ttl: string | null, doc: string): Key<P> {
    const fn = ((...values: (string | number)[]) => [head, name, ...values].join(':')) as Key<P>;
    const tail = parts.length === 0 ? '' : `:${parts.map(() => '.+').join(':')}`;
    const pattern = new RegExp(`^${escape(head)}:${escape(name)}${tail}$`);
    return Object.assign(fn, { decl: { owner, name, parts, type, ttl, doc }, matches: (k: string) => pattern.test(k) });
  };
}

/** The declared keys of a key space object (its `Key` members). */
export function declaredKeys(space: object): Key<readonly string[]>[] {
  return Object.values(space).filter((v): v is Key<readonly string[]> => typeof v === 'function' && 'decl' in v);
}

/** Keys not yet moved to their feature (being taken apart). */
export function makeKeys(prefix: string) {
  const k = (...parts: (string | number)[]) => [prefix, ...parts].join(':');
  return {
    prefix,
    /** BullMQ's own prefix, so one REDIS_PREFIX isolates everything. */
    bullPrefix: `${prefix}:bull`,
    session: (userKey: string) => k('session', userKey),
    userLock: (userKey: string) => k('lock', 'user', userKey),
    idempotency: (userKey: string, clientMsgId: string) => k('idem', userKey, clientMsgId),
    seenMessage: (channel: string, messageId: string) => k('seen', channel, messageId),
    rate: (userKey: string, window: number) => k('rate', userKey, window),
    case: (caseId: string) => k('case', caseId),
    caseNo: (caseNo: string) => k('caseno', caseNo),
    caseSeq: (day: string) => k('caseseq', day),
    caseAudit: (caseId: string) => k('audit', caseId),
    caseAssignment: (caseId: string) => k('assign', caseId),
    userCases: (userKey: string) => k('user-cases', userKey),
    staffCases: (staffId: string) => k('staff-cases', staffId),
    employerReports: (employerKey: string) => k('employer-reports', employerKey),
    /** Every case id by creation time (admin figures). */
    allCases: () => k('cases', 'all'),
    /** Case ids waiting for an assignee, by the time they started waiting (the sweep reads it). */
    unassigned: () => k('cases', 'unassigned'),
    /** Per-staff on/off duty set in WeChat (上班/休息), overriding the directory. */
    staffDuty: () => k('staff', 'duty'),
    staffLoad: () => k('staff', 'load'),
    staffLastAssigned: () => k('staff', 'last-assigned'),
    directory: () => k('directory'),
    outbox: (target: string) => k('outbox', target),
    evidence: (evidenceId: string) => k('evidence', evidenceId),
    /** The case a reporter was asked to rate (满意 / 基本满意 / 不满意). */
    survey: (userKey: string) => k('survey', userKey),
  };
}

export type Keys = ReturnType<typeof makeKeys>;
