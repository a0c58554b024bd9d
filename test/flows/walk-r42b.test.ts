/**
 * What workers type at the confirmations (「…对吗？」), at the wage report's summary (「请核对…」) and at joining the
 * union's confirmations (walk round 42b):
 *  1. At the summary: `把那个项目名删了` read as the project's new name (项目名称「把那个删了」 was proposed); now the
 *     answer is taken off when it may be empty, or said plainly why not (none on the report: 不是工程建设项目; a required
 *     one: 拖欠金额). `有欠条` alone (was 没看明白): the evidence answer 「未发送（您说：有欠条）」 proposed, kept on a yes.
 *     `王小芳` alone (was 没看明白): which answer takes the name is asked, none replaced unasked. `完成` (as the evidence
 *     question asks to end with) is no miss and no submit. A bare 嗯 still submits (h16-mechanics, kept).
 *  2. The headcount shown as a figure (被拖欠人数「1人（就您自己）」), never the bot saying 「就我一个」.
 *  3. At 「用人单位「老王」…对吗？」 `就是他` is a yes (was 请回复对或不对). At 「被拖欠人数「1人…」。对吗？」 `5个人 我们一起干的` is
 *     the right count, proposed (was 请回复对或不对; at the headcount question itself 「请说一个大概的数字」). A project's name
 *     typed at 「工程建设项目「是」、项目名称「幸福小区二期」。对吗？」 (`翠湖湾三期`) is proposed in its place, the old name
 *     never kept as confirmed.
 *  4. Joining the union: `户口在湖南` at the work's 「…对吗？」 (was 请回复对或不对): noted for the 登记地 question, said so,
 *     and the same confirmation asked again; nothing taken.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { TO_SUMMARY } from '../support/wage-script.js';
import { parseHeadcount } from '../../flows/parsers/headcount.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:r42b-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const answers = async (user: string) => (await session(user)).answers as Record<string, unknown>;

/** A report with no project (不是工程建设项目), to its summary. */
/** The same with building work and a project, 幸福小区二期. */
const WITH_PROJECT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '是', '幸福小区二期', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111'];
const SUMMARY = /请核对您要反映的欠薪情况/;
const UNCLEAR = /没看明白|^请回复「确认」提交，或回复「改」加序号/;

