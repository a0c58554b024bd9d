/*
 * A time to meet said before the time question (`下周一上午` while the matter is being confirmed) is part of the
 * booking being filled in: said back and the question asked again, never 「我们接着填「预约法律援助」」 as if the
 * person had gone somewhere else. Something from elsewhere (我的预约) still comes back with it.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');

describe('a time said early', () => {
  it('下周一上午 at the matter\'s confirmation: kept, the confirmation asked again with no 「我们接着填」', async () => {
    await converse(t.chat, 'web:early1')
      .sendAll('我想找个律师问问 老板不给签合同', '同意')
      .expect(/咨询的事「劳动合同」。对吗/)
      .send('下周一上午')
      .expect(/好的，想约12月7日（周一）上午，选时间时先给您看这天的/)
      .expect(/咨询的事「劳动合同」。对吗/)
      .expectNot(/我们接着填/);
    expect((await session('web:early1')).answers).toMatchObject({ slotDay: '2026-12-07', slotPart: 'morning' });
  });

  it('我的预约 in the middle of the form: still brought back with 「我们接着填」', async () => {
    await converse(t.chat, 'web:early2')
      .sendAll('我想找个律师问问 老板不给签合同', '同意')
      .send('我的预约')
      .expect(/我们接着填「预约法律援助」/);
  });
});
