/*
 * A time typed where a name is asked (`上个月月底`, the day they left, said one question late): never kept or
 * offered as the employer or the person's name. It was: `上个月月底` became the employer and the report went on,
 * `上周五` was asked 「是哪一种？」 (unit or family) as if it were an employer, and `上个月月底` was offered back
 * as 联系人. Names that only look like days (`周五` for a boss called so, `张月华`) stay names.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { nameAnswer } from '../../flows/nlu/facts.js';
import { parseEmployer } from '../../flows/wage.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const clock = manualClock('2026-12-01T10:00:00+08:00');
const t = useFixture(() => startTestCore({ clock }));

describe('a time is no name', () => {
  it.each(['上个月月底', '去年年底', '上个月底', '三月底', '十月中旬', '上周五', '上个星期三', '礼拜天', '周末', '中旬', '今年年初'])('employer: %s is a time', (said) => {
    const p = parseEmployer(said);
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error).toMatch(/说的是时间/);
  });

  it.each(['宏达厂', '星期五超市', '周五'])('employer: %s is still a name', (said) => {
    expect(parseEmployer(said).ok).toBe(true);
  });

  it.each(['上个月月底', '去年年底', '上周五', '月底'])('person: %s is a time', (said) => {
    const r = nameAnswer(said);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/说的是时间/);
  });

  it.each(['张月华', '周五一', '王芳'])('person: %s is still a name', (said) => {
    expect(nameAnswer(said).ok).toBe(true);
  });

  it('in a report: the day they left said at the employer question is not kept as the employer', async () => {
    const user = `web:tn-${Math.random().toString(36).slice(2, 8)}`;
    const chat = converse(t.chat, user);
    await chat.sendAll('老板拖了我两个多月工资了 一共一万二左右', '好', '对');
    await chat.send('上个月月底').expect(/「上个月月底」说的是时间/).expect(/单位或老板的名字/);
    expect((await t.chat.sessions.load(user, clock.now())).answers.employer).toBeUndefined();
    await chat.send('宏达厂').expectNot(/说的是时间/);
  });
});
