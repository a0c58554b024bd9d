/*
 * Whole conversations as workers write them (helper h70's personas): what stored a value the person did not mean,
 * or left them stuck, fixed; each test fails without its fix.
 *  - wage, employer: `我在川味小馆当服务员 老板姓刘` keeps the eatery named (was 刘老板, the unit lost);
 *    `老板叫陈德贵就是开那个砖厂的` (voice, no commas) keeps 陈德贵 (was 「陈德贵就是开那个砖厂」, unconfirmed);
 *    `那个老板叫那个什么来着叫陈德贵…` confirms 陈德贵 (was 「那个来着叫陈德贵就是开那个砖厂」);
 *  - wage, project: `叫啥锦绣家园 三期` confirms 锦绣家园三期 (was 「啥锦绣家园三期」, kept unasked);
 *  - wage, period: `嗯从那个今年三月份开始的吧一直到现在` is March to now (was not understood);
 *  - wage, construction said 不是: `烧砖的搬砖的都干` at the trade question asks no change to 是;
 *  - wage, evidence: `就记了个本子 没别的` is a record held (was 「请直接发送照片」 again);
 *  - wage, for a husband: `包工头姓周…` at 「被欠工资的人叫什么名字？」 is never answered 「请输入您的姓名」;
 *  - membership, declaration: `要交多少钱啊` answers the dues (was 「这个问题我还答不上来」);
 *  - membership for someone else: `我想帮我老公入工会` is told joining is the person's own (was the wife's application begun);
 *  - legal aid: `十月底开除的` at the leaving-day question is the day (was 「您是要改成：劳动合同」);
 *    `当面说吧 电话里说不清楚` is 面谈, `电话里说不清楚` alone is no pick of the phone;
 *  - the price asked with 不 (`要钱不`, `收费不`) is a question (was 「请回复1表示同意」 at the consent);
 *  - safety: `我爸叫王德顺 电话打我的 我叫王小明` (whose number to call) is no violence (was 「人身安全最要紧…」).
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { parsePeriod } from '../../flows/parsers/period.js';
import { parseEmployer } from '../../flows/wage.js';
import { modeAnswered } from '../../flows/legal-aid.js';
import { violence } from '../../flows/safety.js';
import { isQuestion } from '../../flows/nlu/talk.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const TODAY = new Date(NOW);
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

describe('wage report: the employer as workers say it', () => {
  it.each([
    ['我在川味小馆当服务员 老板姓刘', '川味小馆'],
    ['川味小馆 老板姓刘', '川味小馆'],
    ['在兰州拉面馆当服务员 老板姓马', '兰州拉面馆'],
    ['老板叫陈德贵就是开那个砖厂的', '陈德贵'],
    ['那个老板叫那个什么来着叫陈德贵就是开那个砖厂的', '陈德贵'],
  ])('%s → %s', (said, value) => {
    expect(parseEmployer(said)).toMatchObject({ ok: true, value });
  });

  it.each([
    ['在面馆当服务员 老板姓刘', '刘老板'],
    ['那个小馆子 老板姓刘', '刘老板'],
  ])('guard: a kind of eatery, not named (%s), leaves the boss → %s', (said, value) => {
    // guard: already so before; the named-eatery fix must not take 面馆 or 小馆子 as a name.
    expect(parseEmployer(said)).toMatchObject({ ok: true, value });
  });

  it('the waitress: the eatery is confirmed, never 刘老板 in its place', async () => {
    await converse(t.chat, 'web:h70-a')
      .sendAll('老板欠了我两个月工资 咋整啊', '同意', '同意', '对')
      .expect(/欠您工资的单位叫什么名字？/)
      .send('我在川味小馆当服务员 老板姓刘')
      .expect(/用人单位「川味小馆」/)
      .expectNot(/刘老板/);
  });

  it('the voice message: 陈德贵 confirmed, none of the words after him', async () => {
    await converse(t.chat, 'web:h70-b')
      .sendAll('我要反映欠薪', '同意')
      .send('那个老板叫那个什么来着叫陈德贵就是开那个砖厂的')
      .expect(/用人单位「陈德贵」。对吗？/);
  });
});

describe('wage report: project, period, construction, evidence', () => {
  const toProject = (user: string) =>
    converse(t.chat, user).sendAll('欠薪', '同意', '宏达建筑公司', '对', '东龙镇', '不清楚', '是').expect(/项目或工地叫什么名字？/);

  it('`叫啥锦绣家园 三期`: the name after 叫啥, confirmed (never 「啥锦绣家园三期」)', async () => {
    await toProject('web:h70-c').send('叫啥锦绣家园 三期').expect(/项目名称「锦绣家园三期」。对吗？/).expectNot(/啥锦绣/);
    expect((await session('web:h70-c'))?.answers.project).toBeUndefined();
  });

  it('guard: `叫啥不知道` is not known, never a name', async () => {
    // guard: already so before.
    await toProject('web:h70-d').send('叫啥不知道').expect(/拖欠的是哪段时间的工资？/);
    expect((await session('web:h70-d'))?.answers.project).toBeNull();
  });

  it.each(['嗯从那个今年三月份开始的吧一直到现在', '从今年三月份开始的一直到现在', '从那个今年三月份开始到现在'])('spoken: %s is March to now', (said) => {
    expect(parsePeriod(said, TODAY)).toMatchObject({ ok: true, value: { start: '2026-03', end: null, months: 9 } });
  });

  it('a brickworks said not to be construction: the work done there asks no change to 是', async () => {
    await converse(t.chat, 'web:h70-e')
      .sendAll('我要反映欠薪', '同意', '老板叫陈德贵', '1', '梅岗镇', '不清楚')
      .expect(/是工程建设项目吗？/)
      .sendAll('不是 是砖厂烧砖的', '今年三月到现在', '三万七千八', '二三十个人', '对', '不知道', '还在干', '古樟村村口那个砖厂')
      .expect(/工种/)
      .send('嗯烧砖的搬砖的都干')
      .expectNot(/工程建设项目「是」/);
    expect((await session('web:h70-e'))?.answers.construction).toBe(false);
  });

  it('`就记了个本子 没别的` at the evidence question: a record held, noted', async () => {
    await converse(t.chat, 'web:h70-f')
      .sendAll('我要反映欠薪', '同意', '宏达建筑公司', '东龙镇', '不清楚', '是', '青溪花园二期', '今年9月到11月', '8000', '就我一个', '还在干', '都跳过')
      .expect(/有工资条、考勤记录/)
      .send('就记了个本子 没别的')
      .expect(/记下了/)
      .expectNot(/请直接发送照片或文件/);
    expect((await session('web:h70-f'))?.answers.evidenceHeld).toBe('就记了个本子 没别的');
  });

  it('for a husband: the boss said at the owed person\'s name question is never answered 「请输入您的姓名」', async () => {
    await converse(t.chat, 'web:h70-g')
      .sendAll('我老公在工地干活 包工头欠他三个月工资 我帮他问问', '替我老公', '同意', '对')
      .expect(/被欠工资的人叫什么名字？/)
      .send('包工头姓周 叫周什么不晓得')
      .expect(/被欠工资的人的姓名/)
      .expectNot(/您的姓名/);
  });
});

describe('membership: the dues asked at the declaration', () => {
  it('`要交多少钱啊` answers the dues, never 「答不上来」', async () => {
    await converse(t.chat, 'web:h70-h')
      .sendAll('我是送外卖的骑手 想入工会', '同意', '同意')
      .expect(/入会声明/)
      .send('要交多少钱啊')
      .expect(/会费不多/)
      .expect(/您确认以上声明吗？/)
      .expectNot(/答不上来/);
  });
});

describe('membership: for someone else, in the words 入工会', () => {
  it.each([
    ['我想帮我老公入工会 他在快递公司送快递', /请让他用自己的微信来找我/],
    ['替我妈参加工会', /请让她用自己的微信来找我/],
  ])('%s: joining is the person\'s own, no application begun', async (said, told) => {
    await converse(t.chat, `web:h70-m${said.length}`).send(said).expect(/本人申请，别人不能代办/).expect(told).expectNot(/您同意吗？/);
  });

  it('guard: `我想入工会` is the person\'s own application', async () => {
    // guard: already so before.
    await converse(t.chat, 'web:h70-n').send('我想入工会').expect(/您同意吗？/);
  });
});

describe('legal aid: leaving said with how, and the way declined', () => {
  const toLeftDay = (user: string) =>
    converse(t.chat, user)
      .sendAll('我在厂里干活手被机器压伤了 然后就被开除了 想找律师', '同意', '主要是工伤 手指头断了一截', '跳过')
      .expect(/哪天离开的/);

  it.each([
    ['十月底开除的', /2026年10月31日离开/],
    ['10月30号开除的', /裁决书/],
  ])('`%s` is the day they left, not the matter changed', async (said, next) => {
    await toLeftDay(`web:h70-i${said.length}`).send(said).expect(next).expectNot(/劳动合同/);
  });

  it('`当面说吧 电话里说不清楚` is 面谈', async () => {
    await toLeftDay('web:h70-j')
      .sendAll('十月底被开除的', '对', '没有 还没仲裁')
      .expect(/您想怎么咨询？/)
      .send('当面说吧 电话里说不清楚')
      .expect(/服务点/)
      .expectNot(/没关系/);
    expect((await session('web:h70-j'))?.answers.mode).toBe('in_person');
  });

  it.each([
    ['电话里说不清楚', undefined],
    ['视频不方便 打电话吧', 'phone'],
    ['当面说吧 电话里说不清楚', 'in_person'],
  ])('%s → %s', (said, mode) => {
    expect(modeAnswered(said)).toBe(mode);
  });

  it('guard: `不要视频 电话就行` is the phone', () => {
    // guard: already so before; the declined way is no part of the pick.
    expect(modeAnswered('不要视频 电话就行')).toBe('phone');
  });
});

describe('safety: whose number to call is no blow', () => {
  it.each(['我爸叫王德顺 电话打我的 我叫王小明', '电话就打我的', '手机打我爸的'])('%s is no violence', (said) => {
    expect(violence(said)).toBe(false);
  });

  it.each(['老板打我', '包工头打了我一顿', '他打电话骂我还打我'])('guard: %s still is', (said) => {
    // guard: already so before; the call said first is the only thing left out.
    expect(violence(said)).toBe(true);
  });

  it('booking for a father: the name and whose phone, answered with no safety reply', async () => {
    await converse(t.chat, 'web:h70-k')
      .sendAll('帮我爸约个律师 他在工地摔伤了 老板不管', '同意', '上个月12号摔的', '对', '还在干 在家养伤呢', '电话', '东龙镇', '下周三上午', '第一个吧')
      .expect(/怎么称呼您？/)
      .send('我爸叫王德顺 电话打我的 我叫王小明')
      .expect(/您的手机号是多少？/)
      .expectNot(/人身安全/);
  });
});

describe('the price asked with 不', () => {
  it.each(['要钱不', '收费不', '收钱不'])('%s is a question', (said) => {
    expect(isQuestion(said)).toBe(true);
  });

  it('`要钱不` at the legal-aid consent is answered, never 「请回复1表示同意」 only', async () => {
    await converse(t.chat, 'web:h70-p')
      .send('老板不签合同还不给加班费 想问律师')
      .expect(/您同意吗？/)
      .send('要钱不')
      .expect(/免费/);
  });
});
