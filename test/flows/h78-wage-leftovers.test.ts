/*
 * Leftovers of the last round (helper h78), before and during a report:
 *  - a call asked for by someone who has sent nothing here (`我想让工作人员给我打电话` was 「没太明白」 and the menu,
 *    `能不能给我回个电话` 「答不上来」): staff have no number and no matter, said kindly, with 人工 and 12351 offered; nothing
 *    passed on. After a report it is still a note for the case worker (test/flows/lead-call-me.test.ts);
 *  - `有人联系我了吗` with a report unfinished (at a question, at the summary, kept as a draft, at 「欢迎回来！」): it fell
 *    through (「答不上来」, or the resume question alone); now: not sent yet, so nobody calls yet, and how to go on;
 *    with only a membership application (no case): that application's status, as 进度 shows it (it was 「答不上来」);
 *  - a project named at 是工程建设项目吗 (`叫啥，幸福小区，二期，` by voice was 「答不上来」, `叫幸福小区二期` asked again,
 *    `是 叫幸福小区二期` lost the name): a yes, with the project's name, both proposed and kept only on a yes.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { ZHANG, courierUpToReview } from '../membership/support.js';

const NOW = '2026-12-01T10:00:00+08:00';
let clock = manualClock(NOW);
const t = useFixture(() => {
  clock = manualClock(NOW);
  return startTestCore({ clock });
});

const someone = (tag: string) => `web:h78-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const session = (user: string) => t.chat.sessions.load(user, clock.now());
const MINUTE = 60_000;
const UNKNOWN = /答不上来|没太明白/;
const NOT_SENT = /您这次填的还没有提交，所以暂时还不会有人联系您/;
const TO_CONSTRUCTION = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚'];
const TO_REVIEW = [...TO_CONSTRUCTION, '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111'];

describe('a call asked for with nothing sent here', () => {
  it.each(['我想让工作人员给我打电话', '能不能给我回个电话', '让网格员给我打电话'])('%s: no number and no matter yet; 人工 or 12351 offered', async (said) => {
    const user = someone('call');
    await converse(t.chat, user).send(said).expect(/工作人员这边没有您的电话，也不知道是什么事/).expect(/回复「人工」/).expect(/12351/).expectNot(UNKNOWN);
    // Nothing begun, nothing sent.
    expect((await session(user))?.flowId ?? null).toBeNull();
    expect(await t.core.cases.listByUser(user, 5)).toEqual([]);
  });

  // guard: 人工 then asks what the problem is (the way offered works).
  it('guard: 人工 after it asks what the matter is', async () => {
    await converse(t.chat, someone('human')).send('我想让工作人员给我打电话').send('人工').expect(/说说您遇到的问题/).expectNot(UNKNOWN);
  });
});

describe('whether anyone has been in touch, with a report unfinished', () => {
  it('at a question of the form: not sent yet, and the question again', async () => {
    await converse(t.chat, someone('form')).sendAll('我要反映欠薪', '同意').send('有人联系我了吗').expect(NOT_SENT).expect(/欠您工资的单位叫什么名字/).expectNot(UNKNOWN);
  });

  it('at the summary: not sent yet, and the summary again', async () => {
    await converse(t.chat, someone('review')).sendAll(...TO_REVIEW).send('有没有人联系我').expect(NOT_SENT).expect(/请核对您要反映的欠薪情况/).expectNot(UNKNOWN);
  });

  it('an hour later (the form kept): not sent yet, and 继续 to go on', async () => {
    const user = someone('later');
    await converse(t.chat, user).sendAll('老板欠我工资', '同意', '好再来饭店');
    clock.advance(120 * MINUTE);
    await converse(t.chat, user).send('有人联系我了吗').expect(NOT_SENT).expect(/回复「继续」/).expectNot(UNKNOWN);
    await converse(t.chat, user).send('继续').expect(/您在哪个镇或街道干活/);
  });

  it('at 「欢迎回来！…还没填完」: not sent yet, and 继续 to go on', async () => {
    const user = someone('welcome');
    await converse(t.chat, user).sendAll('老板欠我工资', '同意', '好再来饭店');
    clock.advance(120 * MINUTE);
    await converse(t.chat, user).send('你好').expect(/欢迎回来/).send('有人联系我了吗').expect(NOT_SENT).expect(/回复「继续」/).expectNot(UNKNOWN);
    await converse(t.chat, user).send('继续').expect(/您在哪个镇或街道干活/);
  });

  // guard: where another question of the engine's waits (要先停在这里吗？), the status is not answered over it.
  it('guard: at 要先停在这里吗？ the status is not read as the form\'s', async () => {
    await converse(t.chat, someone('stop')).sendAll('老板欠我工资', '同意', '好再来饭店', '先不填了').send('有人联系我了吗').expectNot(NOT_SENT);
  });

  // guard: a lawyer asked about in the middle of a wage report is not answered with the report's state.
  it('guard: 律师联系我了吗 in a wage report is not answered 「您这次填的还没有提交」', async () => {
    await converse(t.chat, someone('lawyer')).sendAll('我要反映欠薪', '同意').send('律师联系我了吗').expectNot(/您这次填的还没有提交/);
  });
});

describe('whether anyone has been in touch, with only a membership application', () => {
  it.each(['有人联系我了吗', '工会有人联系我吗'])('%s: the application\'s status', async (said) => {
    const user = someone('joined');
    await courierUpToReview(t.chat, user, ZHANG).send('确认').expect(/入会申请已提交/);
    await converse(t.chat, user).send(said).expect(/入会申请 RH\d{8}-\d{4}/).expect(/状态：审核中/).expectNot(UNKNOWN);
  });
});

describe('a project named at 是工程建设项目吗', () => {
  it.each(['叫啥，幸福小区，二期，', '叫幸福小区二期', '是 叫幸福小区二期'])('%s: a yes and the project, proposed, kept on a yes', async (said) => {
    const user = someone('project');
    await converse(t.chat, user).sendAll(...TO_CONSTRUCTION).send(said).expect(/工程建设项目「是」、项目名称「幸福小区二期」。对吗？/).expectNot(UNKNOWN);
    const waiting = (await session(user))?.answers;
    expect(waiting?.construction).toBeUndefined();
    expect(waiting?.project).toBeUndefined();
    await converse(t.chat, user).send('对').expect(/拖欠的是哪段时间的工资/).expectNot(/项目或工地叫什么名字/);
    const kept = (await session(user))?.answers;
    expect(kept?.construction).toBe(true);
    expect(kept?.project).toBe('幸福小区二期');
  });

  // guard: a plain yes asks the project's name, as before; a no skips it.
  it('guard: 是 asks the name; 不是 does not', async () => {
    await converse(t.chat, someone('yes')).sendAll(...TO_CONSTRUCTION).send('是').expect(/项目或工地叫什么名字/);
    await converse(t.chat, someone('no')).sendAll(...TO_CONSTRUCTION).send('不是').expect(/拖欠的是哪段时间的工资/);
  });

  // guard: a name not known (`叫啥不知道`) or a name said with a no is never taken for a project.
  it.each(['不是 叫好再来饭店', '叫啥不知道'])('guard: %s proposes no project', async (said) => {
    await converse(t.chat, someone('none')).sendAll(...TO_CONSTRUCTION).send(said).expectNot(/项目名称「/);
  });
});
