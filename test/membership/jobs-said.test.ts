/*
 * Joining the union: the work people describe in their own words at 「您现在是怎么工作的？」 and
 * 「您在哪家单位工作？」. A cleaner in a mall is not platform work; a taxi is not ride-hailing; what
 * could be either is asked, with a line that helps choose, never guessed.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { NOW, consented, person, recordOf, type Person } from './support.js';

const t = coreOnClock(NOW);

/** The bare retry that helps no one choose. */
const BARE_RETRY = /请回复1（单位职工）或2（新就业形态劳动者）/;

/** Through the consents, the name, the ID number and the phone: at 「您现在是怎么工作的？」. */
function atWorkQuestion(user: string, p: Person = person(20, '孙大海')) {
  return consented(t.chat, user).sendAll(p.name, p.id, p.phone).expect(/您现在是怎么工作的？/);
}

async function answersOf(user: string) {
  return (await t.chat.sessions.load(user, NOW)).answers;
}

describe('cleaners, carers and guards who work at a place', () => {
  it('「保洁阿姨 在商场」 is an employee of a unit, confirmed; the town union reviews, not the new-employment federation', async () => {
    await atWorkQuestion('web:j1', person(21, '孙大海'))
      .send('保洁阿姨 在商场')
      .expect(/我理解的是：工作方式「单位职工」。对吗？/)
      .expectNot(/家政服务员|平台|58到家/)
      .send('对')
      .expect(/您在哪家单位工作？/)
      .send('青溪百货商场')
      .expect(/在哪个镇或街道/)
      .sendAll('东龙镇', '1', '东龙镇')
      .expect(/提交后由「东龙镇总工会」审核/)
      .expect(/工作方式：单位职工/)
      .expect(/工作单位：青溪百货商场/)
      .expectNot(/新业态工会联合会|家政服务员|接单平台/)
      .send('确认')
      .expect(/入会申请已提交/);
    const m = await recordOf(t.core, 'web:j1');
    expect(m.union.name).toBe('东龙镇总工会');
    expect(m.employment).toMatchObject({ kind: 'employee', employer: '青溪百货商场' });
  });

  it('「在医院当护工」 is an employee of a unit, confirmed', async () => {
    await atWorkQuestion('web:j2')
      .send('在医院当护工')
      .expect(/我理解的是：工作方式「单位职工」。对吗？/)
      .expectNot(/家政服务员/)
      .send('对')
      .expect(/您在哪家单位工作？/);
    expect(await answersOf('web:j2')).toEqual(expect.objectContaining({ employment: 'employee' }));
  });

  it('「做保洁」 alone could be either: asked with a line that helps, nothing inferred', async () => {
    await atWorkQuestion('web:j3')
      .send('做保洁')
      .expectNot(/我理解的是|家政服务员/)
      .expectNot(BARE_RETRY)
      .expect(/物业|商场|医院/)
      .expect(/58到家|App/)
      .expect(/1\. 单位职工/);
    expect(await answersOf('web:j3')).not.toHaveProperty('employment');
    await converse(t.chat, 'web:j3').send('1').expect(/您在哪家单位工作？/);
  });

  it('「当保安」 is asked the same way', async () => {
    await atWorkQuestion('web:j4').send('当保安').expectNot(BARE_RETRY).expect(/保安/).expect(/1\. 单位职工/);
    expect(await answersOf('web:j4')).not.toHaveProperty('employment');
  });

  it('家政 taken through a platform is new employment form, with the platform', async () => {
    await atWorkQuestion('web:j5')
      .send('在58到家上接单做保洁')
      .expect(/我理解的是：职业「家政服务员」、接单平台「58到家」。对吗？/)
      .send('对')
      .expect(/常住地.*户籍地/);
    expect(await answersOf('web:j5')).toEqual(expect.objectContaining({ employment: 'new_form', occupation: 'domestic', platform: '58到家' }));
  });
});

describe('taxis are not ride-hailing', () => {
  it('「开出租车」 is never 网约车司机: asked; the taxi company makes it an employee', async () => {
    await atWorkQuestion('web:j6')
      .send('开出租车')
      .expectNot(/网约车司机」|我理解的是/)
      .expectNot(BARE_RETRY)
      .expect(/出租车公司/)
      .send('在出租车公司开出租车')
      .expect(/我理解的是：工作方式「单位职工」。对吗？/)
      .send('对')
      .expect(/您在哪家单位工作？/);
  });

  it('「开滴滴」 is still ride-hailing', async () => {
    await atWorkQuestion('web:j7').send('开滴滴').expect(/我理解的是：职业「网约车司机」、接单平台「滴滴」。对吗？/);
  });

  it('at the occupation question a taxi is not taken as 网约车司机 either', async () => {
    await atWorkQuestion('web:j8')
      .send('2')
      .expect(/哪种工作/)
      .send('开出租车的')
      .expectNot(/我理解的是/)
      .expect(/出租车/)
      .expect(/返回/);
    expect(await answersOf('web:j8')).not.toHaveProperty('occupation');
  });
});

