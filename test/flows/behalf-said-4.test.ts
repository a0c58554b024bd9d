/*
 * Reporting unpaid wages for someone else, said later (probe round 4), on real Redis.
 *  - Said after the consent, at any question (`是我爸的名字 王大军` when asked the person's name, `这是帮我爸报的`
 *    when asked the amount, `不是我 是我老乡被欠的` when asked the employer): confirmed once (「代为反映…对吗？」),
 *    never taken silently; then recorded like the opening-message case (`onBehalf` with the relation and the
 *    worker's name), the contact staying the helper's own. A no keeps the report the person's own.
 *  - Near misses stay the person's own, with no question: `我爸让我来问的`, `我和我老乡都被欠了`.
 *  - For someone, whom not said (`我替别人问一下`): asked once who (`您是替谁反映？`); an answer, a skip, or a
 *    second unclear answer goes on (never a third time).
 *  - For someone, the consent and the evidence question speak of the worker (他这次的欠薪问题, 他有工资条…).
 *  - A household employer known by surname only (`雇主姓张 名字不知道`, `她姓张 名字不知道`): 张姓雇主 / 张女士,
 *    confirmed, as `包工头姓陈 叫啥不知道` is 陈包工头.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { findOwedLater } from '../../flows/nlu/facts.js';
import { parseEmployer } from '../../flows/wage.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const LATER_NOTE = /好的，按替别人反映来记。下面的问题请按被欠工资的人的情况回答；联系人和手机号留您自己的就行。/;

async function caseOf(user: string) {
  const [c] = await t.core.cases.listByUser(user, 10);
  return c!;
}

/** An ordinary report up to the amount question (the person's own, so far). */
function upToAmount(user: string) {
  return converse(t.chat, user)
    .send('老板拖了我三个月工资')
    .send('1')
    .expect(/拖欠时间「2026年9月至2026年11月（3个月）」/)
    .sendAll('对', '宏达建筑', '东龙', '不清楚', '不是')
    .expect(/您自己一共被拖欠了多少钱/);
}

describe('said later: whose wages, read at any question', () => {
  it.each([
    ['是我爸的名字 王大军', { relation: '爸', name: '王大军' }],
    ['这是我爸的名字，叫王大军', { relation: '爸', name: '王大军' }],
    ['王大军是我爸', { relation: '爸', name: '王大军' }],
    ['这是帮我爸报的', { relation: '爸', name: null }],
    ['不是我 是我老乡被欠的', { relation: '老乡', name: null }],
    ['被欠工资的是我爸', { relation: '爸', name: null }],
    ['其实是我老公的工资', { relation: '老公', name: null }],
    ['不是我的 是我爸的', { relation: '爸', name: null }],
    ['我替我爸问的 他叫王大军', { relation: '爸', name: '王大军' }],
    ['我是替别人问的', { relation: null, name: null }],
  ])('%s → %o', (text, owed) => {
    expect(findOwedLater(text)).toEqual(owed);
  });

  it.each(['我爸让我来问的', '我和我老乡都被欠了', '老板欠我工资 我爸让我来问的', '我爸是老板', '不是帮我爸问的', '是我爸的名字', '我爸叫王大军', '王大军', '我也被欠了 帮老乡一起问', '我们老乡的工资被拖了', '给老乡干活', '我跟我爸一起干的', '不是我爸的 是我的', '跟着我表哥干的 他叫李强', '我在帮我爸干活'])(
    '%s: nothing said of someone else',
    (text) => {
      expect(findOwedLater(text)).toBeNull();
    },
  );
});

