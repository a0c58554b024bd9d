/*
 * Leftovers of the last session's held-out set J, this session's walks, and a turn's cost, as transcripts on real Redis:
 *  1. `叫我阿强就行 身份证上是韦志强` at 「怎么称呼您？」: **阿强 stored as the contact's name, unasked** (what the person
 *     asked to be called, beside the name on their ID card). Now the name on the ID card (the other is what they are
 *     called), as `大名王建军 小名狗蛋` was already read.
 *  2. A tapped choice (`1` for 是/同意) was read for other facts as if it were a sentence: the choice's value (`yes`)
 *     went through every reader of the wage report. Latin letters alone hold no fact (flows/nlu/understand.ts
 *     otherFacts): guards that a tap still answers and that a sentence beside a yes still gives its facts.
 *  3. `要是只欠两千也能报吗` at the amount question got 「这个问题我还答不上来…」 (nothing taken, but no answer): now that
 *     any sum can be reported (knowledge entry wage-any-amount), and the question again.
 *  4. `我叫啥不重要 你们找黄老板就行`, `名字不重要` at 「怎么称呼您？」: 「联系人「啥不重」」, 「联系人「不重要」」 proposed (set J
 *     line hj-wage-contact-005; with the first fixed, 「这个问题我还答不上来」). Now why a name is asked and that a surname will do,
 *     then the question again; `黄先生` after it is taken.
 *  5. `老板说我不干了就不给工资` at the menu (set J line hj-talk-q-020): a wage report begun, 不干了 proposed as having
 *     left. Now what quitting leaves owed (quit-wages), the report offered.
 *  6. `是家庭 不是公司` at 「「张姐」是哪一种？」 (set K line hk-wage-employerKind-002): **the unit changed to 「家庭」,
 *     unasked** (read as a correction of the answer before). Now the choice it names.
 *  7. `在老乡开的店 老乡叫啥不方便说` at the unit's question (set J line hj-wage-employer-004): 「用人单位「老乡开」」
 *     proposed. Now which shop is asked (叫啥不方便说 is no question, as 叫啥不知道 is not).
 *  8. Found on the last walk: at the summary, `不是5月开始的 是6月` (and the same after `钱是一万二没错 但`) for 2026年5月至10月:
 *     **the period stored as the one month 2026年6月, unasked** (「已改为」). Now 2026年6月至10月, proposed.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { nameAnswer } from '../../flows/nlu/facts.js';
import { parseEmployer, type WageAnswers } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { TO_SUMMARY } from '../support/wage-script.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:r44-${tag}-${Math.random().toString(36).slice(2, 8)}`;
/** The wage report up to 「怎么称呼您？」. */
const TO_NAME = TO_SUMMARY.slice(0, TO_SUMMARY.indexOf('王芳'));

describe('1. the name on the ID card beside what the person is called', () => {
  it('`叫我阿强就行 身份证上是韦志强`: 韦志强 kept, never 阿强', async () => {
    const user = someone('id-name');
    await converse(t.chat, user)
      .sendAll(...TO_NAME)
      .expect(/怎么称呼您/)
      .send('叫我阿强就行 身份证上是韦志强')
      .expect(/手机号/)
      .expectNot(/阿强/);
    expect(((await load(user)).answers as WageAnswers).contactName).toBe('韦志强');
  });

  for (const [text, name] of [
    ['大家都叫我阿强 大名韦志强', '韦志强'],
    ['我叫阿强 身份证名字是韦志强', '韦志强'],
  ] as const) {
    it(`«${text}»: ${name}`, () => {
      expect(nameAnswer(text)).toEqual({ ok: true, value: name });
    });
  }

  // Not read as a name before (身份证上是 was kept with it, or no name found).
  for (const [text, name] of [
    ['身份证上是韦志强', '韦志强'],
    ['身份证上写的是李秀兰', '李秀兰'],
  ] as const) {
    it(`«${text}»: ${name}`, () => {
      expect(nameAnswer(text)).toEqual({ ok: true, value: name });
    });
  }

  for (const [text, name] of [
    ['我大名叫韦志强', '韦志强'],
    ['大名王五 小名狗蛋', '王五'],
    ['身份证上的名字是欧阳建平', '欧阳建平'],
  ] as const) {
    // guard: read so before, and still.
    it(`«${text}»: ${name}`, () => {
      expect(nameAnswer(text)).toEqual({ ok: true, value: name });
    });
  }

  it('`叫我阿强就行 身份证上是韦志强` at the unit\'s question: 韦志强 proposed as the contact, never 阿强', async () => {
    await converse(t.chat, someone('aside')).sendAll('老板欠我工资', '同意').send('叫我阿强就行 身份证上是韦志强').expect(/韦志强/).expectNot(/阿强」/);
  });

  for (const text of ['我爸身份证上是王大军', '老板身份证上是刘大壮']) {
    it(`«${text}» at 「怎么称呼您？」: someone else's name, not taken`, () => {
      expect(nameAnswer(text).ok).toBe(false);
    });
  }

  // guard: no name after 真名 is no name.
  it('`我真名不想说`: no name', () => {
    expect(nameAnswer('我真名不想说').ok).toBe(false);
  });
});

