/*
 * At a confirmation, the answer to the question the waiting value brings with it: `已经走了` typed while the unit's
 * kind was asked is offered (已经离开, to confirm); `上个月底` typed next is when they left — it was 「请回复「对」或
 * 「不对」」, and the second time the 已经离开 reading was dropped. Now it is taken with it, both to confirm when asked.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');

describe('the question a waiting value brings with it', () => {
  it('`上个月底` while 已经离开 waits for 对 is when they left, kept with it', async () => {
    const user = 'web:lbq1';
    await converse(t.chat, user)
      .sendAll('我在饭店打工 老板三个月没给钱了', '同意', '对', '好再来')
      .send('已经走了')
      .expect(/是否还在职「已经离开」。对吗？/)
      .send('上个月底')
      .expect(/离开时间「2026年11月」/)
      .expectNot(/请回复「对」或「不对」/);
    const s = await session(user);
    // Neither is kept as an answer before the person confirms it; both wait to be confirmed, nothing dropped.
    expect(s.answers.leftSince).toBeUndefined();
    expect(JSON.stringify(s.later)).toContain('2026-11');
    expect(s.later).toMatchObject({ stillEmployed: false });
  });

  // guard: a value with no question of its own brought in is still asked about as before.
  it('`上个月底` while a plain amount waits is not taken as anything', async () => {
    const user = 'web:lbq2';
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1', '对', '好再来饭店')
      .send('欠我八千')
      .expect(/拖欠金额「8,000元」。对吗？/)
      .send('上个月底')
      .expectNot(/离开时间/);
  });
});
