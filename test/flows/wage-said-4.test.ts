/*
 * The wage report, what the person meant (fourth part), as transcripts on real Redis:
 *  - A1: a headcount equal to the amount just given (`8000` twice), or above a few hundred, is confirmed,
 *    never recorded silently (it would make a priority group case);
 *  - A2, B11: at the headcount question, `我记错了 应该是6500`, `等一下 我刚才说的是8000吗 应该是6000`,
 *    `是8000不是6000` correct the amount; `对了 时间是7月开始的` proposes the period from July;
 *  - A3: `还有加班费两千`, `少说了 还有2000的加班费` add to the amount (10,000 proposed), never replace it;
 *  - A4, A5, B8: whole sentences at the employer question: what is usable, confirmed (`在鑫源做保安` → 鑫源,
 *    `原来叫鑫源 后来改名叫鑫达了` → 鑫达（原名鑫源）, `老板外号叫光头强`, `宏达建筑'; DROP TABLE cases;--`);
 *  - A6: `8月、10月` is never August to October silently: which is asked;
 *  - A7: a leaving day still to come (`12月5号` on 1 December) is never recorded silently; B12: a day said
 *    with leaving (`不干了 11月20`), or a bare day after `前几天` (`25`), is read as a day;
 *  - A8: `我们一个班组的算吗` is answered and the number asked, never 就我一个; B10: `还有我老乡两个` is 3;
 *  - B9: a monthly wage before its unit (`5500一个月，两个月`, `月薪五千五 欠了俩月`) is multiplied.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** A report about 宏达建筑公司 in 东龙镇 (not construction), August to October, up to the amount question. */
const toAmount = (user: string) =>
  converse(t.chat, user).sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1', '不是').send('今年8月到10月').expect(/被拖欠了多少钱/);
/** The same, 8,000 (or `amount`) given, up to the headcount question. */
const toHeadcount = (user: string, amount = '8000') => toAmount(user).send(amount).expect(/一共有多少人被拖欠/);
/** The same, on one's own, up to the question whether they still work there. */
const toStill = (user: string) => toHeadcount(user).send('就我一个').expect(/还在这家单位干吗/);
const toEmployer = (user: string) => converse(t.chat, user).sendAll('反映欠薪', '同意').expect(/单位叫什么名字/);

describe('A1: a headcount that may be the amount, or is very large, is confirmed', () => {
  it('8000 typed again at the headcount question is asked about, never recorded silently', async () => {
    await toHeadcount('web:w4h1')
      .send('8000')
      .expect(/「8000」和您前面说的钱数一样/)
      .expect(/被拖欠人数「8000人」。对吗？/)
      .send('不对')
      .expect(/一共有多少人被拖欠/)
      .send('就我一个')
      .expect(/还在这家单位干吗/);
    expect((await session('web:w4h1')).answers).toMatchObject({ headcount: { count: 1 } });
  });

  it('8000 people after 6000 yuan: asked (比较多), and 不知道 keeps nothing', async () => {
    await toHeadcount('web:w4h2', '6000').send('8000').expect(/8000个人比较多/).expect(/对吗？/).send('不知道').expectNot(/你们8000个人/);
    expect((await session('web:w4h2')).answers).not.toHaveProperty('headcount');
  });
});

describe('A2, B11: corrections of the amount or the period said at the headcount question', () => {
  it('我记错了 应该是6500 changes the amount, not the headcount', async () => {
    await toHeadcount('web:w4c1', '6000').send('我记错了 应该是6500').expect(/拖欠金额已改为「6,500元」/).expect(/一共有多少人被拖欠/).expectNot(/6500个人/);
    const a = (await session('web:w4c1')).answers;
    expect(a).toMatchObject({ amount: { yuan: 6500 } });
    expect(a).not.toHaveProperty('headcount');
  });

  it('等一下 我刚才说的是8000吗 应该是6000 changes the amount', async () => {
    await toHeadcount('web:w4c2').send('等一下 我刚才说的是8000吗 应该是6000').expect(/拖欠金额已改为「6,000元」/).expectNot(/6000个人/);
    const a = (await session('web:w4c2')).answers;
    expect(a).toMatchObject({ amount: { yuan: 6000 } });
    expect(a).not.toHaveProperty('headcount');
  });

  it('是8000不是6000 changes the amount to 8000 (never to the figure denied)', async () => {
    await toHeadcount('web:w4c3', '6000').send('是8000不是6000').expect(/拖欠金额已改为「8,000元」/);
    expect((await session('web:w4c3')).answers).toMatchObject({ amount: { yuan: 8000 } });
  });

  it('对了 时间是7月开始的 proposes July to October, confirmed', async () => {
    await toHeadcount('web:w4c4').send('对了 时间是7月开始的').expect(/拖欠时间「2026年7月至2026年10月（4个月）」，对吗？/).send('对').expect(/一共有多少人被拖欠/);
    expect((await session('web:w4c4')).answers).toMatchObject({ period: { start: '2026-07', end: '2026-10', months: 4 } });
  });
});

