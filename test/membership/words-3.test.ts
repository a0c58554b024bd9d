/*
 * Joining the union, probe round 3 (.scratch/probe-3.md, A7/A8 and B6/B14/B16): where the person
 * registers, no fixed unit, questions whether they may join, ID numbers read out in Chinese numerals,
 * and the words around a name. A value the person did not mean is never kept: what is read from
 * words is shown back before it counts, and no option number is taken as a place they did not pick.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { eligibilityAsked, nameWithoutAsides, noFixedUnit } from '../../flows/membership.js';
import { idDigits, parseIdNumber } from '../../flows/parsers/id-number.js';
import { converse } from '../support/converse.js';
import { NOW, consented, person, recordOf, withCheck, type Person } from './support.js';

const t = coreOnClock(NOW);

async function answersOf(user: string) {
  return (await t.chat.sessions.load(user, NOW)).answers;
}

/** An employee of 青溪电子 (its union reviews), up to 「按哪里登记」. */
function atPlaceKind(user: string, p: Person) {
  return consented(t.chat, user)
    .sendAll(p.name, p.id, p.phone, '青溪电子')
    .expect(/工作单位「青溪电子科技有限公司」。对吗？/)
    .send('对')
    .expect(/请选择按哪里登记：常住地（现在住的地方）还是户籍地（户口所在地）？/);
}

const atWork = (user: string, p: Person) => consented(t.chat, user).sendAll(p.name, p.id, p.phone).expect(/您现在是怎么工作的？/);
const atEmployer = (user: string, p: Person) => atWork(user, p).send('1').expect(/您在哪家单位工作？/);

