/*
 * What the person meant in the opening message of a wage report (eleventh part), as transcripts on the real chat
 * service and real Redis:
 *  - O1: a monthly wage said after the months worked and said unpaid (`干了三个月 没发工资 一个月3500`, `厂里三个月没发
 *    工资了 我一个月四千五`, `站长拖了三个月 一个月五千`) is worked out (rate × months) and confirmed; a month's pay right
 *    after the word for not paying (`三个月没给一个月3000`: 3,000 not given, or 3,000 a month?) is never multiplied.
 *  - O2: two or more said to be owed and one figure said for no one (`我们工地十二个人都没拿到钱 老板欠了二十多万`) is
 *    never the person's own when more than one person is plausibly owed (everyone's total, confirmed with the count).
 *  - O3: a relative's work told by what they do (`我妈在餐馆洗碗 老板三个月没给钱`): whose wages is asked; `没给我钱`
 *    keeps the report the person's own.
 *  - O4: `同意` / `对` at 「被欠工资的是您本人，还是您替父亲反映？」: the choice said plainly (what 1 and 2 mean).
 *  - O5: `我是做保姆的` alone tells no problem: no answer about one (never 「不算劳动关系」 unasked).
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const CONSENT_Q = /您同意吗？/;
const EMPLOYER_Q = /欠您工资的单位叫什么名字？/;

describe('O1: a monthly wage times the months worked unpaid', () => {
  it('干了三个月 没发工资 一个月3500: 10,500元 (3,500元×3个月), confirmed', async () => {
    const user = 'web:w11o1a';
    await converse(t.chat, user)
      .send('干了三个月 没发工资 一个月3500')
      .expect(CONSENT_Q)
      .send('1')
      .expect(/我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」、拖欠金额「10,500元（3,500元×3个月）」。对吗？/)
      .send('对')
      .expect(EMPLOYER_Q);
    expect((await session(user)).answers).toMatchObject({ amount: { yuan: 10500, approx: false, upTo: null }, period: { months: 3 } });
    // The months worked with nothing said unpaid are no months owed: no amount worked out.
    await converse(t.chat, 'web:w11o1f').send('干了三个月 一个月3500').expectNot(/10,500/).expectNot(CONSENT_Q);
  });

  it('在厂里做了两个月 都没发工资 每个月四千: 8,000元', async () => {
    await converse(t.chat, 'web:w11o1b').send('在厂里做了两个月 都没发工资 每个月四千').expect(CONSENT_Q).send('1').expect(/拖欠金额「8,000元（4,000元×2个月）」/);
  });

  it('厂里三个月没发工资了 我一个月四千五: 13,500元', async () => {
    await converse(t.chat, 'web:w11o1c').send('厂里三个月没发工资了 我一个月四千五').expect(CONSENT_Q).send('1').expect(/拖欠金额「13,500元（4,500元×3个月）」/);
  });

  it('站长拖了三个月 一个月五千: 15,000元', async () => {
    await converse(t.chat, 'web:w11o1d').send('站长拖了三个月 一个月五千').expect(CONSENT_Q).send('1').expect(/拖欠金额「15,000元（5,000元×3个月）」/);
  });

  it('老板三个月没给一个月3000: the months only, never 9,000元', async () => {
    const user = 'web:w11o1e';
    await converse(t.chat, user)
      // The report at once (a person's own pay held back, told), consent first.
      .sendAll('老板三个月没给一个月3000', '1')
      .expect(/我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/)
      .expectNot(/9,000元/)
      .send('1')
      .expectNot(/9,000元/);
    expect((await session(user)).answers).not.toHaveProperty('amount');
  });
});

describe('O2: a figure said for twelve people is not the person\'s own', () => {
  it('我们工地十二个人都没拿到钱 老板欠了二十多万: the group\'s total, with the count', async () => {
    const user = 'web:w11o2a';
    await converse(t.chat, user)
      .send('我们工地十二个人都没拿到钱 老板欠了二十多万')
      .expect(CONSENT_Q)
      .send('1')
      .expect(/被拖欠人数「12人」、大家一共被拖欠「约200,000元」/)
      .expectNot(/拖欠金额「/)
      .send('对');
    const a = (await session(user)).answers;
    expect(a).not.toHaveProperty('amount');
    expect(a).toMatchObject({ groupAmount: { yuan: 200000, approx: true }, headcount: { count: 12 } });
  });

  it('我们厂三十个人都没发工资 老板欠了五十万: the group\'s total (欠了我两万: the own)', async () => {
    await converse(t.chat, 'web:w11o2b').send('我们厂三十个人都没发工资 老板欠了五十万').expect(CONSENT_Q).send('1').expect(/被拖欠人数「30人」、大家一共被拖欠「500,000元」/).expectNot(/拖欠金额「/);
    // Said as the person's own (欠了我), kept so.
    await converse(t.chat, 'web:w11o2c').send('工地上十二个人都没拿到钱 老板欠了我两万').expect(CONSENT_Q).send('1').expect(/拖欠金额「20,000元」、被拖欠人数「12人」/);
  });
});

describe('O3: a relative\'s work told by what they do', () => {
  it('我妈在餐馆洗碗 老板三个月没给钱: whose wages is asked', async () => {
    await converse(t.chat, 'web:w11o3a')
      .send('我妈在餐馆洗碗 老板三个月没给钱')
      .expect(/被欠工资的是您本人，还是您替母亲反映？/)
      .send('2')
      .expect(/请按被欠工资的人的情况回答/);
    // `没给我钱`: the person's own, not asked.
    await converse(t.chat, 'web:w11o3b').send('我妈在家带孩子 老板三个月没给我钱').expect(CONSENT_Q).expectNot(/替母亲/);
  });
});

describe('O4: a yes at the question of whose wages', () => {
  it('同意, then 对: what 1 and 2 mean, said plainly; 对 then asked back as 替父亲反映', async () => {
    await converse(t.chat, 'web:w11o4a')
      .send('我帮我爸问一下 他工资被拖了')
      .expect(/被欠工资的是您本人，还是您替父亲反映？/)
      .send('同意')
      .expect(/这里要选一个：是您自己的工资被欠，回复1；是父亲的工资被欠、您替父亲反映，回复2。/)
      .expectNot(CONSENT_Q)
      .send('对')
      // (h87: a bare yes there is asked back as the choice the question names.)
      .expect(/代为反映「替父亲反映」。对吗？/)
      .send('对')
      .expect(CONSENT_Q);
  });
});

describe('O5: only a job said', () => {
  it('我是做保姆的: no answer to a problem not told', async () => {
    await converse(t.chat, 'web:w11o5a').send('我是做保姆的').expectNot(/不算劳动关系/).expectNot(/要回这笔钱/).expect(/反映欠薪/);
    // A problem told with the job is still answered.
    await converse(t.chat, 'web:w11o5b').send('我是做保姆的被辞退了').expect(/辞退/);
  });
});
