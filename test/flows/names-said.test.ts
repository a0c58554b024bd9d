/*
 * Names and numbers as people type them, as transcripts on real Redis: only
 * what the person meant as theirs is kept.
 *  - a job, a post or a status (`我是焊工`, `我是厨师`, `我是保安`) is never a
 *    name, whatever question it is typed at;
 *  - a name answer keeps the name alone: not a gender (`刘德华 男`), `是`, a
 *    relation (`我是张三他媳妇 叫刘梅`), `电话同上` or `就行`;
 *  - a correction inside one message (`王晓明 不是王小明`, `138… 不对 139…`,
 *    `450…1236 不对 是450…123X`) keeps the value said after 不对/是, never one after 不是;
 *  - two phone numbers with nothing to choose between them are asked about;
 *  - a number typed after a clause about the boss (`他没告诉我名字 电话是…`)
 *    is never offered as the person's own, and the clause is no employer;
 *  - an ID card not at hand gets a kind word; `我的是<ID>` is the ID.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** Valid ID numbers (check digit right), born 1988 and 1985. */
const ID_A = '450102198808081236';
const ID_B = '45010219850315123X';

/** Joining the union up to the name question: consents and declaration. */
const toName = (user: string) => converse(t.chat, user).sendAll('入会', '1', '1', '1').expect(/请输入您的姓名，要和身份证上的一致。/);

/** A legal-aid booking by phone in 东龙镇 up to the contact's name. */
const toContact = (user: string) =>
  converse(t.chat, user).sendAll('预约律师', '1', '1', '还在干', '2', '东龙镇', '1').expect(/怎么称呼您？/);

describe('a job, a post or a status is never a name', () => {
  it('membership: 我是焊工 at the question how they work is not a change of name; 1 then picks 单位职工', async () => {
    await toName('web:ns1')
      .sendAll('王小明', ID_A, '13800138000')
      .expect(/您现在是怎么工作的？/)
      .send('我是焊工')
      .expectNot(/姓名「焊工」|改成/)
      .send('1')
      .expect(/您在哪家单位工作？/);
    const s = await session('web:ns1');
    expect(s.answers).toMatchObject({ name: '王小明', employment: 'employee' });
  });

  it('membership: 我是焊工 at the employer question is no employer either', async () => {
    await toName('web:ns2')
      .sendAll('王小明', ID_A, '13800138000', '1')
      .expect(/您在哪家单位工作？/)
      .send('我是焊工')
      .expect(/这还不是单位的名字/)
      .expectNot(/姓名「焊工」/);
    const s = await session('web:ns2');
    expect(s.answers).toMatchObject({ name: '王小明' });
    expect(s.answers).not.toHaveProperty('employer');
  });

  it('legal aid: 我是厨师 at 咨询什么事 is not the contact; 1 then picks 欠薪', async () => {
    await converse(t.chat, 'web:ns3')
      .sendAll('预约律师', '1')
      .expect(/您想咨询什么事？/)
      .send('我是厨师')
      .expectNot(/联系人「厨师」/)
      .send('1')
      .expect(/您还在这家单位干吗？/);
    const s = await session('web:ns3');
    expect(s.answers).toMatchObject({ matter: 'wage' });
    expect(s.answers).not.toHaveProperty('contactName');
  });

  it('legal aid: 我是焊工 at the review changes nothing, and 确认 books', async () => {
    await toContact('web:ns4')
      .sendAll('李明', '13800138000')
      .expect(/请核对您的预约/)
      .send('我是焊工')
      .expectNot(/焊工」/)
      .send('确认')
      .expect(/预约成功/);
  });

  it('membership: 同意 at the name question is not offered as a name', async () => {
    await toName('web:ns5').send('同意').expectNot(/姓名「同意」/).expect(/请输入您的姓名/);
  });
});

