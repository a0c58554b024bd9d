import { keySpace } from '../infra/keys.js';

/** The Redis keys of membership applications and members (personal numbers only as keyed hashes). */
export function membershipKeys(prefix: string) {
  const key = keySpace(prefix, 'members');
  return {
    record: key('application', ['applicationId'], 'string', null, 'one application or member as JSON (core/membership/store.ts)'),
    audit: key('audit', ['applicationId'], 'stream', null, 'append-only log of every change to an application: who, what, ids and numbers only'),
    numbers: key('numbers', [], 'hash', null, 'application number (RH20261121-0001) → application id'),
    daySeq: key('seq', ['day'], 'string', '2 days', 'application numbers given out on a day (YYYYMMDD, Beijing)'),
    unionSeq: key('member-seq', ['unionId'], 'string', null, "member numbers given out by one union (TU-T01-000001)"),
    byUser: key('by-user', ['userKey'], 'zset', null, "a person's applications by creation time"),
    byId: key('by-id', ['idHash'], 'string', null, 'the pending or approved application of an ID number (keyed hash) → its id'),
    byPhone: key('by-phone', ['phoneHash'], 'set', null, 'approved members who gave a phone number (keyed hash), to flag a shared phone'),
    review: key('review', ['staffId'], 'zset', null, "applications waiting for a reviewer's decision, by deadline"),
  };
}

export type MembershipKeys = ReturnType<typeof membershipKeys>;
