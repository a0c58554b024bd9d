/*
 * Places and the construction chain in the wage report, as people say them (round 9), as tables and as
 * transcripts on real Redis. Only a value the person meant is kept:
 *  - P1: a place outside the area at the township question (`深圳`, `在深圳打工`, `广东东莞长安镇`) is said to be
 *    outside it, with where to turn (the local union, the 12351 hotline) and the townships to go on with; the city
 *    the area is in (`南宁`) asks which township. A name sharing a character with one of ours is never offered as
 *    it (`南宁` is not 南塘街道); typos of our own names still are (`东笼镇`, `白纱镇`).
 *  - P2: the chain named at the employer question (`包工头张三带我们干的，劳务公司是宏达劳务，总包是中建某局`): the
 *    foreman, the labour company and the general contractor each in their own field, confirmed with the employer;
 *    `总包是中建三局` alone is the general contractor, never the employer (asked next); a foreman alone
 *    (`包工头叫王建军`) is read as before (the one who owes).
 *  - P3: at the 总包单位 question, `开发商` is another party (its name is asked, or 不知道); a person's name (`张三`)
 *    is asked about before it is kept.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { matchCommunity, matchTownship } from '../../core/directory/match.js';
import { loadDemoDirectory } from '../../core/directory/load.js';
import { chainNamed, personCalled } from '../../flows/nlu/wage-facts.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const toEmployer = (user: string) => converse(t.chat, user).sendAll('我要反映欠薪', '同意').expect(/欠您工资的单位叫什么名字？/);
const toTownship = (user: string) => toEmployer(user).send('好再来饭店').expect(/您在哪个镇或街道干活？/);
/** A building-site wage report at the 总包单位 question. */
const toGeneralContractor = (user: string) =>
  converse(t.chat, user)
    .sendAll('我要反映欠薪', '同意', '鑫盛劳务', '石岭', '不清楚', '是', '青溪花园二期', '3月到8月', '三万五', '十二个', '不知道', '已经离开', '8月底', '不知道', '不知道')
    .expect(/总包单位（总承包的公司）是哪家？/);

describe('P1 places outside the area', () => {
  const demo = loadDemoDirectory();
  it.each(['南宁', '南宁市', '深圳', '南京', '广州'])('%s is no township of ours, nor near one', (said) => {
    expect(matchTownship(demo, said)).toEqual({ kind: 'none' });
  });

  it.each([
    ['东笼镇', '东龙镇'],
    ['白纱镇', '白沙镇'],
    ['河溪街道', '河西街道'],
    ['龙东', '东龙镇'],
  ])('%s (a typo of our own name) still suggests %s', (said, name) => {
    const m = matchTownship(demo, said);
    expect(m.kind === 'candidates' && m.townships[0]!.name).toBe(name);
  });

  it('a village sharing one character with ours is not offered as it', () => {
    const donglong = demo.districts[0]!.townships.find((tw) => tw.name === '东龙镇')!;
    expect(matchCommunity(donglong, '上海村')).toEqual({ kind: 'none' });
    const m = matchCommunity(donglong, '上平村');
    expect(m.kind === 'candidates' && m.communities[0]!.community).toBe('上坪村');
  });

  it.each(['深圳', '在深圳打工', '广东东莞长安镇'])('%s at the township question: outside the area, where to turn, and going on', async (said) => {
    const user = `web:p9out-${said}`;
    await toTownship(user)
      .send(said)
      .expect(/只受理青溪区的欠薪反映/)
      .expect(/不在我们的服务范围/)
      .expect(/当地的工会/)
      .expect(/12351/)
      .expect(/如果您其实是在青溪区干活/)
      .expectNot(/您是说|没找到/)
      .send('东龙')
      .expect(/在东龙镇的哪个村或社区？/);
    expect((await session(user)).answers.location).toMatchObject({ townshipId: 't01' });
  });

  it('南宁 (the city the area is in): which township, never 南塘街道', async () => {
    const user = 'web:p9nanning';
    await toTownship(user).send('南宁').expect(/青溪区/).expect(/哪个镇或街道/).expect(/12351/).expectNot(/南塘街道」吗|您是说/);
    const s = await session(user);
    expect(s.answers).not.toHaveProperty('location');
    expect(s.fieldId).toBe('location');
  });

  it('东笼镇 still offers 东龙镇', async () => {
    await toTownship('web:p9typo').send('东笼镇').expect(/您是说「东龙镇」吗？/).expectNot(/12351/);
  });
});

