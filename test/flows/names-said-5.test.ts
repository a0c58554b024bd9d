/*
 * Names, employers and opening words as people say them (probe round 5, /tmp/probe-5-worker.md A2, A5, A6, A8,
 * B10, B11, B14, C2, C4), as tables and as transcripts on real Redis. Only a value the person meant is kept:
 *  - at the employer question, pleas and filler (`快点帮我`, `在厂里`, `麻烦了`, `我很着急`, `不好说`) are never the
 *    employer: the person is comforted (or helped) and asked again; a hedge after a name (`宏达建筑公司吧应该是`,
 *    `王建国吧`) is left off and the name confirmed; two names (`宏达或者宏大`) are confirmed as the first with the
 *    other beside it for staff; the boss said after the unit (`宏达建筑公司老板姓王 电话137…`) leaves the unit,
 *    the boss's number kept nowhere (as at the 包工头 question) and never as the person's own; where a boss is
 *    from (`湖南人`) is no name; a name in English is kept whole; `不知道公司叫啥`, `就是那个那个什么鑫源电子厂`
 *    are no questions; a unit said with the amount and the period is confirmed with them, never dropped;
 *  - at the name question, `姓王`, `农民工`, `快点`, `帮帮我`, `先生` are no names; `<script>` is told to write the
 *    name only; a name with the phone is confirmed with it; `我叫不出老板名字` and the Cantonese `我系喺…` name
 *    nobody; `我是东龙镇人` is where the person is from, not where they work;
 *  - first messages: `欠心` and an English request ask whether a wage report is wanted; a report typed as a form
 *    (`王小二 13800138000 宏达建筑 8000 3个月`) starts it with its facts confirmed; the foreman `老刘`, `20个人`
 *    after a space, `三个月` between shouting marks and `我的8000` beside the group are read.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { findEmployer, findPersonName, nameAnswer, pleaOf } from '../../flows/nlu/facts.js';
import { parsePersonName } from '../../flows/parsers/name.js';
import { parseEmployer } from '../../flows/wage.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** The demo directory's townships, as `findTownship` knows them. */
const TOWNS = ['东龙镇', '东龙', '白沙镇', '白沙', '马坪镇', '马坪', '河西街道', '河西'];
const isPlace = (name: string) => TOWNS.includes(name);

/** A wage report at the employer question. */
const toEmployer = (user: string) => converse(t.chat, user).sendAll('我要反映欠薪', '同意').expect(/欠您工资的单位叫什么名字？/);

/** A wage report about 宏达建筑公司, up to the name question. */
const toContactName = (user: string) =>
  converse(t.chat, user)
    .sendAll('我要反映欠薪', '同意', '宏达建筑公司', '东龙镇', '不清楚', '是', '青溪花园二期', '今年9月到11月', '8000', '就我一个', '还在干', '都跳过', '没有')
    .expect(/怎么称呼您？/);

