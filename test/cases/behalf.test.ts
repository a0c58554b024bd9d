/*
 * A wage report made for someone else (probe round 3, B19), as staff see it: the assignee's new-case
 * notice and the staff case view say 【代为反映】 with the relation and the worker's name, the reporter
 * staying the contact; an ordinary report has no such line; 删除我的信息 blanks the worker's name (the
 * relation stays), as it does the reporter's. Real Redis, the routing and outbound workers, the real
 * HTTP app; the clock fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { forgetReporter, staffCaseText } from '../../core/cases/index.js';
import { manualClock } from '../../core/infra/clock.js';
import { eventually } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { SUBMITTED_REPORT } from '../support/wage-script.js';
import { startStaffApi } from '../staff/support.js';
import { staffNotices as notices, submittedAndRouted } from '../support/reports.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const api = useFixture(() => {
  clock.set(NOW);
  return startStaffApi({ workers: true, clock });
});

/** A report for the person's father 王大军 about 好再来饭店 in 河西街道, made by his daughter 王小红: submitted. */
const FOR_FATHER = [
  '我是他女儿我叫王小红 我爸叫王大军 他老板欠他工资', '2', '1', '对',
  '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就他一个', '还在干', '都跳过', '没有', '13700001111', '确认',
];

const submitted = (user: string, steps: readonly string[]) => submittedAndRouted(api.core, api.t.chat, user, steps);

const staffNotices = (staffId: string) => notices(api.core, staffId);

describe('B19 a report for someone else, as staff see it', () => {
  it('the assignee’s notice and the staff view say 【代为反映】替父亲王大军反映; the contact is the daughter', async () => {
    const c = await submitted('web:b19s1', FOR_FATHER);
    expect(c.wage?.onBehalf).toEqual({ relation: '爸', workerName: '王大军' });
    const assignee = c.assignee!.staffId;
    const notice = await eventually(async () => {
      const all = await staffNotices(assignee);
      return all.includes(c.caseNo) ? all : null;
    }, 8000, 'the assignee told');
    expect(notice).toMatch(/【新案件】/);
    expect(notice).toContain('【代为反映】替父亲王大军反映');
    expect(notice).toContain('联系人：王小红');
    const view = await api.req('GET', `/api/v1/staff/cases/${c.caseNo}`, { token: await api.staff(assignee) });
    expect(view.status).toBe(200);
    expect(view.body.case.wage.onBehalf).toEqual({ relation: '爸', workerName: '王大军', text: '【代为反映】替父亲王大军反映' });
    expect(view.body.case.reporter.name).toBe('王小红');
  });

  it('an ordinary report has no 代为反映 line, and its staff view says onBehalf null', async () => {
    const c = await submitted('web:b19s2', SUBMITTED_REPORT);
    expect(staffCaseText(api.core.directory.index(), c, { phone: null, isAssignee: true })).not.toContain('代为反映');
    const view = await api.req('GET', `/api/v1/staff/cases/${c.caseNo}`, { token: await api.staff(c.assignee!.staffId) });
    expect(view.body.case.wage.onBehalf).toBeNull();
  });

  it('删除我的信息 blanks the worker’s name as it does the reporter’s (the relation stays)', async () => {
    const c = await submitted('web:b19s3', FOR_FATHER);
    await forgetReporter(api.core, 'web:b19s3', () => undefined);
    const after = (await api.core.cases.get(c.id))!;
    expect(after.reporter.name).toBeNull();
    expect(after.wage?.onBehalf).toEqual({ relation: '爸', workerName: null });
    expect(JSON.stringify(after)).not.toMatch(/王大军|王小红/);
    expect(staffCaseText(api.core.directory.index(), after, { phone: null, isAssignee: true })).toContain('【代为反映】替父亲反映');
  });
});
