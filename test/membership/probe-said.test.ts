/*
 * Joining the union: what a tester typed as workers would (.scratch/probe-aid.md, items 1.5, 1.6, 1.9,
 * 1.11, 3.8 and the membership lines of 3.3 and severity 4). A value the person did not mean is
 * never kept: a kind of unit, a platform, a job or "several" is asked about, not stored.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { NOW, consented, person, recordOf, type Person } from './support.js';

const t = coreOnClock(NOW);

/** The bare retry that helps no one choose. */
const BARE_RETRY = /请回复1（单位职工）或2（新就业形态劳动者）/;

function atWorkQuestion(user: string, p: Person = person(1, '孙大海')) {
  return consented(t.chat, user).sendAll(p.name, p.id, p.phone).expect(/您现在是怎么工作的？/);
}
const atEmployer = (user: string, p?: Person) => atWorkQuestion(user, p).send('1').expect(/您在哪家单位工作？/);
const atPlatform = (user: string) => atWorkQuestion(user).sendAll('2', '3').expect(/您主要在哪个平台接单/);

async function answersOf(user: string) {
  return (await t.chat.sessions.load(user, NOW)).answers;
}

describe('1.5 「改成户籍地」 at the summary', () => {
  it('changes 登记地 to 户籍地 and asks where the 户籍地 is; the town then given is filed as the 户籍地', async () => {
    await atEmployer('web:p1', person(2, '王小明'))
      .sendAll('青溪纺织厂', '1', '东龙镇')
      .expect(/请核对您的入会申请/)
      .expect(/登记地：常住地/)
      .send('改成户籍地')
      .expect(/登记地已改为「户籍地」/)
      .expect(/您的户籍地在哪个区、哪个镇或街道/)
      .expectNot(/常住地在哪个/)
      .send('柳溪镇')
      .expect(/登记地：户籍地/)
      .expect(/地址：青溪区柳溪镇/)
      .send('确认')
      .expect(/入会申请已提交/);
    const m = await recordOf(t.core, 'web:p1');
    expect(m.place).toMatchObject({ kind: 'hukou', townshipId: 't06' });
  });
});

describe('1.6 the unit: a kind of unit, a job, a platform are never kept as its name', () => {
  it.each([
    ['在饭店端盘子', /「饭店」.*名字.*招牌/],
    ['在超市当收银员', /「超市」.*名字.*招牌/],
    ['在厂里', /「厂里」.*名字/],
    ['工地上', /哪个工地/],
    ['在工地', /哪个工地/],
    ['我在学校食堂', /食堂是哪个单位的/],
    ['就在东龙镇的一个鞋厂', /鞋厂」.*名字/],
    ['一个小饭馆', /名字.*招牌/],
  ])('「%s」 asks which one, nothing kept', async (said, asked) => {
    const user = `web:u-${said}`;
    await atEmployer(user).send(said).expect(asked).expectNot(/在哪个镇或街道|我理解的是|不是数字/);
    expect(await answersOf(user)).not.toHaveProperty('employer');
  });

  it('the name said after the kind (`鞋厂叫金鹰鞋业`) is the name, without the kind', async () => {
    await atEmployer('web:u1').send('就在东龙镇的一个鞋厂').expect(/名字/).send('鞋厂叫金鹰鞋业').expect(/「金鹰鞋业」在哪个镇或街道/);
    expect(await answersOf('web:u1')).toEqual(expect.objectContaining({ employer: { name: '金鹰鞋业', employerId: null } }));
  });

  it('「自己开店」 is no employer: said kindly, not kept', async () => {
    await atEmployer('web:u2').send('自己开店').expect(/不算单位职工/).expect(/店名或招牌/).expectNot(/在哪个镇或街道/);
    expect(await answersOf('web:u2')).not.toHaveProperty('employer');
  });

  it('「美团」 is a platform: the way back to the work question is offered', async () => {
    await atEmployer('web:u3')
      .send('美团')
      .expect(/「美团」是接单平台/)
      .expect(/1\. 回到上一题，重新选工作方式/)
      .expectNot(/在哪个镇或街道/)
      .send('1')
      .expect(/您现在是怎么工作的？/);
    expect(await answersOf('web:u3')).not.toHaveProperty('employer');
  });

  it('「宏达」 offers the directory’s 宏达建筑, and picking it sends the application to its union', async () => {
    await atEmployer('web:u4')
      .send('宏达')
      .expect(/1\. 青溪宏达建筑工程有限公司/)
      .expect(/都不是，就填「宏达」/)
      .send('1')
      .expect(/「青溪宏达建筑工程有限公司」的职工由东龙镇总工会负责/);
    expect(await answersOf('web:u4')).toEqual(expect.objectContaining({ employer: expect.objectContaining({ employerId: expect.any(String) }) }));
  });
});

