/**
 * Asking to delete one's data in other words in the middle of a form (probe round 8, B14):
 * it was read as an answer (a village called 「别存我的信息了」).
 */
import { describe, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ clock });
});

describe('deleting in other words, mid-form', () => {
  it.each(['别存我的信息了', '把我的资料都删了', '把我的个人信息删了'])('%s at the village question asks the delete question; 不删除 keeps the draft', async (said) => {
    const user = `web:f8-${Math.random().toString(36).slice(2, 8)}`;
    await converse(t.chat, user)
      .send('2')
      .send('1')
      .send('好再来饭店')
      .send('东龙')
      .expect(/哪个村或社区/)
      .send(said)
      .expect(/确定要删除您的个人信息吗？/)
      .expectNot(/没有叫「/)
      .send('2')
      .expect(/没有删除任何信息/)
      .expect(/「反映欠薪」先帮您保存着/)
      .send('继续')
      .expect(/哪个村或社区/);
  });

  it('不要保存我的电话 at the phone question is a no to giving it (the phone is asked for with why), not the delete question', async () => {
    await converse(t.chat, 'web:f8-phone')
      .send('2').send('1').send('好再来饭店').send('东龙').send('新塘').send('不是').send('9月到11月').send('6000')
      .send('就我一个').send('还在干').send('都跳过').send('没有').send('王芳')
      .expect(/您的手机号是多少？/)
      .send('不要保存我的电话')
      .expect(/需要一个能打通的手机号/)
      .expectNot(/确定要删除您的个人信息吗|只能包含数字/);
  });

  it('a lone 删除 mid-form is not taken as the delete question', async () => {
    await converse(t.chat, 'web:f8-bare').send('2').send('1').send('好再来饭店').send('东龙').send('删除').expectNot(/确定要删除您的个人信息吗/);
  });
});
