/*
 * A new person's first message, and the service it leads to (transcripts on the real chat service and real Redis):
 *  - G1: pay held back for months by whoever pays, the pay not named (`送快递的 站长拖了三个月`, `老板三个月没给一个月3000`,
 *    `老板娘拖着不给 都半年了`): the wage report (consent first), never the rider answer with a joining offer or the
 *    general advice; a general question (`老板不给工资怎么办`) still gets the advice with the offer.
 *  - G2: `我们工地十二个人 老板欠了大家二十多万`: the 12 are the ones owed and the 二十多万 is theirs: both confirmed,
 *    the person's own amount asked later (never taken as theirs).
 *  - G3: only what the person does (`我是做保姆的`, `我在饭店上班`): what we can help with, no 「没明白」, no advice.
 *  - G4: a greeting first (`你好在吗 …`): its 吗 is no question; what follows is read (the report, not 老板跑路 advice).
 *  - G5: a problem told in a few words gets its own answer: `摔断了腿 老板不给报` work injury (was unpaid wages),
 *    `加班费老板不给算` overtime (was 没明白); `我在工地干活没拿到钱` the report (was advice).
 *  - G6: more ways of telling it: `走的时候老板没结`, `老板说下个月一起发 已经拖了三个月`, `保安队长拖了两个月` the report
 *    (were advice or 没明白); `一个月没发了` asks whether it is the report wanted; `我老公在工地干活 老板拖了他三个月`
 *    asks whose wages they are before anything (was taken as the person's own); `包工头说年底一块结` the report, its
 *    一块 (together) never 1元.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const CONSENT_Q = /反映欠薪前，需要您同意/;
const ADVICE = /别着急，有几条路/;
const OFFER = /要我帮您登记欠薪/;
const RIDER = /骑手、快递员/;
const THREE_MONTHS = /我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/;
const JOB_REPLY = /不管做哪一行，遇到工资被拖欠、想加入工会，或者有法律上的事想问，都可以找我/;

describe('G1: pay held back for months, the pay not named, starts the report', () => {
  it('送快递的 站长拖了三个月: consent, then the three months confirmed (not the rider answer)', async () => {
    await converse(t.chat, 'web:h7g1a').send('送快递的 站长拖了三个月').expect(CONSENT_Q).expectNot(RIDER).expectNot(/工会吗/).send('1').expect(THREE_MONTHS);
  });

  it('老板三个月没给一个月3000: consent (the 3000 a month left to the amount question), not the advice', async () => {
    await converse(t.chat, 'web:h7g1b').send('老板三个月没给一个月3000').expect(CONSENT_Q).expectNot(ADVICE).send('1').expect(THREE_MONTHS);
  });

  it('老板娘拖着不给 都半年了, 包工头拖了我们三个月, 老板三个月没发了: the report each', async () => {
    await converse(t.chat, 'web:h7g1c').send('老板娘拖着不给 都半年了').expect(CONSENT_Q).expectNot(ADVICE);
    await converse(t.chat, 'web:h7g1d').send('包工头拖了我们三个月').expect(CONSENT_Q).expectNot(ADVICE);
    await converse(t.chat, 'web:h7g1e').send('老板三个月没发了').expect(CONSENT_Q).expectNot(ADVICE);
  });

  it('a general question or another matter stays answered: 老板不给工资怎么办, 老板三个月没给我交社保', async () => {
    await converse(t.chat, 'web:h7g1f').send('老板不给工资怎么办').expect(ADVICE).expect(OFFER).expectNot(CONSENT_Q);
    await converse(t.chat, 'web:h7g1g').send('老板三个月没给我交社保').expectNot(CONSENT_Q).expect(/社保/);
    // The time after 拖 that is no pay (`拖了三个月才给我签合同`) starts no report.
    await converse(t.chat, 'web:h7g1h').send('老板拖了三个月').expect(CONSENT_Q);
    await converse(t.chat, 'web:h7g1i').send('公司拖了三个月才给我签合同').expectNot(CONSENT_Q);
  });
});

describe('G2: a site\'s people and the sum owed to all of them', () => {
  it('我们工地十二个人 老板欠了大家二十多万: 12 people and their 二十多万 confirmed; the own amount asked later; a company\'s size is no count', async () => {
    const user = 'web:h7g2a';
    await converse(t.chat, user)
      .send('我们工地十二个人 老板欠了大家二十多万')
      .expect(CONSENT_Q)
      .send('1')
      .expect(/被拖欠人数「12人」/)
      .expect(/大家一共被拖欠「约200,000元」/)
      .send('对');
    const a = (await session(user)).answers;
    expect(a).toMatchObject({ headcount: { count: 12, approximate: false }, groupAmount: { yuan: 200000, approx: true } });
    expect(a).not.toHaveProperty('amount');
    // `我们公司五百个人 老板欠我三万`: the company's size is no count of the people owed.
    await converse(t.chat, 'web:h7g2b').send('我们公司五百个人 老板欠我三万').expect(CONSENT_Q).send('1').expectNot(/被拖欠人数/).expect(/3(?:,)?0,?000元|30,000元/);
  });
});

describe('G3: only what the person does for a living', () => {
  it('我是做保姆的, 我在饭店上班, 我是保安: what we can help with and the menu, no 「没明白」 and no advice', async () => {
    for (const [i, said] of ['我是做保姆的', '我在饭店上班', '我是保安', '您好 我是开货车的', '送外卖的'].entries()) {
      await converse(t.chat, `web:h7g3${i}`).send(said).expect(JOB_REPLY).expect(/1\. 加入工会/).expectNot(/没太明白/).expectNot(/依据/);
    }
  });

  it('the menu answers after it: 2 is the wage report', async () => {
    await converse(t.chat, 'web:h7g3x').send('我是做保姆的').expect(JOB_REPLY).send('2').expect(CONSENT_Q);
  });
});

describe('G4: a greeting before the matter', () => {
  it('你好在吗 我们工地老板跑了 欠了我一万多: the report, the 一万多 confirmed (not the 老板跑路 answer); a greeting alone the menu', async () => {
    await converse(t.chat, 'web:h7g4a').send('你好在吗 我们工地老板跑了 欠了我一万多').expect(CONSENT_Q).expectNot(/依据/).send('1').expect(/拖欠金额「约10,000元」/);
    // `你好 在吗`, `你好吗` alone are still a greeting (the menu).
    await converse(t.chat, 'web:h7g4b').send('你好 在吗').expect(/1\. 加入工会/).expectNot(/没太明白/);
    await converse(t.chat, 'web:h7g4c').send('你好吗').expect(/1\. 加入工会/).expectNot(/没太明白/);
  });
});

describe('G5: a problem told in a few words gets its own answer', () => {
  it('工地上干活摔断了腿 老板不给报: the work-injury answer, not the unpaid-wages advice', async () => {
    await converse(t.chat, 'web:h7g5a').send('工地上干活摔断了腿 老板不给报').expect(/工伤认定/).expectNot(ADVICE);
  });

  it('加班费老板不给算: the overtime answer (was 「没太明白」)', async () => {
    await converse(t.chat, 'web:h7g5b').send('加班费老板不给算').expect(/加班费按您的工资算/).expectNot(/没太明白/);
  });

  it('我在工地干活没拿到钱: the report (was the advice)', async () => {
    await converse(t.chat, 'web:h7g5c').send('我在工地干活没拿到钱').expect(CONSENT_Q).expectNot(ADVICE);
  });
});

describe('G6: more ways of telling pay held back', () => {
  it('走的时候老板没结, 老板说下个月一起发, 保安队长拖了两个月: the report each', async () => {
    await converse(t.chat, 'web:h7g6a').send('我在饭店干了两个月 走的时候老板没结').expect(CONSENT_Q).expectNot(ADVICE);
    await converse(t.chat, 'web:h7g6b').send('老板说下个月一起发 已经拖了三个月').expect(CONSENT_Q).expectNot(ADVICE).send('1').expect(THREE_MONTHS);
    await converse(t.chat, 'web:h7g6c').send('保安队长拖了两个月').expect(CONSENT_Q).expectNot(/没太明白/);
  });

  it('包工头说年底一块结 (all at once, later): the report, and 一块 is never 1元', async () => {
    const user = 'web:h7g6f';
    await converse(t.chat, user).send('包工头说年底一块结').expect(CONSENT_Q).send('1').expectNot(/1元/).expectNot(/我理解的是/);
    expect((await session(user)).answers).not.toHaveProperty('amount');
  });

  it('一个月没发了: asked whether the report is wanted (was 「没太明白」 and the menu)', async () => {
    await converse(t.chat, 'web:h7g6d').send('一个月没发了').expect(/您是想反映欠薪吗？/).send('是的').expect(CONSENT_Q);
  });

  it('我老公在工地干活 老板拖了他三个月: whose wages is asked first (never taken as the person\'s own)', async () => {
    await converse(t.chat, 'web:h7g6e').send('我老公在工地干活 老板拖了他三个月').expect(/被欠工资的是您本人，还是您替丈夫反映？/).expectNot(CONSENT_Q);
  });
});
