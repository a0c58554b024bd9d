import type { SessionStore } from '../core/conversation/index.js';
import { SessionSchema, newSession, type Session } from './session.js';

export { SessionConflict } from '../core/conversation/index.js';

/**
 * The engine's sessions on the core's conversation store
 * (core/conversation/sessions.ts): read back through the schema, so a record
 * of an older shape (or sealed with another key) starts over rather than
 * failing the chat.
 */
export function createSessions(store: SessionStore) {
  return {
    async load(userKey: string, now: Date): Promise<Session> {
      const { version, data } = await store.load(userKey);
      const parsed = SessionSchema.safeParse(data);
      return parsed.success ? { ...parsed.data, version } : { ...newSession(userKey, now), version };
    },
    /** Throws SessionConflict when someone else saved in between. */
    async save(s: Session): Promise<Session> {
      const next = { ...s, version: s.version + 1 };
      await store.save(s.userKey, s.version, next);
      return next;
    },
    remove: (userKey: string) => store.remove(userKey),
  };
}

export type Sessions = ReturnType<typeof createSessions>;