describe('A8 where the person registers (登记地): a 户口 outside the area means by where they live', () => {
  it('「老家是湖南的我住马坪镇」 is 常住地 马坪镇, shown back, and submitted so', async () => {
    await atPlaceKind('web:r1', person(1, '张小明'))
      .send('老家是湖南的我住马坪镇')
      .expect(/户口不在这里的，按常住地（现在住的地方）登记就行。/)
      .expect(/我理解的是：登记地「常住地」、地址「青溪区马坪镇」。对吗？/)
      .send('对')
      .expect(/登记地：常住地/)
      .expect(/地址：青溪区马坪镇/)
      .expectNot(/户籍地/)
      .send('1')
      .expect(/入会申请已提交/);
    expect((await recordOf(t.core, 'web:r1')).place).toMatchObject({ kind: 'residence', townshipId: 't07' });
  });

  it('「户口在外地 我住东龙」 is 常住地 东龙镇; 「湖南」 then is no place, and 1 is the yes to what was shown', async () => {
    await atPlaceKind('web:r2', person(2, '张小明'))
      .send('户口在外地 我住东龙')
      .expectNot(/您的户籍地在哪个区/)
      .expect(/我理解的是：登记地「常住地」、地址「青溪区东龙镇」。对吗？/)
      .send('湖南')
      .expectNot(/户籍地/)
      .send('1')
      .expect(/登记地：常住地/)
      .expect(/地址：青溪区东龙镇/);
    expect(await answersOf('web:r2')).toEqual(expect.objectContaining({ placeKind: 'residence', residence: { districtId: 'qingxi', townshipId: 't01' } }));
  });

  it('「户口在外地 我住东龙」 then 2 (不对) keeps no 户籍地, least of all 白沙镇 (option 2 of a list never shown)', async () => {
    await atPlaceKind('web:r3', person(3, '张小明')).send('户口在外地 我住东龙').expect(/登记地「常住地」、地址「青溪区东龙镇」/).send('2').expectNot(/白沙镇」/);
    const a = await answersOf('web:r3');
    expect(a.placeKind).not.toBe('hukou');
    expect(a.residence).not.toEqual(expect.objectContaining({ townshipId: 't02' }));
  });

  it('户籍地 chosen, then 「湖南」: registers by where they live, said so, and the town picked next is where they live', async () => {
    await atPlaceKind('web:r4', person(4, '张小明'))
      .send('2')
      .expect(/您的户籍地在哪个区/)
      .send('湖南')
      .expectNot(/没找到/)
      .expect(/户口不在这里的，按常住地（现在住的地方）登记就行。您现在住在哪个镇或街道？/)
      .expect(/1\. 东龙镇/)
      .send('1')
      .expect(/登记地：常住地/)
      .expect(/地址：青溪区东龙镇/)
      .expectNot(/登记地：户籍地/);
  });

  it.each([['外地'], ['长沙'], ['湖南那边']])('户籍地 chosen, then 「%s」: 常住地 asked, never a 户籍地 here', async (said) => {
    const user = `web:r5-${said}`;
    await atPlaceKind(user, person(5, '张小明')).send('2').send(said).expect(/您现在住在哪个镇或街道？/);
    expect(await answersOf(user)).toEqual(expect.objectContaining({ placeKind: 'residence' }));
    expect(await answersOf(user)).not.toHaveProperty('residence');
  });

  it('户籍地 chosen, then a town not served: the way to 常住地 is offered with the towns', async () => {
    await atPlaceKind('web:r6', person(6, '张小明'))
      .send('2')
      .send('祁阳')
      .expect(/没找到「祁阳」/)
      .expect(/11\. 户口不在这些地方，改按常住地登记/)
      .send('11')
      .expect(/好的，按常住地登记。您现在住在哪个镇或街道？/)
      .send('白沙')
      .expect(/登记地：常住地/)
      .expect(/地址：青溪区白沙镇/);
  });

  it('户籍地 chosen, then 「我住东龙」: 常住地 东龙镇, shown back', async () => {
    await atPlaceKind('web:r7', person(7, '张小明')).send('2').send('我住东龙').expect(/我理解的是：登记地「常住地」、地址「青溪区东龙镇」。对吗？/).send('对').expect(/登记地：常住地/);
  });

  it('a 户口 here and a home elsewhere here: which one is the person\'s to pick', async () => {
    await atPlaceKind('web:r8', person(8, '张小明'))
      .send('户口在马坪 住东龙')
      .expect(/按哪个登记都可以/)
      .expect(/1\. 常住地：青溪区东龙镇/)
      .expect(/2\. 户籍地：青溪区马坪镇/)
      .send('2')
      .expect(/登记地：户籍地/)
      .expect(/地址：青溪区马坪镇/);
  });

  it.each([
    ['按现在住的地方 东龙镇', /登记地「常住地」、地址「青溪区东龙镇」/],
    ['户口就在马坪镇', /登记地「户籍地」、地址「青溪区马坪镇」/],
    ['我户口不在这边，就按现在住的地方', /户口不在这里的[\s\S]*登记地「常住地」。对吗？/],
  ])('「%s」 is read whole and shown back', async (said, shown) => {
    await atPlaceKind(`web:r9-${said}`, person(9, '张小明')).send(said).expect(shown);
  });

  it.each([['现在住的地方', /常住地在哪个区/], ['按户口', /户籍地在哪个区/], ['老家', /户籍地在哪个区/], ['1', /常住地在哪个区/], ['2', /户籍地在哪个区/]])(
    'the kind alone (「%s」) is taken, and the place asked',
    async (said, next) => {
      await atPlaceKind(`web:r10-${said}`, person(10, '张小明')).send(said).expect(next);
    },
  );

  it('「户口在外地」 in an opening message is no job elsewhere: no notice about working outside the area', async () => {
    await converse(t.chat, 'web:r11').send('我要入会 户口在外地').expectNot(/只能办理青溪区的入会/).expect(/您同意吗/);
    await converse(t.chat, 'web:r12').send('我要入会 老家在湖南省 住东龙').expectNot(/只能办理青溪区的入会/);
    await converse(t.chat, 'web:r13').send('我想入会但是我在东莞上班').expect(/只能办理青溪区的入会/);
  });
});

