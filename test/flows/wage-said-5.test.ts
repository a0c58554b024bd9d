/*
 * The wage report, what the person meant (fifth part), as transcripts on real Redis:
 *  - C1: a bare `不知道` (`不清楚`, `不太清楚`, `说不好`) at the headcount question offers the rough figures
 *    (十来个 / 二三十个 / 五十个左右 / 上百个), as `不清楚 反正很多人` does; said again at that chooser, the usual
 *    answer to not knowing a required answer follows (never the chooser again: no loop). Other questions keep
 *    their own answer to `不知道`.
 *  - C2: at the employer question, a site beside the one who owes (`青溪花园二期 包工头是老王`,
 *    `在青溪花园二期干活 老板是老王`, `包工头老王 在青溪花园二期`): the boss or foreman is proposed as the
 *    employer (a foreman as 老王（包工头）), the site as the project; all of it confirmed, never the site as the
 *    employer.
 *  - C3: `不对` to 「代为反映…对吗？」 sticks for the rest of the report: later words about someone else's wages
 *    are proposed once more (only a yes makes it someone else's report), then never again (said so).
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

async function caseOf(user: string) {
  const [c] = await t.core.cases.listByUser(user, 10);
  return c!;
}

const ROUGH = /不用很准。大概多少人？选一个最接近的就行/;
const toEmployer = (user: string) => converse(t.chat, user).sendAll('反映欠薪', '同意').expect(/单位叫什么名字/);
/** A report about 宏达建筑公司 in 东龙镇 (not construction), August to October, 8,000, up to the headcount question. */
const toHeadcount = (user: string) =>
  converse(t.chat, user).sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1', '不是', '今年8月到10月').send('8000').expect(/一共有多少人被拖欠/);

describe('C1: not knowing how many people are owed', () => {
  for (const said of ['不知道', '不清楚', '不太清楚', '说不好']) {
    it(`${said} at the headcount question offers the rough figures, small ones first; 4 is 20 to 30, approximate`, async () => {
      await toHeadcount(`web:w5c1-${said}`)
        .send(said)
        .expect(ROUGH)
        .check((replies) => {
          const options = replies.flatMap((r) => ('options' in r && r.options ? r.options.map((o) => o.label) : []));
          expect(options).toEqual(['两三个', '四五个', '十来个', '二三十个', '五十个左右', '上百个']);
        })
        .expectNot(/需要知道个大概|没看明白/)
        .send('4')
        .expect(/你们20至30个人一共被拖欠多少钱/);
      expect((await session(`web:w5c1-${said}`)).answers).toMatchObject({ headcount: { count: 20, approximate: true, upTo: 30 } });
    });
  }

  it('不知道 again at the chooser: the usual answer for a required question, never the chooser again', async () => {
    await toHeadcount('web:w5c1b')
      .send('不知道')
      .expect(ROUGH)
      .send('不知道')
      .expect(/没关系。这一项我们需要知道个大概，想想看，或者回复「人工」请工作人员帮您。/)
      .expectNot(ROUGH)
      .expectNot(/十来个/)
      .send('不知道')
      .expectNot(ROUGH)
      .expect(/回复「人工」/)
      .send('十来个')
      .expect(/你们约10个人一共被拖欠多少钱/);
    expect((await session('web:w5c1b')).answers).toMatchObject({ headcount: { count: 10, approximate: true, about: true } });
  });

  it('不清楚 反正很多人 then 不知道: the chooser is not offered twice', async () => {
    await toHeadcount('web:w5c1c').send('不清楚 反正很多人').expect(ROUGH).send('不知道').expect(/需要知道个大概/).expectNot(ROUGH);
    expect((await session('web:w5c1c')).answers).not.toHaveProperty('headcount');
  });

  it('不想说 at the headcount question is still a refusal, not the chooser', async () => {
    await toHeadcount('web:w5c1d').send('不想说').expect(/理解您的顾虑/).expectNot(ROUGH);
  });

  it('other questions keep their own answer to 不知道 (the amount)', async () => {
    await converse(t.chat, 'web:w5c1e')
      .sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1', '不是')
      .send('今年8月到10月')
      .expect(/被拖欠了多少钱/)
      .send('不知道')
      .expect(/需要知道个大概/)
      .expectNot(ROUGH);
  });
});

