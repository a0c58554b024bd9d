import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { compactDay } from '../../core/infra/time.js';
import { scenarioClock } from '../support/clock.js';
import { converse } from '../support/converse.js';
import { eventually, startTestCore } from '../support/core.js';

/** Saturday 21 November 2026, 10:00 — or 10:00 on the suite's day (GONGYOU_TEST_NOW). */
const clock = scenarioClock('2026-11-21', '10:00');
const NOW = clock.now();

/** `YYYY年M月`, `n` months before the current month (Beijing). */
function monthBack(n: number): string {
  const bj = new Date(NOW.getTime() + 8 * 3600_000);
  const d = new Date(Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth() - n, 1));
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月`;
}

const t = useFixture(() => startTestCore({ workers: true, clock }));

/** Walks the flow from consent to the review screen with good answers. */
function upToReview(user: string) {
  return converse(t.chat, user)
    .send('老板拖了我三个月工资')
    .expect(/同意吗/)
    .expectNot(/拖欠时间/)
    .send('1')
    // What the opening message said is confirmed once consent is given. This month's wage is not due yet.
    .expect(new RegExp(`我理解的是：拖欠时间「${monthBack(3)}至${monthBack(1)}（3个月）」。对吗？`))
    .send('对')
    .expect(/单位叫什么/)
    .send('青溪宏达建筑工程有限公司')
    .expect(/哪个镇或街道/)
    .send('东龙')
    .expect(/东龙镇的哪个村或社区/)
    .expect(/新塘社区/)
    .send('新塘')
    .expect(/工程建设项目/)
    .send('1')
    .expect(/项目或工地/)
    .send('青溪花园二期')
    .expect(/多少钱/)
    .send('两万八千五')
    .expect(/多少人/)
    .send('就我一个')
    .expect(/还在这家单位/)
    .send('2')
    .expect(/什么时候离开/)
    .send(monthBack(1))
    // The clue platform's questions come last, each may be skipped; 都跳过 skips them all.
    .expect(/还有几项补充信息/)
    .send('都跳过')
    .expect(/证据/)
    .send('没有')
    .expect(/怎么称呼/)
    .send('张三')
    .expect(/手机号/)
    .send('+86 138 0013 8000')
    .expect(/请核对/)
    .expect(/用人单位：青溪宏达建筑工程有限公司/)
    .expect(/干活的地方：东龙镇/)
    .expect(/拖欠金额：28,500元/)
    .expect(/手机号：13800138000/);
}

describe('wage report in chat', () => {
  it('when a worker answers every question well, then a case is submitted, routed to a grid worker in the grid, and both are told', async () => {
    await upToReview('web:w1')
      .send('确认')
      .expect(new RegExp(`提交成功！您的案件编号是 QX${compactDay(NOW)}-\\d{4}`))
      .expect(/东龙镇/);

    const [c] = await t.core.cases.listByUser('web:w1');
    expect(c).toBeDefined();
    expect(c!.wage).toMatchObject({ employer: '青溪宏达建筑工程有限公司', amount: 28500, construction: true, project: '青溪花园二期' });
    expect(c!.location).toMatchObject({ townshipId: 't01', gridId: 't01-g1', community: '新塘社区' });
    // The phone number is sealed, not stored in clear.
    expect(JSON.stringify(c)).not.toContain('13800138000');

    const routed = await eventually(async () => {
      const x = await t.core.cases.get(c!.id);
      return x?.assignee ? x : null;
    }, 8000, 'assignment');
    expect(['gw-001', 'gw-002', 'gw-003']).toContain(routed.assignee!.staffId);
    expect(routed.status).toBe('assigned');

    const staffInbox = await eventually(async () => {
      const r = await t.core.inbox.read(`staff:${routed.assignee!.staffId}`);
      return r.items.length > 0 ? r : null;
    }, 8000, 'staff notice');
    const notice = staffInbox.items[0]!.replies.map((r) => (r.type === 'text' ? r.text : '')).join('');
    expect(notice).toContain(routed.caseNo);
    expect(notice).toContain('13800138000'); // the assignee sees the full number
    expect(notice).toContain(`接单 ${routed.caseNo}`);

    const reporterInbox = await eventually(async () => {
      const r = await t.core.inbox.read('web:w1');
      return r.items.length > 0 ? r : null;
    }, 8000, 'reporter notice');
    expect(JSON.stringify(reporterInbox.items)).toContain('东龙镇第一网格');

    await converse(t.chat, 'web:w1').send('进度').expect(new RegExp(routed.caseNo)).expect(/已交给东龙镇第一网格处理/);
    // Pressing for it, in the worker's words: the same view, with by when someone calls and what happens if nobody does.
    // The accept deadline on Beijing's wall clock (UTC+8, no summer time), written out here rather than by the app.
    const bj = new Date(new Date(routed.acceptBy!).getTime() + 8 * 3600_000);
    const two = (n: number) => String(n).padStart(2, '0');
    const by = `${bj.getUTCMonth() + 1}月${bj.getUTCDate()}日 ${two(bj.getUTCHours())}:${two(bj.getUTCMinutes())}`;
    for (const urge of ['怎么还没人联系我', '帮我催一下', '钱什么时候能拿到']) {
      await converse(t.chat, 'web:w1')
        .send(urge)
        .expect(new RegExp(routed.caseNo))
        .expect(new RegExp(`工作人员会在${by}前联系您；到时还没人接，系统会催办并改派给其他工作人员。`));
    }
  });
});

describe('a headcount as it was said', () => {
  it('五六个人 is kept as five to six: on the summary, in the case record and in the assignee\'s notice (never 5多人)', async () => {
    await converse(t.chat, 'web:w-hc')
      .sendAll('老板拖了我三个月工资', '1', '对', '青溪宏达建筑工程有限公司', '东龙', '新塘', '1', '青溪花园二期', '两万八千五')
      .send('五六个人')
      .expect(/你们5至6个人一共被拖欠多少钱/)
      .sendAll('不知道', '2', monthBack(1), '都跳过', '没有', '张三', '+86 138 0013 8000')
      .expect(/被拖欠人数：5至6人/)
      .send('确认')
      .expect(/提交成功/);
    const [c] = await t.core.cases.listByUser('web:w-hc');
    expect(c!.wage!.headcount).toEqual({ count: 5, approximate: true, upTo: 6 });
    const routed = await eventually(async () => {
      const x = await t.core.cases.get(c!.id);
      return x?.assignee ? x : null;
    }, 8000, 'assignment');
    const notice = await eventually(async () => {
      const r = await t.core.inbox.read(`staff:${routed.assignee!.staffId}`);
      const texts = r.items.map((i) => i.replies.map((x) => (x.type === 'text' ? x.text : '')).join(''));
      return texts.find((x) => x.includes(routed.caseNo)) ?? null;
    }, 8000, 'staff notice');
    expect(notice).toContain('人数：5至6人');
  });
});

describe('arbitration limit and free-text openings', () => {
  it('when the worker left nearly a year ago, then they are warned and the case is urgent', async () => {
    await converse(t.chat, 'web:u2')
      .send('老板欠我两万八千五百元')
      .send('1')
      .expect(/我理解的是：拖欠金额「28,500元」。对吗？/)
      .sendAll('是的', '青溪宏达', '白沙', '沙湾村', '不是', `${monthBack(14)}到${monthBack(11)}`)
      .expect(/多少人/)
      .send('二十多个人')
      .expect(/你们20多个人一共被拖欠多少钱/)
      .send('不知道')
      .send('已经离开')
      .send(monthBack(11))
      .expect(/快到了，我们会加急处理/)
      .sendAll('都跳过', '没有', '李四', '13800138000')
      .expect(new RegExp(`离开时间：${monthBack(11)}`))
      .send('确认')
      .expect(/已标为优先处理/);
    const [c] = await t.core.cases.listByUser('web:u2');
    expect(c!.wage).toMatchObject({ nearArbitrationLimit: true, headcount: { count: 20, approximate: true } });
    const routed = await eventually(async () => {
      const x = await t.core.cases.get(c!.id);
      return x?.assignee ? x : null;
    }, 8000, 'assignment');
    expect(routed.priority).toBe('urgent');
    expect(routed.copied).toEqual(['sup-t02']);
  });
});