describe('A2 pleas, filler and hedges at the employer question', () => {
  it.each(['快点帮我', '帮帮我', '我很着急', '求求你们了', '麻烦了', '快点'])('%s is urging or thanks, never a value', (said) => {
    expect(pleaOf(said)).not.toBeNull();
    expect(parseEmployer(said).ok).toBe(false);
  });

  it.each(['宏达建筑', '快递公司', '帮我查进度', '快乐家政', '急诊科'])('%s is not only urging', (said) => {
    expect(pleaOf(said)).toBeNull();
  });

  it.each([
    ['宏达建筑公司吧应该是', '宏达建筑公司'],
    ['嗯那个宏达建筑吧好像是', '宏达建筑'],
    ['呃 老板姓王 叫王什么来着 王建国吧', '王建国'],
    ['我也不太清楚好像叫宏达还是宏大', '宏达（也可能是宏大）'],
    ['宏达或者宏大', '宏达（也可能是宏大）'],
    ['好像是叫鑫源 也可能是鑫园', '鑫源（也可能是鑫园）'],
    ['就是那个那个什么鑫源电子厂', '鑫源电子厂'],
    ['一个包工头 姓刘 湖南人', '刘包工头'],
    ['Hongda Construction Co.', 'Hongda Construction Co'],
  ])('%s → %s, built to be confirmed', (said, name) => {
    expect(parseEmployer(said, isPlace)).toEqual({ ok: true, value: name, built: true });
  });

  it.each([
    // Near misses that stay as they were.
    ['星空网吧', '星空网吧'],
    ['鸿运装饰工程公司 老板姓黄', '鸿运装饰工程公司'],
    ['包工头姓刘', '刘包工头'],
  ])('near miss %s → %s', (said, name) => {
    expect(parseEmployer(said, isPlace)).toMatchObject({ ok: true, value: name });
  });

  it('sounds before a name are no part of it, and need no confirming: 嗯那个王大军 → 王大军', () => {
    expect(parseEmployer('嗯那个王大军', isPlace)).toEqual({ ok: true, value: '王大军' });
  });

  it.each(['在厂里', '湖南人', '那个什么厂', '宏达还是欠着', '还把我拉黑了', 'my boss didnt pay me', "'; DROP TABLE cases; --"])('%s names no employer', (said) => {
    expect(parseEmployer(said, isPlace).ok).toBe(false);
  });

  it.each(['快点帮我', '帮帮我', '我很着急'])('%s: comforted, nothing kept, the question asked again', async (said) => {
    await toEmployer(`web:n5p-${said}`).send(said).expect(/^别着急/).expect(/欠您工资的单位叫什么名字？/).expectNot(/「/);
    const s = await session(`web:n5p-${said}`);
    expect(s.answers).not.toHaveProperty('employer');
    expect(s.fieldId).toBe('employer');
  });

  it('麻烦了: thanked, nothing kept, never 「麻烦了」是哪一种', async () => {
    await toEmployer('web:n5p2').send('麻烦了').expect(/不客气/).expect(/欠您工资的单位叫什么名字？/).expectNot(/是哪一种/);
    expect((await session('web:n5p2')).answers).not.toHaveProperty('employer');
  });

  it('在厂里 and 不好说: said why, nothing kept', async () => {
    await toEmployer('web:n5p3')
      .send('在厂里')
      .expect(/^是哪个厂呢？请写它的名字/)
      .send('不好说')
      .expect(/^不知道全称也没关系，写个大概就行/)
      .expectNot(/是哪一种/);
    expect((await session('web:n5p3')).answers).not.toHaveProperty('employer');
  });

  it('宏达建筑公司吧应该是: 「宏达建筑公司」 confirmed, kept so on 对', async () => {
    await toEmployer('web:n5h1').send('宏达建筑公司吧应该是').expect(/^我理解的是：用人单位「宏达建筑公司」。对吗？/).send('对').expect(/您在哪个镇或街道干活？/);
    expect((await session('web:n5h1')).answers).toMatchObject({ employer: '宏达建筑公司' });
  });

  it('王建国吧 after recalling: 「王建国」 confirmed, never 「王建国吧」', async () => {
    await toEmployer('web:n5h2').send('呃 老板姓王 叫王什么来着 王建国吧').expect(/我理解的是：用人单位「王建国」。对吗？/).expectNot(/王建国吧/);
    expect((await session('web:n5h2')).answers).not.toHaveProperty('employer');
  });

  it('two names: the first confirmed, the other kept beside it for staff', async () => {
    await toEmployer('web:n5h3').send('我也不太清楚好像叫宏达还是宏大').expect(/我理解的是：用人单位「宏达（也可能是宏大）」。对吗？/).send('对');
    expect((await session('web:n5h3')).answers).toMatchObject({ employer: '宏达（也可能是宏大）' });
    await toEmployer('web:n5h4').send('好像是叫鑫源 也可能是鑫园').expect(/用人单位「鑫源（也可能是鑫园）」。对吗？/).expectNot(/鑫源也可能/);
  });
});

describe('A5 the boss said with the unit, and where a boss is from', () => {
  it('宏达建筑公司老板姓王 电话137…: the unit confirmed, the boss\'s number kept nowhere, never the person\'s phone', async () => {
    await toEmployer('web:n5b1')
      .send('宏达建筑公司老板姓王 电话13712345678')
      .expect(/老板的电话这里先不用记，需要时工作人员会再问您。/)
      .expect(/我理解的是：用人单位「宏达建筑公司」。对吗？/)
      .expectNot(/老板姓王」|手机号/)
      .send('对')
      .expect(/您在哪个镇或街道干活？/);
    const s = await session('web:n5b1');
    expect(s.answers).toMatchObject({ employer: '宏达建筑公司' });
    expect(s.answers).not.toHaveProperty('phone');
    expect(JSON.stringify(s)).not.toContain('13712345678');
  });

  it('一个包工头 姓刘 湖南人: 刘包工头 confirmed, 湖南人 never the employer', async () => {
    await toEmployer('web:n5b2').send('一个包工头 姓刘 湖南人').expect(/我理解的是：用人单位「刘包工头」。对吗？/).expectNot(/湖南人」/).send('对');
    expect((await session('web:n5b2')).answers).toMatchObject({ employer: '刘包工头' });
  });
});