describe('B6 no fixed unit at 「您在哪家单位工作？」: the flexible way in, never a loop', () => {
  it('「没固定单位」 → 新就业形态 (shown back); 打零工 as the work; registered by where they live', async () => {
    await atEmployer('web:f1', person(11, '张小明'))
      .send('没固定单位')
      .expect(/您是要改成：工作方式「新就业形态劳动者」，对吗？/)
      .send('对')
      .expect(/您做的是哪种工作？/)
      .send('打零工')
      .expect(/我理解的是：职业「其他」、具体工作「打零工」。对吗？/)
      .send('对')
      .expect(/哪个平台接单/)
      .send('没有')
      .expect(/按哪里登记/)
      .sendAll('1', '东龙镇')
      .expect(/工作方式：新就业形态劳动者/)
      .expect(/具体工作：打零工/)
      .send('确认')
      .expect(/入会申请已提交/);
    const m = await recordOf(t.core, 'web:f1');
    expect(m.employment).toMatchObject({ kind: 'new_form', occupation: 'other', occupationText: '打零工' });
    expect(m.place).toMatchObject({ kind: 'residence', townshipId: 't01' });
  });

  it('「没有固定单位到处打零工」 then 1: on to the next question, never back to the unit', async () => {
    await atEmployer('web:f2', person(12, '张小明'))
      .send('没有固定单位到处打零工')
      .expect(/工作方式「新就业形态劳动者」、职业「其他」、具体工作「打零工」/)
      .send('1')
      .expectNot(/您在哪家单位工作/)
      .expect(/哪个平台接单/);
    expect(await answersOf('web:f2')).not.toHaveProperty('employer');
  });

  it('「没固定单位」, 不对, 不知道, 1: the unit is asked plainly, nothing kept, no list of options to loop through', async () => {
    await atEmployer('web:f3', person(13, '张小明'))
      .send('没固定单位')
      .send('不对')
      .expect(/您在哪家单位工作/)
      .send('不知道')
      .expectNot(/回到上一题/)
      .send('1')
      .expectNot(/您现在是怎么工作的/);
    const a = await answersOf('web:f3');
    expect(a).not.toHaveProperty('employer');
    expect(a.employment).toBe('employee');
  });

  it('a boss, a shop of their own, a unit without a name are not read as no unit', () => {
    expect(noFixedUnit('包工头姓王，没啥公司')).toBe(false);
    expect(noFixedUnit('自己开店')).toBe(false);
    expect(noFixedUnit('没有单位名字 就是个小饭馆')).toBe(false);
    expect(noFixedUnit('宏达建筑')).toBe(false);
    expect(noFixedUnit('没固定单位')).toBe(true);
    expect(noFixedUnit('灵活就业')).toBe(true);
  });
});

