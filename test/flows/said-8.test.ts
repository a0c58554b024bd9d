/*
 * The wage report, what the person meant (eighth part), as transcripts on real Redis:
 *  - D1: an answer corrected in the same message it was typed in (`好再来饭店 不对 是宏达建筑`,
 *    `东龙镇，说错了，石岭镇`, `从九月 不对 十月开始欠的`, `石岭镇 不是东龙`): the value corrected to is the one
 *    confirmed and kept, never the one taken back; words after the slip that are no value ask again.
 *  - D2: an earlier answer corrected by its value (at the summary or at a later question): `好再来饭店不对 应该是
 *    宏达建筑`, `宏达建筑 不是好再来饭店`, and for a period a month said not to be its first or last
 *    (`不是九月 是十月开始欠的`, `九月不对 是十月`, `不是十一月 是十月`): that end changed, the other kept
 *    (never 「至今」 from words that did not say so), confirmed.
 *  - D3: a headcount said in Cantonese: `我哋五個人` is 5; `我哋成班人` (a whole crowd) asks for a rough figure.
 *  - D4: `跳过` at 「要先停在这里吗？」 (after `不填了` at a question): that question is meant, not the form; a required
 *    one is said not to be skippable and asked again (never the menu, the draft kept).
 *  - D5: a sum owed to 我们 (`老板欠了我们十几万`) more than one person is plausibly owed: never taken as the
 *    person's own; at the amount question whose it is asked (大家一共的 / 我自己的), in the opening message kept
 *    as the group's total, confirmed once two or more are owed.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const toEmployer = (user: string) => converse(t.chat, user).sendAll('2', '1').expect(/单位叫什么名字/);
const toTownship = (user: string) => toEmployer(user).send('好再来饭店').expect(/哪个镇或街道/);
const toPeriod = (user: string) => toTownship(user).sendAll('东龙', '新塘').send('不是').expect(/哪段时间的工资/);
const toAmount = (user: string) => toPeriod(user).send('9月到11月').expect(/您自己一共被拖欠了多少钱/);
const toHeadcount = (user: string) => toAmount(user).send('6000').expect(/一共有多少人被拖欠/);
/** The whole report of the brief, up to its summary. */
const toSummary = (user: string) =>
  toHeadcount(user).sendAll('就我一个', '还在干', '都跳过', '没有', '王芳').send('13700001111').expect(/请核对您要反映的欠薪情况/);

const SEP_TO_NOV = { start: '2026-09', end: '2026-11', months: 3 };
const OCT_TO_NOV = { start: '2026-10', end: '2026-11', months: 2 };

describe('D1: an answer corrected as it was typed', () => {
  for (const said of ['好再来饭店 不对 是宏达建筑', '好再来饭店不对是宏达建筑', '好再来饭店，说错了，宏达建筑', '好再来饭店 哦不是 宏达建筑', '宏达建筑 不是好再来饭店']) {
    it(`${said} at the employer question: 宏达建筑, confirmed; never 好再来饭店`, async () => {
      const user = `web:s8d1-${said}`;
      await toEmployer(user).send(said).expect(/用人单位「宏达建筑」。对吗/).expectNot(/好再来/).send('对').expect(/哪个镇或街道/);
      expect((await session(user)).answers.employer).toBe('宏达建筑');
    });
  }

  it('老板叫刘大壮 不对 是刘大庄: the name said last', async () => {
    await toEmployer('web:s8d1b').send('老板叫刘大壮 不对 是刘大庄').expect(/「刘大庄」。对吗/).expectNot(/刘大壮/);
  });

  it('words after the slip that are no name ask again; the name taken back is never kept', async () => {
    await toEmployer('web:s8d1c').send('好再来饭店 不对 是那个').expect(/还不是单位或老板的名字/).expectNot(/好再来饭店」。对吗/);
    const s = await session('web:s8d1c');
    expect(s.answers).not.toHaveProperty('employer');
    expect(s.pending).toBeNull();
  });

  it('好再来饭店 不对 我再想想: a pause, never 「再想想」 as the name', async () => {
    await toEmployer('web:s8d1d').send('好再来饭店 不对 我再想想').expect(/先帮您保存着/).expectNot(/再想想」/);
  });

  for (const said of ['东龙镇，说错了，石岭镇', '石岭镇 不是东龙']) {
    it(`${said} at the township question: 石岭镇`, async () => {
      const user = `web:s8d1e-${said}`;
      await toTownship(user).send(said).expect(/干活的地方「石岭镇」。对吗/).send('对').expect(/在石岭镇的哪个村或社区/);
      expect((await session(user)).answers.location).toMatchObject({ townshipId: 't03' });
    });
  }

  for (const said of ['从九月 不对 十月开始欠的', '十月开始欠的 不是九月']) {
    it(`${said} at the period question: from October, never September`, async () => {
      const user = `web:s8d1f-${said}`;
      await toPeriod(user).send(said).expectNot(/9月/);
      const s = await session(user);
      const period = (s.answers.period ?? s.pending?.values.period) as { start: string } | undefined;
      expect(period?.start).toBe('2026-10');
    });
  }

  it('三万块 不对 是三万五 at the amount question is still 35,000 (the amounts did this already)', async () => {
    await toAmount('web:s8d1g').send('三万块 不对 是三万五').expect(/35,000元/).expectNot(/30,000/);
  });
});

