import { keySpace, recordKeys, perPrefix } from '../infra/keys.js';

/** The Redis keys of membership applications and members (personal numbers only as keyed hashes). */
export const membershipKeys = perPrefix((prefix: string) => {
  const key = keySpace(prefix, 'members');
  return {
    ...recordKeys(key, 'application', 'membership application', 'RH20261121-0001'),
    unionSeq: key('member-seq', ['unionId'], 'string', null, "member numbers given out by one union (TU-T01-000001)"),
    byId: key('by-id', ['idHash'], 'string', null, 'the pending or approved application of an ID number (keyed hash) → its id'),
    byPhone: key('by-phone', ['phoneHash'], 'set', null, 'approved members who gave a phone number (keyed hash), to flag a shared phone'),
    review: key('review', ['staffId'], 'zset', null, "applications waiting for a reviewer's decision, by deadline"),
    stats: key('stats', [], 'hash', null, "applications by month applied (Beijing) and status, `YYYY-MM|status` → count, changed with each record's write: the admin dashboard"),
    timers: key('timers', [], 'zset', null, "applications' time limits and the check behind each routing (`name|applicationId|seq`: review-reminder, review-deadline, review) and, written before the outbox, backstops of notices (`notice|name|data`), by when each is due (ms, the app's clock); written with the record, fired and removed by the workers' timer loop"),
    timerFailures: key('timer-failures', [], 'hash', null, 'how often each of `timers` failed in a row (member → count), while it fails: each try waits twice as long as the last, up to an hour; its field goes when it fires'),
    outbox: key('outbox', [], 'zset', null, "applications' notices to send (`name|<ids as JSON>`), by when each is due (ms, the app's clock); written with the record that wants them, sent and removed by the outbox loop (core/infra/outbox.ts)"),
    outboxFailures: key('outbox-failures', [], 'hash', null, "how often each of `outbox`'s notices failed to send in a row (member → count), while it fails: tried again 1 s later, 2, 4…, given up after 8"),
    statsPass: key('stats-pass', [], 'string', null, 'how far the one-off pass counting applications written before the counters has come (a number-index cursor, then `done`)'),
  };
});

export type MembershipKeys = ReturnType<typeof membershipKeys>;
