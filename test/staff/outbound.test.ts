import { afterEach, describe, expect, it } from 'vitest';
import type { Messenger } from '../../core/infra/messenger.js';
import { notify } from '../../core/cases/queue.js';
import { createWageCase } from '../support/cases.js';
import { eventually, startTestCore, type TestCore } from '../support/core.js';

let t: TestCore;
afterEach(async () => {
  await t.stop();
});

describe('outbound messages', () => {
  it('when a send keeps failing, then it is retried and, after the last try, the failure stays visible on the case', async () => {
    t = await startTestCore({ workers: true });
    let tries = 0;
    const broken: Messenger = {
      canReachUser: () => false,
      canReachStaff: () => true,
      sendToUser: async () => undefined,
      sendToStaff: async () => {
        tries += 1;
        throw new Error('WeChat said no');
      },
    };
    t.core.messengers.unshift(broken);
    const c = await createWageCase(t.core);
    await t.core.queues.outbound.add('staff-case-copied', { caseId: c.id, staffId: 'sup-t01' }, { jobId: 'fail-1', attempts: 3, backoff: { type: 'fixed', delay: 50 } });
    const failed = await eventually(async () => {
      const x = await t.core.cases.get(c.id);
      return x && x.deliveryFailures.length > 0 ? x : null;
    }, 8000, 'delivery failure on the case');
    expect(tries).toBe(3);
    expect(failed.deliveryFailures[0]).toMatchObject({ job: 'staff-case-copied', reason: 'WeChat said no' });
    expect((await t.core.cases.audit(c.id)).at(-1)).toMatchObject({ action: 'delivery-failed' });
  });

  it('messages to WeChat go out no faster than the per-account rate limit', async () => {
    const { c, sent } = await atTwoASecond();
    for (let i = 0; i < 5; i++) await t.core.queues.outbound.add('staff-case-copied', { caseId: c.id, staffId: 'sup-t01' }, { jobId: `rate-${i}` });
    await eventually(async () => sent.length === 5, 10_000, 'five sends');
    // Five messages at two per second take three budget windows: the fifth is granted at least two seconds after the
    // first. Sends are timed a little after their grant (the delivery mark, the messenger): up to 500 ms of that
    // is allowed for a loaded machine (it measured 140 ms once, under CI), while three a second would give about 1 s.
    expect(sent[4]! - sent[0]!).toBeGreaterThanOrEqual(1500);
  });
});

describe('the WeChat account\'s send budget', () => {
  it('is shared by the outbound queue and the cases\' outbox: five messages, some from each, at two a second take two seconds', async () => {
    const { c, sent } = await atTwoASecond();
    for (const sup of ['sup-t01', 'sup-t02', 'sup-t03']) await notify(t.core, 'staff-case-copied', c.id, sup);
    for (let i = 0; i < 2; i++) await t.core.queues.outbound.add('staff-case-copied', { caseId: c.id, staffId: 'sup-t01' }, { jobId: `budget-${i}` });
    await eventually(async () => sent.length === 5, 10_000, 'five sends');
    // Two a window of one second: the fifth goes in the third window, two seconds after the first (less the send's
    // own delay after its grant, as above; three a second would give about 1 s).
    expect(sent[4]! - sent[0]!).toBeGreaterThanOrEqual(1500);
  });
});

/** A core sending two messages a second, a staff messenger that notes when each went, and a case to send about. */
async function atTwoASecond() {
  t = await startTestCore({ workers: true, env: { OUTBOUND_PER_SECOND: '2' } });
  const sent: number[] = [];
  t.core.messengers.unshift({
    canReachUser: () => false,
    canReachStaff: () => true,
    sendToUser: async () => undefined,
    sendToStaff: async () => {
      sent.push(Date.now());
    },
  });
  return { c: await createWageCase(t.core), sent };
}

describe('delivery failures of membership and booking notices', () => {
  it('land in the audit of the application or booking', async () => {
    t = await startTestCore();
    const { membershipNotices } = await import('../../core/membership/jobs.js');
    const { bookingNotices } = await import('../../core/legal-aid/jobs.js');
    const { membershipKeys } = await import('../../core/membership/keys.js');
    const { bookingKeys } = await import('../../core/legal-aid/keys.js');
    await membershipNotices(t.core).failed({ name: 'membership-decided', id: 'j1', data: { applicationId: 'mA' } } as never, 'WeChat said no');
    await bookingNotices(t.core).failed({ name: 'provider-booking-new', id: 'j2', data: { bookingId: 'bB' } } as never, 'timeout');
    // One line per entry: at, actor, action, detail, tab-separated (core/infra/records.ts).
    const m = (await t.core.redis.lRange(membershipKeys(t.core.keys.prefix).audit('mA'), 0, -1)).map((l) => l.split('\t'));
    const b = (await t.core.redis.lRange(bookingKeys(t.core.keys.prefix).audit('bB'), 0, -1)).map((l) => l.split('\t'));
    expect(m[0]!.slice(1, 3)).toEqual(['system:outbound', 'delivery-failed']);
    expect(m[0]![3]).toContain('WeChat said no');
    expect(b[0]![2]).toBe('delivery-failed');
  });
});
