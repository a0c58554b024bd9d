import { z } from 'zod';
import type { SessionStore } from '../core/conversation/index.js';
import { SessionSchema, newSession, type Session } from './session.js';

export { SessionConflict } from '../core/conversation/index.js';

/**
 * The engine's sessions on the core's conversation store
 * (core/conversation/sessions.ts): read back through the schema, so a record
 * of an older shape (or sealed with another key) starts over rather than
 * failing the chat.
 */
/**
 * Fields the schema fills in when missing, with what it fills in: a session
 * is saved without those still at that value (most are null most of the
 * time), so an idle person's record stays small (test/core/memory.test.ts:
 * 1 KB per idle user) and a new field with a default costs nothing until used.
 */
const DEFAULTS = new Map<string, string>(
  Object.entries(SessionSchema.shape).flatMap(([key, schema]) => {
    const missing = schema.safeParse(undefined);
    return missing.success && missing.data !== undefined ? [[key, JSON.stringify(missing.data)] as [string, string]] : [];
  }),
);

/** Whether a value is stored as a default's JSON: null and undefined (most values) decided without writing JSON. */
function isDefault(v: unknown, json: string): boolean {
  if (v === null) return json === 'null';
  if (v === undefined) return false;
  return JSON.stringify(v) === json;
}

/** The session without the fields still at their default (the same fields, in the same order, as before). */
function withoutDefaults(s: Session): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(s)) {
    const v = (s as Record<string, unknown>)[key];
    const json = DEFAULTS.get(key);
    if (json === undefined || !isDefault(v, json)) out[key] = v;
  }
  return out;
}

/**
 * The schema's parse, compiled (zod's `z.compile`: generated code for this one shape, several times cheaper than
 * the general parser each turn ran on the session read). Same results: a record the generated code cannot take is
 * handed to the general parser, so an older shape still starts over.
 */
const SessionParser = z.compile(SessionSchema);

export function createSessions(store: SessionStore) {
  function read(userKey: string, { version, data }: { version: number; data: unknown }, now: Date): Session {
    // None stored (a new person), or no object at all: what the schema refuses at once, without building its error.
    const parsed = data !== null && typeof data === 'object' && !Array.isArray(data) ? SessionParser.safeParse(data) : null;
    return parsed?.success ? { ...parsed.data, version } : { ...newSession(userKey, now), version };
  }
  return {
    async load(userKey: string, now: Date): Promise<Session> {
      return read(userKey, await store.load(userKey), now);
    },
    /** `load` of the stored record read already (core/conversation/locks.ts `TurnRead`). */
    fromRecord: (userKey: string, raw: string | null, now: Date): Session => read(userKey, store.fromRecord(raw), now),
    /** Throws SessionConflict when someone else saved in between. */
    async save(s: Session): Promise<Session> {
      const next = { ...s, version: s.version + 1 };
      await store.save(s.userKey, s.version, withoutDefaults(next));
      return next;
    },
    /** What `save` stores of a session, as JSON (a turn's saves are kept to its end: flows/service.ts `staged`). */
    json: (s: Session): string => JSON.stringify(withoutDefaults(s)),
    /** A session from what `json` made (as `load` reads it back). */
    fromJson(userKey: string, json: string, now: Date): Session {
      const data = JSON.parse(json) as { version: number };
      return read(userKey, { version: data.version, data }, now);
    },
    remove: (userKey: string) => store.remove(userKey),
  };
}

export type Sessions = ReturnType<typeof createSessions>;
