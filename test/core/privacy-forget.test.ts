/*
 * 删除我的信息 leaves no copy of the person's phone number in Redis: not in
 * the cases, not in the chat history or inbox, not in the replies kept for
 * resent messages — in clear or sealed (sealed values are opened with
 * DATA_KEY and searched). Staff inboxes are staff work and keep their notices.
 */
import { describe, expect, it } from 'vitest';
import { unseal } from '../../core/infra/privacy.js';
import { renderText } from '../../core/infra/replies.js';
import { converse } from '../support/converse.js';
import { eventually, startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { dumpPrefix } from '../support/redis-dump.js';

const PHONE = '13912345678';
const SEALED = /v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

describe('删除我的信息 and the copies of what a person said', () => {
  const t = useFixture(() => startTestCore({ workers: true }));

  /** Every value under the test's prefix, sealed values opened, by key. */
  async function opened(): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const [key, value] of await dumpPrefix(t.core.redis, t.core.config.REDIS_PREFIX)) {
      out.set(key, value.replace(SEALED, (s) => {
        try {
          return unseal(t.core.config.DATA_KEY, s);
        } catch {
          return s;
        }
      }));
    }
    return out;
  }

  it('after deleting, a resent message no longer gets its old replies, and no key holds the phone in clear or sealed', async () => {
    const user = 'web:pf1';
    await converse(t.chat, user)
      .send('2', 'm1')
      .send('1', 'm2')
      .sendAll('青溪宏达建筑工程有限公司', '东龙镇', '新塘社区', '不是', '三个月', '28500', '就我一个', '还在干', '都跳过')
      .send('完成')
      .send('张三')
      .send(PHONE, 'm-phone')
      .expect(new RegExp(`手机号：${PHONE}`))
      .send('确认', 'm-confirm')
      .expect(/提交成功/);
    await eventually(async () => {
      const [c] = await t.core.cases.listByUser(user);
      return c?.assignee ? c : null;
    }, 8000, 'routed');
    // The web chat keeps the conversation and notices too.
    await t.core.inbox.history.append(user, [{ from: 'user', replies: [{ type: 'text', text: `我的电话 ${PHONE}` }] }]);
    await t.core.inbox.messenger.sendToUser(user, [{ type: 'text', text: `回电号码 ${PHONE}` }]);
    const resent = await t.chat.handle(user, { kind: 'text', text: PHONE }, 'm-phone');
    expect(resent.map(renderText).join('\n')).toContain(PHONE);
    const before = [...(await opened()).entries()].filter(([k, v]) => v.includes(PHONE) && !k.includes(':staff:'));
    expect(before.length).toBeGreaterThan(0);

    await converse(t.chat, user).send('删除我的信息').send('1').expect(/已删除您的个人信息/);

    const left = [...(await opened()).entries()].filter(([, v]) => v.includes(PHONE));
    // Notices in a staff member's inbox are their work (the assignee's call-back number): kept.
    expect(left.filter(([k]) => !/:to:staff:/.test(k)).map(([k]) => k)).toEqual([]);

    const again = await t.chat.handle(user, { kind: 'text', text: '你好' }, 'm-phone');
    expect(again.map(renderText).join('\n')).not.toContain(PHONE);
  });
});
