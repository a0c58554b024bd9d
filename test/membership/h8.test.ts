/*
 * Probe round 12 (membership, h8): joining the union in the chat.
 *  - `送快递 顺丰` at the work question: 顺丰's couriers may be employees, so which is asked (a clause, `送快递`, no
 *    longer decides 新就业形态 alone); 2 picked keeps 快递员 and 顺丰, said back before they count (they were lost);
 *  - `送快递 顺丰` at the unit question (单位职工 chosen): 「送快递」 was kept as the unit's name, unconfirmed;
 *  - `我在美团送外卖 东龙镇这边` at 专送/众包: the town noted is said, and what 专送 and 众包 are (the question came
 *    again with no word of it);
 *  - `啥是众包` at 专送/众包: what each is, then which (it was kept as 众包);
 *  - an ID number at the name question: never a name (a read-out one was offered as 姓名「四五零一…」), one that does
 *    not check is said to be an ID number (not 「姓名里不能有数字」/「姓名最多20个字」), nothing kept, the name asked again.
 * Transcripts on the real chat service and real Redis.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { NOW, person, withWrongCheck, type Person } from './support.js';

const t = coreOnClock(NOW);

const answersOf = async (user: string) => (await t.chat.sessions.load(user, NOW)).answers;
/** Through the consents and the declaration, to the name question. */
const atName = (user: string) => converse(t.chat, user).sendAll('我想入会', '1', '1').send('1').expect(/请输入您的姓名/);
/** Through the consents, the declaration and the person's numbers, to 「您现在是怎么工作的？」. */
const atWork = (user: string, p: Person) =>
  converse(t.chat, user)
    .sendAll('我想入会', '1', '1', '1', p.name, p.id)
    .send(p.phone)
    .expect(/您现在是怎么工作的？/);
/** Spoken digits, as a voice message's text has them (`四五零一…叉`). */
const spoken = (id: string) => [...id].map((c) => (c === 'X' ? '叉' : '零一二三四五六七八九'[Number(c)])).join('');

describe('送快递 顺丰 at the work question', () => {
  it('which is asked; 2 keeps 快递员 and 顺丰, said back before they count', async () => {
    const user = 'web:h8-sf';
    await atWork(user, person(1301))
      .send('送快递 顺丰')
      .expect(/顺丰的快递员很多是和公司签了劳动合同的员工/)
      .expectNot(/您做的是哪种工作/);
    expect((await answersOf(user)).employment).toBeUndefined();
    await converse(t.chat, user)
      .send('2')
      .expect(/工作方式「新就业形态劳动者」、职业「快递员」、接单平台「顺丰」。对吗？/)
      .send('对')
      .expect(/您在顺丰是专送还是众包？/)
      .expectNot(/哪种工作|哪个平台/);
    expect(await answersOf(user)).toMatchObject({ employment: 'new_form', occupation: 'courier', platform: '顺丰' });
  });

  it('1: 单位职工, the unit asked; no job or platform kept', async () => {
    const user = 'web:h8-sf-unit';
    await atWork(user, person(1302)).send('送快递 顺丰').send('1').expect(/您在哪家单位工作/);
    const a = await answersOf(user);
    expect(a.employment).toBe('employee');
    expect(a.occupation).toBeUndefined();
    expect(a.platform).toBeUndefined();
  });
});

describe('送快递 顺丰 at the unit question', () => {
  it('never the unit 「送快递」: the work said so, 顺丰 offered as the unit', async () => {
    const user = 'web:h8-sf-employer';
    await atWork(user, person(1306))
      .sendAll('1')
      .send('送快递 顺丰')
      .expect(/「送快递」是您做的工作。这里请写发工资的单位名称/)
      .expect(/我是顺丰公司的员工，就填「顺丰」/)
      .expectNot(/「送快递」在哪个镇/);
    expect((await answersOf(user)).employer).toBeUndefined();
    await converse(t.chat, user).send('1').expect(/「顺丰」在哪个镇或街道/);
    expect((await answersOf(user)).employer).toMatchObject({ name: '顺丰' });
  });
});

describe('a town said at 专送/众包', () => {
  it('我在美团送外卖 东龙镇这边: the town noted is said, what 专送 and 众包 are, the question again', async () => {
    const user = 'web:h8-rider-town';
    await atWork(user, person(1303))
      .sendAll('2', '外卖')
      .send('美团')
      .expect(/您在美团是专送还是众包？/)
      .send('我在美团送外卖 东龙镇这边')
      .expect(/好的，您在东龙镇，我先记下，等一下问登记地时再和您核对。/)
      .expect(/专送是站点（配送商）管理、按排班跑固定区域；众包是自己在App上抢单/)
      .expect(/您在美团是专送还是众包？/)
      .send('2')
      .expect(/您刚才说在东龙镇/);
    const a = await answersOf(user);
    expect(a.riderType).toBe('crowd');
    expect(a.residence).toBeUndefined();
  });
});

describe('what 专送 and 众包 mean, asked', () => {
  it('啥是众包: told what each is and asked which, never kept as 众包', async () => {
    const user = 'web:h8-rider-what';
    await atWork(user, person(1305))
      .sendAll('2', '外卖')
      .send('美团')
      .expect(/您在美团是专送还是众包？/)
      .send('啥是众包')
      .expect(/专送一般由站点（配送商）管理.*众包是自己在App上注册抢单.*您是哪一种？回复1（专送）、2（众包）/)
      .expectNot(/登记|对吗/);
    expect((await answersOf(user)).riderType).toBeUndefined();
    await converse(t.chat, user).send('2').expect(/登记/);
    expect((await answersOf(user)).riderType).toBe('crowd');
  });
});

describe('an ID number at the name question', () => {
  it('read out and valid: never a name; the number confirmed masked, then the name asked', async () => {
    const user = 'web:h8-id-spoken';
    const p = person(1304);
    await atName(user)
      .send(`嗯 身份证是 ${spoken(p.id)}`)
      .expect(/我理解的是：身份证号「\d{4}\*{10}\d{3}[\dX]」。对吗？/)
      .expectNot(/姓名/)
      .send('对')
      .expect(/请输入您的姓名/);
    const a = await answersOf(user);
    expect(a.name).toBeUndefined();
    expect(a.idNumber).toMatchObject({ id: p.id });
  });

  it('one that does not check, typed or read out: said to be the ID number, nothing kept, the name asked again', async () => {
    const wrong = withWrongCheck('45032119900101123');
    const user = 'web:h8-id-wrong';
    await atName(user)
      .send(wrong)
      .expect(/这像是身份证号，不是姓名。这个号码核对不上.*没有记下，等一下问到身份证号时请对着身份证再输入一遍。现在请先输入您的姓名/)
      .expectNot(/姓名里不能有数字|姓名最多/)
      .expectNot(new RegExp(wrong))
      .send(`嗯 身份证是 ${spoken(wrong)}`)
      .expect(/这像是身份证号，不是姓名/)
      .expectNot(/姓名最多|姓名「|对吗/)
      .send('张伟')
      .expect(/姓名「张伟」|18位身份证号/);
    const a = await answersOf(user);
    expect(a.idNumber).toBeUndefined();
    expect(JSON.stringify(a)).not.toContain(wrong.slice(0, 10));
  });
});