describe('B14 whether one may join, asked first: answered, then joining offered', () => {
  it('「我才十五岁能不能加入工会」: not yet, said kindly; nothing asked, no offer', async () => {
    await converse(t.chat, 'web:e1')
      .send('我才十五岁能不能加入工会')
      .expect(/年满16周岁/)
      .expect(/暂时不能入会/)
      .expectNot(/您同意吗|要现在申请入会吗/)
      .expect(/还可以办理/);
  });

  it('「我16岁能入会吗」: yes; 好的 starts joining', async () => {
    await converse(t.chat, 'web:e2')
      .send('我16岁能入会吗')
      .expect(/^可以。年满16周岁/)
      .expect(/要现在申请入会吗？/)
      .expectNot(/您同意吗/)
      .send('好的')
      .expect(/加入工会后，您可以/);
  });

  it('「我今年65了还能入会吗」: no upper age while working; 不用了 leaves it', async () => {
    await converse(t.chat, 'web:e3')
      .send('我今年65了还能入会吗')
      .expect(/入会没有年龄上限/)
      .expect(/65岁/)
      .expect(/还在工作/)
      .expectNot(/您同意吗/)
      .send('不用了')
      .expectNot(/您同意吗/);
  });

  it('「我在家带孩子没工作能入会吗」: not while not working, the flexible way said, then offered', async () => {
    await converse(t.chat, 'web:e4')
      .send('我在家带孩子没工作能入会吗')
      .expect(/现在没有工作的，暂时还不能办理/)
      .expect(/打零工/)
      .expect(/镇、街道工会/)
      .expect(/要现在申请入会吗/)
      .expectNot(/您同意吗/)
      .send('1')
      .expect(/加入工会后，您可以/);
  });

  it('「打零工的能不能入会」: yes, as 新就业形态 by where they live', async () => {
    await converse(t.chat, 'web:e5').send('打零工的能不能入会').expect(/^可以。打零工、没有固定单位的/).expect(/要现在申请入会吗/).expectNot(/您同意吗/);
  });

  it('what the question said besides opens the flow after 好的 (confirmed after the consents)', async () => {
    await converse(t.chat, 'web:e6')
      .sendAll('我16岁 在宏达建筑上班 能入会吗', '好的', '1', '1', '1')
      .expect(/工作单位「青溪宏达建筑工程有限公司」。对吗？/);
  });

  it.each([
    ['我才十五岁能不能加入工会', 'under_age', 15],
    ['我16岁能入会吗', 'of_age', 16],
    ['我今年65了还能入会吗', 'older', 65],
    ['我在家带孩子没工作能入会吗', 'jobless', null],
    ['我是学生可以加入工会吗', 'student', null],
  ])('「%s」 reads as %s', (said, kind, age) => {
    expect(eligibilityAsked(said)).toEqual({ kind, age });
  });

  it.each([['我要入会'], ['我16岁 我要入会'], ['我在厂里干了3个月能入会吗'], ['退休了 在小区当保安 能入会吗'], ['入会要交钱吗']])('「%s」 is no such question', (said) => {
    expect(eligibilityAsked(said)).toBeNull();
  });
});

describe('B16 an ID number read out in Chinese numerals', () => {
  const spoken = '四五零一零三一九九零零六零七一二三X';

  it.each([
    [spoken, '45010319900607123X'],
    ['四五〇幺〇三幺九九〇〇六〇七幺二三x', '45010319900607123X'],
    ['四五零一零三 一九九零零六零七 一二三X', '45010319900607123X'],
    ['４５０１０３１９９００６０７１２３Ｘ', '45010319900607123X'],
    ['4 5 0 1 0 3 1 9 9 0 0 6 0 7 1 2 3 X', '45010319900607123X'],
    ['身份证是四五零一零三一九九零零六零七一二三叉', '45010319900607123X'],
  ])('「%s」 parses', (said, id) => {
    const p = parseIdNumber(said, NOW);
    expect(p.ok && p.value.id).toBe(id);
  });

  it('only the numerals are a reading; a phone, an amount and two typed numbers stay as they are', () => {
    expect(idDigits(spoken).spoken).toBe(true);
    expect(idDigits('45010319900607123X').spoken).toBe(false);
    expect(idDigits('幺三八一二三四五六七八').text).toBe('幺三八一二三四五六七八');
    expect(idDigits('一万二千').text).toBe('一万二千');
    const two = parseIdNumber('45010319900607123X 11010519491231002X', NOW);
    expect(!two.ok && two.error).toMatch(/两个身份证号/);
  });

  it('is accepted at the ID question and shown back masked before it counts', async () => {
    await consented(t.chat, 'web:i1')
      .send('张小明')
      .send(spoken)
      .expect(/我理解的是：身份证号「4501\*{10}123X」。对吗？/)
      .expectNot(/只能包含数字/)
      .send('对')
      .expect(/手机号/);
    expect(await answersOf('web:i1')).toEqual(expect.objectContaining({ idNumber: expect.objectContaining({ id: '45010319900607123X' }) }));
  });

  it('not kept on a 不对', async () => {
    await consented(t.chat, 'web:i2').send('张小明').send(spoken).expect(/对吗/).send('不对');
    expect(await answersOf('web:i2')).not.toHaveProperty('idNumber');
  });

  it('typed in digits, it is taken as before (no question)', async () => {
    await consented(t.chat, 'web:i3').send('张小明').send(withCheck('45010319900607123')).expect(/手机号/);
  });
});

