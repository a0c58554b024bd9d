/*
 * The months worked and the months paid, at the period question (`干了八个月 只给了三个月的`): it was the eight
 * months as owed («发过的钱可以在后面说明»), so `3000一个月` then made 24,000元; now five months are owed within
 * the eight, said back and confirmed, and the monthly wage gives 15,000元.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));
const toPeriod = (user: string) => converse(t.chat, user).sendAll('反映欠薪', '同意', '好再来饭店', '东龙', '新塘', '不是').expect(/哪段时间/);

describe('months worked, months paid', () => {
  it('干了八个月 只给了三个月的: five of the eight owed, confirmed; 3000一个月 is 15,000元', async () => {
    await toPeriod('web:mp1')
      .send('干了八个月 只给了三个月的')
      .expect(/您说给过3个月的，按欠5个月算/)
      .expect(/拖欠时间「2026年4月至2026年11月，中间有3个月发了（欠5个月）」。对吗？/)
      .send('对')
      .send('3000一个月')
      .expect(/按每月3,000元、5个月算，一共15,000元/);
    expect((await session('web:mp1')).answers).toMatchObject({ period: { start: '2026-04', end: '2026-11', months: 5 } });
  });

  it('nothing before the yes; paid words without months keep the old reading', async () => {
    await toPeriod('web:mp2').send('干了八个月 只给了三个月的').expect(/对吗？/);
    expect((await session('web:mp2')).answers).not.toHaveProperty('period');
    await toPeriod('web:mp3').send('干了八个月 中间给了一点').expect(/发过的钱可以在后面说明/).expect(/（8个月）/);
  });
});
