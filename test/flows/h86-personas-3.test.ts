/*
 * Whole conversations in the words of people the flows were not written for (helper h86):
 *  - a 58-year-old construction worker by voice (no punctuation, numbers as words, two answers in one message):
 *    `包工头姓李 河南人 叫啥不知道` at a 「…对吗？」 was 「这个问题我还答不上来」 (叫啥 read as asking); `绑钢筋的` at the
 *    general contractor was kept as the contractor 「绑钢筋」; `就是干完活他不给钱 说上面没拨款` at the subcontractor was
 *    kept as its name; `没有地址 工地在龙湾村 搞钢筋的` was kept as the project's name; `张建国` (his own name, typed a
 *    question early) was kept as the trade; `一三八零零一二三四五六` at the roster was 「一三八」 owed 123,456元;
 *    `就是那个姓李的 河南的` at the foreman question was asked again and again;
 *  - a domestic worker owed by a family: `我叫他陈哥` was proposed as the employer 「他陈哥」; `八月到十月` where
 *    「拖欠的是哪段时间？」 was asked (the month left not fitting the period) was 「没看明白是哪个月」 each time;
 *    `锦绣花园 几栋忘了` at the family's address was no address;
 *  - a delivery rider: `早跑路了 上个月底` was proposed as the employer 「上个月底」, `站长说等总部打款 一直拖` as the
 *    employer 「站长说等总部打款」; `外包公司叫蜂鸟还是啥 记不清` was a knowledge answer about labour dispatch;
 *  - someone reporting for their father: `不是我 是我爸` at 「本人还是替父亲反映？」 was 「这已经是第一个问题了」, `他的`
 *    there 「请回复1…或2…」;
 *    `我爸叫张德贵` at the worker's name was refused; `张小明 我是他儿子` kept the son's own name as the father's;
 *    `就他一个吧 还有几个老乡不清楚` at a 「…对吗？」 was 「这个问题我还答不上来」;
 *  - `公司叫宏达` was asked whether 「宏达」 is a unit or a family;
 *  - a factory worker booking legal aid before a hearing: `仲裁还没开庭` at whether there is an award was 「请回复数字」;
 *  - someone joining: `会费从哪扣` at a 「…对吗？」 was 「请回复「对」或「不对」」 (never answered).
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { isQuestion } from '../../flows/nlu/talk.js';
import { addressAnswer, knownTrade, labourContractorAnswer, tradeAnswer } from '../../flows/nlu/wage-facts.js';
import { parseRoster } from '../../flows/parsers/roster.js';
import { parseEmployer } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h86-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const UNKNOWN = /答不上来|没太明白/;

/** The construction worker by voice, up to the project's name (building work, the foreman named by surname). */
const BUILDER = ['老板欠我工资没给 干了八个月 三万二', '同意', '对的', '包工头姓李 河南人 叫啥不知道', '对', '东龙镇 龙湾村那边 盖楼的', '是的'];
/** On to the general contractor's question. */
const TO_GENERAL = [...BUILDER, '青溪花园二期', '就我一个', '还在干', '不知道', '不知道'];