describe('2. a tapped choice reads no other facts', () => {
  // guard: the tap answers as before.
  it('`1` at 「是工程建设项目吗？」 and `2` at 「还在这家单位干吗？」: answered', async () => {
    const user = someone('tap');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意', '宏达建筑', '东龙', '新塘')
      .expect(/是工程建设项目吗/)
      .send('1')
      .expect(/项目或工地叫什么名字/);
    expect(((await load(user)).answers as WageAnswers).construction).toBe(true);
  });

  // guard: a yes in words with facts beside it still gives them.
  it('`同意 欠了我三个月` at the consent: the months proposed beside the yes', async () => {
    await converse(t.chat, someone('beside'))
      .sendAll('老板欠我工资')
      .send('同意 欠了我三个月')
      .expect(/我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/);
  });
});

describe('3. whether a small sum can be reported', () => {
  it('`要是只欠两千也能报吗` at the amount question: any sum can be, then the question again; nothing taken', async () => {
    const user = someone('small');
    const toAmount = TO_SUMMARY.slice(0, TO_SUMMARY.indexOf('6000'));
    await converse(t.chat, user)
      .sendAll(...toAmount)
      .expect(/多少钱/)
      .send('要是只欠两千也能报吗')
      .expect(/不管欠多少[\s\S]*都可以在这里反映[\s\S]*您自己一共被拖欠了多少钱/)
      .expectNot(/答不上来/);
    expect(((await load(user)).answers as WageAnswers).amount).toBeUndefined();
  });

  it('`才欠一千块 能找你们吗` at the menu: answered, a report offered', async () => {
    await converse(t.chat, someone('menu')).send('才欠一千块 能找你们吗').expect(/不管欠多少[\s\S]*要我帮您登记欠薪/);
  });

  // guard: other questions with 少 keep their own answers.
  it('`我会费能不能少交`: the dues answer', async () => {
    await converse(t.chat, someone('dues')).send('我会费能不能少交').expect(/会费/).expectNot(/不管欠多少/);
  });
});

describe('4. the name said not to matter is no name', () => {
  for (const text of ['我叫啥不重要 你们找黄老板就行', '名字不重要', '我叫什么你别管']) {
    it(`«${text}» at 「怎么称呼您？」: asked again, nothing proposed`, async () => {
      const user = someone('no-name');
      await converse(t.chat, user).sendAll(...TO_NAME).send(text).expect(/名字只是方便工作人员联系您时称呼，写个姓就可以[\s\S]*怎么称呼您/).expectNot(/我理解的是/);
      expect(((await load(user)).answers as WageAnswers).contactName).toBeUndefined();
    });
  }

  it('then `黄先生`: taken', async () => {
    const user = someone('surname');
    await converse(t.chat, user).sendAll(...TO_NAME, '名字不重要', '黄先生').expect(/手机号/);
    expect(((await load(user)).answers as WageAnswers).contactName).toBe('黄先生');
  });

  // guard: a name after 我叫 is still read.
  it('`我叫何大明`: taken', async () => {
    const user = someone('name');
    await converse(t.chat, user).sendAll(...TO_NAME).send('我叫何大明').expect(/手机号/);
    expect(((await load(user)).answers as WageAnswers).contactName).toBe('何大明');
  });
});