describe('C2: a site said beside the one who owes, at the employer question', () => {
  it('青溪花园二期 包工头是老王: 老王（包工头） proposed with the project, never 青溪花园二期 as the employer', async () => {
    await toEmployer('web:w5c2a')
      .send('青溪花园二期 包工头是老王')
      .expect(/我理解的是：用人单位「老王（包工头）」、工程建设项目「是」、项目名称「青溪花园二期」。对吗？/)
      .expectNot(/用人单位「青溪花园二期」/)
      .send('对')
      .expect(/哪个镇或街道/);
    expect((await session('web:w5c2a')).answers).toMatchObject({ employer: '老王（包工头）', construction: true, project: '青溪花园二期' });
  });

  it('在青溪花园二期干活 老板是老王: 老王 proposed, the project kept, never asked which kind 老王 is', async () => {
    await toEmployer('web:w5c2b')
      .send('在青溪花园二期干活 老板是老王')
      .expect(/我理解的是：用人单位「老王」、工程建设项目「是」、项目名称「青溪花园二期」。对吗？/)
      .send('对')
      .expect(/哪个镇或街道/)
      .expectNot(/是哪一种/);
    expect((await session('web:w5c2b')).answers).toMatchObject({ employer: '老王', construction: true, project: '青溪花园二期' });
  });

  it('包工头老王 在青溪花园二期: the same, the other way round', async () => {
    await toEmployer('web:w5c2c').send('包工头老王 在青溪花园二期').expect(/用人单位「老王（包工头）」、工程建设项目「是」、项目名称「青溪花园二期」。对吗？/).send('对');
    expect((await session('web:w5c2c')).answers).toMatchObject({ employer: '老王（包工头）', project: '青溪花园二期' });
  });

  it('nothing is kept before the yes; 不对 then the project picked as wrong keeps the employer only', async () => {
    await toEmployer('web:w5c2d').send('青溪花园二期 包工头是老王').expect(/对吗？/);
    expect((await session('web:w5c2d')).answers).not.toHaveProperty('employer');
    await converse(t.chat, 'web:w5c2d').send('不对').expect(/哪一项不对/).send('3').expect(/项目名称先不记/);
    const a = (await session('web:w5c2d')).answers;
    expect(a).toMatchObject({ employer: '老王（包工头）' });
    expect(a).not.toHaveProperty('project');
  });

  it('the foreman as employer: 就是他 at the 包工头 question is 老王', async () => {
    await toEmployer('web:w5c2e')
      .sendAll('青溪花园二期 包工头是老王', '对', '东龙', '不清楚', '今年8月到10月', '8000', '就我一个', '还在干', '不知道', '不知道', '不知道')
      .send('不知道')
      .expect(/包工头或班组长叫什么？就是「老王」的话，回复「就是他」。/)
      .send('就是他')
      .expect(/工种/);
    expect((await session('web:w5c2e')).answers).toMatchObject({ employer: '老王（包工头）', labourContractor: '老王' });
  });

  it('在锦绣花园干活 老板是刘先生 (no sign of building work): 刘先生 proposed, 锦绣花园 never the employer nor a project', async () => {
    await toEmployer('web:w5c2f').send('在锦绣花园干活 老板是刘先生').expect(/我理解的是：用人单位「刘先生」。对吗？/).expectNot(/锦绣花园」/);
  });
});

describe('C3: 不对 to reporting for someone else sticks (asked once more at most)', () => {
  /** An ordinary report up to the amount question (the person's own, so far). */
  const upToAmount = (user: string) =>
    converse(t.chat, user).send('老板拖了我三个月工资').sendAll('1', '对', '宏达建筑', '东龙', '不清楚', '不是').expect(/您自己一共被拖欠了多少钱/);

  it('不对, then the same words again later: asked once more; 不对 again, never proposed again; the report stays the person\'s own', async () => {
    await upToAmount('web:w5c3a')
      .send('这是帮我爸报的')
      .expect(/代为反映「替父亲反映」。对吗？/)
      .send('不对')
      .expect(/您自己一共被拖欠了多少钱/)
      .send('8000')
      .expect(/一共有多少人被拖欠/)
      .send('这是帮我爸报的')
      .expect(/^我理解的是：代为反映「替父亲反映」。对吗？/)
      .send('不对')
      .expect(/一共有多少人被拖欠/)
      .send('就我一个')
      .expect(/还在这家单位干吗/)
      .send('不是我 是我爸被欠的')
      .expect(/^您前面说过不是替别人反映，我先按您本人的情况记。/)
      .expect(/还在这家单位干吗/)
      .expectNot(/代为反映|替父亲/);
    const a = (await session('web:w5c3a')).answers;
    expect(a).toMatchObject({ behalfDenied: true, behalfReasked: true, amount: { yuan: 8000 }, headcount: { count: 1 } });
    expect(a).not.toHaveProperty('onBehalf');
    expect(a).not.toHaveProperty('workerName');
  });

  it('the report submitted after 不对 is the person\'s own', async () => {
    await upToAmount('web:w5c3b')
      .send('这是帮我爸报的')
      .send('不对')
      .sendAll('8000', '就我一个', '还在干')
      .send('其实是帮我爸报的')
      .expect(/^我理解的是：代为反映「替父亲反映」。对吗？/)
      .send('不对')
      .expect(/单位的地址在哪里/)
      .sendAll('都跳过', '没有', '王芳', '13812345678')
      .expectNot(/代为反映/)
      .send('确认')
      .expect(/提交成功/);
    expect((await caseOf('web:w5c3b')).wage?.onBehalf).toBeNull();
  });

  it('不对 是我自己的: taken as the person\'s own, and never proposed again either', async () => {
    await upToAmount('web:w5c3c')
      .send('这是帮我爸报的')
      .expect(/代为反映「替父亲反映」。对吗？/)
      .send('不对 是我自己的')
      .expect(/我本人/)
      .expect(/您自己一共被拖欠了多少钱/)
      .send('8000')
      .send('不是我 是我爸被欠的')
      .expect(/^您是要改成：代为反映「替父亲反映」，对吗？\n（之前填的是：被欠工资的人「我本人」）/)
      .send('不对')
      .send('就我一个')
      .send('这是帮我爸报的')
      .expect(/^您前面说过不是替别人反映/)
      .expectNot(/代为反映|替父亲/);
    expect((await session('web:w5c3c')).answers).toMatchObject({ onBehalf: false, behalfDenied: true, behalfReasked: true });
  });

  it('a yes still works as before (no marker when the report is for someone else)', async () => {
    await upToAmount('web:w5c3d').send('这是帮我爸报的').expect(/对吗？/).send('对').expect(/被欠工资的人叫什么名字/);
    const a = (await session('web:w5c3d')).answers;
    expect(a).toMatchObject({ onBehalf: { relation: '爸' } });
    expect(a).not.toHaveProperty('behalfDenied');
  });
});
