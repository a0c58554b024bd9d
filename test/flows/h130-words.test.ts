/*
 * Words found by held-out set D, read as meant:
 *  - a unit's name said after 叫/是 in a voice run-on ends where a new clause starts
 *    (`厂子叫金利塑料老板姓陈的我在里面做了两年了` → 金利塑料), never cutting a real name (`金牌老板娘饭店`);
 *  - a measure word before a bare kind of place (`间餐厅`, Cantonese 间 = a) names no employer; a name that starts
 *    with 家 (家乐福) keeps it;
 *  - at 「您是要改成：方式「视频咨询」…对吗？」 with 电话 recorded before, 电话 named again (`视频不行 改成电话`, `电话就行`, `电话`)
 *    is 电话, never 「请回复「对」或「不对」」 (`还是当面吧` was proposed in its place already).
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { beforeRunOn } from '../../flows/nlu/facts.js';
import { ctxOf, predict, type CorpusLine, type Prediction } from '../nlu/evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const nluCtx = ctxOf();
const read = (flow: 'wage' | null, asking: string | null, text: string): Prediction =>
  predict({ id: 'h130', flow, asking, known: {}, text, expect: { intent: 'answer', fields: {} } } as CorpusLine, nluCtx);
const employer = (flow: 'wage' | null, asking: string | null, text: string) => {
  const p = read(flow, asking, text);
  return { ...p.inferred, ...p.direct }.employer;
};

describe('an employer named in a run-on, or not named at all', () => {
  it('the name after 叫 ends where the boss and the time there are said', () => {
    expect(employer('wage', 'employer', '就是那个做塑料袋的厂子叫金利塑料老板姓陈的我在里面做了两年了')).toBe('金利塑料');
    expect(employer('wage', 'employer', '厂子叫金利塑料我在里面干了三年')).toBe('金利塑料');
    expect(employer(null, null, '我们厂叫金利塑料老板姓陈的欠我工资')).toBe('金利塑料');
  });

  it('guard: names with a clause word inside, or too short before it, stay whole', () => {
    // guard: the rest goes on to a kind of unit (饭店, 公司), so it is the name's.
    expect(employer('wage', 'employer', '公司叫金牌老板娘饭店')).toBe('金牌老板娘饭店');
    expect(beforeRunOn('金牌老板娘饭店')).toBe('金牌老板娘饭店');
    expect(beforeRunOn('金牌老板娘餐饮公司欠我工资')).toBe('金牌老板娘餐饮公司欠我工资');
    expect(beforeRunOn('好老板餐厅')).toBe('好老板餐厅');
    expect(beforeRunOn('金利塑料老板姓陈的我在里面做了两年了')).toBe('金利塑料');
    // guard: too little would be left before 老板.
    expect(employer('wage', 'employer', '店叫大老板烧烤')).toBe('大老板烧烤');
    // guard: a name said after 叫 with a comma still reads as before.
    expect(employer('wage', 'employer', '厂子叫金利塑料，老板姓陈')).toBe('金利塑料');
  });

  it('a measure word before a bare kind of place is no name (Cantonese 间 = a)', () => {
    expect(employer(null, null, '我喺南塘街道间餐厅做嘢 老细欠咗我两个月人工')).toBeUndefined();
    expect(employer(null, null, '我在一间餐厅做事 老板欠我工资')).toBeUndefined();
    expect(employer('wage', 'employer', '我在一间餐厅做事')).toBeUndefined();
    expect(employer('wage', 'employer', '在间餐厅做事')).toBeUndefined();
    expect(employer('wage', 'employer', '我喺南塘街道间餐厅做嘢')).toBeUndefined();
  });

  it('a name that starts with 家 keeps it', () => {
    expect(employer(null, null, '我在家乐福超市上班 老板欠我工资')).toBe('家乐福超市');
    // guard: at the employer question it already was whole, and a unit named after 在 still is.
    expect(employer('wage', 'employer', '我在家乐福超市上班')).toBe('家乐福超市');
    expect(employer('wage', 'employer', '我在鸿运餐厅做事')).toBe('鸿运餐厅');
    // guard: 家政 is the name's, and 一家 before a name is not.
    expect(employer(null, null, '我在一家宏达饭店上班 老板欠我工资')).toBe('宏达饭店');
  });
});

/** Legal aid up to the way to meet answered 电话, then 视频吧 proposed as a change. */
function toModeChange(user: string) {
  return converse(t.chat, user)
    .sendAll('我要申请法律援助', '同意', '1', '1', '1')
    .send('电话')
    .expect(/您在哪个镇或街道/)
    .send('视频吧')
    .expect(/您是要改成：方式「视频咨询」，对吗？/);
}

describe('at a change of the way to meet proposed, another way named is that way', () => {
  it.each([
    ['视频不行 改成电话', 'phone', /电话咨询/],
    ['电话就行', 'phone', /电话咨询/],
    ['电话', 'phone', /电话咨询/],
  ])('%s → %s', async (words, mode, shown) => {
    const user = `web:h130-${mode}-${words.length}`;
    await toModeChange(user)
      .send(words)
      .expectNot(/请回复「对」或「不对」/)
      .expect(shown)
      .expect(/您在哪个镇或街道/);
    expect((await session(user)).answers).toMatchObject({ mode });
  });

  it('guard: 还是当面吧 (a third way, not the one before) is proposed in its place, and 对 keeps it', async () => {
    await toModeChange('web:h130-g0').send('还是当面吧').expectNot(/请回复「对」或「不对」/).expect(/方式「到服务点面谈」/).send('对').expect(/您在哪个镇或街道/);
    expect((await session('web:h130-g0')).answers).toMatchObject({ mode: 'in_person' });
  });

  it('guard: 不对 改成电话 was read so already', async () => {
    await toModeChange('web:h130-g1').send('不对 改成电话').expect(/方式已改为「电话咨询」/);
    expect((await session('web:h130-g1')).answers).toMatchObject({ mode: 'phone' });
  });

  it('guard: a plain yes keeps the change', async () => {
    await toModeChange('web:h130-g2').send('对').expect(/您在哪个镇或街道/);
    expect((await session('web:h130-g2')).answers).toMatchObject({ mode: 'video' });
  });
});
