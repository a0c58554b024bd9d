/*
 * The wage report, what the person meant (fourth part, continued), as transcripts on real Redis:
 *  - B5: the employer named with the amount and how long they worked (`宏达建筑欠我8000块 干了三个月`), in the first
 *    message or at the employer question, is kept (never asked again);
 *  - B7: a family known only by surname (`给一户人家当保姆 她姓张 叫啥不知道`, `就知道姓张 别的不知道`): 张女士 or
 *    张姓雇主, confirmed, never stuck;
 *  - B8: `在鑫源厂 老板跑了` → 鑫源厂; `是劳务派遣公司派我去鑫源的` → 鑫源; `公司名字忘了 在工业园二号` is the unit's
 *    address (confirmed), never its name; `在东龙工业园的鑫源厂` → 鑫源厂;
 *  - B13: `青溪花园二期 总包是中建三局` keeps the project; `刘大壮 13912345678` at the labour contractor's question is
 *    his name (the number is his: never the person's contact phone);
 *  - B10c: `不清楚 反正很多人` at the headcount question offers rough figures; the one chosen is recorded as approximate.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const toEmployer = (user: string) => converse(t.chat, user).sendAll('反映欠薪', '同意').expect(/单位叫什么名字/);
/** A report about 宏达建筑公司 in 东龙镇 (not construction), August to October, 8,000, up to the headcount question. */
const toHeadcount = (user: string) =>
  converse(t.chat, user).sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1', '不是', '今年8月到10月').send('8000').expect(/一共有多少人被拖欠/);
/** A construction report, up to the project question. */
const toProject = (user: string) => converse(t.chat, user).sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1').send('是').expect(/项目或工地叫什么名字/);
/** The same, project 青溪花园二期, alone, still working there, the addresses and chain not known: up to the 包工头 question. */
const toContractor = (user: string) =>
  toProject(user)
    .sendAll('青溪花园二期', '今年8月到10月', '8000', '就我一个', '还在干', '不知道', '不知道', '不知道')
    .send('不知道')
    .expect(/包工头或班组长叫什么/);

describe('B5: the employer said with the amount and how long they worked', () => {
  it('我要反映欠薪 宏达建筑欠我8000块 干了三个月: 宏达建筑 confirmed with the amount, never asked again', async () => {
    await converse(t.chat, 'web:w4b51')
      .send('我要反映欠薪 宏达建筑欠我8000块 干了三个月')
      .send('同意')
      .expect(/用人单位「宏达建筑」、拖欠金额「8,000元」。对吗？/)
      .send('1')
      .expect(/哪个镇或街道/)
      .expectNot(/单位叫什么名字/);
    expect((await session('web:w4b51')).answers).toMatchObject({ employer: '宏达建筑', amount: { yuan: 8000 } });
  });

  it('宏达建筑 欠我8000 干了三个月 at the employer question keeps 宏达建筑', async () => {
    await toEmployer('web:w4b52').send('宏达建筑 欠我8000 干了三个月').expect(/拖欠金额「8,000元」。对吗？/).send('对').expect(/哪个镇或街道/).expectNot(/单位叫什么名字/);
    expect((await session('web:w4b52')).answers).toMatchObject({ employer: '宏达建筑', amount: { yuan: 8000 } });
  });

  it('我想反映一下 鑫源厂拖了我两个月工资 (first message): 鑫源厂 confirmed', async () => {
    await converse(t.chat, 'web:w4b53').send('我想反映一下 鑫源厂拖了我两个月工资').send('同意').expect(/用人单位「鑫源厂」/);
  });
});

describe('B7: a family known only by surname', () => {
  it('给一户人家当保姆 她姓张 叫啥不知道 at the employer question: 张女士, a family, confirmed together', async () => {
    await toEmployer('web:w4b71')
      .send('给一户人家当保姆 她姓张 叫啥不知道')
      .expect(/雇主「张女士」、雇主类型「个人或家庭」。对吗？/)
      .send('对')
      .expect(/哪个镇或街道/)
      .expectNot(/怎么称呼/);
    expect((await session('web:w4b71')).answers).toMatchObject({ employer: '张女士', employerKind: 'household' });
  });

  it('the same in the first message (with the amount): 张女士 confirmed with the rest', async () => {
    await converse(t.chat, 'web:w4b72').send('我要反映欠薪 我给一户人家当保姆 她姓张 叫啥不知道 欠我8000').send('同意').expect(/雇主「张女士」、雇主类型「个人或家庭」、拖欠金额「8,000元」。对吗？/);
  });

  it('姓张, then 就知道姓张 别的不知道: 张姓雇主, confirmed, never stuck', async () => {
    await toEmployer('web:w4b73')
      .send('在别人家里当保姆')
      .expect(/雇主类型「个人或家庭」。对吗？/)
      .send('对')
      .expect(/雇您干活的人怎么称呼/)
      .send('姓张')
      .expect(/平时怎么称呼/)
      .send('就知道姓张 别的不知道')
      .expect(/雇主「张姓雇主」。对吗？/)
      .expectNot(/需要知道个大概/)
      .send('对')
      .expect(/哪个镇或街道/);
    expect((await session('web:w4b73')).answers).toMatchObject({ employer: '张姓雇主', employerKind: 'household' });
  });

  it('在人家家里做钟点工 那家人姓刘 叫啥不清楚: 刘家, never 「人家家」', async () => {
    await toEmployer('web:w4b74').send('在人家家里做钟点工 那家人姓刘 叫啥不清楚').expect(/雇主「刘家」、雇主类型「个人或家庭」。对吗？/).expectNot(/人家家/);
  });
});

