/*
 * Probe round 6 (membership, /tmp/probe6/findings.md A8, B9, B10, B12, B16, B17): only what the person meant is kept.
 *  - A8: a kind of unit (`鞋厂`, `东龙镇一个鞋厂`, `建筑公司`) is never the unit's name, on every path (the work
 *    question, the unit question, after a place); which one is asked, with the ways on for someone who does not know
 *    the name (`不知道名字`: where a name is found; or the kind written for now, picked, never taken unasked). A place
 *    said at the unit question (`在河西街道上班`) is no unit either.
 *  - B9: a unit named with the job done there (`在河西街道的好再来饭店当服务员`) is the unit (with its town), never
 *    dropped, and the unit question is not asked again word for word.
 *  - B10: a town said after the unit (`对 东龙镇的`, `东龙镇`) is not where the person lives; at 「按哪里登记」 an
 *    employee's town alone is asked about (where they live, or the 户口), never taken as 常住地.
 *  - B12: an ID number typed in groups with the phone after it (`身份证 110101 1990 0307 1233 手机 139…`) is kept.
 *  - B16: a number under 16 reads the birth date back and asks first (a digit typed wrong is likely); only
 *    `号码没错` ends the application, nothing kept.
 *  - B17: `张伟，身份证马上发` is the name 张伟; `东龙镇` is a place, never a name; `zhang wei` is asked about.
 * Transcripts on the real chat service and real Redis.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { NOW, consented, person, recordOf, withCheck, type Person } from './support.js';

const t = coreOnClock(NOW);

const answersOf = async (user: string) => (await t.chat.sessions.load(user, NOW)).answers;
/** Up to 「您现在是怎么工作的？」. */
const atWork = (user: string, p: Person) => consented(t.chat, user).sendAll(p.name, p.id, p.phone).expect(/您现在是怎么工作的？/);
/** Up to 「您在哪家单位工作？」. */
const atEmployer = (user: string, p: Person) => atWork(user, p).send('1').expect(/您在哪家单位工作？/);
const UNIT_QUESTION = '您在哪家单位工作？请写单位全称，例如：青溪纺织有限公司。';

describe('A8 a kind of unit is never its name', () => {
  it('「我在东龙镇一个鞋厂上班」 at the work question: 鞋厂 is not kept; the name asked, the town waits for it', async () => {
    await atWork('web:a1', person(1, '张伟'))
      .send('我在东龙镇一个鞋厂上班')
      .expectNot(/工作单位「鞋厂」/)
      .expect(/您在哪家单位工作？/)
      .send('金鹰鞋厂')
      .expect(/我理解的是：单位所在地「青溪区东龙镇」。对吗？/)
      .send('对')
      .sendAll('1', '东龙镇')
      .expect(/工作单位：金鹰鞋厂/)
      .expect(/单位所在地：青溪区东龙镇/)
      .send('确认')
      .expect(/入会申请已提交/);
    expect((await recordOf(t.core, 'web:a1')).employment).toMatchObject({ kind: 'employee', employer: '金鹰鞋厂' });
  });

  it.each(['鞋厂', '东龙镇一个鞋厂', '服装厂', '建筑公司'])('「%s」 at the unit question: which one is asked, nothing kept', async (said) => {
    const user = `web:a2-${said}`;
    await atEmployer(user, person(2, '张伟'))
      .send(said)
      .expect(/还不知道是哪一家。请写(?:厂的|它的)名字/)
      .expect(/老板姓什么也行/)
      .expectNot(/在哪个镇或街道|我理解的是/);
    expect(await answersOf(user)).not.toHaveProperty('employer');
  });

  it('「不知道名字」 after 鞋厂: where a name can be found, and 人工; the kind is kept only when picked', async () => {
    await atEmployer('web:a3', person(3, '张伟'))
      .send('鞋厂')
      .expect(/实在不知道名字，先写「鞋厂」/)
      .send('不知道名字')
      .expect(/不知道全称也没关系/)
      .expect(/招牌/)
      .expect(/工牌、工资条/)
      .expect(/请工作人员帮忙/)
      .expectNot(/想想看/);
    expect(await answersOf('web:a3')).not.toHaveProperty('employer');
    await atEmployer('web:a4', person(4, '张伟'))
      .send('鞋厂')
      .send('1')
      .expect(/「鞋厂」在哪个镇或街道？/);
    expect(await answersOf('web:a4')).toMatchObject({ employer: { name: '鞋厂', employerId: null } });
  });

  it('「在河西街道上班」 at the unit question: a place, never the unit', async () => {
    await atEmployer('web:a5', person(5, '张伟')).send('在河西街道上班').expect(/「河西街道」是地名/).expectNot(/在哪个镇或街道/);
    expect(await answersOf('web:a5')).not.toHaveProperty('employer');
  });
});

