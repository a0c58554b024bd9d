/*
 * Place words while booking legal aid (h119), as transcripts on real Redis. Today is Tuesday 1 December 2026, 10:00.
 *  - At 「您想怎么咨询？」: `离河西近的`, `河西那个` got 「请回复数字选择」 twice; now 到服务点面谈 near 河西街道 is
 *    proposed (「…，对吗？」) and taken only on a yes. `就近找个地方` is nearness (what each way means for it).
 *  - At the township: `离河西近的` got 「没找到「离河西近的」。您是说「河西街道」吗？」; now only the question.
 *  - At the township: `随便哪天` got 「没找到「随便哪天」」 (a time read as a place); now the time comes next.
 *  - At the township, not knowing said again: phone or video (no trip) offered besides the nearest one or staff.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

/** Up to 「您想怎么咨询？」 (lawyer, wages, still working there). */
const TO_MODE = ['我要申请法律援助', '同意', '1', '还在干', '1'];
/** Up to the township question, face to face. */
const TO_PLACE = [...TO_MODE, '1'];

describe('legal aid: a township named at the way question', () => {
  it('「离河西近的」: face to face near 河西街道 proposed, nothing kept before the yes; the yes takes both', async () => {
    await converse(t.chat, 'web:r28-p1')
      .sendAll(...TO_MODE)
      .send('离河西近的')
      .expect(/您是想到河西街道附近的服务点面谈，对吗？/)
      .expectNot(/请回复数字选择/);
    let s = await session('web:r28-p1');
    expect(s.answers.mode).toBeUndefined();
    expect(s.answers.place).toBeUndefined();
    await converse(t.chat, 'web:r28-p1').send('1').expect(/离河西街道最近、能提供工会律师咨询的服务点如下/);
    s = await session('web:r28-p1');
    expect(s.answers.mode).toBe('in_person');
    expect(s.answers.place).toMatchObject({ townshipId: expect.any(String) });
  });

  it('「河西那个」: the same proposal; 电话咨询 can be picked instead', async () => {
    await converse(t.chat, 'web:r28-p2')
      .sendAll(...TO_MODE)
      .send('河西那个')
      .expect(/您是想到河西街道附近的服务点面谈，对吗？/)
      .expect(/改为电话咨询/)
      .send('2')
      .expect(/您在哪个镇或街道？我们会安排离您最近的律师/);
    const s = await session('web:r28-p2');
    expect(s.answers.mode).toBe('phone');
    expect(s.answers.place).toBeUndefined();
  });

  it('「就近找个地方」: nearness, what each way means for it; no way picked', async () => {
    await converse(t.chat, 'web:r28-p3')
      .sendAll(...TO_MODE)
      .send('就近找个地方')
      .expect(/下一步按您所在的镇街找离您最近的服务点/)
      .expectNot(/请回复数字选择/);
    expect((await session('web:r28-p3')).answers.mode).toBeUndefined();
  });
});

describe('legal aid: words at the township question', () => {
  it('「离河西近的」: 「您是说「河西街道」吗？」 without 「没找到」; kept only on the yes', async () => {
    await converse(t.chat, 'web:r28-p4')
      .sendAll(...TO_PLACE)
      .send('离河西近的')
      .expect(/您是说「河西街道」吗？/)
      .expectNot(/没找到/);
    expect((await session('web:r28-p4')).answers.place).toBeUndefined();
    await converse(t.chat, 'web:r28-p4').send('1').expect(/离河西街道最近/);
  });

  it('「随便哪天」: a time, never looked up as a place; the time comes next', async () => {
    await converse(t.chat, 'web:r28-p5')
      .sendAll(...TO_PLACE)
      .send('随便哪天')
      .expect(/先说您在哪个镇或街道，下一步就选时间/)
      .expectNot(/没找到/);
    expect((await session('web:r28-p5')).answers.place).toBeUndefined();
  });

  // Since h126 the first 不知道 already says the useful line (the nearest will do, 人工, or 返回 for phone or video);
  // said again, other words, still with 人工.
  it('not knowing the township, face to face: phone or video offered at once; said again, 人工 still offered', async () => {
    await converse(t.chat, 'web:r28-p6')
      .sendAll(...TO_PLACE)
      .send('不知道')
      .expect(/选离得最近的一个就行/)
      .expect(/也可以回复「返回」改成电话咨询或视频咨询/)
      .send('我不记得是哪个街道')
      .expect(/人工/)
      .expectNot(/选离得最近的一个就行/);
    expect((await session('web:r28-p6')).answers.place).toBeUndefined();
  });

  // guard: a township's own name is still taken as said, at the township question.
  it('「河西街道」 is taken as said', async () => {
    await converse(t.chat, 'web:r28-p7').sendAll(...TO_PLACE).send('河西街道').expect(/离河西街道最近/).expectNot(/您是说/);
  });
});
