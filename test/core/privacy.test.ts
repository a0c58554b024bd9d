import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { existsSync, readdirSync } from 'node:fs';
import { maskIdNumber, maskName, maskPhone, seal, unseal } from '../../core/infra/privacy.js';
import { converse } from '../support/converse.js';
import { eventually, startTestCore } from '../support/core.js';
import { dumpPrefix } from '../support/redis-dump.js';

const PHONE = '13912345678';

describe('privacy helpers', () => {
  it('never reuses an IV, across many refills of the IV pool, for text and for files', async () => {
    const { sealBytes } = await import('../../core/infra/privacy.js');
    const key = Buffer.alloc(32, 9);
    const ivs = new Set<string>();
    const n = 5000;
    for (let i = 0; i < n; i++) {
      ivs.add(seal(key, 'x').split('.')[1]!);
      ivs.add(sealBytes(key, Buffer.from('y')).subarray(0, 12).toString('base64url'));
    }
    expect(ivs.size).toBe(2 * n);
  });

  it('seals and unseals, with a fresh IV each time, and refuses a tampered value', () => {
    const key = Buffer.alloc(32, 7);
    const a = seal(key, PHONE);
    expect(a).not.toContain(PHONE);
    expect(seal(key, PHONE)).not.toBe(a);
    expect(unseal(key, a)).toBe(PHONE);
    const parts = a.split('.');
    // One bit of the ciphertext flipped (replacing a byte with a fixed one left it unchanged when it was that byte: 1 run in 256).
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => unseal(key, parts.join('.'))).toThrow();
    expect(() => unseal(Buffer.alloc(32, 8), a)).toThrow();
  });

  it('masks phone, ID and names', () => {
    expect(maskPhone(PHONE)).toBe('139****5678');
    expect(maskIdNumber('45030219900101123X')).toBe('4503**********123X');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧阳**');
  });
});

describe('personal data at rest', () => {
  const t = useFixture(() => startTestCore({ workers: true }));

  async function report(user: string) {
    await converse(t.chat, user)
      .send('2', 'c1')
      .send('1', 'c2')
      .sendAll('青溪宏达建筑工程有限公司', '东龙镇', '新塘社区', '不是', '三个月', '28500', '就我一个', '还在干', '都跳过')
      .sendFile('pay.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 9]), 'image/jpeg')
      .send('完成')
      .send('张三')
      .send(PHONE, 'c-phone')
      .expect(new RegExp(`手机号：${PHONE}`))
      .send('确认')
      .expect(/提交成功/);
    return eventually(async () => {
      const [c] = await t.core.cases.listByUser(user);
      if (!c?.assignee) return null;
      const inbox = await t.core.inbox.read(`staff:${c.assignee.staffId}`);
      return inbox.items.length > 0 ? c : null;
    }, 8000, 'routed and notified');
  }

  it('after a full report, routing and notices, no Redis key or value holds the phone number in clear', async () => {
    await report('web:p1');
    const dump = await dumpPrefix(t.core.redis, t.core.config.REDIS_PREFIX);
    expect(dump.size).toBeGreaterThan(10);
    const leaks = [...dump.values()].filter((v) => v.includes(PHONE) || v.includes('139 1234'));
    expect(leaks).toEqual([]);
  });

  it('删除我的信息 removes the name, phone and evidence from the cases and keeps a tombstone in the audit', async () => {
    const c = await report('web:p2');
    expect(readdirSync(t.evidenceDir)).toHaveLength(1);
    await converse(t.chat, 'web:p2')
      .send('删除我的信息')
      .expect(/确定要删除您的个人信息吗/)
      .send('2')
      .expect(/没有删除/)
      .send('删除我的信息')
      .send('1')
      .expect(/已删除您的个人信息/);
    const after = (await t.core.cases.get(c.id))!;
    expect(after.reporter).toMatchObject({ name: null, phoneSealed: null, phoneHash: null });
    expect(after.evidence).toEqual([]);
    expect(readdirSync(t.evidenceDir)).toHaveLength(0);
    const audit = await t.core.cases.audit(c.id);
    expect(audit.at(-1)).toMatchObject({ action: 'personal-data-erased' });
    expect(JSON.stringify(audit)).not.toContain('张三');
    expect(existsSync(t.evidenceDir)).toBe(true);
  });

  it('删除我的信息 in the middle of a report keeps the draft when the person changes their mind', async () => {
    await converse(t.chat, 'web:p3')
      .sendAll('2', '1', '青溪宏达', '删除我的信息', '不删除')
      .expect(/没有删除/)
      .send('2')
      .expect(/还没填完/)
      .send('继续')
      .expect(/哪个镇或街道/);
  });
});