describe('1.9 the platform question', () => {
  it.each([['都跑'], ['不一定'], ['好几个']])('「%s」 is several platforms: the main one is asked, nothing kept', async (said) => {
    const user = `web:pl-${said}`;
    await atPlatform(user).send(said).expect(/接单最多的那一个/).expectNot(/专送还是众包|「都跑」|「不一定」/);
    expect(await answersOf(user)).not.toHaveProperty('platform');
    await converse(t.chat, user).send('美团').expect(/您在美团是专送还是众包/);
  });

  it('「专送」 is how orders are taken, not a platform', async () => {
    await atPlatform('web:pl1').send('专送').expect(/专送、众包是接单方式/).expectNot(/我理解的是|您在专送/);
    expect(await answersOf('web:pl1')).not.toHaveProperty('platform');
  });

  it('「美团和饿了么都跑」 keeps both in view: the main one is picked, none dropped unasked', async () => {
    await atPlatform('web:pl2').send('美团和饿了么都跑').expect(/您在美团、饿了么都接单/).expect(/1\. 美团\n2\. 饿了么/).send('2').expect(/您在饿了么是专送还是众包/);
    expect(await answersOf('web:pl2')).toEqual(expect.objectContaining({ platform: '饿了么' }));
  });

  it('at the occupation question 「美团和饿了么都跑」 is a food-delivery rider, with no platform guessed', async () => {
    await atWorkQuestion('web:pl3').send('2').send('美团和饿了么都跑').expect(/我理解的是：职业「外卖配送员」。对吗？/).send('对').expect(/您主要在哪个平台接单/);
  });

  it('「跑美团的」 says the platform too: not confirmed twice (`美团` said again was asked again)', async () => {
    await atWorkQuestion('web:pl4').send('2').send('跑美团的').expectNot(/我理解的是/).expect(/您在美团是专送还是众包/);
    expect(await answersOf('web:pl4')).toEqual(expect.objectContaining({ occupation: 'food_delivery', platform: '美团' }));
  });
});

describe('1.11 the declaration while refusing the dues', () => {
  it.each([['愿意 但是不想交会费'], ['承认是承认 但是我没钱交会费']])('「%s」 answers the dues and asks again', async (said) => {
    const user = `web:d-${said}`;
    await converse(t.chat, user)
      .sendAll('我要入会', '1', '1')
      .expect(/入会声明/)
      .send(said)
      .expect(/0\.5%/)
      .expect(/减免/)
      .expect(/您确认入会声明吗/)
      .expectNot(/请输入您的姓名/);
    expect(await answersOf(user)).not.toHaveProperty('declaration');
    await converse(t.chat, user).send('1').expect(/请输入您的姓名/);
  });
});

describe('3.8 who can join, said at once', () => {
  it.each([
    ['退休了', /退休/],
    ['学生', /在校学生/],
    ['没工作', /没有工作/],
  ])('「%s」 at the work question is told honestly whether they can join', async (said, told) => {
    const user = `web:w-${said}`;
    await atWorkQuestion(user).send(said).expect(told).expectNot(BARE_RETRY).expectNot(/我理解的是/);
    expect(await answersOf(user)).not.toHaveProperty('employment');
  });

  it('「厨师」 is a unit’s employee, confirmed', async () => {
    await atWorkQuestion('web:w1').send('厨师').expect(/我理解的是：工作方式「单位职工」。对吗？/).send('对').expect(/您在哪家单位工作？/);
  });

  it('「代驾」 is platform work, 其他 with what it is, confirmed', async () => {
    await atWorkQuestion('web:w2').send('代驾').expect(/具体工作「代驾」/).expectNot(BARE_RETRY).send('对').expect(/您主要在哪个平台接单/);
    expect(await answersOf('web:w2')).toEqual(expect.objectContaining({ employment: 'new_form', occupation: 'other', occupationOther: '代驾' }));
  });

  it('「我想入会但是我在东莞上班」 is told first that only 青溪区 is served', async () => {
    await converse(t.chat, 'web:w3')
      .send('我想入会但是我在东莞上班')
      .expect(/只能办理青溪区的入会/)
      .expect(/12351/)
      .expect(/加入工会后，您可以/);
  });

  it('「帮我老婆申请入会」: the person applies, from their own WeChat; nothing is asked', async () => {
    await converse(t.chat, 'web:w4').send('帮我老婆申请入会').expect(/本人申请/).expect(/请让她用自己的微信/).expectNot(/您同意吗/);
    expect((await t.chat.sessions.load('web:w4', NOW)).flowId).toBeNull();
  });
});

describe('3.3 会不会泄露 at the membership consent', () => {
  it('is answered with the membership’s own retention, not the wage cases’', async () => {
    await converse(t.chat, 'web:v1')
      .send('我要入会')
      .expect(/您同意吗/)
      .send('会不会泄露')
      .expect(/会籍存续期间一直保存/)
      .expectNot(/欠薪案件办结后保存3年/)
      .expect(/您同意吗/);
  });
});

describe('a change of the work at its confirmation keeps the work said', () => {
  it('「不对 是送快递的」 after 单位职工 was read: 快递员 is kept, the occupation is not asked again', async () => {
    await atWorkQuestion('web:g1')
      .send('在饭店端盘子')
      .expect(/工作方式「单位职工」。对吗？/)
      .send('不对 是送快递的')
      .expect(/工作方式已改为「新就业形态劳动者」/)
      .expectNot(/您做的是哪种工作/)
      .expect(/您主要在哪个平台接单/);
    expect(await answersOf('web:g1')).toEqual(expect.objectContaining({ employment: 'new_form', occupation: 'courier' }));
  });

  it('「不对 我是开出租的」 after 单位职工 was read: the reading goes, the taxi question is asked (it was 「请回复对或不对」)', async () => {
    await atWorkQuestion('web:g2')
      .send('我在商场做保洁')
      .expect(/工作方式「单位职工」。对吗？/)
      .send('不对 我是开出租的')
      .expect(/在出租车公司开车的，回复1/)
      .expect(/您现在是怎么工作的？/)
      .expectNot(/请回复「对」或「不对」/);
    expect(await answersOf('web:g2')).not.toHaveProperty('employment');
    await converse(t.chat, 'web:g2').send('1').expect(/您在哪家单位工作/);
    expect(await answersOf('web:g2')).toEqual(expect.objectContaining({ employment: 'employee' }));
  });
});
