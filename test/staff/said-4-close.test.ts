/*
 * What staff type in WeChat to extend, close, list and reassign cases, read as
 * they meant it (probe 4): 延期 with a day, weeks, a month or Chinese numerals;
 * 办结 with amounts as written (2.85万, 还欠, （全额）) and a full recovery
 * far below the claim confirmed first; 我的案件 with each case's next limit;
 * 改派 by a supervisor; 退回 on a closed case; a short 接单 answer.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers;
 * a manual clock on the suite's working day, every date counted on its calendar.
 */
import { describe, expect, it } from 'vitest';
import { setDuty } from '../../core/staff/duty.js';
import { suiteDirectory } from '../support/core.js';
import { addWorkingDays, createCalendar, type Calendar } from '../../core/infra/calendar.js';
import { addDays, chinaDay, chinaInstant, dayLabel, shortTime } from '../../core/infra/time.js';
import type { Case } from '../../core/cases/store.js';
import { workingDayAt } from './support.js';
import { GW1, GW2, SUP, staffInWechat } from './in-wechat.js';

const cal: Calendar = createCalendar(suiteDirectory().calendar);
const T0 = workingDayAt('10:00');
const { clock, app, say, get, bind, routedToGw1: routedCase, acceptedByGw1: acceptedCase } = staffInWechat(T0);

/** Working days after `from`'s day up to `to`'s day, counted here (not with the app's helper). */
function workingDaysUntil(fromDay: string, toDay: string): number {
  let n = 0;
  for (let d = fromDay; d < toDay; ) {
    d = addDays(d, 1);
    if (cal.isWorkingDay(d)) n += 1;
  }
  return n;
}

const md = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

describe('延期 in ordinary words (A1, B10)', () => {
  it('a day, weeks, a month or Chinese numerals are read as meant, or asked about; the leading digits of another word are never days and no reason is cut up', async () => {
    await bind(GW1, 'gw-001');
    await bind(SUP, 'sup-t01');
    const c = await acceptedCase();
    const no = c.caseNo;

    // A day of the month alone, 5日, 十多天, 三方协商: asked, with the case's own number, nothing recorded.
    for (const typed of ['10号前办完', '5日 等核实', '十多天 等核实', '三方协商中', '10多天 老板筹钱', '月底前']) {
      expect(await say(GW1, `延期 ${no} ${typed}`, /^没看懂/), typed).toMatch(new RegExp(`^没看懂要延多久。请写工作日天数或延到哪天，例如：\\n延期 ${no} 5 等住建部门核实\\n延期 ${no} 到`));
    }
    // Two months are more than the cap: a clear answer with what is left, nothing recorded.
    const month = await say(GW1, `延期 ${no} 两个月 老板筹钱`, /超过了上限/);
    expect(month).toMatch(/^延两个月（到\d+月\d+日）要延\d+个工作日，超过了上限：一件案件最多延期15个工作日，这件还能延15个工作日，最晚到/);
    expect(month).toContain(`延期 ${no} 15 老板筹钱`);
    expect((await get(c)).extensions).toEqual([]);

    // 两天: two working days.
    const two = addWorkingDays(cal, new Date(c.resolveBy!), 2);
    expect(await say(GW1, `延期 ${no} 两天 等住建核实`, /^已延期/)).toMatch(new RegExp(`^已延期2个工作日，新的办结期限是${shortTime(two.toISOString())}。`));

    // 到<a day>: the working days up to it; the new limit said back; the reason whole.
    const from = chinaDay(two);
    let target = addDays(from, 8);
    while (!cal.isWorkingDay(target)) target = addDays(target, 1);
    const days = workingDaysUntil(from, target);
    const answer = await say(GW1, `延期 ${no} ${md(target)} 老板说月底前给`, /^已延期/);
    expect(answer).toMatch(new RegExp(`^已延期${days}个工作日，新的办结期限是${md(target)} 10:00。已告诉报告人和镇（街道）工会。`));
    const x = await get(c);
    expect(x.resolveBy).toBe(chinaInstant(target, '10:00').toISOString());
    expect(x.extensions.map((e) => ({ days: e.days, reason: e.reason }))).toEqual([
      { days: 2, reason: '等住建核实' },
      { days, reason: '老板说月底前给' },
    ]);
    // The supervisor reads the length and the reason as meant.
    const notice = await app.w.waitFor(SUP, /【延期】[\s\S]*老板说月底前给/);
    expect(notice.text).toContain('原因：老板说月底前给');
    expect(app.w.inbox(SUP).map((m) => (m.type === 'text' ? m.text : ''))).not.toContainEqual(expect.stringMatching(/原因：(月|周|号)/));

    // A day already inside the limit: nothing to extend.
    expect(await say(GW1, `延期 ${no} 到${md(from)} 等核实`, /不用延/)).toContain(`不用延到${md(from)}`);
    expect((await get(c)).extensions).toHaveLength(2);
  });

  it('两周 is two calendar weeks from the present limit, counted in working days and said back; 到<a day> with no reason asks for it', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedCase();
    const from = chinaDay(new Date(c.resolveBy!));
    const target = addDays(from, 14);
    const days = workingDaysUntil(from, target);
    expect(await say(GW1, `延期 ${c.caseNo} 到${md(target)}`, /^请写上延期的原因/)).toBe('请写上延期的原因');
    const answer = await say(GW1, `延期 ${c.caseNo} 两周 等住建核实`, /^已延期/);
    const to = addWorkingDays(cal, new Date(c.resolveBy!), days);
    expect(answer).toMatch(new RegExp(`^已延期两周（${days}个工作日），新的办结期限是${shortTime(to.toISOString())}`));
    expect((await get(c)).extensions.map((e) => [e.days, e.reason])).toEqual([[days, '等住建核实']]);
  });
});

