import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { manualClock } from '../../core/infra/clock.js';

const t = useFixture(() => startTestCore({ clock: manualClock(new Date('2026-11-21T10:00:00+08:00')) }));

describe('user text that looks like an internal placeholder', () => {
  it('an evidence file named __CASE_NO__ keeps its name; only the case number field is filled in', async () => {
    await converse(t.chat, 'web:ph1')
      .send('2').send('1').send('青溪宏达').send('东龙镇').send('不清楚').send('不是').send('三个月').send('28500').send('就我一个').send('还在干').send('都跳过')
      .sendFile('__CASE_NO__.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1]), 'image/jpeg')
      .send('完成').send('张三').send('13800138000').send('确认')
      .expect(/提交成功/);
    const [c] = await t.core.cases.listByUser('web:ph1');
    expect(c!.caseNo).toMatch(/^QX20261121-\d{4}$/);
    expect(c!.evidence[0]!.name).toBe('__CASE_NO__.jpg');
  });
});