describe('A7 the name on the ID card: words around it are no part of it', () => {
  it.each([
    ['张小明就是我', '张小明'],
    ['嗯张小明', '张小明'],
    ['嗯 那个 李秀兰 是我本人', '李秀兰'],
  ])('「%s」 is shown back as 「%s」 and kept so on a yes', async (said, name) => {
    const user = `web:n-${said}`;
    await consented(t.chat, user)
      .send(said)
      .expect(new RegExp(`我理解的是：姓名「${name}」。对吗？`))
      .send('对')
      .expect(/18位身份证号/);
    expect((await answersOf(user)).name).toBe(name);
  });

  it('a plain name is taken as before', async () => {
    await consented(t.chat, 'web:n1').send('欧阳建国').expect(/18位身份证号/);
    expect((await answersOf('web:n1')).name).toBe('欧阳建国');
  });

  it('「王师傅就是我」 is a form of address, never the name 「王师傅就是我」', async () => {
    await consented(t.chat, 'web:n2').send('王师傅就是我').expect(/像是称呼/);
    expect(await answersOf('web:n2')).not.toHaveProperty('name');
  });

  it('the one-message form 「…我叫张小明然后身份证是…」 offers 「张小明」', async () => {
    await converse(t.chat, 'web:n3')
      .sendAll('嗯那个我叫张小明然后身份证是45010319900607123X电话13812345678在宏达建筑上班想入会', '1', '1', '1')
      .expect(/姓名「张小明」/)
      .expectNot(/张小明然后/);
  });

  it.each([
    ['张小明就是我', '张小明'],
    ['嗯张小明', '张小明'],
    ['张小明然后', '张小明'],
    ['张小明', '张小明'],
    ['欧阳建国', '欧阳建国'],
    ['那英', '那英'],
  ])('nameWithoutAsides(「%s」) = 「%s」', (said, name) => {
    expect(nameWithoutAsides(said)).toBe(name);
  });
});

describe('at 「您现在是怎么工作的？」 a unit denied is never 单位职工', () => {
  // What the question's own hint says option 2 is (「打零工、没有固定单位的，可以回复2」): offered as 2, to confirm
  // (it was explained again, and `没固定单位` after the hint got the same explanation: a loop); nothing taken yet.
  it('`没有单位 打零工`, `不是单位的 到处打零工`: 新就业形态 offered to confirm, no option taken; `在厂里上班` stays 单位职工', async () => {
    // (`不是单位的 到处打零工` denies no unit in so many words: the hint, which says what 2 is.)
    for (const [i, [said, answer]] of ([['没有单位 打零工', /工作方式「新就业形态劳动者」。对吗/], ['不是单位的 到处打零工', /没有固定单位的，可以回复2（新就业形态劳动者）/], ['没固定单位', /工作方式「新就业形态劳动者」。对吗/]] as const).entries()) {
      const user = `web:nu${i}`;
      await atWork(user, person(21 + i, '张小明')).send(said).expectNot(/您在哪家单位工作？/).expect(answer);
      expect(await answersOf(user)).not.toHaveProperty('employment');
    }
    await atWork('web:nu9', person(25, '张小明')).send('在厂里上班').expect(/您在哪家单位工作？/);
    expect((await answersOf('web:nu9')).employment).toBe('employee');
  });
});

describe('a retiree asking is never told 「可以」 by the who-can-join answer', () => {
  it('`退休了能入会吗`, `我退休了还能加入工会吗`: the retiree answer; `农民工能加入工会吗` still 可以', async () => {
    for (const [i, q] of ['退休了能入会吗', '我退休了还能加入工会吗'].entries()) {
      await converse(t.chat, `web:rt${i}`).send(q).expectNot(/^可以。/).expect(/已经退休的一般不再新办入会/);
    }
    await converse(t.chat, 'web:rt9').send('农民工能加入工会吗').expect(/^可以。靠工资收入生活的劳动者/);
  });
});
