/*
 * Personal numbers of applicants and members: sealed at rest, looked up by keyed hash, never in
 * Redis in clear (records, indexes, sessions, idempotency cache, inboxes, BullMQ job data), never
 * in the logs; and 删除我的信息 removes a member's data, leaving an audit tombstone.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CARD_TOKEN_TTL_SECONDS, checkCard, signCardToken } from '../../core/membership/card.js';
import { createLogger } from '../../core/infra/logger.js';
import { membersOf } from '../../core/membership/store.js';
import { lookupHash } from '../../core/infra/privacy.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { dumpPrefix } from '../support/redis-dump.js';
import {
  LI,
  NOW,
  ZHANG,
  courierUpToReview,
  employeeUpToReview,
  reviewed,
  staffSays,
  waitInbox,
} from './support.js';
import { manualClock } from '../../core/infra/clock.js';

const t = useFixture(() => startTestCore({ workers: true, clock: manualClock(NOW) }));
let logLines: string[];
beforeEach(() => {
  logLines = [];
  t.core.log = createLogger('trace', { write: (line: string) => void logLines.push(line) });
});

/** The number as typed and in the forms a leak could take (lower-case x, the first 17 digits, spaced phone). */
function forms(p: { id: string; phone: string }): string[] {
  return [p.id, p.id.toLowerCase(), p.id.slice(0, 17), p.phone, `${p.phone.slice(0, 3)} ${p.phone.slice(3, 7)}`];
}

describe('membership personal numbers at rest', () => {
  it('after applying, rejection, resubmission, approval, a shared phone, the card and 进度, no Redis key or value and no log line holds an ID or phone number', async () => {
    // ZHANG applies as a courier, is rejected, corrects and is approved.
    await courierUpToReview(t.chat, 'web:z', ZHANG).send('确认', 'z-submit');
    const first = await reviewed(t.core, 'web:z');
    await staffSays(t.core, 'urev-nef', `驳回 ${first.appNo} 请补充平台`);
    await waitInbox(t.core, 'web:z', /没有通过/);
    await converse(t.chat, 'web:z').send('我要入会').send('1').send('1').send('1').expect(/请核对/).send('确认', 'z-resubmit').expect(/已提交/);
    const second = await reviewed(t.core, 'web:z');
    await staffSays(t.core, 'urev-nef', `通过 ${second.appNo}`);
    await waitInbox(t.core, 'web:z', /【工会会员卡】/);
    await converse(t.chat, 'web:z').send('我的会员卡').send('进度').send('我要入会').expect(/已经是/);
    // LI, an employee, gives ZHANG's phone as well (flagged), and waits.
    await employeeUpToReview(t.chat, 'web:l', { ...LI, phone: ZHANG.phone }).send('1').send('东龙').send('确认');
    const li = await reviewed(t.core, 'web:l');
    expect(li.phoneSharedWith).toHaveLength(1);
    await waitInbox(t.core, 'staff:urev-e01', /⚠ 这个手机号/);
    // And someone typing ZHANG's ID with another name.
    await converse(t.chat, 'web:w').send('我要入会').send('1').send('1').send('1').send('王五').send(ZHANG.id).expect(/已经有入会记录/);

    const dump = await dumpPrefix(t.core.redis, t.core.config.REDIS_PREFIX);
    expect([...dump.keys()].some((k) => k.includes(':{members}:application:'))).toBe(true);
    expect([...dump.keys()].some((k) => k.includes(':{bull}:membership:'))).toBe(true);
    const secrets = [...forms(ZHANG), ...forms(LI)];
    const leaks = [...dump.values()].filter((v) => secrets.some((s) => v.includes(s)));
    expect(leaks).toEqual([]);
    expect(logLines.length).toBeGreaterThan(5);
    expect(logLines.filter((l) => secrets.some((s) => l.includes(s)))).toEqual([]);
    // The masked form is what staff get.
    expect([...dump.values()].join('\n')).not.toContain(`${ZHANG.id.slice(0, 4)}**********`);
  });
});

describe('删除我的信息 after joining', () => {
  it('removes the member’s data and look-ups, revokes the card, keeps a tombstone; the person can apply again later', async () => {
    await courierUpToReview(t.chat, 'web:d1', ZHANG).send('确认');
    const m = await reviewed(t.core, 'web:d1');
    await staffSays(t.core, 'urev-nef', `通过 ${m.appNo}`);
    await waitInbox(t.core, 'web:d1', /【工会会员卡】/);
    const token = signCardToken(t.core.config.TOKEN_SECRET, m.id, CARD_TOKEN_TTL_SECONDS, t.core.clock.now().getTime());
    expect(await checkCard(t.core, token)).toMatchObject({ valid: true });
    const members = membersOf(t.core);
    const idHash = lookupHash(t.core.config.HASH_KEY, 'id', ZHANG.id);
    const phoneHash = lookupHash(t.core.config.HASH_KEY, 'phone', ZHANG.phone);
    expect(await t.core.redis.get(members.keys.byId(idHash))).toBe(m.id);

    await converse(t.chat, 'web:d1')
      .send('删除我的信息')
      .expect(/身份证号/)
      .expect(/会员信息和电子会员卡也会删除/)
      .send('确认删除')
      .expect(/已删除您的个人信息/)
      .send('我的会员卡')
      .expect(/您还不是工会会员/);

    const after = (await members.get(m.id))!;
    expect(after).toMatchObject({
      status: 'erased',
      userKey: '',
      applicant: { name: null, idSealed: null, idHash: null, phoneSealed: null, phoneHash: null },
      employment: null,
      place: null,
      memberNo: 'NEF-QINGXI-000001',
      union: { id: 'nef-qingxi' },
    });
    expect(after.history.at(-1)).toMatchObject({ status: 'erased', note: '申请人已删除个人信息' });
    expect(await t.core.redis.get(members.keys.byId(idHash))).toBeNull();
    expect(await t.core.redis.sMembers(members.keys.byPhone(phoneHash))).toEqual([]);
    expect(await members.listByUser('web:d1')).toEqual([]);
    expect(await checkCard(t.core, token)).toEqual({ valid: false, reason: 'revoked' });

    const audit = await members.audit(m.id);
    expect(audit.map((a) => a.action)).toEqual(['created', 'assigned', 'approved', 'personal-data-erased']);
    expect(JSON.stringify(audit)).not.toContain('张三');
    const dump = [...(await dumpPrefix(t.core.redis, t.core.config.REDIS_PREFIX)).values()].join('\n');
    for (const s of [...forms(ZHANG), '张三']) expect(dump, s).not.toContain(s);

    // The number is free again: joining later is a new application, not "already a member".
    await courierUpToReview(t.chat, 'web:d1', ZHANG).send('确认').expect(/入会申请已提交，申请编号 RH20261121-0002/);
  });

  it('a pending application erased by the applicant can no longer be approved, and leaves the reviewer’s list', async () => {
    await employeeUpToReview(t.chat, 'web:d2', LI).send('1').send('白沙').send('确认');
    const m = await reviewed(t.core, 'web:d2');
    expect(await staffSays(t.core, 'urev-e01', '入会申请')).toContain(m.appNo);
    await converse(t.chat, 'web:d2').send('删除我的信息').send('1').expect(/已删除/);
    expect(await staffSays(t.core, 'urev-e01', '入会申请')).toMatch(/现在没有等您审核的入会申请/);
    expect(await staffSays(t.core, 'urev-e01', `通过 ${m.appNo}`)).toBe(`申请人已删除个人信息，入会申请 ${m.appNo} 已失效。`);
  });
});
