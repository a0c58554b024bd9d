/*
 * 入会 as speech-to-text or a pinyin keyboard's first guess writes it (`我想如会`, `要乳会`, `我想儒会`): it used to
 * get 「没太明白」 and the menu; now whether joining the union is wanted is asked, and 是的 starts it. Other words
 * with the same characters (`如果会`, `会议`) are not taken for it. Real chat service, real Redis.
 */
import { describe, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const t = useFixture(() => startTestCore({ clock: manualClock('2026-12-01T10:00:00+08:00') }));

describe('入会 misheard or mistyped', () => {
  it('`我想如会` asks whether joining is meant; 是的 starts joining with its consent', async () => {
    await converse(t.chat, 'web:join-1').send('我想如会').expect(/您是想加入工会吗？/).send('1').expect(/办理入会需要您的姓名/).expect(/您同意吗/);
  });

  it('other spellings of the same sound are asked the same way; a sentence with 如果 or 会议 is not', async () => {
    for (const [i, said] of ['要乳会', '我想儒会', '我要如会啊'].entries()) {
      await converse(t.chat, `web:join-2-${i}`).send(said).expect(/您是想加入工会吗？/);
    }
    await converse(t.chat, 'web:join-3').send('如果会').expectNot(/加入工会吗/);
  });
});
