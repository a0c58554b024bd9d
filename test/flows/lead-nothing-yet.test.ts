/*
 * Progress asked about joining or a booking by someone who has sent nothing yet (`入会申请批了没`,
 * `我的预约怎么样了`): said of what was asked about. They got the wage report's 「您还没有提交过案件。在这里登记欠薪后…」.
 * 进度 and wage words keep that text. Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const someone = (tag: string) => `web:nothing-yet-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const WAGE_TEXT = /在这里登记欠薪后/;

describe('progress asked with nothing sent yet', () => {
  it.each(['入会申请批了没', '我的入会申请怎么样了'])('%s: no application yet, and how to join', async (said) => {
    await converse(t.chat, someone('join')).send(said).expect(/您还没有在这里提交过入会申请/).expect(/加入工会/).expectNot(WAGE_TEXT);
  });

  it('我的预约怎么样了: no booking yet, and how to book', async () => {
    await converse(t.chat, someone('book')).send('我的预约怎么样了').expect(/还没有在这里预约过法律援助|没有待参加的法律援助预约/).expectNot(WAGE_TEXT);
  });

  // guard: 进度 and a wage report asked about keep the wage report's text.
  it.each(['进度', '我上周报的欠薪 怎么样了'])('guard: %s says no case yet, and how to report', async (said) => {
    await converse(t.chat, someone('wage')).send(said).expect(/您还没有提交过案件/).expect(WAGE_TEXT);
  });
});
