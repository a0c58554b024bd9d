/*
 * Staff asking how a case stands, and about an ended one, in WeChat: `QX… 怎么样了` answers with its details (状态
 * among them); a township supervisor's closed case is still theirs to ask about and note (it was "不是您负责的案件");
 * `这个怎么办` about an ended case lists no close or extension; a number of no case of theirs asked about is not
 * told "这条还没有记下" (nothing was to be written).
 */
import { describe, expect, it } from 'vitest';
import { rateCase } from '../../core/cases/feedback.js';
import { GW1, OTHER_SUP, SUP, staffInWechat } from './in-wechat.js';
import { workingDayAt } from './support.js';

const s = staffInWechat(workingDayAt('10:00'));

/** A case gw-001 took, closed with money back and rated by the reporter: `closed`. */
async function closedCase() {
  await s.bind(GW1, 'gw-001');
  await s.bind(SUP, 'sup-t01');
  const c = await s.acceptedByGw1();
  expect(await s.ask(GW1, `办结 ${c.caseNo} 追回 5000`)).toMatch(/^已办结/);
  await rateCase(s.app.t.core, c.id, 'satisfied');
  expect((await s.get(c)).status).toBe('closed');
  return c;
}

describe('staff asking how a case stands', () => {
  it('when a grid worker or their supervisor asks `QX… 怎么样了` about an open case, then its details say how it stands', async () => {
    await s.bind(GW1, 'gw-001');
    await s.bind(SUP, 'sup-t01');
    const c = await s.acceptedByGw1();
    for (const [who, words] of [[GW1, `${c.caseNo} 怎么样了`], [SUP, `${c.caseNo} 办到哪一步了？`], [SUP, `${c.caseNo}进展如何？`]] as const) {
      const a = await s.ask(who, words);
      expect(a, `${who}: ${words}`).toContain(`案件编号：${c.caseNo}`);
      expect(a).toContain('状态：办理中');
      expect(a).not.toMatch(/没看懂|备注/);
    }
    expect((await s.get(c)).status).toBe('accepted');
  });

  it('when a supervisor with several cases asks `这个案子怎么样了`, then which case is asked (it was 没看懂)', async () => {
    await s.bind(GW1, 'gw-001');
    await s.bind(SUP, 'sup-t01');
    await s.acceptedByGw1();
    await s.acceptedByGw1();
    const a = await s.ask(SUP, '这个案子怎么样了');
    expect(a).toMatch(/要问哪件案件？请写上编号/);
    expect(a).toContain('我的案件');
  });

  it('when the township supervisor writes about a closed case of their township, then it is theirs: a note is offered, the status said', async () => {
    const c = await closedCase();
    const note = await s.ask(SUP, `${c.caseNo} 工人又来找了`);
    expect(note).not.toContain('不是您负责的案件');
    expect(note).toContain(`备注 ${c.caseNo} 工人又来找了`);
    expect(await s.ask(SUP, '好')).toMatch(/已记下备注/);
    expect((await s.get(c)).notes.map((n) => n.text)).toContain('工人又来找了');
    const now = await s.ask(SUP, `${c.caseNo} 现在什么情况`);
    expect(now).toContain(`案件编号：${c.caseNo}`);
    expect(now).toContain('状态：已结案');
  });

  it('when `这个怎么办` is asked about an ended case, then no close, extension or 退回 is listed', async () => {
    const c = await closedCase();
    for (const who of [GW1, SUP]) {
      const a = await s.ask(who, `${c.caseNo} 这个怎么办`);
      expect(a).toContain(`案件 ${c.caseNo} 已经办结，不用再办了`);
      expect(a).toContain(`详情 ${c.caseNo}`);
      expect(a).not.toMatch(/办结 QX|延期 QX|退回 QX/);
    }
  });

  it('when a number of no case of theirs is asked about, then it is said plainly, without "这条还没有记下"', async () => {
    await s.bind(GW1, 'gw-001');
    const a = await s.ask(GW1, 'QX20261201-0099 怎么样了');
    expect(a).toContain('QX20261201-0099 不是您负责的案件，请核对编号');
    expect(a).not.toContain('还没有记下');
  });

  // Guard: another township's supervisor is still told the case is not theirs, and sees nothing of it.
  it('when another township’s supervisor asks about the closed case, then it is not theirs', async () => {
    const c = await closedCase();
    await s.bind(OTHER_SUP, 'sup-t02');
    const a = await s.ask(OTHER_SUP, `${c.caseNo} 怎么样了`);
    expect(a).toContain(`${c.caseNo} 不是您负责的案件`);
    expect(a).not.toMatch(/已结案|案件编号/);
  });
});
