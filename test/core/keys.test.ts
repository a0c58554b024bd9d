/*
 * Every Redis key the app writes is declared by its feature (core/keys.ts):
 * a run through the three flows, staff work, bindings, duty, ratings, rate
 * limits and redeliveries writes no key that is not declared, each of its
 * declared type, expiring exactly when declared to; every key of one
 * feature shares the feature's hash tag (one Redis Cluster slot).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { askForRating } from '../../core/cases/feedback.js';
import { allKeys, isQueueKey } from '../../core/keys.js';
import { dashboardFigures } from '../../core/stats.js';
import { createAuth, createIdentities, createSubscriptions } from '../../core/auth/index.js';
import { createChannelStore } from '../../core/channels/index.js';
import { manualClock } from '../../core/infra/clock.js';
import { createBindings } from '../../core/staff/binding.js';
import { setDuty } from '../../core/staff/duty.js';
import { createConsoleAccess } from '../../core/staff/console.js';
import { converse } from '../support/converse.js';
import { eventually, startTestCore } from '../support/core.js';
import { bookDirect, donglongSlots, nth } from '../legal-aid/helpers.js';
import { ZHANG, courierUpToReview, reviewed, staffSays } from '../membership/support.js';

let keys: string[];
const NOW = new Date('2026-11-21T10:00:00+08:00');

const t = useFixture(() => startTestCore({ workers: true, clock: manualClock(NOW), env: { WECHAT_TEMPLATE_CASE: 'tplCaseProgress' } }), 'all');
beforeAll(async () => {
  const { core, chat } = t;
  // A wage report through the chat, routed, accepted and resolved by its grid worker, then asked to be rated.
  await converse(chat, 'web:w1')
    .sendAll('老板拖了我三个月工资', '1', '对', '青溪宏达建筑工程有限公司', '东龙', '新塘', '2', '两万八千五', '就我一个', '还在干', '都跳过', '没有', '张三', '13800138000', '确认')
    .expect(/提交成功/);
  const [c] = await core.cases.listByUser('web:w1');
  const routed = await eventually(async () => (await core.cases.get(c!.id))?.assignee, 8000, 'assignment');
  await staffSays(core, routed.staffId, `接单 ${c!.caseNo}`);
  await staffSays(core, routed.staffId, `办结 ${c!.caseNo} 追回 28500`);
  await askForRating(core, (await core.cases.get(c!.id))!);
  // 人工, and a message resent with the same id.
  await chat.handle('web:h1', { kind: 'text', text: '人工' }, 'msg-1');
  await chat.handle('web:h1', { kind: 'text', text: '老板不给钱' }, 'msg-2');
  // Joining the union, approved.
  await courierUpToReview(chat, 'web:m1').send('确认');
  const m = await reviewed(core, 'web:m1');
  await staffSays(core, m.reviewer!.staffId, `通过 ${m.appNo}`);
  // A legal-aid booking, then cancelled.
  const slot = nth(await donglongSlots(core), 0, 'a slot at 东龙');
  const b = await bookDirect(core, chat, { userKey: 'web:b1', staffId: slot.staffId, pointId: slot.pointId, at: slot.key.slice(slot.key.indexOf('@') + 1) });
  await converse(chat, 'web:b1').send(`取消预约 ${b.bookingNo}`).expect(/已取消/);
  // Staff: a binding code, a wrong one, duty.
  const bindings = createBindings(core);
  const code = await bindings.issueCode('gw-001');
  await bindings.redeem('wx:someone', '000000' === code ? '111111' : '000000');
  await bindings.redeem('wx:gw1', code);
  await setDuty(core, 'gw-002', false);
  // The web console: a link and a code issued (kept until used), a wrong code tried, an admin session.
  const consoleAccess = createConsoleAccess(core);
  await consoleAccess.issueLink('gw-001');
  const consoleCode = await consoleAccess.issueCode('gw-001');
  await consoleAccess.signInWithCode(consoleCode === '000000' ? '111111' : '000000', '127.0.0.1');
  await consoleAccess.signInAdmin(core.config.ADMIN_TOKEN);
  // Redeliveries and rate limits.
  await core.conversation.firstDelivery('wx', 'm-42');
  await core.conversation.limit('web:w1', 100, '太快了');
  // Sign-in: a WeChat identity, a refresh (and the copy presented again later), a revocation; the web chat's history.
  const auth = createAuth(core);
  const mp = await createIdentities(core).userOfWechat({ openid: 'o-keys-test', unionid: 'u-keys-test', sessionKey: 'sk' });
  const first = await auth.issueUser(mp);
  await auth.refresh(first.refreshToken);
  await auth.revokeStaff('gw-003');
  await chat.handle('web:hist', { kind: 'text', text: '你好' }, undefined, { keepHistory: true });
  await createSubscriptions(core).record(mp, { tplCaseProgress: 'accept' });
  // WeChat's push channels: an Official Account follower (linked by unionid), a pushed message kept, replies queued.
  const oa = await createIdentities(core).userOfOfficialAccount('oa-keys-test', async () => 'u-keys-test');
  const channels = createChannelStore(core);
  await channels.keepInbound('push-keys-test', { channel: 'oa', message: { kind: 'text', from: 'oa-keys-test', to: 'gh', createTime: 1, text: '你好' } });
  await channels.wroteOn(oa, 'oa');
  await channels.keepOutbox('send-keys-test', { userKey: oa, replies: [{ type: 'text', text: '您好' }], sent: 0, cardSent: false });
  await channels.keepThumb('wx0123456789abcdef', 'media-1');
  // Whatever the workers still do (notices, reviews) settles.
  await new Promise((r) => setTimeout(r, 1500));
  // The admin's dashboard (its counters, and the pass counting applications from before them).
  await dashboardFigures(core);
  keys = await t.keys();
}, 60_000);

describe('Redis keys', () => {
  it('every key written is declared, of its declared type and lifetime', async () => {
    const prefix = t.core.config.REDIS_PREFIX;
    const declared = allKeys(prefix);
    const app = keys.filter((k) => !isQueueKey(prefix, k));
    expect(app.length).toBeGreaterThan(40);
    const problems: string[] = [];
    for (const key of app) {
      const matches = declared.filter((d) => d.matches(key));
      if (matches.length !== 1) {
        problems.push(`${key}: ${matches.length === 0 ? 'not declared' : `declared ${matches.length} times`}`);
        continue;
      }
      const d = matches[0]!.decl;
      const type = await t.core.redis.type(key);
      if (type !== d.type) problems.push(`${key}: a ${type}, declared a ${d.type}`);
      const ttl = await t.core.redis.ttl(key);
      if (d.ttl === null && ttl !== -1) problems.push(`${key}: expires in ${ttl}s, declared to be kept`);
      if (d.ttl !== null && ttl < 0) problems.push(`${key}: kept, declared to live ${d.ttl}`);
    }
    expect(problems).toEqual([]);
  });

  it('the run touched most of what is declared (the check above is not vacuous)', () => {
    const prefix = t.core.config.REDIS_PREFIX;
    const unused = allKeys(prefix)
      .filter((d) => !keys.some((k) => d.matches(k)))
      .map((d) => `${d.decl.owner}:${d.decl.name}`);
    // Keys gone by the end of the run, as they should be: the lock released, the slot's place given back by the
    // cancellation, the waiting list and the review list emptied, the binding code used once, the application's and
    // the booking's timers gone with the approval and the cancellation.
    // A timer's failures in a row exist only while its handler fails: test/core/timers.test.ts.
    // A staff member's offered command exists only between a hint and their next message (test/staff/hint-offers.test.ts);
    // the cases last listed to them only after 我的案件 in WeChat (test/staff/lead-places.test.ts).
    // WeChat's access token needs WeChat's server: test/wechat/api.test.ts checks its key.
    // A linked group, a case holding evidence files and a referral to the procuratorate are not in this run (test/cases/retention-and-indexes.test.ts, test/staff).
    // The cases to route are gone once routed, their failures exist only while routing fails (test/core/routing.test.ts).
    // The outboxes are empty once their notices went, their failures exist only while a send fails, the old index of
    // notices (`jobs-due`) only on a deployment from before the outbox (test/cases/outbox.test.ts), and the send
    // budget lives one second (test/staff/outbound.test.ts).
    expect(unused.sort()).toEqual(
      [
        'bookings:outbox',
        'bookings:outbox-failures',
        'bookings:taken',
        'bookings:timer-failures',
        'bookings:timers',
        'cases:evidence-held',
        'cases:group',
        'cases:jobs-due',
        'cases:outbox',
        'cases:outbox-failures',
        'cases:to-route',
        'cases:to-route-failures',
        'cases:timer-failures',
        'members:outbox',
        'members:outbox-failures',
        'members:timer-failures',
        'members:timers',
        'cases:referred',
        'cases:unassigned',
        'chat:lock',
        'chat:lock-live',
        'members:review',
        'outbound:budget',
        'staff:bind-code',
        'staff:listed',
        'staff:offer',
        'wechat:access-token',
      ].sort(),
    );
  });

  it("every key of a feature carries the feature's hash tag, and BullMQ's keys theirs", () => {
    const prefix = t.core.config.REDIS_PREFIX;
    for (const key of keys) {
      const tag = /\{([^}]+)\}/.exec(key)?.[1];
      expect(tag, key).toBeDefined();
      if (isQueueKey(prefix, key)) expect(tag).toBe('bull');
      else expect(allKeys(prefix).find((d) => d.matches(key))?.decl.owner).toBe(tag);
    }
  });

  it('a personal number never appears in a key', () => {
    for (const key of keys) expect(key).not.toMatch(/13800138000|1391234567|\d{17}[\dX]/);
    expect(ZHANG.phone).toBe('13912345678');
  });
});
