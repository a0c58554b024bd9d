/*
 * The employer question as people answer it (probe round 8, /tmp/probe8/findings.md A4, A5, A9), as tables and as
 * transcripts on real Redis. Only a value the person meant is kept:
 *  - A4: at the wage report's employer question and the union application's 工作单位, `记不住名字` and pinyin
 *    `buzhidao` are not knowing (answered as 不知道 is); `我不会打字`, `我不识字`, `我眼睛不好`, `字太多了看不过来`
 *    get help to answer by voice or through staff; `meiyou`, `laoban`, `xxx`, `aaa` and `确认` are asked again.
 *    Nothing is kept as the employer.
 *  - A5: `我是王芳，电话13700001111` and `你好 我叫王芳` are the person's own name (and phone), confirmed as the
 *    contact; the employer is asked again, never 「王芳」.
 *  - A9: at 总包单位 / 分包单位, `没看到牌子` is not knowing; `木工`, `钢筋工` are the trade (kept as it while that
 *    question is open), never a company.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { orgNonAnswer } from '../../flows/parsers/name.js';
import { selfIntroduction } from '../../flows/wage.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** A wage report at the employer question. */
const toEmployer = (user: string) => converse(t.chat, user).sendAll('我要反映欠薪', '同意').expect(/欠您工资的单位叫什么名字？/);

/** A union application at the 工作单位 question. */
const toUnit = (user: string) =>
  converse(t.chat, user).sendAll('1', '1', '1', '1', '张伟', '450103199001011238', '13700002222', '1').expect(/您在哪家单位工作？/);

/** A building-site wage report at the 总包单位 question. */
const toGeneralContractor = (user: string) =>
  converse(t.chat, user)
    .sendAll('我要反映欠薪', '同意', '鑫盛劳务', '石岭', '不清楚', '是', '青溪花园二期', '3月到8月', '三万五', '十二个', '不知道', '已经离开', '8月底', '不知道', '不知道')
    .expect(/总包单位（总承包的公司）是哪家？/);

describe('A4 words said instead of a name', () => {
  it.each([
    ['记不住名字', 'dont-know'],
    ['想不起来了', 'dont-know'],
    ['没看到牌子', 'dont-know'],
    ['buzhidao', 'dont-know'],
    ['bu zhi dao', 'dont-know'],
    ['meiyou', 'none'],
    ['laoban', 'boss'],
    ['我不会打字', 'cannot-type'],
    ['我不识字', 'cannot-type'],
    ['我眼睛不好', 'cannot-type'],
    ['字太多了看不过来', 'cannot-type'],
    ['xxx', 'placeholder'],
    ['aaa', 'placeholder'],
  ])('%s → %s', (said, kind) => {
    expect(orgNonAnswer(said)).toBe(kind);
  });

  it.each(['宏达建筑', '王芳', 'Hongda', 'ABC公司', '好再来饭店', '我不识字 在宏达厂干活', '木工'])('%s is read as it was', (said) => {
    expect(orgNonAnswer(said)).toBeNull();
  });

  it.each(['记不住名字', 'buzhidao'])('wage report, %s: answered as 不知道, nothing kept', async (said) => {
    const user = `web:e8dk-${said}`;
    // Typed in pinyin it is said back first (「您打的是拼音，我理解为「不知道」。」, flows/nlu/understand.ts pinyinHeard).
    await toEmployer(user).send(said).expect(/^(?:您打的是拼音，我理解为「不知道」。\n---\n)?不知道全称也没关系/).expectNot(/镇或街道/);
    const s = await session(user);
    expect(s.answers).not.toHaveProperty('employer');
    expect(s.fieldId).toBe('employer');
  });

  it.each(['我不会打字', '我不识字', '我眼睛不好', '字太多了看不过来'])('wage report, %s: a voice message or staff offered, nothing kept', async (said) => {
    const user = `web:e8ct-${said}`;
    await toEmployer(user).send(said).expect(/发语音/).expect(/人工/).expectNot(/哪一种/);
    const s = await session(user);
    expect(s.answers).not.toHaveProperty('employer');
    expect(s.fieldId).toBe('employer');
  });

  it.each(['meiyou', 'laoban', 'xxx', 'aaa'])('wage report, %s: asked again, nothing kept', async (said) => {
    const user = `web:e8ag-${said}`;
    await toEmployer(user).send(said).expect(/名字/).expectNot(/镇或街道|哪一种/);
    const s = await session(user);
    expect(s.answers).not.toHaveProperty('employer');
    expect(s.fieldId).toBe('employer');
  });

  it('wage report: 记不住名字 twice, then 人工 is offered, never a loop of the same words only', async () => {
    await toEmployer('web:e8loop').sendAll('记不住名字', '记不住名字').send('记不住名字').expect(/人工/).expect(/我刚才是在问/);
    expect((await session('web:e8loop')).answers).not.toHaveProperty('employer');
  });

  it('wage report: the name given after help is kept', async () => {
    await toEmployer('web:e8after').send('我不会打字').expect(/发语音/).send('宏达建筑公司').expectNot(/发语音/);
    const s = await session('web:e8after');
    expect(s.answers).toMatchObject({ employer: '宏达建筑公司' });
  });

  it.each(['记不住名字', 'buzhidao'])('union, %s: the help for a name not known, nothing kept', async (said) => {
    const user = `web:e8mdk-${said}`;
    await toUnit(user).send(said).expect(/^(?:您打的是拼音，我理解为「不知道」。\n---\n)?不知道全称也没关系/).expect(/请工作人员帮忙/).expectNot(/在哪个镇或街道/);
    const s = await session(user);
    expect(s.answers).not.toHaveProperty('employer');
  });

  it.each(['我不会打字', '我眼睛不好'])('union, %s: a voice message or staff offered, nothing kept', async (said) => {
    const user = `web:e8mct-${said}`;
    await toUnit(user).send(said).expect(/发语音/).expectNot(/在哪个镇或街道/);
    expect((await session(user)).answers).not.toHaveProperty('employer');
  });

  it.each(['确认', 'xxx', 'meiyou'])('union, %s: never the unit', async (said) => {
    const user = `web:e8mag-${said}`;
    await toUnit(user).send(said).expectNot(/在哪个镇或街道|「确认」|「xxx」/);
    expect((await session(user)).answers).not.toHaveProperty('employer');
  });

  it('union: a real unit is still taken', async () => {
    await toUnit('web:e8mok').send('好再来饭店').expect(/「好再来饭店」在哪个镇或街道？/);
    expect((await session('web:e8mok')).answers).toMatchObject({ employer: { name: '好再来饭店', employerId: null } });
  });
});