describe('办结 with amounts and days as staff write them (B10, A5)', () => {
  it('2.85万, 还欠, （全额）, 已追回…元, no amount, 明天 and 下一步 inside a reason', async () => {
    await bind(GW1, 'gw-001');
    const today = chinaDay(T0);
    const cases: [string, (x: Case, answer: string) => void][] = [
      ['追回2.85万', (x) => expect(x.outcome).toMatchObject({ recovered: 28500, full: true })],
      [
        '追回 3000 还欠25500',
        (x, answer) => {
          expect(x.outcome).toMatchObject({ recovered: 3000, full: false });
          expect(answer).toContain('记录的结果：追回3,000元（部分，报告人反映欠28,500元）');
        },
      ],
      ['追回28500（全额）', (x) => expect(x.outcome).toMatchObject({ recovered: 28500, full: true })],
      ['已追回28500元', (x) => expect(x.outcome).toMatchObject({ recovered: 28500, full: true })],
      [
        '未追回 老板说下一步再说 下一步 仲裁',
        (x) => expect(x.outcome).toMatchObject({ recovered: null, reason: '老板说下一步再说', nextStep: { kind: 'arbitration' } }),
      ],
      [
        '未追回 老板跑路 下一步 移交 人社局 明天跟进',
        (x, answer) => {
          // Tomorrow, or the next working day when tomorrow is not one.
          let day = addDays(today, 1);
          while (!cal.isWorkingDay(day)) day = addDays(day, 1);
          expect(x.outcome).toMatchObject({ recovered: null, reason: '老板跑路', nextStep: { kind: 'transfer', unit: '人社局', followUpOn: day } });
          expect(answer).toContain(`下一步：已移交人社局，工会${dayLabel(day)}跟进`);
        },
      ],
    ];
    for (const [typed, check] of cases) {
      const c = await acceptedCase();
      const answer = await say(GW1, `办结 ${c.caseNo} ${typed}`, /^(?!【)/);
      expect(answer, typed).toMatch(/^已办结。/);
      const x = await get(c);
      expect(x.status, typed).toBe('resolved');
      check(x, answer);
    }
    // Money said to be back with no amount: asked, nothing recorded.
    const c = await acceptedCase();
    expect(await say(GW1, `办结 ${c.caseNo} 钱已经要回来了`, /^(?!【)/)).toMatch(/^追回了多少钱？请写上金额，例如「办结 QX… 追回 28500」/);
    expect(await say(GW1, `办结 ${c.caseNo} 追回 3000 老板说下月给`, /^(?!【)/)).toMatch(/^没看懂追回金额后面的话/);
    expect((await get(c)).status).toBe('accepted');
  });

  it('追回 3000 全部 on a 28,500元 claim is asked about first; 全额 确认 records it as typed; without 全额 it is partial', async () => {
    await bind(GW1, 'gw-001');
    const a = await acceptedCase();
    const ask = await say(GW1, `办结 ${a.caseNo} 追回 3000 全部`, /^(?!【)/);
    expect(ask).toBe(
      [
        '报告人反映欠28,500元，您写的是全部追回3,000元。还没有记录。',
        `确认已全部追回，请发：办结 ${a.caseNo} 追回 3000 全额 确认`,
        `还有没追回的，请发：办结 ${a.caseNo} 追回 3000`,
      ].join('\n'),
    );
    expect((await get(a)).status).toBe('accepted');
    expect(await say(GW1, `办结 ${a.caseNo} 追回 3000 全额 确认`, /^(?!【)/)).toContain('记录的结果：追回3,000元（全额）');
    expect((await get(a)).outcome).toMatchObject({ recovered: 3000, full: true });

    const b = await acceptedCase();
    await say(GW1, `办结 ${b.caseNo} 追回 3000 全部`, /^报告人反映/);
    expect(await say(GW1, `办结 ${b.caseNo} 追回 3000`, /^(?!【)/)).toContain('追回3,000元（部分，报告人反映欠28,500元）');
    expect((await get(b)).outcome).toMatchObject({ recovered: 3000, full: false });
    // Close to the claim (deductions, rounding): recorded as typed, not asked.
    const d = await acceptedCase();
    expect(await say(GW1, `办结 ${d.caseNo} 追回 27000 全额`, /^(?!【)/)).toMatch(/^已办结。/);
    expect((await get(d)).outcome).toMatchObject({ recovered: 27000, full: true });
  });
});

