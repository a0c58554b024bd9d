/*
 * A wish to skip is never an answer: at a question that cannot be skipped
 * (the employer, the worker's name), `跳过` / `都跳过` is refused with a
 * clear re-prompt and nothing is kept — it was once saved as an employer
 * named 「跳过」. At an optional question it still skips.
 */
import { describe, expect, it } from 'vitest';
import { scenarioClock } from '../support/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const t = useFixture(() => startTestCore({ clock: scenarioClock('2026-11-21', '10:00') }));

async function answers(userKey: string): Promise<Record<string, unknown>> {
  const { data } = await t.core.conversation.sessions.load(userKey);
  return ((data as { answers?: Record<string, unknown> } | null)?.answers ?? {}) as Record<string, unknown>;
}

describe('skipping a question that cannot be skipped', () => {
  it('at a household employer’s name: 跳过 and 都跳过 are refused, then the name is taken', async () => {
    await converse(t.chat, 'web:skip1')
      .send('我在白沙镇给一户人家当保姆，东家欠我三个月工资九千')
      .sendAll('好的', '对')
      .expect(/雇您干活的人怎么称呼/)
      .send('跳过')
      .expect(/这一项不能跳过/)
      .send('都跳过')
      .expect(/这一项不能跳过/)
      .send('王秀英')
      .expectNot(/这一项不能跳过/);
    expect((await answers('web:skip1')).employer).toBe('王秀英');
  });

  it('at a company’s name and at the worker’s own name: never kept as 跳过', async () => {
    await converse(t.chat, 'web:skip2')
      .send('我要反映欠薪')
      .send('1')
      .expect(/单位叫什么名字/)
      .send('跳过吧')
      .expect(/这一项不能跳过/);
    expect((await answers('web:skip2')).employer).toBeUndefined();
  });

  it('at an optional question, 跳过 still skips', async () => {
    await converse(t.chat, 'web:skip3')
      .send('我要反映欠薪')
      .sendAll('1', '青溪宏达建筑工程有限公司', '东龙', '新塘', '1')
      .expect(/项目或工地叫什么名字/)
      .send('跳过')
      .expectNot(/这一项不能跳过/);
    expect((await answers('web:skip3')).project).toBeNull();
  });
});