describe('the construction worker by voice', () => {
  it('包工头姓李 河南人 叫啥不知道 at a 「…对吗？」: no 「答不上来」; the foreman is proposed when his question comes', async () => {
    const user = someone('voice-confirm');
    await converse(t.chat, user)
      .sendAll('老板欠我工资没给 干了八个月 三万二', '同意')
      .send('包工头姓李 河南人 叫啥不知道')
      .expectNot(UNKNOWN)
      .expect(/李包工头/);
  });

  it('叫啥不知道, 不知道他家叫啥 are no questions; 你知道他叫啥吗 and 他叫啥 still are', () => {
    expect(isQuestion('包工头姓李 河南人 叫啥不知道')).toBe(false);
    expect(isQuestion('不知道他家叫啥 就知道男的姓陈 我叫他陈哥')).toBe(false);
    expect(isQuestion('外包公司叫蜂鸟还是啥 记不清')).toBe(false);
    expect(isQuestion('就他一个吧 还有几个老乡不清楚')).toBe(false);
    // guard: asking stays asking.
    expect(isQuestion('你知道他叫啥吗')).toBe(true);
    expect(isQuestion('他叫啥')).toBe(true);
    expect(isQuestion('不知道是什么意思')).toBe(true);
    expect(isQuestion('要去仲裁还是啥')).toBe(true);
    expect(isQuestion('有几个人？')).toBe(true);
  });

  it('没有地址 工地在龙湾村 搞钢筋的 at the project name: not known, never those words kept as its name', async () => {
    const user = someone('project');
    await converse(t.chat, user).sendAll(...BUILDER).send('没有地址 工地在龙湾村 搞钢筋的').expect(/一共有多少人被拖欠/);
    const a = (await session(user)).answers;
    expect(a.project ?? null).toBeNull();
  });

  it('工地在龙湾村 at the project name: where the site is, never its name', async () => {
    const user = someone('project-where');
    await converse(t.chat, user).sendAll(...BUILDER).send('工地在龙湾村').expect(/项目或工地叫什么名字/);
    expect((await session(user)).answers.project).toBeUndefined();
  });

  it('在青溪花园二期干活 at the project name: 青溪花园二期', async () => {
    const user = someone('project-work');
    await converse(t.chat, user).sendAll(...BUILDER).send('在青溪花园二期干活').expect(/一共有多少人被拖欠/);
    expect((await session(user)).answers.project).toBe('青溪花园二期');
  });

  it('绑钢筋的 at the general contractor: the trade (钢筋工), never a contractor 「绑钢筋」', async () => {
    const user = someone('general-trade');
    await converse(t.chat, user).sendAll(...TO_GENERAL).send('绑钢筋的').expect(/工种「钢筋工」我记下了/).expect(/总包单位是哪家公司/);
    const a = (await session(user)).answers;
    expect(a.generalContractor).toBeUndefined();
    expect(a.trade).toBe('钢筋工');
  });

  it('what happened, said at the general contractor: kept as the account, never as the contractor', async () => {
    const user = someone('general-account');
    await converse(t.chat, user)
      .sendAll(...TO_GENERAL)
      .send('就是干完活他不给钱 说上面没拨款 找他就躲')
      .expect(/这段经过我记下了/)
      .expect(/总包单位是哪家公司/)
      .send('不知道')
      .expect(/分包单位/)
      .send('就是干完活他不给钱 说上面没拨款')
      .expect(/分包单位一般是一家公司/);
    const a = (await session(user)).answers;
    expect(a.generalContractor).toBeNull();
    expect(a.subcontractor).toBeUndefined();
    expect(a.account).toBe('就是干完活他不给钱 说上面没拨款 找他就躲');
  });

  it('knownTrade reads a trade as people say it; a company is none', () => {
    expect(knownTrade('绑钢筋的')).toBe('钢筋工');
    expect(knownTrade('搞木工')).toBe('木工');
    // guard: a unit's name is no trade.
    expect(knownTrade('宏达建筑')).toBeNull();
  });

  it('张建国 at the trade question: a person’s name, never kept as the trade', () => {
    expect(tradeAnswer('张建国').ok).toBe(false);
    // guard: trades of three characters stay trades.
    expect(tradeAnswer('服务员')).toEqual({ ok: true, value: '服务员' });
    expect(tradeAnswer('钟点工')).toEqual({ ok: true, value: '钟点工' });
    expect(tradeAnswer('送外卖')).toEqual({ ok: true, value: '送外卖' });
    expect(tradeAnswer('带孩子做饭')).toEqual({ ok: true, value: '带孩子做饭' });
  });

  it('就是那个姓李的 河南的 at the foreman question: 李工头', () => {
    expect(labourContractorAnswer('就是那个姓李的 河南的', '李包工头')).toEqual({ ok: true, value: '李工头' });
    expect(labourContractorAnswer('姓李 河南人', undefined)).toEqual({ ok: true, value: '李工头' });
    // guard: a surname not known is no name.
    expect(labourContractorAnswer('姓什么不知道', undefined).ok).toBe(false);
  });

  it('a phone said digit by digit at the roster: never a worker 「一三八」 owed 123,456元', () => {
    const alone = parseRoster('一三八零零一二三四五六');
    expect(alone.ok).toBe(false);
    expect(parseRoster('张三 8000 一三八零零一二三四五六')).toEqual({ ok: true, value: [{ name: '张三', amount: { yuan: 8000, approx: false, upTo: null }, phone: '13800123456' }] });
    // guard: a name and its amount in Chinese numerals, run together, still read.
    expect(parseRoster('张三一万二')).toEqual({ ok: true, value: [{ name: '张三', amount: { yuan: 12000, approx: false, upTo: null }, phone: null }] });
  });
});

