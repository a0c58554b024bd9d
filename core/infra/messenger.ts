import type { Clock } from './clock.js';
import { keySpace, perPrefix } from './keys.js';
import type { Redis } from './redis.js';
import { seal, unseal } from './privacy.js';
import type { Reply } from './replies.js';
import { createHistory } from './history.js';

/** Who a staff message goes to: their id (the inbox `staff:<id>`) and the WeChat name the directory gives. */
export interface StaffContact {
  id: string;
  wechat: string;
}

/**
 * Where outbound messages go. The bot registers a WeChat messenger; without
 * one (web chat only), messages land in a Redis inbox that the web chat and
 * the staff API read.
 */
export interface Messenger {
  /** For logs and to register once. */
  name?: string;
  /** Whether this messenger can reach the target (e.g. a `wx:` user key). */
  canReachUser(userKey: string): boolean;
  /** May look things up (e.g. which channel a staff member bound); asked in order, the first yes sends. */
  canReachStaff(staff: StaffContact): boolean | Promise<boolean>;
  sendToUser(userKey: string, replies: Reply[]): Promise<void>;
  sendToStaff(staff: StaffContact, replies: Reply[]): Promise<void>;
}

export interface InboxItem {
  at: string;
  replies: Reply[];
}

const INBOX_LIMIT = 200;

/** The inbox's Redis keys. */
export const inboxKeys = perPrefix((prefix: string) => {
  const key = keySpace(prefix, 'inbox');
  return {
    list: key('to', ['target'], 'list', null, "messages to `staff:<id>` that no messenger reached (last 200), sealed; for a user key, only as kept before `updates` (moved there by their next notice)"),
    updates: key('updates', ['userKey'], 'list', 'HISTORY_DAYS after the last entry', "a worker's notices that no messenger reached, as `@<seq>` of each in their chat history (last 200), expiring with it"),
    // A person's chat history shares the inbox's hash tag: a notice and its history entry are written together.
    history: key('history', ['userKey'], 'zset', 'HISTORY_DAYS after the last entry', "a person's chat (their messages, the replies, notices), sealed, score = seq (last 500)"),
    historySeq: key('history-seq', ['userKey'], 'string', 'HISTORY_DAYS after the last entry', "the last seq of a person's chat history"),
  };
});

/**
 * The Redis inbox: one capped list per user key or `staff:<id>`. Items are
 * sealed (an assignee's notice carries the reporter's phone number).
 */
export function createInbox(redis: Redis, prefix: string, dataKey: Buffer, clock: Clock, historyDays: number) {
  const declared = inboxKeys(prefix);
  // A worker's list of notices expires with their chat history; a staff member's has no history to expire with.
  const keys = { outbox: (target: string) => (target.startsWith('staff:') ? declared.list(target) : declared.updates(target)), legacy: declared.list };
  const history = createHistory(redis, { items: declared.history, seq: declared.historySeq }, dataKey, clock, historyDays);
  async function push(target: string, replies: Reply[]) {
    if (!target.startsWith('staff:')) {
      // A worker's notice joins their chat, where the web chat and the mini-program show it; their inbox keeps
      // only its place there (`@<seq>`), not a second sealed copy (about 1 KB a notice), written in the same step.
      await history.append(target, [{ from: 'notice', replies }], { inbox: { key: keys.outbox(target), limit: INBOX_LIMIT, legacy: keys.legacy(target) } });
      return;
    }
    const item: InboxItem = { at: clock.now().toISOString(), replies };
    const entry = seal(dataKey, JSON.stringify(item));
    await redis.multi().rPush(keys.outbox(target), entry).lTrim(keys.outbox(target), -INBOX_LIMIT, -1).exec();
  }
  return {
    push,
    /** People's chat histories (api/chat.ts `/history`). */
    history,
    /** Everything kept for a person's chat: their inbox and history (删除我的信息). */
    async forget(userKey: string): Promise<void> {
      await redis.del([keys.outbox(userKey), keys.legacy(userKey)]);
      await history.clear(userKey);
    },
    /** Items after position `after` (0-based count already seen). */
    async read(target: string, after = 0): Promise<{ items: InboxItem[]; next: number }> {
      // A worker with no notice since `updates` came has their list where it was kept before (their next notice
      // moves it): both are read in one round trip, and only one of them exists.
      const [current, before] = await Promise.all([
        redis.lRange(keys.outbox(target), after, -1),
        target.startsWith('staff:') ? Promise.resolve([] as string[]) : redis.lRange(keys.legacy(target), after, -1),
      ]);
      const raw = current.length > 0 ? current : before;
      // A worker's notices are kept once, in their chat history; one that has left it (the last 500, HISTORY_DAYS) is gone here too.
      const refs = raw.filter((r) => r.startsWith('@')).map((r) => Number(r.slice(1)));
      const kept = target.startsWith('staff:') ? new Map<number, { at: string; replies: Reply[] }>() : await history.entries(target, refs);
      const items = raw.flatMap((r): InboxItem[] => {
        if (!r.startsWith('@')) return [JSON.parse(unseal(dataKey, r)) as InboxItem];
        const h = kept.get(Number(r.slice(1)));
        return h ? [{ at: h.at, replies: h.replies }] : [];
      });
      return { items, next: after + raw.length };
    },
    messenger: {
      canReachUser: () => true,
      canReachStaff: () => true,
      sendToUser: (userKey: string, replies: Reply[]) => push(userKey, replies),
      sendToStaff: (staff: StaffContact, replies: Reply[]) => push(`staff:${staff.id}`, replies),
    } satisfies Messenger,
  };
}

export type Inbox = ReturnType<typeof createInbox>;

/** Where outbound messages can go: the messengers that reach people directly, and the inbox. */
export interface Outlets {
  messengers: readonly Messenger[];
  inbox: Inbox;
}

/** Sends to a worker's chat: the first messenger that reaches them, else the inbox. */
export async function sendToUser(o: Outlets, userKey: string, replies: Reply[]): Promise<'direct' | 'inbox'> {
  const m = o.messengers.find((x) => x.canReachUser(userKey));
  await (m ? m.sendToUser(userKey, replies) : o.inbox.push(userKey, replies));
  return m ? 'direct' : 'inbox';
}

/** Sends to a staff member: the first messenger that reaches them, else their inbox (`staff:<id>`). */
export async function sendToStaff(o: Outlets, staff: StaffContact, replies: Reply[]): Promise<'direct' | 'inbox'> {
  let m: Messenger | undefined;
  for (const x of o.messengers) {
    if (await x.canReachStaff(staff)) {
      m = x;
      break;
    }
  }
  await (m ? m.sendToStaff(staff, replies) : o.inbox.push(`staff:${staff.id}`, replies));
  return m ? 'direct' : 'inbox';
}