describe('workload in WeChat (B8), 接单 (C4)', () => {
  it('我的案子 / 待办 / 案件 / 列表 list each case with its next limit; 今天要办的 and 超时的有哪些 only those due today or overdue', async () => {
    await bind(GW1, 'gw-001');
    const a = await acceptedCase();
    const b = await routedCase();
    for (const word of ['我的案子', '待办', '案件', '列表', '我还有几个案子没办']) {
      const list = await say(GW1, word, /^(?!【)/);
      expect(list, word).toMatch(/^您的案件（2件）：/);
      expect(list, word).toContain(`· ${a.caseNo} 办理中 青溪宏达建筑工程有限公司，办结期限${shortTime(a.resolveBy)}`);
      expect(list, word).toContain(`· ${b.caseNo} 待接单 青溪宏达建筑工程有限公司，接单期限${shortTime(b.acceptBy)}`);
      expect(list, word).not.toMatch(/已超期|今天到期/);
    }
    expect(await say(GW1, '超时的有哪些', /^(?!【)/)).toBe('您的2件案件都没有超期，今天也没有到期的。发「我的案件」看全部。');
    expect(await say(GW1, `案件 ${a.caseNo}`, /^(?!【)/)).toContain(`办结期限：${shortTime(a.resolveBy)}`);

    // The morning b's accept limit falls due.
    clock.set(chinaInstant(chinaDay(new Date(b.acceptBy!)), '08:00'));
    const due = await say(GW1, '今天要办的', /^(?!【)/);
    expect(due).toBe(`已超期或今天到期的案件（1件）：\n· ${b.caseNo} 待接单 青溪宏达建筑工程有限公司，接单期限${shortTime(b.acceptBy)}【今天到期】\n回复「详情 编号」查看。`);

    // Past a's resolve limit (and b's accept limit: the deadline worker may reassign b and tell GW1 so at any moment, a
    // notice 「案件 QX… 已超过接单期限，已改派…」 that is no answer to what GW1 typed; the answers are picked by their start).
    clock.set(new Date(Date.parse(a.resolveBy!) + 3600_000));
    const late = await say(GW1, '超时的有哪些', /^(?!【|案件 QX)/);
    expect(late).toMatch(/^已超期或今天到期的案件（\d件）：/);
    expect(late).toContain(`· ${a.caseNo} 办理中 青溪宏达建筑工程有限公司，办结期限${shortTime(a.resolveBy)}【已超期】`);
    expect(await say(GW1, '我的案件', /^(?!【|案件 QX)/)).toMatch(/\n已超期\d件。回复「详情 编号」查看。$/);
  });

  it('the 接单 answer is three short lines', async () => {
    await bind(GW1, 'gw-001');
    const c = await routedCase();
    const answer = await say(GW1, `接单 ${c.caseNo}`, /^(?!【)/);
    const x = await get(c);
    expect(answer).toBe(
      [
        `已接单。案件 ${c.caseNo} 现在是「办理中」，请在${shortTime(x.resolveBy)}前办结。`,
        `追回了：办结 ${c.caseNo} 追回 金额`,
        `没追回：办结 ${c.caseNo} 未追回 原因 下一步 仲裁`,
      ].join('\n'),
    );
  });
});