describe('the domestic worker', () => {
  const NANNY = ['我在一户人家当保姆 他们欠我三个月工资', '同意', '对'];

  it('不知道他家叫啥 就知道男的姓陈 我叫他陈哥: 陈哥 proposed, never 「他陈哥」', async () => {
    const user = someone('nanny-name');
    await converse(t.chat, user)
      .sendAll(...NANNY)
      .send('不知道他家叫啥 就知道男的姓陈 我叫他陈哥')
      .expect(/雇主「陈哥」。对吗/)
      .expectNot(/他陈哥/);
    expect(parseEmployer('平时喊她王姐', () => false, true)).toMatchObject({ ok: true, value: '王姐' });
    // guard: 他叫李强 is still 李强.
    expect(parseEmployer('跟着我表哥干的 他叫李强')).toMatchObject({ ok: true, value: '李强' });
  });

  it('八月到十月 where 「拖欠的是哪段时间？」 was asked: the period changed, and when they left asked again', async () => {
    const user = someone('nanny-period');
    // (h87: the conflict is raised at once with October, no longer after the month is asked again.)
    await converse(t.chat, user)
      .sendAll(...NANNY, '陈哥', '对', '河西街道', '锦绣社区', '一个月四千五 三个月一万三千五', '对', '早不干了 十月底走的')
      .expect(/拖欠的是哪段时间/)
      .send('八月到十月')
      .expect(/拖欠时间「2026年8月至2026年10月（3个月）」，对吗/)
      .expectNot(/没看明白/)
      .send('对')
      .expect(/还在这家干吗/)
      .send('十月底')
      .expect(/离开时间「2026年10月」。对吗/)
      .send('对');
    expect((await session(user)).answers).toMatchObject({ period: { start: '2026-08', end: '2026-10', months: 3 }, leftSince: '2026-10' });
  });

  it('锦绣花园 几栋忘了 at an address: 锦绣花园', () => {
    expect(addressAnswer('锦绣花园 几栋忘了', 'x')).toEqual({ ok: true, value: '锦绣花园' });
    expect(addressAnswer('锦绣花园几栋记不清了', 'x')).toEqual({ ok: true, value: '锦绣花园' });
    // guard: no place at all is still no address.
    expect(addressAnswer('几栋忘了', 'x').ok).toBe(false);
  });
});

describe('the delivery rider', () => {
  it('早跑路了 上个月底, 上个月底跑的 at the employer: a time, never the employer', () => {
    expect(parseEmployer('早跑路了 上个月底')).toMatchObject({ ok: false, error: expect.stringMatching(/「上个月底」说的是时间/) });
    expect(parseEmployer('上个月底跑的').ok).toBe(false);
    // guard: a name said with when the boss ran off is still the name.
    expect(parseEmployer('好再来饭店 上个月底跑了')).toMatchObject({ ok: true, value: '好再来饭店' });
  });

  it('站长说等总部打款 一直拖 at the employer: what happened, never the employer', async () => {
    const user = someone('rider-said');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意')
      .send('站长说等总部打款 一直拖')
      .expect(/事情经过后面会请您再说/)
      .expectNot(/用人单位「/);
    expect((await session(user)).answers.employer).toBeUndefined();
  });

  it('外包公司叫蜂鸟还是啥 记不清: 蜂鸟 proposed, never a knowledge answer', async () => {
    const user = someone('rider-half');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意')
      .send('外包公司叫蜂鸟还是啥 记不清')
      .expect(/用人单位「蜂鸟」、雇主类型「单位」。对吗/)
      .expectNot(/劳务派遣/);
  });
});

