/*
 * The headcount question answered `不止我 还有好几个`, `除了我还有几个` (got 「没看明白有多少人」): the few-people
 * chooser, the person counted in (连您自己算上), as `好几个` alone gets. Today is Tuesday 1 December 2026.
 */
import { describe, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const TO_HEADCOUNT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000'];

describe('others besides me, no figure', () => {
  it('不止我 还有好几个: the several-people choices, then the group total asked', async () => {
    await converse(t.chat, 'web:fb1')
      .sendAll(...TO_HEADCOUNT)
      .expect(/一共有多少人被拖欠/)
      .send('不止我 还有好几个')
      .expect(/连您自己算上，大概几个人？/)
      .expect(/1\. 三四个/)
      .send('2')
      .expect(/你们5至6个人一共被拖欠多少钱/);
  });

  it('除了我还有几个: the few-people choices', async () => {
    await converse(t.chat, 'web:fb2').sendAll(...TO_HEADCOUNT).send('除了我还有几个').expect(/连您自己算上，大概几个人？/).expectNot(/没看明白有多少人/);
  });

  // guard: a figure besides me is counted with me, as before.
  it('还有我老乡两个: 3, confirmed', async () => {
    await converse(t.chat, 'web:fb3').sendAll(...TO_HEADCOUNT).send('还有我老乡两个').expect(/被拖欠人数「3人」。对吗/);
  });
});