describe('B9 a unit named with the job done there', () => {
  it('at the work question: the unit, its town and 单位职工 confirmed together, kept with 对', async () => {
    await atWork('web:b1', person(6, '张伟'))
      .send('在河西街道的好再来饭店当服务员')
      .expect(/我理解的是：工作方式「单位职工」、工作单位「好再来饭店」、单位所在地「青溪区河西街道」。对吗？/)
      .send('对')
      .expect(/请选择按哪里登记/)
      .expectNot(/您在哪家单位工作/);
    expect(await answersOf('web:b1')).toMatchObject({ employment: 'employee', employer: { name: '好再来饭店' }, workplace: { townshipId: 't08' } });
  });

  it('in the opening message (`…当服务员想入会`): confirmed after the declaration, with its town', async () => {
    await converse(t.chat, 'web:b3')
      .sendAll('我在河西街道的好再来饭店当服务员想入会', '1', '1')
      .send('1')
      .expect(/我理解的是：工作方式「单位职工」、工作单位「好再来饭店」、单位所在地「青溪区河西街道」。对吗？/);
  });

  it('at the unit question: taken, never the unit question again word for word', async () => {
    const user = 'web:b2';
    await atEmployer(user, person(7, '张伟'))
      .send('在河西街道的好再来饭店当服务员')
      .expectNot(new RegExp(UNIT_QUESTION))
      .expect(/工作单位「好再来饭店」、单位所在地「青溪区河西街道」|单位所在地「青溪区河西街道」/)
      .send('对')
      .expect(/请选择按哪里登记/);
    expect(await answersOf(user)).toMatchObject({ employer: { name: '好再来饭店' }, workplace: { townshipId: 't08' } });
  });
});

describe('B10 a town said after the unit is not where the person lives', () => {
  it('「对 东龙镇的」 to 宏达建筑: the yes counts; 登记地 is asked, never 常住地 东龙镇 proposed', async () => {
    await atWork('web:c1', person(8, '张伟'))
      .send('在宏达建筑上班')
      .expect(/工作单位「青溪宏达建筑工程有限公司」。对吗？/)
      .send('对 东龙镇的')
      .expectNot(/登记地「常住地」|地址「青溪区东龙镇」/)
      .expect(/请选择按哪里登记/);
    const a = await answersOf('web:c1');
    expect(a).toMatchObject({ employer: { employerId: 'e02' } });
    expect(a).not.toHaveProperty('residence');
    expect(a).not.toHaveProperty('placeKind');
  });

  it('「东龙镇」 alone to 宏达建筑: never proposed as 常住地; the unit is still asked about', async () => {
    await atWork('web:c2', person(9, '张伟'))
      .send('在宏达建筑上班')
      .send('东龙镇')
      .expectNot(/登记地「常住地」|地址「青溪区东龙镇」/)
      .send('对')
      .expect(/请选择按哪里登记/);
    expect(await answersOf('web:c2')).not.toHaveProperty('residence');
  });

  it('an employee\'s town alone at 「按哪里登记」: asked which (lives there, 户口 there, neither), each option kept as said', async () => {
    const upTo = (user: string, n: number) => atEmployer(user, person(n, '张伟')).send('宏达建筑').expect(/请选择按哪里登记/);
    await upTo('web:c3', 10)
      .send('东龙镇')
      .expect(/青溪区东龙镇是您单位所在的地方/)
      .expect(/1\. 现在住在青溪区东龙镇（按常住地登记）\n2\. 户口在青溪区东龙镇（按户籍地登记）\n3\. 都不是，按别的地方登记/)
      .expectNot(/我理解的是/)
      .send('2')
      .expect(/请核对您的入会申请/)
      .expect(/登记地：户籍地/)
      .expect(/地址：青溪区东龙镇/);
    await upTo('web:c4', 11).send('东龙镇').send('3').expect(/好的。请选择按哪里登记/).send('1').expect(/您的常住地在哪个区/).send('白沙镇').expect(/地址：青溪区白沙镇/);
  });
});