describe('A3: more owed besides the amount is added to it', () => {
  it('还有加班费两千 after 8000 proposes 10,000', async () => {
    await toHeadcount('web:w4a1').send('还有加班费两千').expect(/拖欠金额「10,000元」，对吗？/).expectNot(/「2,000元」/).send('对').expect(/一共有多少人被拖欠/);
    expect((await session('web:w4a1')).answers).toMatchObject({ amount: { yuan: 10000 } });
  });

  it('少说了 还有2000的加班费 proposes 10,000 too', async () => {
    await toHeadcount('web:w4a2').send('少说了 还有2000的加班费').expect(/拖欠金额「10,000元」，对吗？/);
  });
});

describe('A4, A5, B8: a sentence at the employer question', () => {
  const cases: [string, string][] = [
    ['我在鑫源做保安', '鑫源'],
    ['鑫源厂的车间主任扣我工资', '鑫源厂'],
    ['在宏达厂里干活', '宏达厂'],
    ['原来叫鑫源 后来改名叫鑫达了', '鑫达（原名鑫源）'],
    ['不知道公司叫啥 老板外号叫光头强', '光头强（老板外号）'],
    ["宏达建筑'; DROP TABLE cases;--", '宏达建筑'],
    ['好像叫什么鑫源', '鑫源'],
    ['叫鑫源还是鑫园记不清了', '鑫源（也可能是鑫园）'],
    ['我们老板姓王 大家都叫他王胖子', '王老板（外号王胖子）'],
  ];
  for (const [i, [said, name]] of cases.entries()) {
    it(`${said} → 「${name}」, confirmed`, async () => {
      const user = `web:w4e${i}`;
      await toEmployer(user).send(said).expect(new RegExp(`用人单位「${name.replace(/[()（）]/gu, '\\$&')}」。对吗？`)).send('对').expect(/哪个镇或街道|是哪一种/);
      expect((await session(user)).answers).toMatchObject({ employer: name });
    });
  }
});

describe('A6: two months apart', () => {
  it('8月、10月 asks whether only those two months are owed; 只有这两个月 keeps two months', async () => {
    await converse(t.chat, 'web:w4m1')
      .sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1', '不是')
      .send('8月、10月')
      .expect(/是只有这两个月，还是从2026年8月到2026年10月这3个月都欠着？/)
      .send('1')
      .expect(/被拖欠了多少钱/);
    expect((await session('web:w4m1')).answers).toMatchObject({ period: { start: '2026-08', end: '2026-10', months: 2 } });
  });

  it('8月和10月 then 2 is August to October', async () => {
    await converse(t.chat, 'web:w4m2')
      .sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1', '不是')
      .send('8月和10月')
      .expect(/只有这两个月/)
      .send('2')
      .expect(/被拖欠了多少钱/);
    expect((await session('web:w4m2')).answers).toMatchObject({ period: { start: '2026-08', end: '2026-10', months: 3 } });
  });
});

describe('A7, B12: the day someone left', () => {
  it('12月5号 on 1 December is not yet: asked again, nothing recorded', async () => {
    await toStill('web:w4l1').send('走了').expect(/什么时候离开的/).send('12月5号').expect(/今年的12月5日还没到/);
    expect((await session('web:w4l1')).answers).not.toHaveProperty('leftSince');
  });

  it('不干了 11月20 keeps the day: November, confirmed', async () => {
    await toStill('web:w4l2').send('不干了 11月20').expect(/离开时间「2026年11月」。对吗？/).expectNot(/什么时候离开的/);
  });

  it('前几天, then 25 at the confirmation, is the 25th', async () => {
    await toStill('web:w4l3').send('走了').send('前几天').expect(/离开时间「2026年11月」。对吗？/).send('25').expect(/按2026年11月25日算/).expectNot(/没有这个选项/).send('对').expect(/单位的地址/);
    expect((await session('web:w4l3')).answers).toMatchObject({ leftSince: '2026-11', stillEmployed: false });
  });
});

describe('A8, B10: who counts, and others besides me', () => {
  it('我们一个班组的算吗 is answered and the number asked, never 就我一个', async () => {
    await toHeadcount('web:w4g1').send('我们一个班组的算吗').expect(/算的/).expect(/一共大概多少人/).expectNot(/就我一个」/);
    expect((await session('web:w4g1')).answers).not.toHaveProperty('headcount');
  });

  it('还有我老乡两个 is 3, confirmed', async () => {
    await toHeadcount('web:w4g2').send('还有我老乡两个').expect(/一共3人/).expect(/被拖欠人数「3人」。对吗？/).send('对');
    expect((await session('web:w4g2')).answers).toMatchObject({ headcount: { count: 3 } });
  });
});

describe('B9: a monthly wage times the months', () => {
  for (const [i, said] of ['5500一个月，两个月', '每月五千五，共欠两个月', '月薪五千五 欠了俩月'].entries()) {
    it(`${said} is 11,000, confirmed; the period stays`, async () => {
      const user = `web:w4r${i}`;
      await toAmount(user).send(said).expect(/5,500元×2个月，一共按11,000元算/).expect(/拖欠金额「11,000元」。对吗？/).send('对').expect(/一共有多少人被拖欠/);
      expect((await session(user)).answers).toMatchObject({ amount: { yuan: 11000 }, period: { start: '2026-08', end: '2026-10' } });
    });
  }
});