describe('A5 the person introducing themselves at the employer question', () => {
  it.each([
    ['我是王芳，电话13700001111', '王芳'],
    ['你好 我叫王芳', '王芳'],
    ['我叫王芳', '王芳'],
    ['我是木工，电话13700001111', null],
    ['我是宏达建筑', null],
    ['我是王芳 在宏达建筑干活', null],
  ])('%s → %s', (said, name) => {
    expect(selfIntroduction(said)).toBe(name);
  });

  it('我是王芳，电话13700001111: the contact and the phone confirmed, the employer asked again', async () => {
    await toEmployer('web:e8self1')
      .send('我是王芳，电话13700001111')
      .expect(/联系人「王芳」/)
      .expect(/手机号「13700001111」/)
      .expectNot(/用人单位「王芳」/)
      .send('对')
      .expect(/欠您工资的单位叫什么名字？/);
    const s = await session('web:e8self1');
    expect(s.answers).toMatchObject({ contactName: '王芳', phone: '13700001111' });
    expect(s.answers).not.toHaveProperty('employer');
  });

  it('你好 我叫王芳: the contact confirmed, never the employer', async () => {
    await toEmployer('web:e8self2').send('你好 我叫王芳').expect(/联系人「王芳」/).expectNot(/用人单位「王芳」/).send('对').expect(/欠您工资的单位叫什么名字？/);
    const s = await session('web:e8self2');
    expect(s.answers).toMatchObject({ contactName: '王芳' });
    expect(s.answers).not.toHaveProperty('employer');
  });
});

describe('A9 总包单位 and 分包单位', () => {
  it('没看到牌子 at 总包 and 分包: not known, left empty', async () => {
    await toGeneralContractor('web:e8gc1').send('没看到牌子').expect(/分包单位/).send('没看到牌子').expect(/包工头或班组长叫什么？/);
    const s = await session('web:e8gc1');
    expect(s.answers).toMatchObject({ generalContractor: null, subcontractor: null });
  });

  it('木工 at 总包: kept as the trade, 总包 asked again; said again, never the company', async () => {
    await toGeneralContractor('web:e8gc2').send('木工').expect(/工种「木工」/).expect(/总包单位是哪家公司？/).send('木工').expect(/是工种，不是公司/);
    const s = await session('web:e8gc2');
    expect(s.answers).toMatchObject({ trade: '木工' });
    expect(s.answers).not.toHaveProperty('generalContractor');
    expect(s.fieldId).toBe('generalContractor');
  });

  it('钢筋工 at 分包: kept as the trade, never the company; the trade question is not asked again', async () => {
    await toGeneralContractor('web:e8gc3')
      .send('不知道')
      .expect(/分包单位/)
      .send('钢筋工')
      .expect(/工种「钢筋工」/)
      .send('不知道')
      .expect(/包工头或班组长叫什么？/)
      .send('不知道')
      .expectNot(/工种？/);
    const s = await session('web:e8gc3');
    expect(s.answers).toMatchObject({ trade: '钢筋工', subcontractor: null });
  });

  it('a company is still taken at 总包', async () => {
    await toGeneralContractor('web:e8gc4').send('中建三局').expect(/分包单位/);
    expect((await session('web:e8gc4')).answers).toMatchObject({ generalContractor: '中建三局' });
  });
});
