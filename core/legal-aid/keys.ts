import { keySpace } from '../infra/keys.js';

/** The Redis keys of legal-aid bookings and the places taken in providers' slots. */
export function bookingKeys(prefix: string) {
  const key = keySpace(prefix, 'bookings');
  return {
    record: key('booking', ['bookingId'], 'string', null, 'one booking as JSON (core/legal-aid/store.ts)'),
    audit: key('audit', ['bookingId'], 'stream', null, 'append-only log of every change to a booking: who, what, slot keys only'),
    numbers: key('numbers', [], 'hash', null, 'booking number (YY20261121-0001) → booking id'),
    daySeq: key('seq', ['day'], 'string', '2 days', 'booking numbers given out on a day (YYYYMMDD, Beijing)'),
    byUser: key('by-user', ['userKey'], 'zset', null, "a person's bookings by creation time"),
    /** The agenda. */
    byProvider: key('by-provider', ['staffId'], 'zset', null, "a provider's bookings by start time"),
    slots: key('taken', ['day'], 'hash', 'until 2 days after the day', 'places taken per slot key on one day (YYYYMMDD)'),
  };
}

export type BookingKeys = ReturnType<typeof bookingKeys>;
