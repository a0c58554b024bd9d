/*
 * The wage report's clue-platform fields (全国根治欠薪线索反映平台), its
 * consistency checks and the household branch, as transcripts on real
 * Redis. Months are said relative to the suite's day, so these read the
 * same on any date (vitest.config.ts runs them on a leap day and in a
 * Spring Festival week too).
 */
import { describe, expect, it } from 'vitest';
import { staffCaseView } from '../../api/views.js';
import type { Case } from '../../core/cases/index.js';
import type { StaffCommandContext } from '../../core/staff/index.js';
import { scenarioClock } from '../support/clock.js';
import { converse } from '../support/converse.js';
import { eventually, startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const clock = scenarioClock('2026-11-21', '10:00');
const NOW = clock.now();

/** `YYYY年M月`, `n` months before the current month (Beijing). */
function monthBack(n: number): string {
  const bj = new Date(NOW.getTime() + 8 * 3600_000);
  const d = new Date(Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth() - n, 1));
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`;
}
/** `YYYY-MM`, `n` months back. */
function ym(n: number): string {
  const m = /^(\d{4})年(\d{1,2})月$/.exec(monthBack(n))!;
  return `${m[1]}-${m[2]!.padStart(2, '0')}`;
}

const t = useFixture(() => startTestCore({ workers: true, clock }));

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(256, 7), Buffer.from([0xff, 0xd9])]);

async function theCase(user: string): Promise<Case> {
  const [c] = await t.core.cases.listByUser(user);
  expect(c, 'a case was recorded').toBeDefined();
  return c!;
}

/** The notice the assignee got, once the case is routed. */
async function staffNotice(user: string): Promise<{ c: Case; text: string }> {
  const c = await eventually(async () => {
    const [x] = await t.core.cases.listByUser(user);
    return x?.assignee ? x : null;
  }, 8000, 'assignment');
  const inbox = await eventually(async () => {
    const r = await t.core.inbox.read(`staff:${c.assignee!.staffId}`);
    return r.items.length > 0 ? r : null;
  }, 8000, 'staff notice');
  return { c, text: inbox.items.map((i) => i.replies.map((r) => (r.type === 'text' ? r.text : '')).join('')).join('\n') };
}

const asStaff = (staffId: string) => ({ core: t.core, staff: t.core.directory.index().staffById.get(staffId)! }) as unknown as StaffCommandContext;

/** A construction crew's report up to the question after the leaving month: 宏达建筑, 河西街道锦绣社区, 3 months, 8 people, 74,000 in all. */
function crewUpToSupplement(user: string) {
  return converse(t.chat, user)
    .send('我们班组8个人在河西街道锦绣社区的楼盘干活，拖了三个月工资，还差工钱7万4')
    .send('好的')
    .expect(/拖欠金额「74,000元」、被拖欠人数「8人」。对吗？/)
    .send('对')
    .expect(/单位叫什么/)
    .send('青溪宏达建筑工程有限公司')
    .expect(/项目或工地叫什么名字/)
    .send('锦绣华庭');
}

describe('the clue platform’s fields', () => {
  it('a construction report takes the general contractor, 包工头, project address, trade, and own amount besides the group’s total; staff see them', async () => {
    await converse(t.chat, 'web:k1')
      .send('我们班组8个人在河西街道锦绣社区的楼盘干活，拖了三个月工资，还差工钱7万4')
      .send('好的')
      .send('对')
      .send('青溪宏达建筑工程有限公司')
      .send('锦绣华庭')
      .expect(/你们8个人一共被拖欠多少钱？（您自己的74,000元已经记下了）/)
      // The opening's 7万4 was the group's: the worker's own share is asked.
      .send('一共7万4')
      .expect(/好的，你们一共74,000元/)
      .expect(/那您自己被拖欠了多少钱/)
      .send('9250')
      .expect(/还在这家单位干吗/)
      .send('还在干')
      .expect(/还有几项补充信息/)
      .expect(/单位的地址在哪里/)
      // Words that name no place are not taken as the address: asked again.
      .send('老板姓王')
      .expect(/请写个大概的地址，例如「东龙镇工业园2号」/)
      .send('东龙镇工业园2号')
      .expect(/工地在什么地址/)
      .send('河西街道滨江路18号')
      .expect(/总包单位/)
      .send('总包是中建三局')
      .expect(/分包单位/)
      .send('青溪宏图劳务有限公司')
      .expect(/包工头或班组长叫什么/)
      .send('王建军')
      .expect(/什么工种/)
      .send('扎钢筋的')
      .expect(/名单/)
      .send('没有')
      .expect(/事情经过/)
      .send('老板说年底一起结，过完年电话就打不通了，我手机13912345678')
      .expect(/证据/)
      .sendAll('没有', '张三', '13800138000')
      .expect(/请核对/)
      .expect(/拖欠金额：9,250元/)
      .expect(/大家一共被拖欠：74,000元/)
      .expect(/项目地址：河西街道滨江路18号/)
      .expect(/总包单位：中建三局/)
      .expect(/分包单位：青溪宏图劳务有限公司/)
      .expect(/包工头：王建军/)
      .expect(/工种：钢筋工/)
      .send('确认')
      .expect(/提交成功/);
    const c = await theCase('web:k1');
    expect(c.wage).toMatchObject({
      employer: '青溪宏达建筑工程有限公司',
      employerKind: 'organisation',
      construction: true,
      project: '锦绣华庭',
      amount: 9250,
      groupAmount: 74000,
      headcount: { count: 8, approximate: false },
      employerAddress: '东龙镇工业园2号',
      projectAddress: '河西街道滨江路18号',
      generalContractor: '中建三局',
      subcontractor: '青溪宏图劳务有限公司',
      labourContractor: '王建军',
      trade: '钢筋工',
      roster: null,
    });
    // The account is kept in the worker's words, with the phone number in it masked.
    expect(c.wage!.account).toMatch(/^老板说年底一起结.*139\*\*\*\*5678$/);
    const { text } = await staffNotice('web:k1');
    expect(text).toMatch(/总包单位：中建三局/);
    expect(text).toMatch(/包工头：王建军/);
    expect(text).toMatch(/项目地址：河西街道滨江路18号/);
    expect(text).toMatch(/工种：钢筋工/);
    expect(text).toMatch(/经过：老板说年底一起结/);
  });

  it('不知道 answers every optional question, each once, and nothing is stored for them', async () => {
    await crewUpToSupplement('web:k2')
      .send('不知道')
      .expect(/还在这家单位干吗/)
      .send('还在干')
      .expect(/单位的地址在哪里/)
      .send('不知道')
      .expect(/工地在什么地址/)
      .send('不知道')
      .expect(/总包单位/)
      .send('不知道')
      .expect(/分包单位/)
      .send('不晓得')
      .expect(/包工头或班组长/)
      .send('不清楚')
      .expect(/什么工种/)
      .send('不知道')
      .expect(/名单/)
      .send('不知道')
      .expect(/事情经过/)
      .send('不知道')
      .expect(/证据/)
      .sendAll('没有', '张三', '13800138000', '确认')
      .expect(/提交成功/);
    const c = await theCase('web:k2');
    expect(c.wage).toMatchObject({
      groupAmount: null,
      employerAddress: null,
      projectAddress: null,
      generalContractor: null,
      subcontractor: null,
      labourContractor: null,
      trade: null,
      roster: null,
      account: null,
    });
  });

  it('都跳过 at any of the supplementary questions leaves the rest of them unanswered', async () => {
    await crewUpToSupplement('web:k3')
      .sendAll('不知道', '还在干', '滨江路那边的工业园')
      .expect(/工地在什么地址/)
      .send('都跳过')
      .expect(/证据/);
    const s = await t.chat.sessions.load('web:k3', clock.now());
    expect(s.answers).toMatchObject({ employerAddress: '滨江路那边的工业园', projectAddress: null, generalContractor: null, labourContractor: null, trade: null, roster: null, account: null });
  });

  it('a roster typed as lines: names, amounts and phones (sealed), checked against the headcount; a full list moves on', async () => {
    await converse(t.chat, 'web:k4')
      .send('我要反映欠薪')
      .sendAll('1', '青溪宏达建筑工程有限公司', '东龙', '新塘', '不是', '三个月', '8000', '我们三个人')
      .expect(/你们3个人一共被拖欠多少钱/)
      .send('两万五')
      .sendAll('还在干', '不知道', '普工')
      .expect(/有被拖欠工友的名单吗/)
      // More names than people owed: refused, nothing kept.
      .send('张三 8000 13700137000\n李四 9500\n王五 7500\n赵六 6000')
      .expect(/名单上有4个人，比您前面说的被拖欠人数（3人）还多/)
      .send('张三 8000 13700137000\n李四 9500')
      .expect(/记下了张三 8,000元、李四 9,500元，名单上现在一共2人/)
      .expect(/发完请回复「完成」/)
      .send('王五 不清楚')
      .expect(/名单上现在一共3人。和被拖欠的人数一样，名单齐了/)
      .expect(/事情经过/)
      .sendAll('跳过', '没有', '张三', '13800138000')
      .expect(/工友名单：3人（张三 8,000元、李四 9,500元、王五）/)
      .send('确认')
      .expect(/提交成功/);
    const c = await theCase('web:k4');
    expect(c.wage!.roster!.entries).toMatchObject([
      { name: '张三', amount: 8000, phoneSealed: expect.any(String) },
      { name: '李四', amount: 9500, phoneSealed: null },
      { name: '王五', amount: null, phoneSealed: null },
    ]);
    // Sealed: the phone is nowhere in the record in clear.
    expect(JSON.stringify(c)).not.toContain('13700137000');
    const { c: routed, text } = await staffNotice('web:k4');
    expect(text).toMatch(/工友名单：3人/);
    // The assignee reads the roster's phone; anyone else sees it masked.
    const mine = staffCaseView(t.core, routed, asStaff(routed.assignee!.staffId));
    expect(mine.wage!.roster!.entries[0]).toMatchObject({ name: '张三', phone: '13700137000' });
    const other = ['gw-001', 'gw-002', 'gw-003'].find((x) => x !== routed.assignee!.staffId)!;
    expect(staffCaseView(t.core, routed, asStaff(other)).wage!.roster!.entries[0]).toMatchObject({ phone: '137****7000' });
    // 删除我的信息 takes the roster (other people's names and phones) and the account with it.
    await converse(t.chat, 'web:k4').send('删除我的信息').send('确定').expect(/已删除您的个人信息/);
    const erased = (await t.core.cases.get(c.id))!;
    expect(erased.wage).toMatchObject({ roster: null, account: null, employer: '青溪宏达建筑工程有限公司' });
  });

  it('a roster sent as a photo is kept with the evidence', async () => {
    await converse(t.chat, 'web:k5')
      .send('我要反映欠薪')
      .sendAll('1', '青溪宏达建筑工程有限公司', '东龙', '新塘', '不是', '三个月', '8000', '十二个人', '不知道', '还在干', '不知道', '不知道')
      .expect(/有被拖欠工友的名单吗/)
      .sendFile('工友名单.jpg', JPEG, 'image/jpeg')
      .expect(/收到名单「工友名单\.jpg」/)
      .send('完成')
      .expect(/事情经过/)
      .sendAll('跳过')
      .sendFile('工资条.jpg', JPEG, 'image/jpeg')
      .sendAll('完成', '张三', '13800138000')
      .expect(/工友名单：照片或表格1份/)
      .send('确认')
      .expect(/提交成功/);
    const c = await theCase('web:k5');
    expect(c.wage!.roster).toMatchObject({ entries: [], files: [{ name: '工友名单.jpg' }] });
    expect(c.evidence.map((e) => e.name).sort()).toEqual(['工友名单.jpg', '工资条.jpg']);
    expect(c.wage!.roster!.files[0]!.id).toBe(c.evidence.find((e) => e.name === '工友名单.jpg')!.id);
  });
});

describe('answers that do not fit together', () => {
  it('a period longer than the time worked is asked about once, then taken as the worker confirms', async () => {
    await converse(t.chat, 'web:p1')
      .send('我要反映欠薪')
      .sendAll('1', '青溪宏达建筑工程有限公司', '东龙', '新塘', '不是')
      .send('去年1月到现在')
      .expect(/拖欠的时间比较长（\d+个月）。您是从什么时候开始在这里干的/)
      .send(monthBack(2))
      .expect(new RegExp(`您是${monthBack(2)}开始在这干的，拖欠时间却从\\d{4}年1月算起，比干活的时间还长`))
      .expect(/我理解的是：拖欠时间「\d{4}年1月至今（\d+个月）」、开始干活「.+」。对吗？/)
      .send('对')
      .expect(/多少钱/);
    const s = await t.chat.sessions.load('web:p1', clock.now());
    expect(s.answers).toMatchObject({ workStart: ym(2), period: { end: null } });
  });

  it('leaving before the period ends is refused with how to correct either; the corrected period then fits', async () => {
    await converse(t.chat, 'web:p2')
      .send('老板拖了我三个月工资')
      .sendAll('1', '对', '青溪宏达建筑工程有限公司', '东龙', '新塘', '不是', '两万八千五', '就我一个', '已经离开')
      .expect(/什么时候离开/)
      .send(monthBack(2))
      // The period ends after the month left: which period is meant is asked, with the choices it may be.
      .expect(new RegExp(`您说${monthBack(2)}就离开了，可前面记的拖欠时间是${monthBack(3)}至${monthBack(1)}（3个月），算到了离开以后。拖欠的是哪段时间？`))
      .expect(/如果是离开的月份说错了，直接回复离开的月份就行/)
      .send(`拖欠时间说错了，是${monthBack(4)}到${monthBack(2)}`)
      .expect(new RegExp(`好的，拖欠时间已改为「${monthBack(4)}至${monthBack(2)}（3个月）」`))
      .expect(/什么时候离开/)
      .send(monthBack(2))
      .expect(/还有几项补充信息/);
    const s = await t.chat.sessions.load('web:p2', clock.now());
    expect(s.answers).toMatchObject({ leftSince: ym(2), period: { start: ym(4), end: ym(2), months: 3 } });
  });

  it('"到现在" from someone who left earlier ends when they left, confirmed', async () => {
    await converse(t.chat, 'web:p3')
      .send('我要反映欠薪')
      .sendAll('1', '青溪宏达建筑工程有限公司', '东龙', '新塘', '不是', `${monthBack(6)}到现在`, '两万', '就我一个', '已经离开')
      .send(monthBack(3))
      .expect(new RegExp(`您${monthBack(3)}已经离开，拖欠时间就算到${monthBack(3)}为止`))
      .expect(new RegExp(`我理解的是：拖欠时间「${monthBack(6)}至${monthBack(3)}（4个月）」、离开时间「${monthBack(3)}」。对吗？`))
      .send('对')
      .expect(/还有几项补充信息/);
  });

  it('the group’s total below the worker’s own amount is refused with a helpful message', async () => {
    await converse(t.chat, 'web:p4')
      .send('老板欠我两万八千五')
      .sendAll('1', '对', '青溪宏达建筑工程有限公司', '东龙', '新塘', '不是', '三个月', '五个人')
      .expect(/你们5个人一共被拖欠多少钱/)
      .send('两万')
      .expect(/大家一共被拖欠的（20,000元）比您自己被拖欠的（28,500元）还少，对不上。请再说一下你们一共被拖欠多少/)
      .expect(/金额说错了/)
      .send('十五万')
      .expect(/还在这家单位干吗/);
    const s = await t.chat.sessions.load('web:p4', clock.now());
    expect(s.answers).toMatchObject({ amount: { yuan: 28500 }, groupAmount: { yuan: 150000 } });
  });

  it('a first message whose facts contradict each other keeps neither contradiction: the question is asked', async () => {
    await converse(t.chat, 'web:p5')
      .send('老板欠我们工资，我自己被欠了三万，我们一共欠了两万')
      .send('1')
      .expect(/我理解的是：拖欠金额「30,000元」。对吗？/)
      .expectNot(/大家一共被拖欠「/);
  });
});

describe('work for a family or a private person', () => {
  it('a nanny: recognised from her words, no construction or headcount questions, the civil route, legal aid offered, the case recorded with its branch', async () => {
    const r = await converse(t.chat, 'web:h1')
      .send('我给一户人家当保姆，五个月工资没发，雇主欠我一万二')
      .expect(/同意吗/)
      .send('1')
      .expect(/我理解的是：雇主类型「个人或家庭」、拖欠时间「.+（5个月）」、拖欠金额「12,000元」。对吗？/)
      .send('对')
      .expect(/雇您干活的人怎么称呼/)
      .send('王秀英')
      .expect(/哪个镇或街道/)
      .sendAll('河西', '锦绣')
      .expect(/您现在还在这家干吗/)
      .send('已经走了')
      .send('上个月')
      .expectNot(/仲裁/)
      .expect(/雇主家住在哪里/)
      .send('锦绣花园3栋')
      .expect(/您做的是什么活/)
      .send('当保姆')
      .expect(/事情经过/)
      .send('她说手头紧让我等等，后来就不接电话了')
      .sendAll('没有', '李梅', '13900139000')
      .expect(/请核对您要反映的欠薪情况（个人或家庭雇用）/)
      .expect(/雇主类型：个人或家庭/)
      .expect(/工种：保姆/)
      .send('确认')
      .expect(/提交成功/)
      .expect(/一般不算劳动关系，不走劳动仲裁/)
      .expect(/人民调解委员会/)
      .expect(/基层人民法院起诉/)
      .expect(/小额诉讼/)
      .expect(/预约法律援助/)
      .send('好的')
      // The booking is for this case, linked to it, like 预约 QX….
      .expect(/为您的案件 QX\d{8}-\d{4}（王秀英）预约律师或检察官，事项和地点已经按案件填好，预约会和案件关联/)
      .expect(/预约法律援助前，需要您同意/)
      .send('1')
      .expect(/您想找谁帮忙/);
    // Never asked about construction, a project, a crew or a roster.
    expect(r.transcript.join('\n')).not.toMatch(/是工程建设项目吗|项目或工地|一共有多少人被拖欠|总包|名单/);
    const c = await theCase('web:h1');
    // Work for a family is a civil matter: the booking does not ask about the arbitration limit.
    const booked = await converse(t.chat, 'web:h1').sendAll('1', '1', '1', '1');
    expect(booked.transcript.join('\n')).not.toMatch(/您还在这家单位干吗|仲裁的时效/);
    expect(booked.text).toMatch(new RegExp(`请核对您的预约（关于案件 ${c.caseNo}）`));
    expect(booked.text).not.toMatch(/在职情况/);
    expect(c.kind).toBe('wage_arrears');
    expect(c.wage).toMatchObject({
      employer: '王秀英',
      employerKind: 'household',
      construction: false,
      headcount: { count: 1, approximate: false },
      employerAddress: '锦绣花园3栋',
      trade: '保姆',
      amount: 12000,
      nearArbitrationLimit: false,
    });
    const { text } = await staffNotice('web:h1');
    expect(text).toMatch(/类型：反映欠薪（个人或家庭雇用，一般按民事纠纷处理）/);
  });

  it('a period that names this month (`上个月和这个月的工资`) is counted to last month, and that is confirmed with its reason; 不对 asks again', async () => {
    const upToPeriod = (user: string) =>
      converse(t.chat, user)
        .send('我要反映欠薪')
        .sendAll('1', '青溪宏达建筑公司', '白沙', '沙湾村', '不是')
        .expect(/哪段时间/)
        .send('上个月和这个月的工资')
        .expect(/这个月的工资一般下个月才发，先算到\d{4}年\d{1,2}月/)
        .expect(/我理解的是：拖欠时间「[^」]*（1个月）」。对吗？/);
    await upToPeriod('web:p1').send('对').expect(/多少钱/);
    await upToPeriod('web:p2').send('不对').expect(/哪段时间/).expectNot(/多少钱/);
  });

  it('an employer named as a person is asked about; a family’s work long ago gets no arbitration warning and is not urgent', async () => {
    await converse(t.chat, 'web:h2')
      .send('我要反映欠薪')
      .sendAll('1', '刘大壮')
      .expect(/「刘大壮」是哪一种/)
      .expect(/个人或家庭/)
      .send('2')
      .expect(/给个人或家庭干活的，要钱的办法和单位欠薪不太一样/)
      .expect(/哪个镇或街道/)
      .sendAll('白沙', '沙湾村')
      .expect(/拖欠的是哪段时间/)
      .send(`${monthBack(13)}到${monthBack(11)}`)
      .expect(/多少钱/)
      .send('9000')
      .expect(/您现在还在这家干吗/)
      .sendAll('2', monthBack(11))
      .expectNot(/仲裁/)
      .sendAll('都跳过', '没有', '周强', '13800138000', '确认')
      .expect(/提交成功/)
      .expectNot(/优先处理/)
      .send('不用了')
      .expect(/有需要随时找我/);
    const c = await theCase('web:h2');
    expect(c).toMatchObject({ priority: 'normal', wage: { employerKind: 'household', nearArbitrationLimit: false } });
  });
});