describe('B12 an ID number in groups, with the phone after it', () => {
  it('both kept: the number taken, the phone confirmed, the ID never asked again', async () => {
    const p = person(12, '张伟');
    const grouped = `${p.id.slice(0, 6)} ${p.id.slice(6, 10)} ${p.id.slice(10, 14)} ${p.id.slice(14)}`;
    await consented(t.chat, 'web:d1')
      .send('张伟')
      .expect(/18位身份证号码/)
      .send(`身份证 ${grouped} 手机 137 0000 0012`)
      .expect(/我理解的是：手机号「13700000012」。对吗？/)
      .send('对')
      .expect(/您现在是怎么工作的？/)
      .expectNot(/18位身份证号码/);
    expect(await answersOf('web:d1')).toMatchObject({ idNumber: { id: p.id }, phone: '13700000012' });
  });
});

describe('B16 a number under 16: the birth date read back, asked first', () => {
  const year = Number(new Date(NOW.getTime() + 8 * 3600_000).toISOString().slice(0, 4)) - 14;
  const young = withCheck(`110101${year}0307123`);

  it('a digit typed wrong: the right number goes on, nothing thrown away', async () => {
    await consented(t.chat, 'web:e1')
      .send('张伟')
      .send(young)
      .expect(new RegExp(`按这个号码，出生日期是${year}年3月7日，还不满16周岁。是不是有一位输错了？`))
      .expectNot(/刚才的回答没有保存|还不能办理入会/)
      .send(person(13).id)
      .expect(/您的手机号是多少/);
    expect(await answersOf('web:e1')).toMatchObject({ name: '张伟', idNumber: { id: person(13).id } });
  });

  it('「号码没错」 (or 对): told kindly, nothing kept', async () => {
    await consented(t.chat, 'web:e2').send('张伟').send(young).send('号码没错').expect(/还不能办理入会/).expect(/刚才的回答没有保存/);
    await consented(t.chat, 'web:e3').send('张伟').send(young).send('对').expect(/还不能办理入会/);
    const s = await t.chat.sessions.load('web:e2', NOW);
    expect(s).toMatchObject({ flowId: null, answers: {}, draft: null });
    expect(JSON.stringify(s)).not.toContain(young);
  });
});

describe('B17 names', () => {
  it('「张伟，身份证马上发」 is the name 张伟; the ID is asked next', async () => {
    await consented(t.chat, 'web:f1').send('张伟，身份证马上发').expect(/18位身份证号码/).expectNot(/姓名只能包含/);
    expect(await answersOf('web:f1')).toMatchObject({ name: '张伟' });
  });

  it('「东龙镇」 at the name question is a place, never proposed as a name', async () => {
    await consented(t.chat, 'web:f2').send('东龙镇').expect(/「东龙镇」是地名/).expectNot(/姓名「东龙镇」/);
    expect(await answersOf('web:f2')).not.toHaveProperty('name');
  });

  it('「zhang wei」 is asked about: the name in characters is taken; letters only when the card has them', async () => {
    await consented(t.chat, 'web:f3').send('zhang wei').expect(/是用字母写的/).expect(/请写汉字/).send('张伟').expect(/18位身份证号码/);
    expect(await answersOf('web:f3')).toMatchObject({ name: '张伟' });
    await consented(t.chat, 'web:f4').send('John Smith').expect(/证件上就是这样/).send('1').expect(/18位身份证号码/);
    expect(await answersOf('web:f4')).toMatchObject({ name: 'John Smith' });
  });
});
