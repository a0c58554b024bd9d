/*
 * Wage reports made for someone else (helper h12), on real Redis.
 *  - `我老公三个月没发工资 一万二`: whose wages is asked (替丈夫), and the months and amount are the husband's,
 *    confirmed as his and stored with the case made for him; never the writer's own.
 *  - Openings `替我们村的老乡问问 老板欠他们十几万` (我们村的: a fellow villager, not 我们) and `我哥让我帮他问 工钱一直没给`
 *    ask whose wages too.
 *  - Said at a later question of a report not (yet) for anyone else: `我老公三个月没发工资`, `我老婆的工资老板拖了两个月了`,
 *    `我儿子在厂里 欠了他三个月工资`, `替我们村的老乡问问 十几万` offer the report as for that person (confirmed with
 *    what else was said), never the writer's own months or amount; `一万二 是我老公的` likewise, and 一万二 is no name.
 *  - The writer's own (alone or with the husband) stays theirs, no question: `我和我老公都在这干 欠我六千`,
 *    `我老公让我来问的 欠我们俩两万`.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { findOwedFor, findOwedLater } from '../../flows/nlu/facts.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const someone = (tag: string) => `web:h12-${tag}-${Math.random().toString(36).slice(2, 8)}`;

async function caseOf(user: string) {
  const [c] = await t.core.cases.listByUser(user, 10);
  return c!;
}

describe('whose wages, read from the opening message', () => {
  it.each([
    ['我老公三个月没发工资 一万二', '老公'],
    ['我爸半年没拿到工钱', '爸'],
    ['替我们村的老乡问问 老板欠他们十几万', '老乡'],
    ['我哥让我帮他问 工钱一直没给', '哥'],
  ])('%s: for %s', (text, relation) => {
    expect(findOwedFor(text)).toEqual({ relation, workerName: null, said: true });
  });

  it('我老公在工地干了三个月 一分钱没拿到 一万五: suggested for 老公', () => {
    expect(findOwedFor('我老公在工地干了三个月 一分钱没拿到 一万五')).toEqual({ relation: '老公', workerName: null, said: false });
  });

  it.each(['我和我老公都在这干 欠我六千', '我老公让我来问的 欠我们俩两万', '我老公说老板三个月没发工资', '我跟我老公三个月没发工资'])('%s: the person’s own', (text) => {
    expect(findOwedFor(text)).toBeNull();
  });

  it('said later: 一万二 is no name, the relative is', () => {
    expect(findOwedLater('一万二 是我老公的')).toEqual({ relation: '老公', name: null });
    expect(findOwedLater('我哥让我帮他问的 三个月')).toEqual({ relation: '哥', name: null });
  });
});

describe('我老公三个月没发工资 一万二', () => {
  it('asked whose; the months and the amount confirmed and stored as the husband’s', async () => {
    const user = someone('husband');
    await converse(t.chat, user)
      .send('我老公三个月没发工资 一万二')
      .expect(/被欠工资的是您本人，还是您替丈夫反映？/)
      .send('2')
      .expect(/下面的问题请按被欠工资的人的情况回答/)
      .send('1')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」、拖欠金额「12,000元（3个月一共）」/)
      .send('对')
      .expect(/被欠工资的人叫什么名字/)
      .sendAll('李强', '好再来饭店', '东龙', '新塘', '不是', '就他一个', '还在干', '都跳过', '没有', '王芳', '13700001111')
      .expect(/替丈夫李强反映/)
      .send('确认')
      .expect(/提交成功/);
    const c = await caseOf(user);
    expect(c.wage?.onBehalf).toEqual({ relation: '老公', workerName: '李强' });
    expect(c.wage?.amount).toBe(12000);
    expect(c.wage?.period.months).toBe(3);
    expect(c.reporter.name).toBe('王芳');
  });

  it.each([
    ['替我们村的老乡问问 老板欠他们十几万', /还是您替老乡反映？/],
    ['我哥让我帮他问 工钱一直没给', /还是您替哥哥反映？/],
    ['我老公在工地干了三个月 一分钱没拿到 一万五', /还是您替丈夫反映？/],
  ])('%s: whose asked before the consent', async (first, whose) => {
    await converse(t.chat, someone('open')).send(first).expect(whose);
  });
});

describe('said at a later question', () => {
  const OWN = ['老板拖欠工资', '1', '好再来饭店', '东龙', '新塘', '不是'] as const;

  it.each([
    ['我老公三个月没发工资', /代为反映「替丈夫反映」、拖欠时间「2026年9月至2026年11月（3个月）」/],
    ['我老婆的工资老板拖了两个月了', /代为反映「替妻子反映」、拖欠时间「2026年10月至2026年11月（2个月）」/],
    ['我儿子在厂里 欠了他三个月工资', /代为反映「替儿子反映」、拖欠时间「2026年9月至2026年11月（3个月）」/],
    ['替我们村的老乡问问 十几万', /代为反映「替老乡反映」/],
  ])('at the months asked, %s: offered as for them, never the person’s own months', async (said, offered) => {
    await converse(t.chat, someone('later'))
      .sendAll(...OWN)
      .expect(/拖欠的是哪段时间的工资/)
      .send(said)
      .expect(offered)
      .expect(/对吗/);
  });

  it('at the amount asked, 一万二 是我老公的: for the husband, 一万二 no name and not the person’s amount', async () => {
    await converse(t.chat, someone('amount'))
      .sendAll(...OWN, '三个月')
      .expect(/您自己一共被拖欠了多少钱/)
      .send('一万二 是我老公的')
      .expect(/代为反映「替丈夫反映」。对吗/)
      .send('对')
      .expect(/被欠工资的人叫什么名字/);
  });
});

describe('the person’s own, alone or with the husband', () => {
  it('owed with the husband, 我老公的工资八千 at the amount: his figure, never a report for him', async () => {
    await converse(t.chat, someone('own3'))
      .sendAll('我和我老公两个人都被拖了三个月工资', '1', '对', '好再来饭店', '东龙', '新塘', '不是')
      .expect(/您自己一共被拖欠了多少钱/)
      .send('我老公的工资八千')
      .expect(/8,000元是您老公的/)
      .expectNot(/代为反映/);
  });

  it('我和我老公都在这干 欠我六千: no question whose, 6,000 the person’s', async () => {
    await converse(t.chat, someone('own1'))
      .send('我和我老公都在这干 欠我六千')
      .expectNot(/还是您替/)
      .send('1')
      .expect(/拖欠金额「6,000元」/);
  });

  it('我老公让我来问的 欠我们俩两万: no question whose, two of them', async () => {
    await converse(t.chat, someone('own2'))
      .send('我老公让我来问的 欠我们俩两万')
      .expectNot(/还是您替/)
      .send('1')
      .expect(/被拖欠人数「2人」、大家一共被拖欠「20,000元」/);
  });
});