describe('B10 the employer question: not knowing, recalling, and a unit said with the money', () => {
  it('不知道公司叫啥: what will do instead, never 「答不上来」', async () => {
    await toEmployer('web:n5k1').send('不知道公司叫啥').expect(/^不知道全称也没关系，写个大概就行：店名、厂名、工地名或老板的名字都可以。/).expectNot(/答不上来/);
  });

  it('就是那个那个什么鑫源电子厂: 「鑫源电子厂」 confirmed, never a question', async () => {
    await toEmployer('web:n5k2').send('就是那个那个什么鑫源电子厂').expect(/我理解的是：用人单位「鑫源电子厂」。对吗？/).expectNot(/答不上来/);
  });

  it('嗯那个宏达建筑吧好像是: 「宏达建筑」 confirmed', async () => {
    await toEmployer('web:n5k3').send('嗯那个宏达建筑吧好像是').expect(/我理解的是：用人单位「宏达建筑」。对吗？/).expectNot(/还不是单位或老板的名字/);
  });

  it('宏达建筑 欠了我八千 三个月了: the unit confirmed with the period and the amount, kept on 对, not asked again', async () => {
    await toEmployer('web:n5k4')
      .send('宏达建筑 欠了我八千 三个月了')
      .expect(/我理解的是：用人单位「宏达建筑」、拖欠时间「2026年9月至2026年11月（3个月）」、拖欠金额「8,000元」。对吗？/)
      .send('对')
      .expect(/您在哪个镇或街道干活？/)
      .expectNot(/单位叫什么名字/);
    expect((await session('web:n5k4')).answers).toMatchObject({ employer: '宏达建筑', amount: { yuan: 8000 }, period: { start: '2026-09', end: '2026-11' } });
  });
});

describe('A6 contact names that are not names, C2, C4', () => {
  it.each([
    ['姓王', /^好的，您姓王。全名叫什么？/],
    ['我姓王', /^好的，您姓王。全名叫什么？/],
    ['农民工', /请输入您的姓名/],
    ['先生', /请输入您的姓名/],
    ['快点', /^别着急/],
    ['帮帮我', /^别着急/],
    ['<script>alert(1)</script>', /^请只写您的姓名，不要带符号/],
  ])('%s at the name question: nothing kept, said why', async (said, reply) => {
    await toContactName(`web:n5n-${said}`).send(said).expect(reply).expectNot(/联系人「|不能有数字/);
    const s = await session(`web:n5n-${said}`);
    expect(s.answers).not.toHaveProperty('contactName');
    expect(s.pending).toBeNull();
  });

  it.each([['姓王'], ['农民工'], ['先生'], ['快点']])('nameAnswer(%s) is no name', (said) => {
    expect(nameAnswer(said).ok).toBe(false);
  });

  it('a name with markup is told to be written alone', () => {
    expect(parsePersonName('<script>alert(1)</script>')).toEqual({ ok: false, error: '请只写您的姓名，不要带符号，例如“张三”或“买买提·艾力”。' });
  });

  it('我叫王小二 电话13800138000: both confirmed in one line, both kept on 对', async () => {
    await toContactName('web:n5c4').send('我叫王小二 电话13800138000').expect(/我理解的是：联系人「王小二」、手机号「13800138000」。对吗？/).send('对').expect(/请核对您要反映的欠薪情况/);
    expect((await session('web:n5c4')).answers).toMatchObject({ contactName: '王小二', phone: '13800138000' });
  });

  it.each(['我叫不出老板名字 欠我八千', '我系喺东龙镇做嘢嘅 老细欠我两个月人工 一万蚊', '宏达建筑 老板电话13712345678'])('%s names nobody as the person', (said) => {
    expect(findPersonName(said)).toBeNull();
  });

  it('我叫不出老板名字 欠我八千: the amount confirmed, no 联系人', async () => {
    await converse(t.chat, 'web:n5n2').send('我叫不出老板名字 欠我八千').send('同意').expect(/我理解的是：拖欠金额「8,000元」。对吗？/).expectNot(/联系人/);
  });

  it('我系喺东龙镇做嘢嘅 …: no 联系人 made of the Cantonese', async () => {
    await converse(t.chat, 'web:n5n3').send('我系喺东龙镇做嘢嘅 老细欠我两个月人工 一万蚊').send('同意').expect(/拖欠金额「10,000元」/).expectNot(/联系人/);
  });
});

