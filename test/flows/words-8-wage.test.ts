/*
 * The wage report, figures and names said with a correction, a job or voice fillers (probe 7: A2, A3, A4, C8), as
 * transcripts on real Redis:
 *  - A2: a figure taken back in the same message (`三万块 不对 是三万五`, `八千 哦不是 九千`, `八千块 说错了是八千五`)
 *    offers the one corrected to; `八千 不是 九千` (which is meant cannot be told) offers neither, and the amount is asked;
 *  - A3: a job said before a space (`开叉车 物流公司欠我…`, `当保安 物业公司…`, `做保洁 公司…`) is never glued onto
 *    the employer: a kind of workplace alone is no name, so the name is asked;
 *  - A4: `老板欠薪欠了三个月了 两千五百块一个月` (with spaces or none, fillers before) offers 3 months and 7,500元;
 *    the 一个月 of the monthly wage is never the period;
 *  - C8: a spoken restart (`一万 一万二左右`) offers the second figure;
 *  - B12: a 1,300-character message is read to its end (the mention finders read as far as the engine, 2,000);
 *  - B11: `老板欠我工资三千五 另外我还想入工会` begins the report and keeps the union for after its submit;
 *    `我想问下工伤怎么赔 另外老板还欠我工资两千` answers, then offers the report with 2,000元.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { findAmounts, findPeriod } from '../../flows/parsers/mentions.js';
import { findEmployer } from '../../flows/nlu/facts.js';
import { understandAtMenu } from '../../flows/nlu/understand.js';
import { normalizeMessage } from '../../flows/nlu/normalize.js';
import { legalAidFlow } from '../../flows/legal-aid.js';
import { membershipFlow } from '../../flows/membership.js';
import { wageFlow } from '../../flows/wage.js';
import { ctxOf } from '../nlu/evaluate.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));
const exact = (yuan: number) => ({ yuan, approx: false, upTo: null });

describe('A2: a figure corrected in the same message', () => {
  it.each([
    ['老板欠我三万块 不对 是三万五', '35,000元', 35000],
    ['老板欠我八千 哦不是 九千', '9,000元', 9000],
    ['老板欠我八千块 说错了是八千五', '8,500元', 8500],
  ])('%s: the figure corrected to is offered (%s), and kept on 对', async (said, shown, yuan) => {
    const user = `web:w8a2-${yuan}`;
    await converse(t.chat, user)
      .send(said)
      .expect(/您同意吗/)
      .send('同意')
      .expect(new RegExp(`我理解的是：拖欠金额「${shown}」。对吗？`))
      .send('对')
      .expect(/欠您工资的单位叫什么名字/);
    expect((await session(user)).answers.amount).toEqual(exact(yuan));
  });

  it('老板欠我八千 不是 九千: which is meant cannot be told, so neither is offered and the amount is asked later', async () => {
    await converse(t.chat, 'web:w8a2-unclear')
      .send('老板欠我八千 不是 九千')
      .send('同意')
      .expect(/欠您工资的单位叫什么名字/);
    expect((await session('web:w8a2-unclear')).answers.amount).toBeUndefined();
  });

  it('a correction keeps whose the figure is: 我们一共欠了三十万 不对 是三十五万 is the group figure 350,000', () => {
    expect(findAmounts('我们一共欠了三十万 不对 是三十五万')).toMatchObject({ own: exact(350000), ownSaidForGroup: true });
    // Typed digits side by side are a list, not a restart: nothing is picked.
    expect(findAmounts('欠我3000 3500').own).toBeNull();
    // The same figure said again stays one.
    expect(findAmounts('老板欠我三千 欠我三千 欠我三千块').own).toEqual(exact(3000));
  });
});

describe('A3: the job said before the employer is no part of its name', () => {
  it.each([
    ['我在石岭镇开叉车 物流公司欠我三个月工资', '石岭镇'],
    ['我在凤栖街道当保安 物业公司欠了四个月了', '凤栖街道'],
    ['我在梅岗镇做保洁 公司欠我两个月工资 大概四千', '梅岗镇'],
  ])('%s: the employer is asked, never 「开叉车物流公司」 and the like', async (said, place) => {
    const user = `web:w8a3-${place}`;
    await converse(t.chat, user)
      .send(said)
      .send('同意')
      .expect(new RegExp(`我理解的是：干活的地方「${place}」`))
      .expectNot(/用人单位/)
      .send('对')
      .expect(/欠您工资的单位叫什么名字/);
    expect((await session(user)).answers.employer).toBeUndefined();
  });

  it('a named unit after the job is still read, without the job', () => {
    const isPlace = (n: string) => n === '石岭镇';
    expect(findEmployer('我在石岭镇开叉车 顺丰物流公司欠我三个月工资', isPlace)).toBe('顺丰物流公司');
    expect(findEmployer('我在石岭镇开叉车 物流公司欠我三个月工资', isPlace)).toBeNull();
  });
});

describe('A4: months owed and a monthly wage said after them', () => {
  it.each([
    ['老板欠薪欠了三个月了 两千五百块一个月', 'a4-spaced'],
    ['嗯那个就是说我在东龙镇那个工地干活啊老板欠薪欠了三个月了两千五百块一个月', 'a4-voice'],
  ])('%s: 3 months and 7,500元 offered together', async (said, tag) => {
    const user = `web:w8${tag}`;
    await converse(t.chat, user)
      .send(said)
      .send('同意')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」、拖欠金额「7,500元（2,500元×3个月）」。对吗？/)
      .send('对');
    expect((await session(user)).answers).toMatchObject({ period: { start: '2026-09', end: '2026-11', months: 3 }, amount: exact(7500) });
  });

  it('the 一个月 of a monthly wage (`两千五百块一个月`) is never the period', () => {
    expect(findPeriod('老板欠薪欠了三个月了两千五百块一个月', new Date(NOW))?.value).toMatchObject({ start: '2026-09', end: '2026-11', months: 3 });
    expect(findPeriod('欠了一个月工资', new Date(NOW))?.value).toMatchObject({ months: 1 });
  });
});

describe('C8: a spoken restart', () => {
  it('我的工资 嗯 大概是 一万 一万二左右吧: about 12,000 offered', async () => {
    await converse(t.chat, 'web:w8c8')
      .send('我的工资 嗯 大概是 一万 一万二左右吧')
      .send('同意')
      .expect(/我理解的是：拖欠金额「约12,000元」。对吗？/);
  });
});

describe('B12: a long voice message is read as far as the engine reads (2,000 characters)', () => {
  it('a 1,300-character story ending 一共欠我一万八: the amount is offered with the rest', async () => {
    const story = `我叫张三 在东龙镇新塘社区的好再来饭店干了一年多 ${'老板一直说没钱 每次去要都说下个月 下个月 '.repeat(60)}一共欠我一万八`;
    expect(story.length).toBeGreaterThan(1200);
    expect(story.length).toBeLessThan(2000);
    await converse(t.chat, 'web:w8b12')
      .send(story)
      .send('同意')
      .expect(/我理解的是：.*拖欠金额「18,000元」.*对吗？/);
  });
});

describe('B11: two things asked in one first message', () => {
  it('understanding keeps the second: a service after another (`also`), or after a question (`then`)', () => {
    const flows = [wageFlow, membershipFlow, legalAidFlow];
    const ctx = ctxOf();
    const atMenu = (text: string) => understandAtMenu(flows, normalizeMessage(text), ctx);
    expect(atMenu('老板欠我工资三千五 另外我还想入工会')).toMatchObject({ kind: 'switch', service: 'wage', facts: { amount: exact(3500) }, also: 'membership' });
    expect(atMenu('我想问下工伤怎么赔 另外老板还欠我工资两千')).toMatchObject({ kind: 'question', then: { service: 'wage', facts: { amount: exact(2000) } } });
    // One thing said with 还有 (`还有加班费没给`) is read whole, as before.
    expect(atMenu('老板欠我三千 还有加班费没给')).not.toHaveProperty('also');
  });

  describe('transcripts', () => {
    it('老板欠我工资三千五 另外我还想入工会: the report first, the union said to come after, and offered once submitted', async () => {
      await converse(t.chat, 'web:w8b11a')
        .send('老板欠我工资三千五 另外我还想入工会')
        .expect(/先帮您办「反映欠薪」，「加入工会」等这件办完/)
        .send('同意')
        .expect(/拖欠金额「3,500元」/)
        .sendAll('对', '好再来饭店', '东龙', '新塘', '不是', '今年9月到11月', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111')
        .send('确认')
        .expect(/您刚才还说要办「加入工会」，现在就开始吗？/);
    });

    it('我想问下工伤怎么赔 另外老板还欠我工资两千: the answer, then the report offered with 2,000元', async () => {
      await converse(t.chat, 'web:w8b11b')
        .send('我想问下工伤怎么赔 另外老板还欠我工资两千')
        .expect(/工伤[\s\S]*您刚才还说要办「反映欠薪」，现在就开始吗？/)
        .sendAll('好的')
        .send('同意')
        .expect(/拖欠金额「2,000元」/);
    });
  });
});
