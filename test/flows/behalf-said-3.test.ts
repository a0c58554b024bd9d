/*
 * Reporting unpaid wages for someone else (probe round 3, .scratch/probe-3.md B19), on real Redis.
 *  - An opening that says or suggests the wages are someone else's (`我帮我爸问一下`, `我替老乡反映`,
 *    `我老公的工资被拖了`, `他老板欠他工资`) asks whose they are, once, before the consent: never assumed.
 *  - 替别人反映: said once that the questions are about the worker and the contact stays the person's own;
 *    the consent has one line more; the worker's name is confirmed (when said) or asked; the case records
 *    `onBehalf` with the relation and the name; the contact is the helper.
 *  - 我本人: the report is as before (the consent without the line, no name of a worker).
 *  - Near misses stay ordinary reports, with no question: `我和我老乡都被欠了工资` (the person among them),
 *    `老板欠我工资 我爸让我来问的` (欠我: the person's own), `我爸是老板`.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { findOwedFor } from '../../flows/nlu/facts.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const WHOSE = /被欠工资的是您本人，还是您替(?:家人或老乡|父亲|老乡|丈夫)反映？/;
const NOTE = /好的。下面的问题请按被欠工资的人的情况回答；联系人和手机号留您自己的就行。工作人员会联系您，也可能要和本人核实。/;
const CONSENT_LINE = /请先告诉本人您在替他反映/;

async function caseOf(user: string) {
  const [c] = await t.core.cases.listByUser(user, 10);
  return c!;
}

describe('B19 whose wages, read from the opening message', () => {
  it.each([
    ['我帮我爸问一下 他工地老板欠他工资', { relation: '爸', workerName: null, said: true }],
    ['我替老乡反映 他老板欠他三个月工资', { relation: '老乡', workerName: null, said: true }],
    ['我老公的工资被拖了两个月', { relation: '老公', workerName: null, said: true }],
    ['我是他女儿我叫王小红 我爸叫王大军 他老板欠他工资', { relation: '爸', workerName: '王大军', said: false }],
    ['老板欠我爸两万块', { relation: '爸', workerName: null, said: true }],
    ['他老板欠他工资', { relation: null, workerName: null, said: false }],
    ['我妈在饭店干了三个月 老板欠她8000', { relation: '妈', workerName: null, said: false }],
    ['老乡的工资被拖了三个月', { relation: '老乡', workerName: null, said: true }],
  ])('%s → %o', (text, owed) => {
    expect(findOwedFor(text)).toEqual(owed);
  });

  it.each(['我和我老乡都被欠了工资', '老板欠我工资 我爸让我来问的', '我爸是老板', '老板欠我三个月工资', '我们班组十几个人都被欠了', '我爸和我都在工地 老板欠我们工资', '我们老乡的工资被拖了', '我爸是老板 他欠工人工资'])(
    '%s: the person\'s own (or nobody\'s said)',
    (text) => {
      expect(findOwedFor(text)).toBeNull();
    },
  );
});

describe('B19 a report for someone else, end to end', () => {
  it('我帮我爸问一下 他工地老板欠他工资: asked whose, told once, the name asked, 父亲 recorded', async () => {
    await converse(t.chat, 'web:b19a')
      .send('我帮我爸问一下 他工地老板欠他工资')
      .expect(WHOSE)
      .expect(/替父亲反映/)
      .expectNot(/同意吗/)
      .send('2')
      .expect(NOTE)
      .expect(CONSENT_LINE)
      .send('1')
      .expect(/工程建设项目「是」/)
      .send('对')
      .expect(/^被欠工资的人叫什么名字？/)
      .send('王大军')
      .expect(/欠他工资的单位叫什么名字/)
      .sendAll('宏达建筑', '河西', '不清楚', '不知道', '今年9月到11月')
      .expect(/被欠工资的人一共被拖欠了多少钱/)
      .expectNot(/您自己/)
      .sendAll('8000', '就他一个')
      .expect(/他现在还在这家单位干吗/)
      .sendAll('还在干', '都跳过', '没有')
      .expect(/请写您自己的姓名/)
      .sendAll('王小红', '13812345678')
      .expect(/代为反映：替父亲王大军反映/)
      .expect(/联系人：王小红/)
      .send('确认')
      .expect(/提交成功/);
    const c = await caseOf('web:b19a');
    expect(c.wage?.onBehalf).toEqual({ relation: '爸', workerName: '王大军' });
    expect(c.reporter.name).toBe('王小红');
    expect(c.wage?.headcount).toEqual({ count: 1, approximate: false });
  });

  it('我替老乡反映 他老板欠他三个月工资: 老乡 and the name asked', async () => {
    await converse(t.chat, 'web:b19b')
      .send('我替老乡反映 他老板欠他三个月工资')
      .expect(/替老乡反映/)
      .send('2')
      .expect(NOTE)
      .send('1')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」/)
      .send('对')
      .expect(/被欠工资的人叫什么名字/)
      .sendAll('张三', '河西物业', '河西', '不清楚', '2', '8000', '就他一个', '还在干', '都跳过', '没有', '王强', '13812345678')
      .expect(/代为反映：替老乡张三反映/)
      .send('确认')
      .expect(/提交成功/);
    const c = await caseOf('web:b19b');
    expect(c.wage?.onBehalf).toEqual({ relation: '老乡', workerName: '张三' });
    expect(c.reporter.name).toBe('王强');
  });

  it('我老公的工资被拖了两个月: 替丈夫反映', async () => {
    await converse(t.chat, 'web:b19c')
      .send('我老公的工资被拖了两个月')
      .expect(/被欠工资的是您本人，还是您替丈夫反映？/)
      .send('替我老公')
      .expect(NOTE)
      .send('1')
      .expect(/拖欠时间「2026年10月至2026年11月（2个月）」/)
      .send('对')
      .sendAll('李强', '河西物业', '河西', '不清楚', '2', '9000', '就他一个', '还在干', '都跳过', '没有', '刘梅', '13812345678')
      .expect(/代为反映：替丈夫李强反映/)
      .send('确认')
      .expect(/提交成功/);
    expect((await caseOf('web:b19c')).wage?.onBehalf).toEqual({ relation: '老公', workerName: '李强' });
  });

  it('我是他女儿我叫王小红 我爸叫王大军 他老板欠他工资: only suggested, asked; 王大军 confirmed, 王小红 the contact', async () => {
    await converse(t.chat, 'web:b19d')
      .send('我是他女儿我叫王小红 我爸叫王大军 他老板欠他工资')
      .expect(WHOSE)
      .send('2')
      .expect(NOTE)
      .send('1')
      .expect(/被欠工资的人「王大军」、联系人「王小红」。对吗？/)
      .send('对')
      .expect(/欠他工资的单位叫什么名字/)
      .sendAll('河西物业', '河西', '不清楚', '2', '今年9月到11月', '8000', '就他一个', '还在干', '都跳过', '没有', '13812345678')
      .expect(/代为反映：替父亲王大军反映/)
      .expect(/联系人：王小红/)
      .send('确认')
      .expect(/提交成功/);
    const c = await caseOf('web:b19d');
    expect(c.wage?.onBehalf).toEqual({ relation: '爸', workerName: '王大军' });
    expect(c.reporter.name).toBe('王小红');
  });

  it('我本人: an ordinary report (no line, no worker name, nothing recorded on behalf)', async () => {
    await converse(t.chat, 'web:b19e')
      .send('他老板欠他工资')
      .expect(/被欠工资的是您本人，还是您替家人或老乡反映？/)
      .send('1')
      .expectNot(NOTE)
      .expect(/您同意吗/)
      .expectNot(CONSENT_LINE)
      .send('1')
      .expect(/欠您工资的单位叫什么名字/)
      .sendAll('河西物业', '河西', '不清楚', '2', '今年9月到11月')
      .expect(/您自己一共被拖欠了多少钱/)
      .sendAll('8000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13812345678')
      .expect(/被欠工资的人：我本人/)
      .send('确认')
      .expect(/提交成功/);
    const c = await caseOf('web:b19e');
    expect(c.wage?.onBehalf).toBeNull();
    expect(c.reporter.name).toBe('王芳');
  });

  it.each(['我和我老乡都被欠了工资', '老板欠我工资 我爸让我来问的', '老板欠我三个月工资'])('%s: no question of whose, the consent as before', async (said) => {
    await converse(t.chat, `web:b19n-${said}`).send(said).expectNot(WHOSE).expect(/您同意吗/).expectNot(CONSENT_LINE);
  });

  it('an answer that is neither is asked again, kindly', async () => {
    await converse(t.chat, 'web:b19f').send('我帮我爸问一下 他工地老板欠他工资').send('王大军').expect(/请回复1（被欠工资的是我本人）或2（我替家人或老乡反映）/);
  });
});
