/*
 * Probe round 12 (membership, h2): a platform worker's words walked through the union flow.
 *  - `我在美团送外卖 东龙镇这边`: the town is held and offered by name at the 登记地 question (it was dropped and asked
 *    as if never said); picked, it is the address; `都不是` asks plainly; never the address without a pick;
 *  - `我是单干的`: never a name (「姓名「单干」」), never the job (其他「单干」) nor a platform's name; at 专送/众包: 众包, confirmed;
 *  - `以前住东龙 现在住白沙`: 白沙镇 (where they live now) is kept, never 东龙镇; `以前住东龙` alone is no address;
 *  - `外卖` said again once the work is noted: what is noted and what is asked now; said again, how to skip.
 * Transcripts on the real chat service and real Redis.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { NOW, person, type Person } from './support.js';

const t = coreOnClock(NOW);

const answersOf = async (user: string) => (await t.chat.sessions.load(user, NOW)).answers;
/** Through the consents, the declaration and the person's numbers, to 「您现在是怎么工作的？」. */
const atWork = (user: string, p: Person) =>
  converse(t.chat, user)
    .sendAll('我想入会', '1', '1', '1', p.name, p.id)
    .send(p.phone)
    .expect(/您现在是怎么工作的？/);
/** A 美团 rider (外卖, no town said), up to 专送 or 众包. */
const atRiderType = (user: string, p: Person) =>
  atWork(user, p).sendAll('2', '外卖').send('美团').expect(/您在美团是专送还是众包？/);

describe('a town said with the work', () => {
  it('我在美团送外卖 东龙镇这边: 东龙镇 offered at 登记地; picked, it is the address', async () => {
    const user = 'web:h2-town';
    await atWork(user, person(1201))
      .send('我在美团送外卖 东龙镇这边')
      .expect(/接单平台「美团」。对吗？/)
      .send('对')
      .expect(/您在美团是专送还是众包？/)
      .send('众包')
      .expect(/您刚才说在东龙镇。.*东龙镇是您现在住的地方，还是户口所在地？/)
      .expect(/1\. 现在住在东龙镇（按常住地登记）/)
      .expect(/2\. 户口在东龙镇（按户籍地登记）/)
      .expectNot(/地址：/)
      .send('1')
      .expect(/请核对您的入会申请/)
      .expect(/登记地：常住地/)
      .expect(/地址：青溪区东龙镇/);
    const a = await answersOf(user);
    expect(a.residence).toMatchObject({ townshipId: 't01' });
    expect(a.placeKind).toBe('residence');
    expect(a.platform).toBe('美团');
  });

  it('住这边 there: 东龙镇 said back before it counts; 都不是: asked plainly, nothing kept', async () => {
    await atWork('web:h2-here', person(1202))
      .sendAll('我在美团送外卖 东龙镇这边', '对', '众包')
      .send('住这边')
      .expect(/登记地「常住地」、地址「青溪区东龙镇」。对吗？/);
    const user = 'web:h2-neither';
    await atWork(user, person(1203))
      .sendAll('我在美团送外卖 东龙镇这边', '对', '众包')
      .send('3')
      .expect(/请选择按哪里登记：常住地（现在住的地方）还是户籍地（户口所在地）？/)
      .send('1')
      .expect(/您的常住地在哪个区、哪个镇或街道？/);
    expect((await answersOf(user)).residence).toBeUndefined();
  });
});

describe('我是单干的', () => {
  it('at the work question: how they work is asked, the name stays', async () => {
    const p = person(1204);
    await atWork('web:h2-own-work', p)
      .send('我是单干的')
      .expectNot(/姓名「单干」/)
      .expect(/自己接活干、没有固定单位的，可以回复2/);
    expect((await answersOf('web:h2-own-work')).name).toBe(p.name);
  });

  it('at the job and platform questions: never kept as the job or the platform', async () => {
    await atWork('web:h2-own-job', person(1205)).send('2').send('我是单干的').expect(/请选一下您做的是哪种工作/).expectNot(/单干」|对吗/);
    const user = 'web:h2-own-platform';
    await atWork(user, person(1206)).sendAll('2', '外卖').send('我是单干的').expect(/您主要在哪个平台（App）接单？/).expectNot(/您在我是单干的/);
    expect((await answersOf(user)).platform).toBeUndefined();
  });

  it('at 专送 or 众包: 众包, said back before it counts', async () => {
    const user = 'web:h2-own-rider';
    await atRiderType(user, person(1207)).send('我是单干的').expect(/接单方式「众包」。对吗？/).expectNot(/姓名/);
    expect((await answersOf(user)).riderType).toBeUndefined();
  });
});

describe('以前住东龙 现在住白沙', () => {
  it('at 登记地: 白沙镇 said back and kept, never 东龙镇', async () => {
    const user = 'web:h2-moved';
    await atRiderType(user, person(1208))
      .send('众包')
      .send('以前住东龙 现在住白沙')
      .expect(/登记地「常住地」、地址「青溪区白沙镇」。对吗？/)
      .expectNot(/东龙镇」/)
      .send('对')
      .expect(/地址：青溪区白沙镇/);
    expect((await answersOf(user)).residence).toMatchObject({ townshipId: 't02' });
  });

  it('at the address: 白沙镇 said back; 以前住东龙 alone: asked where they live now', async () => {
    await atRiderType('web:h2-moved-at', person(1209))
      .sendAll('众包', '1')
      .send('以前住东龙 现在住白沙')
      .expect(/地址「青溪区白沙镇」。对吗？/)
      .expectNot(/没找到/);
    const user = 'web:h2-left';
    await atRiderType(user, person(1210))
      .sendAll('众包', '1')
      .send('以前住东龙')
      .expect(/「青溪区东龙镇」是您以前住的地方。请告诉我您现在住的镇或街道/);
    expect((await answersOf(user)).residence).toBeUndefined();
  });
});

describe('外卖 said again', () => {
  it('what is noted and what comes now; said again, how to skip', async () => {
    await atWork('web:h2-again', person(1211))
      .sendAll('2', '外卖')
      .send('外卖')
      .expect(/^好的，工作方式「新就业形态劳动者」、职业「外卖配送员」已经记下了。接下来想问您：您主要在哪个平台接单？/)
      .expectNot(/这些情况/)
      .send('外卖')
      .expect(/可以回复「跳过」/);
  });
});

describe('more words probed', () => {
  it('饿了么 alone at the work question: no question unanswered, which way asked', async () => {
    await atWork('web:h2-eleme', person(1212))
      .send('饿了么')
      .expectNot(/答不上来/)
      .expect(/在饿了么上接单的，回复2（新就业形态劳动者）；如果您是饿了么公司的员工/);
  });

  it('东龙 白沙 at the address: which one asked, none kept', async () => {
    const user = 'web:h2-two-towns';
    await atRiderType(user, person(1213))
      .sendAll('众包', '1')
      .send('东龙 白沙')
      .expect(/您说了东龙镇、白沙镇，是哪一个？/)
      .expectNot(/请核对/);
    expect((await answersOf(user)).residence).toBeUndefined();
  });
});
