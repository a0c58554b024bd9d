/*
 * Places and requests in workers' own words (helper h27), on real Redis.
 *  - `想入会 欠薪了 怎么弄`: joining begun (named first), the report kept for after; no wage answer in its place.
 *  - `我家是东龙的 在石岭干活` at the township question: 石岭镇 read, to confirm (where home is, never);
 *    `我在石岭干活 不是东龙` at the unit question: 石岭镇 read, confirmed.
 *  - `应该是好运来饭店` at the village question: the unit's change offered to confirm, never the township asked again.
 *  - `我在东龙镇新塘好再来饭店干活`: 新塘社区 the community, 好再来饭店 the unit (confirmed); `新塘电子厂` keeps its name.
 *  - `預約律師` with a booking to come: the booking to come said, as for `预约律师`.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h27-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const TO_UNIT = ['老板拖了我三个月工资', '1', '对'];

describe('two requests, joining named first', () => {
  it('想入会 欠薪了 怎么弄: joining begun, the report kept for after', async () => {
    const user = someone('join-first');
    await converse(t.chat, user)
      .send('想入会 欠薪了 怎么弄')
      .expect(/先帮您办「加入工会」，「反映欠薪」等这件办完再接着帮您办/)
      .expect(/办理入会需要/)
      .expectNot(/有几条路/);
    const s = await session(user);
    expect(s.flowId).toBe('membership');
    expect(s.also).toBe('wage');
  });
});

describe('where the work is, not home', () => {
  it('我家是东龙的 在石岭干活 at the township question: 石岭镇 confirmed, then kept on yes', async () => {
    const user = someone('home-work');
    await converse(t.chat, user)
      .sendAll(...TO_UNIT, '好再来饭店')
      .send('我家是东龙的 在石岭干活')
      .expect(/干活的地方「石岭镇」。对吗/)
      .expectNot(/没找到/)
      .send('对')
      .expect(/石岭镇的哪个村或社区/);
    const s = await session(user);
    expect((s.answers.location as { townshipId: string }).townshipId).toBe('t03');
  });

  it('我在石岭干活 不是东龙 at the unit question: 石岭镇 read, to confirm', async () => {
    const user = someone('denied');
    await converse(t.chat, user)
      .sendAll(...TO_UNIT)
      .send('我在石岭干活 不是东龙')
      .expect(/干活的地方「石岭镇」。对吗/)
      .expectNot(/还不是名字/);
    const s = await session(user);
    expect(s.answers.location ?? null).toBeNull();
    expect((s.pending?.values.location as { townshipId: string }).townshipId).toBe('t03');
  });
});

describe('a unit named at the village question', () => {
  it('应该是好运来饭店: the unit change offered to confirm, the township not asked again', async () => {
    const user = someone('unit-change');
    await converse(t.chat, user)
      .sendAll(...TO_UNIT, '好再来饭店', '东龙')
      .send('应该是好运来饭店')
      .expect(/您是要改成：用人单位「好运来饭店」，对吗/)
      .expectNot(/在哪个镇或街道干活/);
    expect((await session(user)).answers.employer).toBe('好再来饭店');
  });
});

describe('a village before the unit', () => {
  it('我在东龙镇新塘好再来饭店干活: 新塘社区 and 好再来饭店, confirmed', async () => {
    const user = someone('village-unit');
    await converse(t.chat, user)
      .sendAll(...TO_UNIT)
      .send('我在东龙镇新塘好再来饭店干活')
      .expect(/用人单位「好再来饭店」、干活的地方「东龙镇」、村或社区「新塘社区」。对吗/);
    const s = await session(user);
    expect(s.answers.employer ?? null).toBeNull();
  });

  it('我在东龙镇新塘电子厂干活: the unit keeps its name (guard)', async () => {
    await converse(t.chat, someone('village-named'))
      .sendAll(...TO_UNIT)
      .send('我在东龙镇新塘电子厂干活')
      .expect(/用人单位「新塘电子厂」/);
  });
});

describe('the legal-aid desk reads traditional characters', () => {
  it('預約律師 with a booking to come: that booking said first', async () => {
    await converse(t.chat, someone('trad'))
      .sendAll('3', '1', '1', '还在干', '1', '电话', '河西')
      .expect(/电话咨询最近的空闲时间/)
      .sendAll('12月3日', '1', '李明', '13800138000', '确认')
      .expect(/预约成功/)
      .send('預約律師')
      .expect(/您已经约了：YY\d{8}-\d{4}/)
      .expect(/您同意吗/);
  });
});
