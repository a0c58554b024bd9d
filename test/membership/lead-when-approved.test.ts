/*
 * An applicant asking when the application will be through (`什么时候能批下来`, `多久能通过`, `啥时候审核完`) was
 * 「这个问题我还答不上来」; it is the application's status now, with when the result is due.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { commandOf } from '../../flows/nlu/talk.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { NOW, courierUpToReview, reviewed } from './support.js';

const t = useFixture(() => startTestCore({ workers: true, clock: manualClock(NOW) }));

describe('when the application will be through', () => {
  it.each(['什么时候能批下来', '多久能通过', '啥时候审核完', '我的申请什么时候能批', '那什么时候审核通过呀'])('`%s` asks for progress', (said) => {
    expect(commandOf(said)).toBe('progress');
  });

  // guard: other things said with 通过 or 下来 are not.
  it.each(['通过了', '我下来了', '工资什么时候下来的我不记得'])('`%s` does not', (said) => {
    expect(commandOf(said)).not.toBe('progress');
  });

  it('a pending applicant asking `什么时候能批下来` is shown the status and when the result is due', async () => {
    await courierUpToReview(t.chat, 'web:lwa1').send('确认');
    const m = await reviewed(t.core, 'web:lwa1');
    await converse(t.chat, 'web:lwa1')
      .send('什么时候能批下来')
      .expect(new RegExp(`入会申请 ${m.appNo}（青溪区新业态工会联合会）`))
      .expect(/状态：审核中/)
      .expect(/预计\d+月\d+日 \d\d:\d\d前有审核结果/)
      .expectNot(/答不上来/);
  });
});
