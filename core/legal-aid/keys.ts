import { keySpace, recordKeys, perPrefix } from '../infra/keys.js';

/** The Redis keys of legal-aid bookings and the places taken in providers' slots. */
export const bookingKeys = perPrefix((prefix: string) => {
  const key = keySpace(prefix, 'bookings');
  return {
    ...recordKeys(key, 'booking', 'booking', 'YY20261121-0001'),
    /** The agenda. */
    byProvider: key('by-provider', ['staffId'], 'zset', null, "a provider's bookings by start time"),
    timers: key('timers', [], 'zset', null, "bookings' reminders (`kind|bookingId|rev`) and, written before the outbox, backstops of notices (`notice|name|data`), by when each is due (ms, the app's clock); written with the booking, fired and removed by the workers' timer loop"),
    timerFailures: key('timer-failures', [], 'hash', null, 'how often each of `timers` failed in a row (member → count), while it fails: each try waits twice as long as the last, up to an hour; its field goes when it fires'),
    outbox: key('outbox', [], 'zset', null, "bookings' notices to send (`name|<ids as JSON>`), by when each is due (ms, the app's clock); written with the booking that wants them, sent and removed by the outbox loop (core/infra/outbox.ts)"),
    outboxFailures: key('outbox-failures', [], 'hash', null, "how often each of `outbox`'s notices failed to send in a row (member → count), while it fails: tried again 1 s later, 2, 4…, given up after 8"),
    slots: key('taken', ['day'], 'hash', 'until 2 days after the day', 'places taken per slot key on one day (YYYYMMDD)'),
  };
});

export type BookingKeys = ReturnType<typeof bookingKeys>;
