/*
 * The wage report's later questions as workers answer them (probe-wage 1.10, 2.4, 3.11, 3.13 and
 * section 4), as transcripts on real Redis. Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { manualClock } from '../../core/infra/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { staffCaseText } from '../../core/cases/texts.js';

const t = useFixture(() => startTestCore({ clock: manualClock('2026-12-01T10:00:00+08:00') }));

const session = (user: string) => t.chat.sessions.load(user, new Date('2026-12-01T10:00:00+08:00'));

/** A unit's report (not construction), one person, still there: at the first supplementary question (the address). */
function toAddress(user: string) {
  return converse(t.chat, user)
    .send('老板欠我工资')
    .send('同意')
    .send('宏达公司')
    .send('东龙镇')
    .send('不清楚')
    .send('不是')
    .send('今年9月到11月')
    .send('一万二')
    .send('就我一个')
    .send('还在干')
    .expect(/单位的地址在哪里/);
}

/** A construction report about 宏达建筑公司 in 东龙镇, up to the project question. */
const toProjectQuestion = (user: string) => converse(t.chat, user).sendAll('老板欠我工资', '同意', '宏达建筑公司', '东龙镇', '不清楚', '是');

/** A construction report up to the general contractor question (the addresses not known). */
function toGeneralContractor(user: string, headcount = '就我一个') {
  let c = toProjectQuestion(user)
    .send('翠湖湾')
    .send('今年9月到11月')
    .send('一万二')
    .send(headcount);
  if (headcount !== '就我一个') c = c.send('三万多');
  return c.send('还在干').send('不知道').send('不知道').expect(/总包单位/);
}

describe('free-text supplementary answers are the value meant, never a fragment (1.10)', () => {
  it('公示牌上写的好像是中国建筑第三工程局 is that unit, confirmed; 包工头就是老板 姓陈 is 陈老板, confirmed; 啥都干 打杂的 is 杂工', async () => {
    await toGeneralContractor('web:ws1')
      .send('公示牌上写的好像是中国建筑第三工程局')
      .expect(/我理解的是：总包单位「中国建筑第三工程局」。对吗？/)
      .send('对')
      .expect(/分包单位/)
      .send('不知道')
      .send('包工头就是老板 姓陈')
      .expect(/包工头「陈老板」。对吗？/)
      .send('对')
      .expect(/工种/)
      .send('啥都干 打杂的')
      .expect(/事情经过/);
    expect((await session('web:ws1')).answers).toMatchObject({ generalContractor: '中国建筑第三工程局', labourContractor: '陈老板', trade: '杂工' });
  });

  it('就是他 at the general contractor is the unit named before, confirmed; an account at the 包工头 question is kept as the account; 没有 at the trade is nothing', async () => {
    await toGeneralContractor('web:ws2')
      .send('就是他')
      .expect(/总包单位「宏达建筑公司」。对吗？/)
      .send('对')
      .send('不知道')
      .send('老板说年底结 现在人都找不到了')
      .expect(/这段经过我记下了/)
      .expect(/包工头或班组长叫什么/)
      .expectNot(/说年底结」/)
      .send('不知道')
      .expect(/工种/)
      .send('没有')
      // The account was said already: not asked again.
      .expect(/证据/);
    const a = (await session('web:ws2')).answers;
    expect(a).toMatchObject({ generalContractor: '宏达建筑公司', labourContractor: null, trade: null, account: '老板说年底结 现在人都找不到了' });
  });
});

describe('the supplementary questions as people answer them (3.11)', () => {
  it('后面的不填了 and 太麻烦了 skip the rest, like 都跳过', async () => {
    for (const [user, said] of [['web:ws3', '后面的不填了'], ['web:ws4', '太麻烦了']] as const) {
      await toAddress(user).send(said).expect(/证据/).expectNot(/请写个大概的地址/);
      expect((await session(user)).answers).toMatchObject({ employerAddress: null, trade: null, account: null });
    }
  });

  it('这些我都不知道 skips all the supplementary questions left, not only this one', async () => {
    await toGeneralContractor('web:ws5').send('这些我都不知道').expect(/证据/);
    expect((await session('web:ws5')).answers).toMatchObject({ generalContractor: null, subcontractor: null, labourContractor: null, trade: null, account: null });
  });

  it('东龙镇工业园那边 具体门牌不知道 is a rough address; 你问这个干啥 gets why, and the question again', async () => {
    await toAddress('web:ws6')
      .send('你问这个干啥')
      .expect(/上门核实、调解时要用到地址/)
      .expect(/地址大概在哪里/)
      .send('东龙镇工业园那边 具体门牌不知道')
      .expect(/工种/);
    expect((await session('web:ws6')).answers).toMatchObject({ employerAddress: '东龙镇工业园那边' });
  });
});

