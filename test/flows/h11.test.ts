/**
 * Booking legal aid and joining the union in workers' own words (helper h11):
 *  - `我老板叫张三`, `包工头王建军` where the unit is asked (and `入会 我老板叫张三` opening): the boss, a person,
 *    never kept as the unit;
 *  - `阿明`, `就叫我阿明` where the ID card's name is asked: a form of address, never the name;
 *  - `王小明王小明`, `李四 李四`: one name said twice, confirmed as the name once;
 *  - the matter in workers' words (`老板不给我钱`, `老板跑路了`, `干了活不给结账`, `在厂里手被机器压了`,
 *    `从架子上掉下来`, `被炒了`): understood, never the numbers asked again;
 *  - a number taken back in the same message at a numbered question (`1 不对 2`, `选1 哦不 2`): the last one;
 *  - the day someone left said at the matter question (`上个月二十号就不干了`): confirmed at its own question,
 *    never lost.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const { t, clock, session } = chatOnClock(NOW.toISOString());

const someone = (tag: string) => `web:h11-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const ID = '440101199001011233';

/** Joining: consent, the ID consent and the declaration given; the name question asked. */
const atName = (user: string) => converse(t.chat, user).sendAll('我要入会', '同意', '1', '1').expect(/请输入您的姓名/);
/** Joining, up to the question how they work. */
const atWork = (user: string) => atName(user).sendAll('王小明', ID, '13800001111').expect(/您现在是怎么工作的/);
/** Booking: consent given; the matter asked. */
const atMatter = (user: string) => converse(t.chat, user).sendAll('我想找律师', '同意').expect(/您想咨询什么事/);

describe('joining: the boss named where the unit is asked', () => {
  it.each(['我老板叫张三', '老板是张三', '包工头王建军'])('%s: not the unit', async (said) => {
    const user = someone('boss');
    await atWork(user).sendAll('1').expect(/您在哪家单位工作/).send(said).expect(/不是包工头或老板本人/).expectNot(/在哪个镇或街道/);
    expect((await session(user)).answers.employer).toBeUndefined();
  });

  it('入会 我老板叫张三 (opening): no unit offered; 好再来饭店 老板叫刘大壮 is still 好再来饭店', async () => {
    const user = someone('open');
    await converse(t.chat, user).sendAll('入会 我老板叫张三', '同意', '1', '1').expect(/请输入您的姓名/).expectNot(/工作单位「张三」/);
    const other = someone('unit');
    await atWork(other).sendAll('1', '好再来饭店 老板叫刘大壮').expect(/「好再来饭店」在哪个镇或街道/);
    expect((await session(other)).answers.employer).toMatchObject({ name: '好再来饭店' });
  });
});

describe('joining: the name on the ID card', () => {
  it.each(['阿明', '就叫我阿明'])('%s: a form of address, asked again (阿依古丽 is a name)', async (said) => {
    const user = someone('ah');
    await atName(user).send(said).expect(/「阿明」像是称呼/);
    expect((await session(user)).answers.name).toBeUndefined();
    await converse(t.chat, user).send('阿依古丽').expect(/身份证号/);
    expect((await session(user)).answers.name).toBe('阿依古丽');
  });

  it.each([
    ['王小明王小明', '王小明'],
    ['李四 李四', '李四'],
  ])('%s: the name said twice is %s, confirmed', async (said, name) => {
    const user = someone('twice');
    await atName(user).send(said).expect(new RegExp(`姓名「${name}」。对吗`));
    await converse(t.chat, user).send('对').expect(/身份证号/);
    expect((await session(user)).answers.name).toBe(name);
  });

  it('booking: 李四李四 as the contact is 李四, confirmed', async () => {
    const user = someone('contact');
    await atMatter(user).sendAll('1', '还在干', '1', '1', '1', '1').expect(/怎么称呼您/).send('李四李四').expect(/联系人「李四」。对吗/);
  });
});

describe('booking: the matter in workers’ words', () => {
  it.each([
    ['老板不给我钱', 'wage'],
    ['老板跑路了', 'wage'],
    ['干了活不给结账', 'wage'],
    ['老板一直拖着不发钱', 'wage'],
    ['嗯 那个 就是钱的事', 'wage'],
    ['在厂里手被机器压了', 'injury'],
    ['从架子上掉下来', 'injury'],
    ['手指头切掉了', 'injury'],
    ['被炒了', 'contract'],
  ])('%s: %s', async (said, matter) => {
    const user = someone('matter');
    await atMatter(user).send(said).expectNot(/请回复数字选择/);
    expect((await session(user)).answers.matter).toBe(matter);
    // Never two matters where one is said: `包工头压了我工资` is the wage, not an injury.
    const other = someone('press');
    await atMatter(other).send('包工头压了我工资').expectNot(/两件事/);
    expect((await session(other)).answers.matter).toBe('wage');
  });
});

describe('a number taken back in the same message', () => {
  it.each([
    ['1 不对 2', 'new_form'],
    ['选1 哦不 2', 'new_form'],
    ['2 说错了 1', 'employee'],
    ['二 不对 一', 'employee'],
  ])('%s at the work question: %s', async (said, employment) => {
    const user = someone('num');
    await atWork(user).send(said).expectNot(/请回复1（单位职工）或2/);
    expect((await session(user)).answers.employment).toBe(employment);
  });

  it('1 不对 3 at the matter question: 劳动合同', async () => {
    const user = someone('num-matter');
    await atMatter(user).send('1 不对 3');
    expect((await session(user)).answers.matter).toBe('contract');
  });
});