describe('A8 an English name, and where the person is from', () => {
  it('Hongda Construction Co.: the whole name confirmed, never 「Hongda」 alone', async () => {
    await toEmployer('web:n5e1').send('Hongda Construction Co.').expect(/我理解的是：用人单位「Hongda Construction Co」。对吗？/);
  });

  it('我是东龙镇人 老板欠我八千: the amount, never 干活的地方「东龙镇」', async () => {
    await converse(t.chat, 'web:n5e2').send('我是东龙镇人 老板欠我八千').send('同意').expect(/我理解的是：拖欠金额「8,000元」。对吗？/).expectNot(/干活的地方/);
  });

  it('我是东龙镇人 在白沙镇干活: where they work is 白沙镇', async () => {
    await converse(t.chat, 'web:n5e3').send('我是东龙镇人 在白沙镇干活 老板欠我八千').send('同意').expect(/干活的地方「白沙镇」/).expectNot(/东龙镇」/);
  });
});

describe('B11 first messages not recognised before', () => {
  it.each(['欠心', 'I want to report unpaid wages'])('%s: whether a wage report is wanted is asked, in Chinese', async (said) => {
    await converse(t.chat, `web:n5o-${said}`).send(said).expect(/您是想反映欠薪吗？/).expectNot(/没太明白您的意思/).send('1').expect(/您同意吗/);
  });

  it('王小二 13800138000 宏达建筑 8000 3个月: the report starts, every fact confirmed after the consent', async () => {
    await converse(t.chat, 'web:n5o2')
      .send('王小二 13800138000 宏达建筑 8000 3个月')
      .expect(/您同意吗/)
      .send('同意')
      .expect(/我理解的是：用人单位「宏达建筑」、拖欠时间「2026年9月至2026年11月（3个月）」、拖欠金额「8,000元（3个月一共）」、联系人「王小二」、手机号「13800138000」。对吗？/)
      .send('对');
    expect((await session('web:n5o2')).answers).toMatchObject({ employer: '宏达建筑', amount: { yuan: 8000 }, contactName: '王小二', phone: '13800138000' });
  });

  it('宏达建筑 8000 3个月 1个人 还在干: read as the report it is', async () => {
    await converse(t.chat, 'web:n5o3').send('宏达建筑 8000 3个月 1个人 还在干').send('同意').expect(/用人单位「宏达建筑」/).expect(/拖欠金额「8,000元（3个月一共）」/).expect(/被拖欠人数「(?:1人(?:（就您自己）)?|就我一个)」/).expect(/是否还在职/);
  });
});

describe('B14 facts in first messages', () => {
  it.each([
    ['包工头老刘一分钱没给', '老刘'],
    ['老板老王都不给钱', '老王'],
    ['包工头王大力没给钱', '王大力'],
  ])('%s → the employer %s', (said, name) => {
    expect(findEmployer(said, isPlace)).toBe(name);
  });

  it('那个啥 俺在工地上干了大半年 包工头老刘一分钱没给…: a report (not a question), the foreman 老刘 read', async () => {
    await converse(t.chat, 'web:n5f1')
      .send('那个啥 俺在工地上干了大半年 包工头老刘一分钱没给 俺们村一起去的八个人 每人欠两三万')
      .expect(/您同意吗/)
      .send('同意')
      .expect(/用人单位「老刘」/);
  });

  it('我在3楼车间 20个人都没发工资: the 20 people owed', async () => {
    await converse(t.chat, 'web:n5f2').send('我在3楼车间 20个人都没发工资').send('同意').expect(/我理解的是：被拖欠人数「20人」。对吗？/);
  });

  it('欠薪！！！三个月！！！一万五！！！: the three months kept with the amount', async () => {
    await converse(t.chat, 'web:n5f3').send('欠薪！！！！！！三个月！！！！！一万五！！！！！').send('同意').expect(/拖欠时间「2026年9月至2026年11月（3个月）」、拖欠金额「15,000元（3个月一共）」/);
  });

  it('欠我们10个人的工资 我的8000: the person\'s own 8000, beside the ten people', async () => {
    await converse(t.chat, 'web:n5f4').send('欠我们10个人的工资 我的8000').send('同意').expect(/拖欠金额「8,000元」、被拖欠人数「10人」/).expectNot(/大家一共/);
  });
});