describe('the roster as people give it (2.4)', () => {
  const toRoster = (user: string) =>
    toGeneralContractor(user, '三个人').send('不知道').send('不知道').send('不知道').send('钢筋工').expect(/工友的名单/);

  it('names alone, one a message, are taken (what others are owed is often not known); the first is asked about', async () => {
    await toRoster('web:ws7').send('张三').expect(/张三是和您一起被拖欠工资的工友吗？/).send('是').expect(/记下了张三/).send('李四').send('王五').expect(/名单齐了/).expect(/事情经过/);
    expect((await session('web:ws7')).answers.roster).toEqual({
      entries: ['张三', '李四', '王五'].map((name) => ({ name, amount: null, phone: null })),
      files: [],
    });
  });

  it('张三一万二 李四九千五 王五一万 is read, and said back with the amounts', async () => {
    await toRoster('web:ws8')
      .send('张三一万二 李四九千五 王五一万')
      .expect(/记下了张三 12,000元、李四 9,500元、王五 10,000元/);
  });

  it('有 等会拍照发你 and 名单在班长那里 我没有 move on kindly, nothing stored', async () => {
    await toRoster('web:ws9').send('有 等会拍照发你').expect(/名单拍好了直接发给我就行/).expect(/事情经过/);
    await toRoster('web:ws10').send('名单在班长那里 我没有').expect(/没有名单也没关系/).expect(/事情经过/);
    expect((await session('web:ws9')).answers.roster).toBeNull();
    expect((await session('web:ws10')).answers.roster).toBeNull();
  });
});

describe('evidence the worker has but cannot send (3.13)', () => {
  it('有聊天记录 怎么发 gets how to send in WeChat; 有 但在老乡手机里 is recorded, shown on the summary and to staff', async () => {
    await toAddress('web:ws11')
      .send('都跳过')
      .expect(/证据/)
      .send('有聊天记录 怎么发')
      .expect(/点输入框旁边的「\+」，选「相册」/)
      .send('有欠条 但在老乡手机里')
      .expect(/记下了/)
      .expect(/怎么称呼您/)
      .send('张三')
      .send('13700003333')
      .expect(/证据材料：未发送（您说：有欠条 但在老乡手机里）/)
      .send('确认')
      .expect(/提交成功/);
    const [c] = await t.core.cases.listByUser('web:ws11', 10);
    expect(c!.wage?.evidenceHeld).toBe('有欠条 但在老乡手机里');
    expect(staffCaseText(t.core.directory.index(), c!, { phone: null, isAssignee: false })).toMatch(/说到但没发来的证据：有欠条 但在老乡手机里/);
  });

  it('有考勤表 不过在厂里 and 有欠条 move on', async () => {
    await toAddress('web:ws12').send('都跳过').send('有考勤表 不过在厂里').expect(/怎么称呼您/);
    await toAddress('web:ws13').send('都跳过').send('有欠条').expect(/怎么称呼您/);
    expect((await session('web:ws12')).answers.evidenceHeld).toBe('有考勤表 不过在厂里');
    expect((await session('web:ws13')).answers.evidenceHeld).toBe('有欠条');
  });
});

describe('months, villages and project names said with more (probe-wage 3.8, 1.14, 1.8)', () => {
  it('八九十三个月 is 2026年8月至10月', async () => {
    await converse(t.chat, 'web:ws14').send('老板欠我工资').send('同意').send('宏达公司').send('东龙镇').send('不清楚').send('不是').send('八九十三个月').expect(/被拖欠了多少钱/);
    expect((await session('web:ws14')).answers.period).toEqual({ start: '2026-08', end: '2026-10', months: 3 });
  });

  it('白沙镇下面一个村 叫沙湾 is 沙湾村', async () => {
    await converse(t.chat, 'web:ws15').send('老板欠我工资').send('同意').send('宏达公司').send('白沙镇').send('白沙镇下面一个村 叫沙湾').expect(/工程建设项目/);
    expect((await session('web:ws15')).answers.community).toMatchObject({ community: '沙湾村' });
  });

  it('翠湖湾 在东龙镇政府旁边 老板姓陈 keeps the project, and the unit is not replaced by 陈老板', async () => {
    await toProjectQuestion('web:ws16')
      .send('翠湖湾 在东龙镇政府旁边 老板姓陈')
      .expectNot(/陈老板/)
      .expect(/哪段时间/);
    expect((await session('web:ws16')).answers).toMatchObject({ project: '翠湖湾', employer: '宏达建筑公司' });
  });
});

describe('wording (probe-wage section 4)', () => {
  it('。。。 at the employer question is asked as the question says it (a boss\'s name will do)', async () => {
    await converse(t.chat, 'web:ws17').send('老板欠我工资').send('同意').send('。。。').expect(/老板、包工头的名字/).expectNot(/单位全称/);
  });

  it('a household report asks what the employer (雇主) said; a unit\'s, what the boss said', async () => {
    const { wageFlow } = await import('../../flows/wage.js');
    const account = wageFlow.fields.find((f) => f.id === 'account')!;
    const ctx = { index: t.core.directory.index(), now: new Date() };
    expect(account.ask({ employerKind: 'household' }, ctx as never)).toMatch(/比如雇主怎么说的/);
    expect(account.ask({ employerKind: 'organisation' }, ctx as never)).toMatch(/比如老板怎么说的/);
  });
});
