/**
 * After a wage report is sent, what workers meant (probe round 11):
 *  - `能给我他电话吗`: the staff's phones are not given out here; how the person is reached is said, nothing passed on;
 *  - `手机号没变`, `电话没换`, `号码还是原来那个`: a short acknowledgement, never the new-phone question nor the fallback;
 *  - `我电话还是138…` (the number on file): no change needed; `我电话是139…` (another): passed on after a yes.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { reportSubmitted } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ clock });
});

const someone = (tag: string) => `web:as11-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const notesOf = async (id: string) => (await t.core.cases.get(id))!.reporterNotes;

describe('the staff phone asked for after the report', () => {
  it.each(['能给我他电话吗', '可以告诉我他的电话吗', '他电话多少'])('%s: not given out, how they reach the person said, nothing passed on', async (said) => {
    const user = someone('hisphone');
    const { chat, c } = await reportSubmitted(t, user);
    await chat
      .send(said)
      .expect(/他们的电话不在这里公开/)
      .expect(/会打您留的电话联系您/)
      .expectNot(/答不上来|转给工作人员吗|没太明白/);
    expect(await notesOf(c.id)).toEqual([]);
  });
});

describe('the phone said unchanged after the report', () => {
  it.each(['手机号没变', '电话没换', '我号码没变', '号码还是原来那个'])('%s: a short acknowledgement, nothing asked or passed on', async (said) => {
    const user = someone('same');
    const { chat, c } = await reportSubmitted(t, user);
    await chat
      .send(said)
      .expect(/^好的，工作人员会打您报告里留的手机号联系您，不用改。$/)
      .expectNot(/新的手机号是多少|没太明白|转给工作人员吗/);
    expect(await notesOf(c.id)).toEqual([]);
  });
});

describe('the number said again with 还是 / 是 after the report', () => {
  it('我电话还是<the number on file>: no change needed, nothing passed on', async () => {
    const user = someone('still');
    const { chat, c } = await reportSubmitted(t, user);
    await chat.send('我电话还是13700001111').expect(/这个号码就是您登记时留的，不用改/).expectNot(/没太明白|转给工作人员吗/);
    expect(await notesOf(c.id)).toEqual([]);
  });

  it('我电话是<another number>: passed on only after a yes', async () => {
    const user = someone('other');
    const { chat, c } = await reportSubmitted(t, user);
    await chat.send('我电话是13900002222').expect(/把这条消息转给负责您案件/).expectNot(/没太明白/);
    expect(await notesOf(c.id)).toEqual([]);
    await chat.send('1').expect(/已转给负责您案件/);
    expect((await notesOf(c.id)).map((n) => n.kind)).toEqual(['phone']);
  });
});