describe('D2: an earlier answer corrected by its value', () => {
  for (const said of ['不是九月 是十月开始欠的', '九月不对 是十月开始欠的', '是十月开始欠的 不是九月', '时间不对 是十月开始欠的', '不是九月 是十月']) {
    it(`${said} at the summary: 2026年10月至2026年11月, the end kept and confirmed`, async () => {
      const user = `web:s8d2a-${said}`;
      await toSummary(user)
        .send(said)
        .expect(/拖欠时间「2026年10月至2026年11月（2个月）」，对吗/)
        .expectNot(/至今/)
        .send('对')
        .expect(/请核对您要反映的欠薪情况/);
      expect((await session(user)).answers.period).toEqual(OCT_TO_NOV);
    });
  }

  it('不是十一月 是十月 at the summary: the last month changed, the first kept', async () => {
    await toSummary('web:s8d2b').send('不是十一月 是十月').expect(/结束的月份改成2026年10月/).expect(/2026年9月至2026年10月（2个月）」，对吗/).send('对');
    expect((await session('web:s8d2b')).answers.period).toEqual({ start: '2026-09', end: '2026-10', months: 2 });
  });

  it('不是九月 是十月开始欠的 at the amount question: the period changed, its end kept, then the amount asked again', async () => {
    await toAmount('web:s8d2c')
      .send('不是九月 是十月开始欠的')
      .expect(/2026年10月至2026年11月（2个月）」，对吗/)
      .send('对')
      .expect(/您自己一共被拖欠了多少钱/);
    expect((await session('web:s8d2c')).answers.period).toEqual(OCT_TO_NOV);
  });

  for (const said of ['好再来饭店不对 应该是宏达建筑', '宏达建筑 不是好再来饭店']) {
    it(`${said} at the summary: the employer changed (confirmed), nothing else asked`, async () => {
      const user = `web:s8d2d-${said}`;
      await toSummary(user)
        .send(said)
        .expect(/用人单位「宏达建筑」，对吗/)
        .expectNot(/手机号/)
        .send('对')
        .expect(/1\. 用人单位：宏达建筑/);
      const s = await session(user);
      expect(s.answers.employer).toBe('宏达建筑');
      expect(s.answers.period).toEqual(SEP_TO_NOV);
    });
  }

  it('好再来饭店 不对 是宏达建筑 at the headcount question: the employer changed, then the headcount asked again', async () => {
    await toHeadcount('web:s8d2e').send('好再来饭店 不对 是宏达建筑').expect(/用人单位「宏达建筑」，对吗/).send('对').expect(/一共有多少人被拖欠/);
    expect((await session('web:s8d2e')).answers.employer).toBe('宏达建筑');
  });

  it('九月不对 是十月开始欠的 at the amount question: the period, never the question asked again blind', async () => {
    await toAmount('web:s8d2f').send('九月不对 是十月开始欠的').expect(/2026年10月至2026年11月（2个月）」，对吗/);
  });
});