describe('a name answer keeps the name alone', () => {
  it.each([
    ['刘德华 男', '刘德华'],
    ['是王芳', '王芳'],
  ])('membership: %s → %s, taken without a question', async (text, name) => {
    const user = `web:ns-m-${name}`;
    await toName(user).send(text).expectNot(/我理解的是/).expect(/请输入您的18位身份证号码/);
    const s = await session(user);
    expect(s.answers).toMatchObject({ name });
  });

  it.each([
    ['我是张三他媳妇 叫刘梅', '刘梅'],
    ['刘梅 电话同上', '刘梅'],
  ])('legal aid: the contact %s → %s', async (text, name) => {
    const user = `web:ns-l-${text}`;
    await toContact(user).send(text).expect(/您的手机号是多少？/);
    const s = await session(user);
    expect(s.answers).toMatchObject({ contactName: name });
  });

  it('legal aid: 叫我小李就行 → the contact 小李, confirmed', async () => {
    await toContact('web:ns6').send('叫我小李就行').expect(/联系人「小李」。对吗？/).send('对').expect(/您的手机号是多少？/);
    const s = await session('web:ns6');
    expect(s.answers).toMatchObject({ contactName: '小李' });
  });

  it.each(['王师傅', '小王', '叫我小李就行'])('membership: %s is a form of address, not the name on the ID card', async (text) => {
    const user = `web:ns-t-${text}`;
    await toName(user).send(text).expect(/像是称呼/).expectNot(/我理解的是/);
    const s = await session(user);
    expect(s.answers).not.toHaveProperty('name');
  });
});

describe('a correction inside one message keeps the value said after it', () => {
  it('membership: 王晓明 不是王小明 → 王晓明 (never the name denied)', async () => {
    await toName('web:ns7').send('王晓明 不是王小明').expect(/请输入您的18位身份证号码/);
    const s = await session('web:ns7');
    expect(s.answers).toMatchObject({ name: '王晓明' });
  });

  it(`membership: ${ID_A} 不对 是${ID_B} → the second`, async () => {
    await toName('web:ns8')
      .send('王小明')
      .send(`${ID_A} 不对 是${ID_B}`)
      .expect(/您的手机号是多少？/);
    const s = await session('web:ns8');
    expect(s.answers).toMatchObject({ idNumber: { id: ID_B } });
  });

  it('membership: 13800138000 不对 13900001111 → 13900001111', async () => {
    await toName('web:ns9')
      .sendAll('王小明', ID_B)
      .send('13800138000 不对 13900001111')
      .expect(/您现在是怎么工作的？/);
    const s = await session('web:ns9');
    expect(s.answers).toMatchObject({ phone: '13900001111' });
  });

  it('membership: two numbers with nothing to choose: which one is asked, then the one given is kept', async () => {
    await toName('web:ns10')
      .sendAll('王小明', ID_B)
      .send('13800138000 13900001111')
      .expect(/您发了两个号码（13800138000、13900001111），请只回复您自己的那一个手机号。/)
      .expectNot(/22位/)
      .send('13900001111')
      .expect(/您现在是怎么工作的？/);
    const s = await session('web:ns10');
    expect(s.answers).toMatchObject({ phone: '13900001111' });
  });
});

describe('the ID number question', () => {
  it('身份证在家里没带: a kind word, not a format error; nothing stored', async () => {
    await toName('web:ns11')
      .send('王小明')
      .send('身份证在家里没带')
      .expect(/没关系.*等拿到身份证/)
      .expectNot(/只能包含数字/);
    const s = await session('web:ns11');
    expect(s.answers).not.toHaveProperty('idNumber');
  });

  it('我的是450102198808081295: the ID, taken as typed (the check digit is right)', async () => {
    await toName('web:ns12').send('王小明').send('我的是450102198808081295').expectNot(/我理解的是/).expect(/您的手机号是多少？/);
    const s = await session('web:ns12');
    expect(s.answers).toMatchObject({ idNumber: { id: '450102198808081295' } });
  });
});

describe("the boss's phone is never the person's own", () => {
  it('wage: 他没告诉我名字 电话是13512345678 at the employer question: no phone offered, no employer kept', async () => {
    await converse(t.chat, 'web:ns13')
      .sendAll('老板欠我工资', '同意')
      .expect(/欠您工资的单位叫什么名字？/)
      .send('他没告诉我名字 电话是13512345678')
      .expectNot(/手机号「13512345678」/)
      .expectNot(/他没告诉我名字」/)
      .send('对')
      .expectNot(/手机号「13512345678」/);
    const s = await session('web:ns13');
    expect(s.answers).not.toHaveProperty('phone');
    expect(s.answers).not.toHaveProperty('employer');
  });
});