describe('common jobs are understood at 「您现在是怎么工作的？」', () => {
  it.each([['在饭店端盘子'], ['在超市当收银'], ['开叉车']])('「%s」 is an employee of a unit, confirmed', async (said) => {
    const user = `web:j-${said}`;
    await atWorkQuestion(user).send(said).expect(/我理解的是：工作方式「单位职工」。对吗？/).send('对').expect(/您在哪家单位工作？/);
  });

  it('「跑顺丰」 is asked with a line about 顺丰 couriers, not the bare retry and not the question repeated in silence', async () => {
    await atWorkQuestion('web:j9')
      .send('跑顺丰')
      .expectNot(BARE_RETRY)
      .expect(/顺丰/)
      .expect(/合同/)
      .expect(/1\. 单位职工/)
      .send('2')
      .expect(/哪种工作/);
  });

  it('「跑闪送」 is platform work; 闪送 is the platform', async () => {
    await atWorkQuestion('web:j10')
      .send('跑闪送')
      .expect(/我理解的是：接单平台「闪送」。对吗？/)
      .send('对')
      .expect(/哪种工作/);
    expect(await answersOf('web:j10')).toEqual(expect.objectContaining({ employment: 'new_form', platform: '闪送' }));
  });

  it('a no to the reading asks the question again, once', async () => {
    await atWorkQuestion('web:j11')
      .send('在饭店端盘子')
      .expect(/工作方式「单位职工」。对吗？/)
      .send('不对')
      .expect(/您现在是怎么工作的？/);
    expect(await answersOf('web:j11')).not.toHaveProperty('employment');
  });
});

describe('at 「您在哪家单位工作？」', () => {
  const atEmployer = (user: string) => atWorkQuestion(user).send('1').expect(/您在哪家单位工作？/);

  it('「等一下我问问」 is not a name: the question waits', async () => {
    await atEmployer('web:k1').send('等一下我问问').expect(/不着急/).expectNot(/在哪个镇或街道/);
    expect(await answersOf('web:k1')).not.toHaveProperty('employer');
    await converse(t.chat, 'web:k1').send('青溪百货商场').expect(/在哪个镇或街道/);
  });

  it('「没有单位 打零工」 is not a unit: the flexible way in (新就业形态, by where they live) is offered for a yes', async () => {
    await atEmployer('web:k2')
      .send('没有单位 打零工')
      .expectNot(/在哪个镇或街道/)
      .expect(/您是要改成：工作方式「新就业形态劳动者」、职业「其他」、具体工作「打零工」，对吗？/)
      .expect(/之前填的是：工作方式「单位职工」/)
      .send('1')
      .expect(/哪个平台接单/);
    expect(await answersOf('web:k2')).not.toHaveProperty('employer');
    expect(await answersOf('web:k2')).toEqual(expect.objectContaining({ employment: 'new_form', occupation: 'other', occupationOther: '打零工' }));
  });

  it('「包工头姓王，没啥公司」 is not taken as the unit 「王包工头」', async () => {
    await atEmployer('web:k3')
      .send('包工头姓王，没啥公司')
      .expectNot(/王包工头/)
      .expectNot(/在哪个镇或街道/)
      .expect(/不是包工头或老板本人/)
      .expect(/工地项目/)
      .expect(/1\. 回到上一题/);
    expect(await answersOf('web:k3')).not.toHaveProperty('employer');
  });

  it.each([['老板不让说'], ['我问一下，要写全称吗']])('「%s」 is not kept as the unit', async (said) => {
    const user = `web:k-${said}`;
    await atEmployer(user).send(said).expectNot(/在哪个镇或街道/);
    expect(await answersOf(user)).not.toHaveProperty('employer');
  });

  it('a bare 「没有」 is no unit either, never a unit called 「没有」', async () => {
    await atEmployer('web:k4').send('没有').expectNot(/「没有」/).expect(/您是要改成：工作方式「新就业形态劳动者」，对吗？/);
    expect(await answersOf('web:k4')).not.toHaveProperty('employer');
  });
});

describe('what the work says is never kept as another answer', () => {
  it('「开出租的」 at the platform question is not a platform called 「开出租的」', async () => {
    await atWorkQuestion('web:m1')
      .sendAll('2', '4')
      .expect(/哪个平台接单/)
      .send('开出租的')
      .expectNot(/「开出租的」/)
      .expect(/出租车不算网约车/);
    expect(await answersOf('web:m1')).not.toHaveProperty('platform');
  });

  it('「我在家政公司上班」 in the opening message names no unit 「政公司」', async () => {
    await converse(t.chat, 'web:m2')
      .sendAll('我在家政公司上班 想入会', '1', '1', '1')
      .expectNot(/政公司/)
      .expect(/请输入您的姓名/);
  });
});

describe('a reading confirmed keeps everything it said', () => {
  it('work none of the options names: 对 keeps 具体工作, not asked again', async () => {
    await atWorkQuestion('web:c1')
      .sendAll('2')
      .send('修飞机的')
      .expect(/我理解的是：职业「其他」、具体工作「修飞机」。对吗？/)
      .send('对')
      .expectNot(/请简单写一下您做什么工作/)
      .expect(/哪个平台接单/);
    expect(await answersOf('web:c1')).toEqual(expect.objectContaining({ occupation: 'other', occupationOther: '修飞机' }));
  });

  it('a town instead of 常住地/户籍地: 对 keeps the town, not asked again', async () => {
    await atWorkQuestion('web:c2')
      .sendAll('2', '1', '没有')
      .expect(/常住地.*户籍地/)
      .send('东龙镇')
      .expect(/我理解的是：登记地「常住地」、地址「青溪区东龙镇」。对吗？/)
      .send('对')
      .expectNot(/常住地在哪个区/)
      .expect(/请核对您的入会申请/)
      .expect(/地址：青溪区东龙镇/);
  });
});