describe('1. at the summary', () => {
  it('把那个项目名删了 with a project: taken off (never 项目名称「把那个删了」), the summary again', async () => {
    const user = someone('drop-project');
    await converse(t.chat, user)
      .sendAll(...WITH_PROJECT)
      .expect(SUMMARY)
      .send('把那个项目名删了')
      .expect(/项目名称删掉了/)
      .expect(SUMMARY)
      .expectNot(/把那个删了|项目名称「/);
    const a = await answers(user);
    expect(a.project).toBeNull();
    expect(a.construction).toBe(true);
  });

  it('把那个项目名删了 with no project on the report: said there is none, never 请回复确认', async () => {
    const user = someone('drop-none');
    await converse(t.chat, user).sendAll(...TO_SUMMARY).expect(SUMMARY).send('把那个项目名删了').expect(/上面没有项目名称这一项/).expectNot(UNCLEAR);
    expect((await answers(user)).project).toBeUndefined();
  });

  it('金额删了: a required answer is never taken off, how to change it said', async () => {
    const user = someone('drop-amount');
    await converse(t.chat, user).sendAll(...TO_SUMMARY).send('金额删了').expect(/拖欠金额这一项不能空着。要改的话，回复「改 6」/);
    expect((await answers(user)).amount).toEqual({ yuan: 6000, approx: false, upTo: null });
  });

  it('有欠条 alone: the evidence answer proposed, kept on a yes; said again, noted already', async () => {
    const user = someone('held');
    const chat = converse(t.chat, user);
    await chat.sendAll(...TO_SUMMARY).send('有欠条').expect(/我理解的是：证据材料「未发送（您说：有欠条）」。对吗？/).expectNot(UNCLEAR);
    expect((await answers(user)).evidenceHeld).toBeUndefined();
    await chat.send('对').expect(/12\. 证据材料：未发送（您说：有欠条）/);
    expect((await answers(user)).evidenceHeld).toBe('有欠条');
    await chat.send('有欠条').expect(/证据材料里已经记下了/).expectNot(/还是没看明白/);
    expect((await answers(user)).evidenceHeld).toBe('有欠条');
  });

  it('有欠条 then 不对: nothing kept', async () => {
    const user = someone('held-no');
    await converse(t.chat, user).sendAll(...TO_SUMMARY).send('有欠条').expect(/对吗？/).send('不对');
    expect((await answers(user)).evidenceHeld).toBeUndefined();
  });

  it('王小芳 alone: which answer is asked, none replaced; a pick changes it', async () => {
    const user = someone('name');
    const chat = converse(t.chat, user);
    await chat.sendAll(...TO_SUMMARY).send('王小芳').expect(/「王小芳」是要改哪一项？/).expect(/联系人改成王小芳/).expectNot(UNCLEAR);
    expect((await answers(user)).contactName).toBe('王芳');
    await chat.send('改 13 王小芳');
    expect((await answers(user)).contactName).toBe('王小芳');
  });

  // guard: the contact's own name typed again is nothing to ask about (no question which answer takes it).
  it('guard: 王芳 (the contact already) asks nothing of which answer', async () => {
    const user = someone('name-same');
    await converse(t.chat, user).sendAll(...TO_SUMMARY).send('王芳').expectNot(/是要改哪一项/);
    expect((await answers(user)).contactName).toBe('王芳');
  });

  it('完成 after the evidence question answered again: no miss, no submit; 确认 then submits', async () => {
    const user = someone('done');
    await converse(t.chat, user)
      .sendAll(...TO_SUMMARY, '改 12', '有欠条')
      .expect(SUMMARY)
      .send('完成')
      .expect(/^好的。请核对以上信息。回复「确认」提交/)
      .expectNot(/提交成功|没看明白/)
      .send('完成')
      .expectNot(/还是没看明白|提交成功/)
      .send('确认')
      .expect(/提交成功/);
  });

  it('a long message that mentions 老板 in passing: no change of the employer opened (was 「好的，改用人单位。」)', async () => {
    const user = someone('long');
    await converse(t.chat, user)
      .sendAll(...TO_SUMMARY)
      .send('老板说下个月给但是一直拖着我真的很着急家里孩子还要上学希望你们快点帮我处理一下谢谢')
      .expectNot(/改用人单位|这还不是单位或老板的名字/);
    const s = await session(user);
    expect(s.mode).toBe('review');
    expect(s.answers.employer).toBe('好再来饭店');
    await converse(t.chat, user).send('确认').expect(/提交成功/);
  });

  // guard: a bare 嗯 at the summary still submits (decided in h16-mechanics).
  it('guard: 嗯 still submits', async () => {
    await converse(t.chat, someone('nod')).sendAll(...TO_SUMMARY).send('嗯').expect(/提交成功/);
  });
});

describe('2. the headcount shown as a figure', () => {
  it('就我一个: 被拖欠人数：1人（就您自己）', async () => {
    await converse(t.chat, someone('one')).sendAll(...TO_SUMMARY).expect(/7\. 被拖欠人数：1人（就您自己）/).expectNot(/被拖欠人数：就我一个/);
  });
});

