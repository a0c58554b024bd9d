/*
 * Joining the union: the town said early (h129).
 * A platform worker who typed their township before it was asked (`河西` where the job is asked, `河西街道` at the
 * platform question, `河西` at 「工作方式「新就业形态劳动者」。对吗？」) lost it: 「没认出「河西」是哪种工作」, 「这里请写接单用的
 * 平台（App）名称」, 「请回复「对」或「不对」」, then the 登记地 and the address asked from scratch. Now the town is held for
 * the 登记地 question (said so), offered by name there, and kept only once picked; never stored as the job, the
 * platform or anything else meanwhile, and said again it is said to be noted (the question asked stays).
 * Transcripts on the real chat service and real Redis, on a fixed clock.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { NOW, X_ID } from '../membership/support.js';

const { t, session } = chatOnClock(NOW);
const someone = (tag: string) => `web:h129-${tag}`;

const START = ['我想入工会', '同意', '同意', '1', '张伟', X_ID, '13800138000'];
const HELD = /好的，您在河西街道，我先记下，等一下问登记地时再和您核对。/;
const HELD_AGAIN = /河西街道已经记下了，等一下问登记地时再和您核对。/;
const OFFERED = /您刚才说在河西街道。[\s\S]*河西街道是您现在住的地方，还是户口所在地？/;
const JOB = /您做的是哪种工作？/;
const PLATFORM = /您主要在哪个平台接单？|这里请写接单用的平台/;

async function answers(user: string): Promise<Record<string, unknown>> {
  return (await session(user)).answers as Record<string, unknown>;
}

describe('a platform worker’s town said before its question', () => {
  it('`河西` at the job, `河西街道` at the platform: held, offered at 登记地, kept after the pick; nothing else stored', async () => {
    const user = someone('a');
    await converse(t.chat, user).sendAll(...START).send('2').expect(JOB).send('河西').expect(HELD).expect(JOB).expectNot(/没认出/);
    let a = await answers(user);
    expect(a).not.toHaveProperty('occupation');
    expect(a).not.toHaveProperty('residence');
    expect(a).not.toHaveProperty('placeKind');
    const held = (a.placeSaid as { townshipId: string } | undefined)?.townshipId;
    expect(held).toBeTruthy();

    await converse(t.chat, user)
      .send('对')
      .expect(JOB)
      .send('快递员')
      .expect(PLATFORM)
      .send('河西街道')
      .expect(HELD_AGAIN)
      .expect(PLATFORM);
    a = await answers(user);
    expect(a.occupation).toBe('courier');
    expect(a).not.toHaveProperty('platform');
    expect(a).not.toHaveProperty('residence');

    await converse(t.chat, user)
      .send('没有')
      .expect(OFFERED)
      .expect(/现在住在河西街道（按常住地登记）/)
      .expectNot(/请选择按哪里登记/)
      .send('1')
      .expect(/请核对您的入会申请/)
      .expect(/职业：快递员/)
      .expect(/接单平台：没有固定平台/)
      .expect(/登记地：常住地/)
      .expect(/地址：青溪区河西街道/)
      .expectNot(/哪个区、哪个镇或街道/);
    a = await answers(user);
    expect(a.placeKind).toBe('residence');
    expect((a.residence as { townshipId: string }).townshipId).toBe(held);
  });

  it('`河西` at 「工作方式「新就业形态劳动者」。对吗？」: held, the same question again; offered at 登记地', async () => {
    const user = someone('b');
    await converse(t.chat, user)
      .sendAll(...START)
      .send('没有单位 打零工')
      .expect(/工作方式「新就业形态劳动者」。对吗？/)
      .send('河西')
      .expect(HELD)
      .expect(/工作方式「新就业形态劳动者」。对吗？/)
      .expectNot(/请回复「对」或「不对」/);
    let a = await answers(user);
    expect(a).not.toHaveProperty('employment');
    expect(a).not.toHaveProperty('residence');

    await converse(t.chat, user).send('对').expect(JOB).sendAll('3', '美团').send('2').expect(OFFERED).send('2').expect(/登记地：户籍地/).expect(/地址：青溪区河西街道/);
    a = await answers(user);
    expect(a.employment).toBe('new_form');
    expect(a.platform).toBe('美团');
    expect(a.placeKind).toBe('hukou');
  });

  it('`河西` at 「具体做什么工作」, twice: never kept as the work; 都不是 at 登记地 keeps no town', async () => {
    const user = someone('c');
    await converse(t.chat, user).sendAll(...START, '2').send('7').expect(/请简单写一下您做什么工作/).send('河西').expect(HELD).send('河西').expect(HELD_AGAIN).expect(/请简单写一下您做什么工作/);
    expect(await answers(user)).not.toHaveProperty('occupationOther');
    await converse(t.chat, user).send('代驾').expect(PLATFORM).send('没有').expect(OFFERED).send('3').expect(/请选择按哪里登记/);
    const a = await answers(user);
    expect(a.occupationOther).toBe('代驾');
    expect(a).not.toHaveProperty('residence');
    expect(a).not.toHaveProperty('placeKind');
  });
});
