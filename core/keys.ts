import { authKeys } from './auth/keys.js';
import { caseKeys } from './cases/keys.js';
import { caseJobKeys } from './cases/due.js';
import { channelKeys } from './channels/keys.js';
import { conversationKeys } from './conversation/keys.js';
import { directoryKeys } from './directory/keys.js';
import { declaredKeys, makeKeys, type Key } from './infra/keys.js';
import { inboxKeys } from './infra/messenger.js';
import { outboundKeys } from './infra/queues.js';
import { bookingKeys } from './legal-aid/keys.js';
import { membershipKeys } from './membership/keys.js';
import { staffKeys } from './staff/keys.js';
import { wechatKeys } from './wechat/keys.js';

/**
 * Every Redis key the app writes, by owner: each feature declares its own
 * (its `keys.ts`) with type, lifetime and what it holds; this lists them
 * all. BullMQ's keys live under `bullPrefix` and are BullMQ's.
 * `npm run keys` prints the table; test/core/keys.test.ts checks that a
 * run of every flow writes no key that is not here, of the declared type,
 * expiring when declared to.
 */
export function allKeys(prefix: string): Key<readonly string[]>[] {
  return [
    authKeys(prefix),
    caseKeys(prefix),
    caseJobKeys(prefix),
    channelKeys(prefix),
    membershipKeys(prefix),
    bookingKeys(prefix),
    staffKeys(prefix),
    conversationKeys(prefix),
    directoryKeys(prefix),
    inboxKeys(prefix),
    outboundKeys(prefix),
    wechatKeys(prefix),
  ].flatMap(declaredKeys);
}

/** Whether a key is BullMQ's (queues, jobs, schedulers). */
export function isQueueKey(prefix: string, key: string): boolean {
  return key.startsWith(`${makeKeys(prefix).bullPrefix}:`);
}