describe('B8: honest answers about the employer', () => {
  const cases: [string, string][] = [
    ['在鑫源厂 老板跑了', '鑫源厂'],
    ['我在鑫源厂 老板跑路了', '鑫源厂'],
    ['是劳务派遣公司派我去鑫源的', '鑫源'],
    ['中介介绍我进的宏发电子厂', '宏发电子厂'],
  ];
  for (const [i, [said, name]] of cases.entries()) {
    it(`${said} → 「${name}」, confirmed`, async () => {
      const user = `web:w4b8${i}`;
      await toEmployer(user).send(said).expect(new RegExp(`用人单位「${name}」。对吗？`)).send('对').expect(/哪个镇或街道|是哪一种/);
      expect((await session(user)).answers).toMatchObject({ employer: name });
    });
  }

  it('劳务公司派我去的 names no unit: asked which one, nothing kept', async () => {
    await toEmployer('web:w4b8a').send('劳务公司派我去的').expect(/派您去干活的是哪个单位/);
    expect((await session('web:w4b8a')).answers).not.toHaveProperty('employer');
  });

  it('公司名字忘了 在工业园二号: the address, confirmed; the name asked again, never 工业园二号', async () => {
    await toEmployer('web:w4b8b').send('公司名字忘了 在工业园二号').expect(/单位地址「工业园二号」。对吗？/).expectNot(/需要知道个大概/).send('对').expect(/单位叫什么名字/);
    const a = (await session('web:w4b8b')).answers;
    expect(a).toMatchObject({ employerAddress: '工业园二号' });
    expect(a).not.toHaveProperty('employer');
  });

  it('在滨江路18号 alone is an address, never the name', async () => {
    await toEmployer('web:w4b8c').send('在滨江路18号').expect(/这像是地址/);
    expect((await session('web:w4b8c')).answers).not.toHaveProperty('employer');
  });

  it('在东龙工业园的鑫源厂: 鑫源厂 and 东龙镇, confirmed', async () => {
    await toEmployer('web:w4b8d').send('在东龙工业园的鑫源厂').expect(/用人单位「鑫源厂」、干活的地方「东龙镇」。对吗？/).expectNot(/东龙工业园」/);
  });
});

describe('B13: more said with the answer', () => {
  it('青溪花园二期 总包是中建三局: the project kept, the general contractor confirmed', async () => {
    await toProject('web:w4b131').send('青溪花园二期 总包是中建三局').expect(/总包单位「中建三局」。对吗？/).send('对').expect(/哪段时间/).expectNot(/项目或工地叫什么名字/);
    expect((await session('web:w4b131')).answers).toMatchObject({ project: '青溪花园二期', generalContractor: '中建三局' });
  });

  it('青溪花园二期，总包是中建三局，分包是宏图劳务: all three', async () => {
    await toProject('web:w4b132').send('青溪花园二期，总包是中建三局，分包是宏图劳务').expect(/总包单位「中建三局」、分包单位「宏图劳务」。对吗？/).send('对');
    expect((await session('web:w4b132')).answers).toMatchObject({ project: '青溪花园二期', generalContractor: '中建三局', subcontractor: '宏图劳务' });
  });

  for (const [i, said] of ['刘大壮 13912345678', '包工头叫刘大壮 电话13912345678'].entries()) {
    it(`${said} at the 包工头 question: 刘大壮, confirmed; the number is never the contact phone`, async () => {
      const user = `web:w4b13c${i}`;
      await toContractor(user).send(said).expect(/包工头「刘大壮」。对吗？/).expectNot(/请写包工头或班组长的名字/).send('对').expect(/工种/);
      const a = (await session(user)).answers;
      expect(a).toMatchObject({ labourContractor: '刘大壮' });
      expect(a).not.toHaveProperty('phone');
      expect(a).not.toHaveProperty('contactName');
    });
  }
});

describe('B10c: many people, no figure', () => {
  it('不清楚 反正很多人 offers rough figures; 2 is 20 to 30, approximate', async () => {
    await toHeadcount('web:w4b101')
      .send('不清楚 反正很多人')
      .expect(/选一个最接近的就行/)
      .expect(/十来个/)
      .expectNot(/需要知道个大概/)
      .send('2')
      .expect(/你们20至30个人一共被拖欠多少钱/);
    expect((await session('web:w4b101')).answers).toMatchObject({ headcount: { count: 20, approximate: true, upTo: 30 } });
  });

  it('不知道 人挺多的, then 上百个: about 100 (约100人)', async () => {
    await toHeadcount('web:w4b102').send('不知道 人挺多的').expect(/选一个最接近的就行/).send('上百个').expect(/你们约100个人一共被拖欠多少钱/);
    expect((await session('web:w4b102')).answers).toMatchObject({ headcount: { count: 100, approximate: true, about: true } });
  });

  it('好几十个 offers the same choice; 3 is about 50 (约50人)', async () => {
    await toHeadcount('web:w4b103').send('好几十个').expect(/选一个最接近的就行/).expectNot(/请说一个大概的数字/).send('3').expect(/你们约50个人一共被拖欠多少钱/);
    expect((await session('web:w4b103')).answers).toMatchObject({ headcount: { count: 50, approximate: true, about: true } });
  });
});