describe('P2 the construction chain at the employer question', () => {
  it('reads each link by its cue', () => {
    expect(chainNamed('包工头张三带我们干的，劳务公司是宏达劳务，总包是中建某局')).toEqual({
      generalContractor: '中建某局',
      subcontractor: '宏达劳务',
      labourContractor: '张三',
    });
    expect(chainNamed('包工头是老王')).toEqual({ labourContractor: '老王' });
    expect(chainNamed('宏达劳务欠了我三个月工资')).toEqual({});
    expect(chainNamed('包工头跑了')).toEqual({});
  });

  it('包工头张三…劳务公司是宏达劳务，总包是中建某局: each in its field, confirmed, kept', async () => {
    const user = 'web:p9chain';
    await toEmployer(user)
      .send('包工头张三带我们干的，劳务公司是宏达劳务，总包是中建某局')
      .expect(/用人单位「宏达劳务」/)
      .expect(/工程建设项目「是」/)
      .expect(/总包单位「中建某局」/)
      .expect(/分包单位「宏达劳务」/)
      .expect(/包工头「张三」/)
      .send('对')
      .expect(/哪个镇或街道/);
    expect((await session(user)).answers).toMatchObject({
      employer: '宏达劳务',
      construction: true,
      generalContractor: '中建某局',
      subcontractor: '宏达劳务',
      labourContractor: '张三',
    });
  });

  it('包工头张三带我们干的，总包是中建三局: the foreman and the general contractor kept; who owes is asked, never guessed', async () => {
    const user = 'web:p9chain2';
    await toEmployer(user)
      .send('包工头张三带我们干的，总包是中建三局')
      .expect(/总包单位「中建三局」/)
      .expect(/包工头「张三」/)
      .expectNot(/用人单位/)
      .send('对')
      .expect(/单位叫什么名字/);
    const s = await session(user);
    expect(s.answers).toMatchObject({ construction: true, generalContractor: '中建三局', labourContractor: '张三' });
    expect(s.answers).not.toHaveProperty('employer');
  });

  it('总包是中建三局 alone: the general contractor, confirmed; the employer is asked next, never 「总包是中建三局」', async () => {
    const user = 'web:p9general';
    await toEmployer(user).send('总包是中建三局').expect(/总包单位「中建三局」/).expectNot(/用人单位/).send('对').expect(/单位叫什么名字/);
    const s = await session(user);
    expect(s.answers).toMatchObject({ generalContractor: '中建三局' });
    expect(s.answers).not.toHaveProperty('employer');
  });
});

describe('P3 no company name at the 总包单位 question', () => {
  it.each([
    ['张三', true],
    ['老王', true],
    ['王总', true],
    ['中建三局', false],
    ['宏达建筑', false],
    ['青溪宏图劳务有限公司', false],
  ])('%s is a person: %s', (said, person) => {
    expect(personCalled(said)).toBe(person);
  });

  it.each(['开发商', '是开发商', '甲方'])('%s: another party, the name asked, nothing kept', async (said) => {
    const user = `web:p9dev-${said}`;
    await toGeneralContractor(user).send(said).expect(/开发商（建设单位）和总包单位一般不是同一家/).expect(/不知道就回复「不知道」/).expectNot(/分包单位（比如劳务公司）/);
    const s = await session(user);
    expect(s.answers).not.toHaveProperty('generalContractor');
    expect(s.fieldId).toBe('generalContractor');
  });

  it('开发商 then 不知道: left empty, on to the next question', async () => {
    const user = 'web:p9dev-dk';
    await toGeneralContractor(user).send('开发商').expect(/开发商/).send('不知道').expect(/分包单位（比如劳务公司）是哪家？/);
    expect((await session(user)).answers.generalContractor).toBeNull();
  });

  it('总包单位: no name, asked for it', async () => {
    await toGeneralContractor('web:p9kind').send('总包单位').expect(/「总包单位」不是公司的名字/).expectNot(/分包单位（比如劳务公司）/);
    expect((await session('web:p9kind')).answers).not.toHaveProperty('generalContractor');
  });

  it('张三: asked whether it is the company; 不对 asks for the company again, nothing kept', async () => {
    const user = 'web:p9person';
    await toGeneralContractor(user)
      .send('张三')
      .expect(/「张三」听着像人名/)
      .expect(/总包单位「张三」。对吗？/)
      .send('不对')
      .expect(/总包单位（总承包的公司）是哪家？/);
    expect((await session(user)).answers).not.toHaveProperty('generalContractor');
  });

  it('张三 said to be the company: kept', async () => {
    const user = 'web:p9person-yes';
    await toGeneralContractor(user).send('张三').expect(/对吗？/).send('对').expect(/分包单位（比如劳务公司）是哪家？/);
    expect((await session(user)).answers).toMatchObject({ generalContractor: '张三' });
  });

  it('中建三局: kept as it is, nothing asked', async () => {
    const user = 'web:p9unit';
    await toGeneralContractor(user).send('中建三局').expect(/分包单位（比如劳务公司）是哪家？/).expectNot(/人名|对吗/);
    expect((await session(user)).answers).toMatchObject({ generalContractor: '中建三局' });
  });
});