describe('said later, end to end', () => {
  it('是我爸的名字 王大军 at the name question: confirmed once, then the name asked again; 父亲王大军 recorded, the helper the contact', async () => {
    await upToAmount('web:b4a')
      .sendAll('8000', '就我一个', '还在干', '都跳过', '没有')
      .expect(/怎么称呼您？请写您的姓名/)
      .send('是我爸的名字 王大军')
      .expect(/我理解的是：代为反映「替父亲王大军反映」。对吗？/)
      .expectNot(/手机号/)
      .send('对')
      .expect(LATER_NOTE)
      .expect(/怎么称呼您？请写您自己的姓名/)
      .send('王小红')
      .expect(/手机号/)
      .send('13812345678')
      .expect(/代为反映：替父亲王大军反映/)
      .expect(/联系人：王小红/)
      .send('确认')
      .expect(/提交成功/);
    const c = await caseOf('web:b4a');
    expect(c.wage?.onBehalf).toEqual({ relation: '爸', workerName: '王大军' });
    expect(c.reporter.name).toBe('王小红');
  });

  it('这是帮我爸报的 at the amount question: confirmed, the worker\'s name asked, the questions about him', async () => {
    await upToAmount('web:b4b')
      .send('这是帮我爸报的')
      .expect(/我理解的是：代为反映「替父亲反映」。对吗？/)
      .send('对')
      .expect(LATER_NOTE)
      .expect(/被欠工资的人叫什么名字？/)
      .send('王大军')
      .expect(/被欠工资的人一共被拖欠了多少钱/)
      .sendAll('8000', '就他一个')
      .expect(/他现在还在这家单位干吗/)
      .sendAll('还在干', '都跳过')
      .expect(/他有工资条、考勤记录/)
      .send('没有')
      .expect(/请写您自己的姓名/)
      .sendAll('王小红', '13812345678')
      .expect(/代为反映：替父亲王大军反映/)
      .send('确认')
      .expect(/提交成功/);
    const c = await caseOf('web:b4b');
    expect(c.wage?.onBehalf).toEqual({ relation: '爸', workerName: '王大军' });
    expect(c.reporter.name).toBe('王小红');
  });

  it('不是我 是我老乡被欠的 at the employer question: confirmed (never a correction of the period)', async () => {
    await converse(t.chat, 'web:b4c')
      .send('老板拖了我三个月工资')
      .sendAll('1', '对')
      .expect(/欠您工资的单位叫什么名字/)
      .send('不是我 是我老乡被欠的')
      .expect(/我理解的是：代为反映「替老乡反映」。对吗？/)
      .expectNot(/拖欠的是哪段时间/)
      .send('对')
      .expect(/被欠工资的人叫什么名字？/)
      .send('张三')
      .expect(/欠他工资的单位叫什么名字/);
  });

  it('a no to the confirmation keeps the report the person\'s own', async () => {
    await upToAmount('web:b4d')
      .send('这是帮我爸报的')
      .expect(/代为反映「替父亲反映」。对吗？/)
      .send('不对')
      .expect(/您自己一共被拖欠了多少钱/)
      .sendAll('8000', '就我一个', '还在干', '都跳过', '没有')
      .expect(/怎么称呼您？请写您的姓名/)
      .sendAll('王芳', '13812345678')
      .expectNot(/代为反映/)
      .send('确认')
      .expect(/提交成功/);
    expect((await caseOf('web:b4d')).wage?.onBehalf).toBeNull();
  });

  it('near misses later on stay the person\'s own: 我爸让我来问的 (never an employer either), 我和我老乡都被欠了', async () => {
    await converse(t.chat, 'web:b4e')
      .send('老板拖了我三个月工资')
      .sendAll('1', '对')
      .send('我爸让我来问的')
      .expectNot(/代为反映|替父亲/)
      .expectNot(/干活？/)
      .expect(/还不是名字/);
    await upToAmount('web:b4f').send('我和我老乡都被欠了').expectNot(/代为反映|替老乡/);
  });
});

describe('for someone, whom not said', () => {
  it('我替别人问一下: asked once whom; 我老乡 recorded', async () => {
    await converse(t.chat, 'web:b4g')
      .send('我替别人问一下 老板欠他工资')
      .send('2')
      .expect(/您是替谁反映？比如父亲、老乡、朋友/)
      .expectNot(/您同意吗/)
      .send('我老乡')
      .expect(/只用于处理他这次的欠薪问题/)
      .expect(/请先告诉本人您在替他反映/)
      .send('1')
      .expect(/被欠工资的人叫什么名字？/)
      .sendAll('张三', '河西物业', '河西', '不清楚', '2', '今年9月到11月', '8000', '就他一个', '还在干', '都跳过', '没有', '王强', '13812345678')
      .expect(/代为反映：替老乡张三反映/)
      .send('确认')
      .expect(/提交成功/);
    expect((await caseOf('web:b4g')).wage?.onBehalf).toEqual({ relation: '老乡', workerName: '张三' });
  });

  it('不想说: on to the consent, recorded as 替他人反映', async () => {
    await converse(t.chat, 'web:b4h')
      .send('我替别人问一下 老板欠他工资')
      .send('2')
      .expect(/您是替谁反映/)
      .send('不想说')
      .expect(/您同意吗/)
      .send('1')
      .expect(/被欠工资的人叫什么名字？/)
      .sendAll('张三', '河西物业', '河西', '不清楚', '2', '今年9月到11月', '8000', '就他一个', '还在干', '都跳过', '没有', '王强', '13812345678')
      .expect(/代为反映：替他人张三反映/)
      .send('确认')
      .expect(/提交成功/);
    expect((await caseOf('web:b4h')).wage?.onBehalf).toEqual({ relation: null, workerName: '张三' });
  });

  it('two unclear answers: asked again once, then on (never a loop)', async () => {
    await converse(t.chat, 'web:b4i')
      .send('我替别人问一下 老板欠他工资')
      .send('2')
      .send('随便')
      .expect(/请说说您替谁反映/)
      .send('王大军')
      .expect(/这一项先不填/)
      .expect(/您同意吗/);
  });
});

describe('a household employer known by surname only', () => {
  it.each([
    ['她姓张 叫啥不知道', '张女士'],
    ['她姓张 名字不知道', '张女士'],
    ['雇主姓张 名字不知道', '张姓雇主'],
    ['他姓李 叫什么不清楚', '李先生'],
  ])('%s → %s', (said, name) => {
    expect(parseEmployer(said, undefined, true)).toMatchObject({ ok: true, value: name });
  });

  it.each([
    ['雇主姓张 名字不知道', '张姓雇主'],
    ['她姓张 名字不知道', '张女士'],
  ])('%s: %s, confirmed, then recorded', async (said, name) => {
    const user = `web:b4k-${name}`;
    await converse(t.chat, user)
      .send('在一户人家当保姆 欠了三个月工资')
      .sendAll('1', '对')
      .expect(/雇您干活的人怎么称呼/)
      .send(said)
      .expect(new RegExp(`雇主「${name}」。对吗？`))
      .send('对')
      .expect(/您在哪个镇或街道干活/)
      .sendAll('河西', '不清楚', '8000', '还在干', '都跳过', '没有', '刘梅', '13812345678')
      .expect(new RegExp(`雇主：${name}`))
      .send('确认')
      .expect(/提交成功/);
    expect((await caseOf(user)).wage?.employer).toBe(name);
  });
});