describe('D3: a headcount said in Cantonese', () => {
  for (const said of ['我哋五個人', '我哋五个人', '我地五个人']) {
    it(`${said} is 5 people`, async () => {
      const user = `web:s8d3-${said}`;
      await toHeadcount(user).send(said).expect(/你们5个人一共被拖欠多少钱/);
      expect((await session(user)).answers.headcount).toEqual({ count: 5, approximate: false });
    });
  }

  it('我哋成班人 (a whole crowd) asks for a rough figure; nothing is kept', async () => {
    await toHeadcount('web:s8d3b').send('我哋成班人').expect(/请说一个大概的数字/);
    expect((await session('web:s8d3b')).answers).not.toHaveProperty('headcount');
  });
});

describe('D4: 跳过 at the stop question', () => {
  for (const said of ['跳过', '这个先跳过吧']) {
    it(`${said} after 不填了 at a required question: said it cannot be skipped, and asked again; the report goes on`, async () => {
      const user = `web:s8d4-${said}`;
      await toAmount(user)
        .send('不填了')
        .expect(/要先停在这里吗/)
        .send(said)
        .expect(/这一项不能跳过/)
        .expect(/您自己一共被拖欠了多少钱/)
        .expectNot(/可以帮您办理下面的事情|没太明白/)
        .send('6000')
        .expect(/一共有多少人被拖欠/);
      const s = await session(user);
      expect(s.flowId).toBe('wage');
      expect(s.answers).toMatchObject({ employer: '好再来饭店', period: SEP_TO_NOV, amount: { yuan: 6000 } });
    });
  }

  it('跳过 after 不填了 at the summary: back to the summary, nothing lost', async () => {
    await toSummary('web:s8d4b').send('不填了').expect(/要先停在这里吗/).send('跳过').expect(/请核对您要反映的欠薪情况/).expectNot(/可以帮您办理下面的事情/);
    expect((await session('web:s8d4b')).answers).toMatchObject({ employer: '好再来饭店', phone: '13700001111' });
  });
});

describe('D5: a sum owed to 我们', () => {
  for (const said of ['老板欠了我们十几万', '欠我们十几万']) {
    it(`${said} at the amount question: whose it is asked, never taken as the person's own`, async () => {
      const user = `web:s8d5-${said}`;
      await toAmount(user)
        .send(said)
        .expect(/约110,000至190,000元是您自己一个人被拖欠的，还是你们大家一共被拖欠的/)
        .expectNot(/拖欠金额「/)
        .send('大家一共的')
        .expect(/你们大家一共被拖欠约110,000至190,000元，记下了。那您自己被拖欠了多少钱/);
      const s = await session(user);
      expect(s.answers.groupAmount).toEqual({ yuan: 110000, approx: true, upTo: 190000 });
      expect(s.answers).not.toHaveProperty('amount');
    });
  }

  it('我自己的, picked: it is the own amount', async () => {
    await toAmount('web:s8d5b').send('老板欠了我们十几万').expect(/还是你们大家一共/).send('2').expect(/一共有多少人被拖欠/);
    expect((await session('web:s8d5b')).answers.amount).toEqual({ yuan: 110000, approx: true, upTo: 190000 });
  });

  it('in the opening message: the group total, confirmed once two or more are owed; never the own amount', async () => {
    await converse(t.chat, 'web:s8d5c')
      .send('老板欠了我们十几万')
      .expect(/您同意吗/)
      .send('1')
      .expectNot(/拖欠金额「/)
      .sendAll('好再来饭店', '东龙', '新塘', '不是', '9月到11月')
      .send('6000')
      .expect(/一共有多少人被拖欠/)
      .send('3个人')
      .expect(/大家一共被拖欠「约110,000至190,000元」。对吗/)
      .send('对');
    expect((await session('web:s8d5c')).answers).toMatchObject({ amount: { yuan: 6000 }, groupAmount: { yuan: 110000, upTo: 190000 }, headcount: { count: 3 } });
  });

  it('老板欠我们三万 (plausibly one person\'s) is still the own amount, confirmed', async () => {
    await toAmount('web:s8d5d').send('老板欠我们三万').expect(/拖欠金额「30,000元」。对吗/);
  });
});