describe('a supervisor in WeChat: 改派 (B9), 退回 on a closed case (B12)', () => {
  it('改派 QX… 姓名 hands the case over; an unknown name, someone routing could not pick, or a grid worker changes nothing', async () => {
    await bind(GW1, 'gw-001');
    await bind(GW2, 'gw-002');
    await bind(SUP, 'sup-t01');
    const c = await routedCase();
    const unchanged = async () => expect(await get(c)).toMatchObject({ status: 'assigned', assignee: { staffId: 'gw-001' }, assignmentSeq: c.assignmentSeq });

    expect(await say(GW1, `改派 ${c.caseNo} 黄丽娟`, /岗位/)).toBe('您的岗位不能使用这条指令。');
    expect(await say(SUP, `改派 ${c.caseNo}`, /改派给谁/)).toMatch(/^请写上改派给谁（姓名或编号）/);
    expect(await say(SUP, `改派 ${c.caseNo} 李四`, /名录中没有/)).toMatch(/^名录中没有「李四」。可以改派给：.*黄丽娟/);
    await unchanged();
    // Off duty (休息), or another grid's worker: refused before the case leaves gw-001.
    await setDuty(app.t.core, 'gw-003', false);
    expect(await say(SUP, `改派 ${c.caseNo} 张建华`, /不能改派/)).toMatch(/^不能改派给张建华：/);
    expect(await say(SUP, `改派 ${c.caseNo} gw-005`, /不能改派/)).toMatch(/^不能改派给王海军：/);
    expect(await say(SUP, `改派 ${c.caseNo} 林志强`, /已经在/)).toBe(`案件 ${c.caseNo} 已经在林志强手上。`);
    await unchanged();

    expect(await say(SUP, `改派 ${c.caseNo} 黄丽娟 她熟悉这个工地`, /已改派/)).toBe(`已改派给黄丽娟，已通知对方和报告人。案件 ${c.caseNo} 现在是「待接单」。`);
    const x = await get(c);
    expect(x.assignee!.staffId).toBe('gw-002');
    expect(x.notes.at(-1)!.text).toBe('改派给黄丽娟：她熟悉这个工地');
    expect((await app.w.waitFor(GW2, new RegExp(`【新案件】[\\s\\S]*${c.caseNo}`))).text).toContain(`接单 ${c.caseNo}`);
  });

  it('退回 on a case already closed says so; on a case someone else holds it points to 改派', async () => {
    await bind(GW1, 'gw-001');
    await bind(SUP, 'sup-t01');
    const open = await routedCase();
    expect(await say(SUP, `退回 ${open.caseNo} 不归我们`, /改派/)).toBe(`案件 ${open.caseNo} 不在您手上，没有待审批的办结。要换人办理，请发「改派 ${open.caseNo} 姓名」。`);
    const c = await acceptedCase();
    await say(GW1, `办结 ${c.caseNo} 追回 28500`, /^已办结。/);
    expect(await say(SUP, `退回 ${c.caseNo} 钱没到`, /已办结/)).toBe(`案件 ${c.caseNo} 已办结，没有待审批的办结，不能退回。`);
    expect((await get(c)).status).toBe('resolved');
  });
});