describe('3. at 「…对吗？」', () => {
  it('就是他 at 「用人单位「老王」…对吗？」: a yes', async () => {
    const user = someone('him');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意')
      .send('在青溪花园二期干活 老板是老王')
      .expect(/用人单位「老王」/)
      .send('就是他')
      .expect(/您在哪个镇或街道干活/)
      .expectNot(/请回复「对」或「不对」/);
    expect(await answers(user)).toMatchObject({ employer: '老王', construction: true, project: '青溪花园二期' });
  });

  it('对 就是她: a yes too', async () => {
    const user = someone('her');
    await converse(t.chat, user).sendAll('老板欠我工资', '同意', '在青溪花园二期干活 老板是老王').send('对 就是她').expect(/您在哪个镇或街道干活/);
    expect((await answers(user)).employer).toBe('老王');
  });

  it('5个人 我们一起干的 at 「被拖欠人数「1人（就您自己）」。对吗？」: 5人 proposed, kept on a yes', async () => {
    const user = someone('count');
    const chat = converse(t.chat, user);
    await chat
      .sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000')
      .send('我自己干的')
      .expect(/被拖欠人数「1人（就您自己）」。对吗？/)
      .send('5个人 我们一起干的')
      .expect(/我理解的是：被拖欠人数「5人」。对吗？/);
    expect((await answers(user)).headcount).toBeUndefined();
    await chat.send('对').expect(/你们5个人一共被拖欠多少钱/);
    expect((await answers(user)).headcount).toEqual({ count: 5, approximate: false });
  });

  it.each([
    ['5个人 我们一起干的', 5],
    ['我们8个人都是一起干活的', 8],
  ])('%s at the headcount question: %i (was 请说一个大概的数字)', (said, count) => {
    expect(parseHeadcount(said)).toEqual({ ok: true, value: { count, approximate: false } });
  });

  it('翠湖湾三期 at 「工程建设项目「是」、项目名称「幸福小区二期」。对吗？」: the new name proposed, the old never kept', async () => {
    const user = someone('project');
    const chat = converse(t.chat, user);
    await chat
      .sendAll('老板欠我工资', '同意', '宏达建筑', '河西街道', '不清楚')
      .send('幸福小区二期')
      .expect(/项目名称「幸福小区二期」。对吗？/)
      .send('翠湖湾三期')
      .expect(/我理解的是：工程建设项目「是」、项目名称「翠湖湾三期」。对吗？/)
      .expectNot(/之前填的是/);
    expect((await answers(user)).project).toBeUndefined();
    await chat.send('对').expect(/拖欠的是哪段时间/);
    expect(await answers(user)).toMatchObject({ construction: true, project: '翠湖湾三期' });
  });
});

describe('3b. changing their mind at 「…对吗？」', () => {
  const TO_CONFIRM = ['老板欠我工资', '同意', '宏达建筑欠我三个月工资'];
  const SHOWN = /用人单位「宏达建筑」、拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/;

  it('等等 then 不对 是好再来饭店: the same confirmation (never the form paused), then the change', async () => {
    const user = someone('wait');
    await converse(t.chat, user)
      .sendAll(...TO_CONFIRM)
      .send('等等')
      .expect(/不着急/)
      .expect(SHOWN)
      .expectNot(/弄清楚了再来|先帮您保存着/)
      .send('不对 是好再来饭店')
      .expect(/用人单位已改为「好再来饭店」/)
      .expectNot(/没太明白/);
    expect((await answers(user)).employer).toBe('好再来饭店');
  });

  // guard: going away to ask someone is still a pause (engine-confirm-r28).
  it('guard: 等一下我问问老乡 still pauses', async () => {
    await converse(t.chat, someone('pause')).sendAll(...TO_CONFIRM).send('等一下我问问老乡').expect(/弄清楚了再来/);
  });

  it.each([
    ['改一下电话', '手机号'],
    ['金额不对', '拖欠金额'],
  ])('%s (not asked yet): said it comes later, the same confirmation, no miss', async (said, label) => {
    const user = someone('later');
    await converse(t.chat, user)
      .sendAll(...TO_CONFIRM)
      .send(said)
      .expect(new RegExp(`${label}还没填，后面会问到`))
      .expect(SHOWN)
      .send(said)
      .expect(SHOWN)
      .expectNot(/先不记|请回复「对」或「不对」/)
      .send('对')
      .expect(/哪个镇或街道/);
    expect(await answers(user)).toMatchObject({ employer: '宏达建筑', period: { start: '2026-09', end: '2026-11', months: 3 } });
  });
});

describe('4. joining the union', () => {
  it('户口在湖南 at the work’s 「…对吗？」: noted for the 登记地 question, the confirmation again, nothing taken', async () => {
    const user = someone('hukou');
    const chat = converse(t.chat, user);
    await chat
      .sendAll('我想加入工会', '同意')
      .send('我在东龙镇的宏达厂上班')
      .expect(/工作单位「宏达厂」.*对吗？/)
      .send('户口在湖南')
      .expect(/户口不在这里的，按常住地（现在住的地方）登记就行。等一下问登记地时再说。/)
      .expect(/工作单位「宏达厂」.*对吗？/)
      .expectNot(/请回复「对」或「不对」/);
    const a = await answers(user);
    expect(a.placeKind).toBeUndefined();
    expect(a.residence).toBeUndefined();
    expect(a.employer).toBeUndefined();
  });
});
