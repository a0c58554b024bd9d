/*
 * Faults: a worker that dies mid-send sends no notice twice; a crashed
 * worker's job is taken up by another within seconds.
 */
import type { Job } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { caseNotices } from '../../core/cases/index.js';
import { channelSends, createChannelStore } from '../../core/channels/index.js';
import type { Messenger } from '../../core/infra/messenger.js';
import { outboundKeys } from '../../core/infra/queues.js';
import { outboundProcessor, type WorkerSet } from '../../workers/index.js';
import { createWageCase } from '../support/cases.js';
import { startTestCore, type TestCore } from '../support/core.js';

let t: TestCore;
let more: WorkerSet | null = null;
afterEach(async () => {
  await more?.close();
  more = null;
  await t.stop();
});

/** A messenger that reaches staff and counts what it delivered; `hang` makes a send deliver and then never return (the process "dies"). */
function countingMessenger(opts: { hang?: boolean } = {}) {
  const delivered: string[] = [];
  const m: Messenger = {
    canReachUser: () => false,
    canReachStaff: () => true,
    sendToUser: async () => undefined,
    sendToStaff: async (staff) => {
      delivered.push(staff.id);
      if (opts.hang && delivered.length === 1) await new Promise(() => undefined);
    },
  };
  return { m, delivered };
}

const fakeJob = (id: string, name: string, data: object) => ({ id, name, data, opts: {}, attemptsMade: 0 }) as unknown as Job;

describe('no notice twice', () => {
  it('a notice job run again after its send went out (the process died before completing it) sends nothing', async () => {
    t = await startTestCore();
    const { m, delivered } = countingMessenger();
    t.core.messengers.unshift(m);
    const c = await createWageCase(t.core);
    const send = outboundProcessor(t.core, [caseNotices(t.core)]);
    const job = fakeJob('staff-case-copied-x1', 'staff-case-copied', { caseId: c.id, staffId: 'sup-t01' });
    expect(await send(job)).toEqual({ to: 'sup-t01' });
    expect(await send(job)).toEqual({ skipped: 'sent before' });
    expect(delivered).toEqual(['sup-t01']);
    const mark = outboundKeys(t.core.keys.prefix).delivery('staff-case-copied-x1');
    expect(await t.core.redis.get(mark)).toBe('sent');
    expect(await t.core.redis.ttl(mark)).toBeGreaterThan(6 * 86400);
  });

  it('a send that throws leaves no mark: the retry sends (nothing went out)', async () => {
    t = await startTestCore();
    let tries = 0;
    t.core.messengers.unshift({
      canReachUser: () => false,
      canReachStaff: () => true,
      sendToUser: async () => undefined,
      sendToStaff: async () => {
        tries += 1;
        if (tries === 1) throw new Error('WeChat busy');
      },
    });
    const c = await createWageCase(t.core);
    const send = outboundProcessor(t.core, [caseNotices(t.core)]);
    const job = fakeJob('staff-case-copied-x2', 'staff-case-copied', { caseId: c.id, staffId: 'sup-t01' });
    await expect(send(job)).rejects.toThrow('WeChat busy');
    expect(await send(job)).toEqual({ to: 'sup-t01' });
    expect(tries).toBe(2);
  });

  it('channel-send: an interrupted send writes off the reply in flight, and the rest goes on', async () => {
    t = await startTestCore();
    const store = createChannelStore(t.core);
    const replies = ['一', '二', '三'].map((text) => ({ type: 'text' as const, text }));
    await store.keepOutbox('s1', { userKey: 'oa:x', replies, sent: 1, cardSent: false });
    await channelSends(t.core).interrupted!(fakeJob('chs-s1', 'channel-send', { sendId: 's1' }));
    expect((await store.loadOutbox('s1'))!.sent).toBe(2);
  });
});
