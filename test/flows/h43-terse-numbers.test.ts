/*
 * Terse first messages and a bare 不对 after a changed answer (h43), as transcripts on real Redis:
 *  - `老板欠我两个月 6000`, `欠我两个月6000`: the figure beside the months owed is proposed after the consent with
 *    the months, in words that say how it was read (「6,000元（2个月一共）」), never dropped and asked later as if
 *    never said; `欠薪 三个月 8000块` says so too. Words that tie the figure to the debt (`欠我6000 两个月`,
 *    `欠了三个月工资 一万二`) need no such words; a figure under 1000 or a year (`2025`) is no amount.
 *  - `欠了三个月工资 一万二`, `欠我3-4个月工资 大概1万5`: the months' wages said before the figure are no monthly
 *    rate (the figure was dropped); `老板欠我半年工资 每月3000`: half a year is six months of that wage.
 *  - A bare 不对 right after an answer was changed (`改 2` then 河西街道 at the review, `单位名字写错了 是…` mid-form):
 *    the answer just changed is asked again, never the last one in the form's order (the phone, the amount).
 * Today is Tuesday 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const TWO_MONTHS = '拖欠时间「2026年10月至2026年11月（2个月）」';
const THREE_MONTHS = '拖欠时间「2026年9月至2026年11月（3个月）」';

describe('terse first messages keep their numbers', () => {
  it.each([
    ['老板欠我两个月 6000', `我理解的是：${TWO_MONTHS}、拖欠金额「6,000元（2个月一共）」。对吗？`],
    ['欠我两个月6000', `我理解的是：${TWO_MONTHS}、拖欠金额「6,000元（2个月一共）」。对吗？`],
    ['老板两个月没发工资 6000', `我理解的是：${TWO_MONTHS}、拖欠金额「6,000元（2个月一共）」。对吗？`],
    ['欠薪 三个月 8000块', `我理解的是：${THREE_MONTHS}、拖欠金额「8,000元（3个月一共）」。对吗？`],
    ['欠了三个月工资 一万二', `我理解的是：${THREE_MONTHS}、拖欠金额「12,000元」。对吗？`],
  ])('%s: the months and the figure proposed after the consent, saying how the figure was read', async (said, line) => {
    const user = `web:h43-${said}`;
    await converse(t.chat, user).send(said).expect(/您同意吗/).send('同意').expect(new RegExp(`^${line}`, 'u')).send('对').expect(/欠您工资的单位叫什么名字/);
    const a = (await session(user)).answers as { amount?: { yuan: number }; period?: { months: number } };
    expect(a.amount?.yuan).toBe(Number(/「([\d,]+)元/u.exec(line.split('拖欠金额')[1]!)![1]!.replace(/,/g, '')));
  });

  it('老板欠我两个月 6000, a month\'s wage: 不对 是每个月6000 works the total out', async () => {
    await converse(t.chat, 'web:h43-monthly')
      .sendAll('老板欠我两个月 6000', '同意')
      .send('不对 是每个月6000')
      .expect(/按每月6,000元、2个月算，一共12,000元/);
  });

  // guard: a figure under 1000 or a year beside the months was never an amount, and still is not.
  it('欠我两个月 300, 欠我两个月 2025: no amount (a day\'s pay, a year), the months only', async () => {
    for (const [i, said] of ['欠我两个月 300', '欠我两个月 2025'].entries()) {
      await converse(t.chat, `web:h43-small${i}`).sendAll(said).send('同意').expect(new RegExp(`^我理解的是：${TWO_MONTHS}。对吗？`, 'u')).expectNot(/拖欠金额/);
    }
  });

  it('欠我3-4个月工资 大概1万5: the sum kept with the months (never a monthly rate)', async () => {
    await converse(t.chat, 'web:h43-range').sendAll('欠我3-4个月工资 大概1万5').send('同意').expect(/拖欠金额「约15,000元」/);
  });

  it('老板欠我半年工资 每月3000: six months of that wage, worked out and said', async () => {
    await converse(t.chat, 'web:h43-half').sendAll('老板欠我半年工资 每月3000').send('同意').expect(/拖欠时间「2026年6月至2026年11月（6个月）」、拖欠金额「18,000元（3,000元×6个月）」/);
  });

  // guard: a figure tied to the debt by its words needs no reading said.
  it('老板欠我一万二 三个月: the amount proposed as said', async () => {
    await converse(t.chat, 'web:h43-owed').sendAll('老板欠我一万二 三个月').send('同意').expect(/拖欠金额「12,000元」。对吗？/);
  });
});

const TO_AMOUNT = ['老板拖了我三个月工资', '1', '对', '青溪宏达建筑工程有限公司', '东龙', '新塘', '1', '青溪花园二期', '两万八千五'];
const TO_REVIEW = [...TO_AMOUNT, '就我一个', '2', '上个月', '都跳过', '没有', '张三', '+86 138 0013 8000'];

describe('a bare 不对 after an answer was changed means that answer', () => {
  it('the review\'s 改 2, 河西街道, then 不对 at the community question: the township asked again, never the phone', async () => {
    const user = 'web:h43-review';
    await converse(t.chat, user)
      .sendAll(...TO_REVIEW)
      .send('改 2')
      .expect(/您在哪个镇或街道干活/)
      .send('河西街道')
      .expect(/在河西街道的哪个村或社区/)
      .send('不对')
      .expect(/您在哪个镇或街道干活/)
      .expect(/之前填的是：河西街道/)
      .expectNot(/手机号/);
  });

  it('单位名字写错了 是宏图建筑公司 mid-form, then 不对: the unit asked again, never the amount', async () => {
    await converse(t.chat, 'web:h43-mid')
      .sendAll(...TO_AMOUNT)
      .send('单位名字写错了 是宏图建筑公司')
      .expect(/用人单位已改为「宏图建筑公司」/)
      .send('不对')
      .expect(/欠您工资的单位叫什么名字/)
      .expect(/之前填的是：宏图建筑公司/)
      .expectNot(/被拖欠了多少钱/);
  });

  it('改地方 mid-form, 河西街道, then 不对: the township asked again', async () => {
    await converse(t.chat, 'web:h43-place')
      .sendAll(...TO_AMOUNT)
      .send('改地方')
      .send('河西街道')
      .expect(/在河西街道的哪个村或社区/)
      .send('不对')
      .expect(/您在哪个镇或街道干活/)
      .expectNot(/被拖欠了多少钱/);
  });

  // guard: the amount changed last, 不对 still means it.
  it('改金额, 三万, then 不对: the amount asked again', async () => {
    await converse(t.chat, 'web:h43-amount').sendAll(...TO_AMOUNT).send('改金额').send('三万').send('不对').expect(/被拖欠了多少钱/).expect(/之前填的是：30,000元/);
  });
});