describe('booking: the day someone left said at the matter question', () => {
  it('上个月二十号就不干了 → 1: the day confirmed next, never lost', async () => {
    const user = someone('left');
    await atMatter(user).send('上个月二十号就不干了').expect(/您想咨询什么事/);
    await converse(t.chat, user).send('1').expect(/在职情况「2026年11月20日离开/).expectNot(/您还在这家单位干吗/);
    await converse(t.chat, user).send('对').expect(/裁决书/);
    expect((await session(user)).answers.limit).toEqual({ leftOn: '2026-11-20' });
  });
});

describe('booking: a day hedged or with the month said twice', () => {
  it.each([
    ['好像是十一月三号', '2026-11-03'],
    ['十一月三号吧', '2026-11-03'],
    ['嗯 那个 大概11月3号走的吧', '2026-11-03'],
  ])('%s when they left: %s, said back', async (said, day) => {
    const user = someone('hedge');
    await atMatter(user).sendAll('1', said).expect(/好的，记为2026年11月3日离开/).expectNot(/是2026年11月几号离开的/);
    expect((await session(user)).answers.limit).toEqual({ leftOn: day });
  });

  it('上个月月底 when they left: 11月30日, confirmed', async () => {
    const user = someone('month-twice');
    await atMatter(user).sendAll('1', '上个月月底').expect(/上个月底按2026年11月30日算/).expect(/对吗/);
  });

  it('好像是十一月三号 when they got hurt: 11月3日', async () => {
    const user = someone('hurt');
    await atMatter(user).sendAll('2', '好像是十一月三号').expectNot(/是2026年11月几号受的伤/);
    expect((await session(user)).answers.injury).toEqual({ on: '2026-11-03' });
  });
});

describe('booking: going there, in workers’ words', () => {
  it('我过去找他 at the way to meet: in person (我没空过去找他 is no trip)', async () => {
    const user = someone('go');
    await atMatter(user).sendAll('1', '还在干', '我过去找他').expect(/我帮您找最近的服务点/);
    expect((await session(user)).answers.mode).toBe('in_person');
    const other = someone('nogo');
    await atMatter(other).sendAll('1', '还在干', '我没空过去找他').expect(/不方便过去的话/);
    expect((await session(other)).answers.mode).toBeUndefined();
  });
});

describe('a village or community typed for the township', () => {
  it('新塘 where the booking asks the township: 「新塘社区」是东龙镇的吧？, 对 takes it', async () => {
    const user = someone('village');
    await atMatter(user).sendAll('1', '还在干', '1', '新塘').expect(/「新塘社区」是东龙镇的吧/).send('对').expect(/离东龙镇最近/);
    expect((await session(user)).answers.place).toMatchObject({ townshipId: 't01' });
  });

  it('新塘 where joining asks the unit’s township: asked the same way', async () => {
    const user = someone('village-m');
    await atWork(user).sendAll('1', '好再来饭店', '新塘').expect(/「新塘社区」是东龙镇的吧/).send('是的');
    expect((await session(user)).answers.workplace).toMatchObject({ townshipId: 't01' });
  });
});

describe('booking: the service point changed at the summary by name', () => {
  it.each(['地点换成区里的', '换到区法律援助工作站'])('%s: the district’s point, its times next (never the phone question)', async (said) => {
    const user = someone('point');
    await atMatter(user).sendAll('1', '还在干', '1', '1', '1', '1', '李四', '13800001111').expect(/请核对您的预约/);
    await converse(t.chat, user).send(said).expect(/青溪区法律援助工作站最近的空闲时间/).expectNot(/手机号只能包含数字/);
    const a = (await session(user)).answers;
    expect(a.point).toBe('sp-qingxi-legal');
    expect(a.phone).toBe('13800001111');
  });
});

describe('joining asked with 工会 first', () => {
  it.each(['工会怎么入啊', '工会咋加入'])('%s: joining opens (never 「答不上来」)', async (said) => {
    const user = someone('join');
    await converse(t.chat, user).send(said).expect(/加入工会后，您可以/).expectNot(/答不上来/);
  });
});

describe('booking: a time said as 「X点以后」', () => {
  it.each([
    ['三点以后', /^下午3点以后还能约的时间/m],
    ['周四下午三点后', /12月3日（周四）下午3点以后.{0,6}还能约的时间/],
    ['十点以后', /^上午10点以后还能约的时间/m],
  ])('%s by phone: the times of that part of the day', async (said, head) => {
    const user = someone('after');
    await atMatter(user).sendAll('1', '还在干', '2', '1').expect(/最近的空闲时间/).send(said).expect(head).expectNot(/请回复时间前面的数字/);
  });
});

describe('booking: 都行 at the way to meet', () => {
  it('都行: what each way is good for, then a pick (never the bare numbers again)', async () => {
    const user = someone('either');
    await atMatter(user).sendAll('1', '还在干', '都行').expect(/电话咨询不用跑路/).expectNot(/^请回复数字选择/);
    expect((await session(user)).answers.mode).toBeUndefined();
    await converse(t.chat, user).send('2').expect(/您在哪个镇或街道/);
    expect((await session(user)).answers.mode).toBe('phone');
  });
});

describe('booking: a matter said to be fine', () => {
  it('工资没问题 就是被开除了: 劳动合同 alone (工资发了一半 is still the wage)', async () => {
    const user = someone('fine');
    await atMatter(user).send('工资没问题 就是被开除了').expectNot(/两件事/);
    expect((await session(user)).answers.matter).toBe('contract');
    const other = someone('half');
    await atMatter(other).send('工资发了一半');
    expect((await session(other)).answers.matter).toBe('wage');
  });
});
