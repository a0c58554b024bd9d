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
    // Compiled when first asked (tests and the key table): key spaces are made on hot paths too.
    let pattern: RegExp | undefined;
    const matches = (k: string) => {
      const tail = parts.length === 0 ? '' : `:${parts.map(() => '.+').join(':')}`;
      pattern ??= new RegExp(`^${escape(head)}:${escape(name)}${tail}$`);
      return pattern.test(k);
    };
    return Object.assign(fn, { decl: { owner, name, parts, type, ttl, doc }, matches });
  };
}

/**
 * One feature's keys per prefix, made once: the key functions are asked
 * for on hot paths (each routed case asks for several), and making them
 * anew each time was a measurable part of the routing bench's CPU.
 */
export function perPrefix<T>(make: (prefix: string) => T): (prefix: string) => T {
  const made = new Map<string, T>();
  return (prefix) => {
    let v = made.get(prefix);
    if (v === undefined) made.set(prefix, (v = make(prefix)));
    return v;
  };
}

/** The declared keys of a key space object (its `Key` members). */
export function declaredKeys(space: object): Key<readonly string[]>[] {
  return Object.values(space).filter((v): v is Key<readonly string[]> => typeof v === 'function' && 'decl' in v);
}

/** The app's prefix, and BullMQ's (one REDIS_PREFIX isolates everything). */
export function makeKeys(prefix: string) {
  return {
    prefix,
    /** BullMQ's own keys, in one cluster slot (its Lua scripts touch several keys of a queue at once). */
    bullPrefix: `${prefix}:{bull}`,
  };
}

export type Keys = ReturnType<typeof makeKeys>;

/**
 * The keys every numbered record kind has (core/infra/records.ts): the
 * record, its audit (a list of lines), number → id, the day's count of numbers, and
 * each person's records.
 */
export function recordKeys(key: ReturnType<typeof keySpace>, record: string, what: string, example: string) {
  return {
    record: key(record, [`${record}Id`], 'string', null, `one ${what} as JSON`),
    audit: key('audit', [`${record}Id`], 'list', null, `append-only log of every change to a ${what}, one line each (\`at⇥actor⇥action⇥detail\`): who, what, ids and numbers only`),
    numbers: key('numbers', [], 'hash', null, `${what} number (${example}) → id`),
    daySeq: key('seq', ['day'], 'string', '2 days', `${what} numbers given out on a day (YYYYMMDD, Beijing)`),
    byUser: key('by-user', ['userKey'], 'zset', null, `a person's ${what}s by creation time`),
  };
}