describe('a unit said with a short name', () => {
  it('公司叫宏达: a unit (never asked whether 「宏达」 is a family); 宏达 alone is still asked', async () => {
    const user = someone('unit-said');
    await converse(t.chat, user).sendAll('老板欠我工资', '同意').send('公司叫宏达').expect(/您在哪个镇或街道干活/).expectNot(/是哪一种/);
    expect((await session(user)).answers).toMatchObject({ employer: '宏达', employerKind: 'organisation' });
    // guard: the name alone says nothing of who it is.
    const other = someone('unit-alone');
    await converse(t.chat, other).sendAll('老板欠我工资', '同意').send('宏达').expect(/「宏达」是哪一种/);
  });
});

describe('someone reporting for their father', () => {
  const DAD = ['我爸在工地干活 包工头欠他工资两万多 我帮他问问'];

  it('不是我 是我爸 at 「本人还是替父亲反映？」: for the father (never 「这已经是第一个问题了」)', async () => {
    const user = someone('dad-notbut');
    await converse(t.chat, user).sendAll(...DAD).send('不是我 是我爸').expect(/请按被欠工资的人的情况回答/).expectNot(/第一个问题/);
  });

  it('他的 at 「本人还是替父亲反映？」 after 我爸…欠他工资: for the father; 我的 is still the person’s own', async () => {
    const user = someone('dad-his');
    await converse(t.chat, user).sendAll(...DAD).send('他的').expect(/请按被欠工资的人的情况回答/);
    // guard: the person's own.
    const own = someone('dad-own');
    await converse(t.chat, own).sendAll(...DAD).send('我的').expectNot(/请按被欠工资的人的情况回答/).expect(/需要您同意/);
  });

  it('我爸叫张德贵 at the worker’s name: 张德贵', async () => {
    const user = someone('dad-name');
    await converse(t.chat, user).sendAll(...DAD, '替我爸', '同意', '对').send('我爸叫张德贵').expect(/欠他工资的单位叫什么名字/);
    expect((await session(user)).answers.workerName).toBe('张德贵');
  });

  it('张小明 我是他儿子 at the worker’s name: the son’s own name, never kept as the father’s', async () => {
    const user = someone('dad-self');
    await converse(t.chat, user)
      .sendAll(...DAD, '替我爸', '同意', '对')
      .send('张小明 我是他儿子')
      .expect(/「张小明」是您自己的名字吧/)
      .send('张德贵')
      .expect(/欠他工资的单位叫什么名字/);
    expect((await session(user)).answers.workerName).toBe('张德贵');
  });
});

describe('the factory worker with an arbitration hearing next week', () => {
  const TO_AWARD = ['劳动仲裁已经立案了 想请个律师帮我', '同意', '1', '上个月15号走的'];

  it('仲裁还没开庭 at whether there is an award: none yet (was 「请回复数字」)', async () => {
    const user = someone('hearing');
    await converse(t.chat, user).sendAll(...TO_AWARD).send('仲裁还没开庭').expect(/您想怎么咨询/).expectNot(/请回复数字/);
    expect((await session(user)).answers.award).toEqual({ state: 'none', doc: null });
  });

  it('下礼拜三开庭, 正在仲裁 at the same question: none yet; an award not paid is still that', async () => {
    for (const said of ['下礼拜三开庭', '正在仲裁', '12月9号开庭']) {
      const user = someone('hearing-words');
      const chat = converse(t.chat, user).sendAll(...TO_AWARD).send(said);
      // A hearing day said is confirmed first, for the lawyer (h88).
      if (/开庭/u.test(said)) chat.expect(/我理解的是：开庭（仲裁）日期「12月9日（周三）」。对吗？/).send('对');
      await chat.expect(/您想怎么咨询/);
      expect((await session(user)).answers.award).toEqual({ state: 'none', doc: null });
    }
    // guard: an award the other side did not pay is not 「还没有」.
    const user = someone('hearing-unpaid');
    await converse(t.chat, user).sendAll(...TO_AWARD).send('仲裁裁了 老板没给').expect(/强制执行/);
    expect((await session(user)).answers.award).toMatchObject({ state: 'unpaid' });
  });
});

describe('joining, with questions asked in the middle', () => {
  it('会费从哪扣 is a question (answered, never 「请回复「对」或「不对」」); 从哪扣都行 is not', () => {
    expect(isQuestion('会费从哪扣')).toBe(true);
    // guard: a statement.
    expect(isQuestion('从哪扣都行')).toBe(false);
  });
});