describe("5. the boss's threat if the person quits", () => {
  for (const text of ['老板说我不干了就不给工资', '包工头说要是走了就不结账']) {
    it(`«${text}» at the menu: what quitting leaves owed, a report offered (none begun)`, async () => {
      const user = someone('threat');
      await converse(t.chat, user).send(text).expect(/辞职了，干过的天数工资一分不能少[\s\S]*要我帮您登记欠薪/).expectNot(/同意吗/);
      expect((await load(user)).flowId ?? null).toBeNull();
    });
  }

  // guard: pay owed and the boss's words beside it still begin the report.
  it('`老板不给工资 说我不干了`: the report begins', async () => {
    await converse(t.chat, someone('owed')).send('老板不给工资 说我不干了').expect(/同意吗/);
  });
});

describe('6. which of the choices, said with the one it is not', () => {
  it('`是家庭 不是公司` at 「「张姐」是哪一种？」: 个人或家庭, the unit kept', async () => {
    const user = someone('kind');
    await converse(t.chat, user).sendAll('老板欠我工资', '同意', '张姐').expect(/是哪一种/).send('是家庭 不是公司').expect(/给个人或家庭干活的/).expectNot(/已改为/);
    const a = (await load(user)).answers as WageAnswers;
    expect(a.employerKind).toBe('household');
    expect(a.employer).toBe('张姐');
  });

  // guard: said the other way round it was read so before.
  it('`不是家庭 是公司`: 单位, the unit kept', async () => {
    const user = someone('kind2');
    await converse(t.chat, user).sendAll('老板欠我工资', '同意', '张姐').send('不是家庭 是公司').expect(/哪个镇或街道/).expectNot(/已改为/);
    const a = (await load(user)).answers as WageAnswers;
    expect(a.employerKind).toBe('organisation');
    expect(a.employer).toBe('张姐');
  });
});

describe("7. a workplace said by whose it is, no name", () => {
  for (const [text, which] of [
    ['在老乡开的店 老乡叫啥不方便说', '店'],
    ['朋友开的厂', '厂'],
  ] as const) {
    it(`«${text}»: which ${which} asked, never 「老乡开」 or 「朋友开」`, () => {
      const r = parseEmployer(text);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.error).toContain(`是哪个${which}呢？`);
    });
  }

  it('`在老乡开的店 老乡叫啥不方便说` in the chat: which shop asked, nothing proposed', async () => {
    const user = someone('fellow');
    await converse(t.chat, user).sendAll('老板欠我工资', '同意').send('在老乡开的店 老乡叫啥不方便说').expect(/是哪个店呢？/).expectNot(/老乡开|答不上来/);
    expect(((await load(user)).answers as WageAnswers).employer).toBeUndefined();
  });

  // guard: a boss named before 开的 is a name.
  it('`王老板开的店`: taken', () => {
    expect(parseEmployer('王老板开的店')).toMatchObject({ ok: true, value: '王老板开的店' });
  });
});

describe('8. a new start month at the summary, said against the old one', () => {
  /** A report to its summary: 2026年5月至10月 owed, left in October. */
  const TO_REVIEW = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年5月到10月', '一万二', '就我一个', '已经离开', '10月', '都跳过', '没有', '王芳', '13700001111'];
  for (const text of ['不是5月开始的 是6月', '钱是一万二没错 但不是5月开始的 是6月']) {
    it(`«${text}»: 2026年6月至10月 proposed, the period unchanged until the yes (was the one month 6月, stored)`, async () => {
      const user = someone('start');
      await converse(t.chat, user)
        .sendAll(...TO_REVIEW)
        .expect(/请核对您要反映的欠薪情况/)
        .send(text)
        .expect(/拖欠时间「2026年6月至2026年10月（5个月）」，对吗？/)
        .expectNot(/已改为/);
      expect(((await load(user)).answers as WageAnswers).period).toMatchObject({ start: '2026-05', end: '2026-10' });
      await converse(t.chat, user).send('对').expect(/请核对/);
      expect(((await load(user)).answers as WageAnswers).period).toMatchObject({ start: '2026-06', end: '2026-10', months: 5 });
    });
  }
});
