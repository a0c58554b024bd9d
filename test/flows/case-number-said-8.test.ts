/**
 * A worker asking about their case by its number with words around it
 * (probe round 8, B1): only the bare number was understood before.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { createWageCase } from '../support/cases.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { readCaseMessage } from '../../flows/case-desk.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ clock });
});

describe('the case number with words around it', () => {
  it.each(['进度 {no}', '查 {no}', '查一下{no}', '{lower}怎么样了', '案件编号{no}', '{no}的进度', '{no}？'])('%s shows the case’s progress, and nothing goes to staff', async (said) => {
    const user = `web:n8-${Math.random().toString(36).slice(2, 8)}`;
    const c = await createWageCase(t.core, { userKey: user, amount: 8000, employer: '青溪宏达建筑工程有限公司' });
    const text = said.replace('{no}', c.caseNo).replace('{lower}', c.caseNo.toLowerCase());
    await converse(t.chat, user)
      .send(text)
      .expect(new RegExp(`您的案件：[\\s\\S]*${c.caseNo}（反映欠薪`))
      .expectNot(/没太明白|答不上来|转给/);
    expect((await t.core.cases.get(c.id))!.reporterNotes).toEqual([]);
  });

  it('a number inside other news is not a progress question', () => {
    expect(readCaseMessage('QX20261201-0001 老板今天给了一半')?.kind).not.toBe('progress');
    expect(readCaseMessage('进度 QX20261201-0001')?.kind).toBe('progress');
  });
});

describe('the phone number already on file, sent again (probe round 8, B9)', () => {
  it('is answered as unchanged and passes nothing on; a different number is still offered to pass on', async () => {
    const user = 'web:n8-phone';
    const c = await createWageCase(t.core, { userKey: user, amount: 8000, employer: '青溪宏达建筑工程有限公司', phone: '13700001111' });
    await converse(t.chat, user)
      .send('13700001111')
      .expect(/^这个号码就是您登记时留的，不用改。/)
      .send('我电话换了')
      .expect(/新的手机号是多少？/)
      .send('137 0000 1111')
      .expect(/^这个号码就是您登记时留的，不用改。/)
      .send('13900001111')
      .expect(/139\*\*\*\*1111/)
      .expect(/把这条消息转给负责您案件/);
    expect((await t.core.cases.get(c.id))!.reporterNotes).toEqual([]);
  });
});
