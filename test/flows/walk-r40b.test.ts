/*
 * Misreadings found walking legal-aid booking and joining the union as workers type (session 40b), as transcripts on
 * real Redis:
 *  1. A day to meet with its hour as a clause of its own, or hedged (`周五下午 四点左右`, `明天 下午三点`, `下周一 上午`,
 *     `大概周五下午`), or in the week after next (`下下周一下午三点`), said at a question before the time: dropped without
 *     a word (「先说您在哪个镇或街道，下一步就选时间。」, 「请回复「对」或「不对」」) and the list shown from the earliest
 *     day. Now kept as the wish, said back (`下午4点左右`) and its day shown first at the time question.
 *  2. Joining, work at a unit said in the 在…上班 frame with only a kind of unit (`我想入会 我在电子厂上班`,
 *     `我叫赵小红 在白沙镇电子厂上班 电话…`): dropped, 「您现在是怎么工作的？」 asked as if nothing was said. Now
 *     单位职工 is proposed with the rest. A relative's work in the same message (`我想入会 我老婆在鞋厂做普工`) was
 *     proposed as the person's own 单位职工; a clause whose subject is a relative is now never read as the person's work.
 *  3. A legal-aid booking asked for a relative with 问 alone (`帮我爸问一下 能找律师吗`, `我是帮我妈问的 想找律师咨询`):
 *     not heard as for someone else (only 问问 was), so nothing said of whose the booking is and whom to bring; now as
 *     `帮我爸约个律师` is (the note before the consent, 父亲/母亲 kept on the booking).
 *  4. A relative’s name at 「怎么称呼您？请写您的姓名」 (`我爸 李建国`, `我妈，刘秀英`) was **kept as the contact, unasked**
 *     (the booking is the person’s, their phone called); `老爸 李建国` proposed 「老爸李建国」. Now the person’s own name is
 *     asked, with how to have the relative answer the calls (`我老爸接电话 他叫李建国`, whose 老爸 that reading now takes).
 *  5. The day they left said with 我 between it and the leaving, beside the matter (`老板欠我工资 上个月20号我就不干了`):
 *     the day was dropped and 「您说已经离开这家单位了，是哪天离开的？」 asked; now 2026年10月20日 is proposed with the rest.
 *  6. Said in the middle of the booking that it is for a relative (`我是帮我爸问的 他叫李建国 … 工伤了`, `是我爸的事 工伤` at
 *     「您想咨询什么事？」): nothing said (the note was only given with the request); now the note once, 父亲 kept.
 * Today is Saturday 21 November 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import type { MembershipAnswers } from '../../flows/membership.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session } = chatOnClock('2026-11-21T10:00:00+08:00');
const someone = (tag: string) => `web:r40b-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const TOWN_ASK = /您在哪个镇或街道？/;
const MODE_ASK = /您想怎么咨询？/;

describe('1. a day to meet with its hour apart, hedged, or the week after next: kept as the wish', () => {
  it('周五下午 四点左右 at the town question (phone): said back, that Friday at 16:00 offered after the town', async () => {
    const user = someone('about');
    await converse(t.chat, user)
      .sendAll('我想找律师咨询', '同意', '欠薪', '还在干', '电话')
      .expect(TOWN_ASK)
      .send('周五下午 四点左右')
      .expect(/好的，想约11月27日（周五）下午4点左右，选时间时先给您看这天的/)
      .expect(TOWN_ASK)
      .expectNot(/先说您在哪个镇或街道/)
      .send('白沙镇')
      .expect(/11月27日（周五）下午4点还能约/);
    const a = (await session(user)).answers as Record<string, unknown>;
    expect(a.slotDay).toBe('2026-11-27');
    expect(a.slotAt).toBe('16:00');
  });

  it.each([
    ['明天 下午三点', /好的，想约11月22日（周日）/],
    ['下周一 上午', /好的，想约11月23日（周一）上午/],
    ['大概周五下午', /好的，想约11月27日（周五）下午/],
    ['下下周一下午三点', /好的，想约11月30日（周一）下午3点/],
    ['下个星期三上午', /好的，想约11月25日（周三）上午/],
  ])('%s at 「您想怎么咨询？」: heard (its day, or said to be no working day)', async (said, heard) => {
    const user = someone('mode');
    await converse(t.chat, user)
      .sendAll('我想找律师咨询', '同意', '欠薪', '还在干')
      .expect(MODE_ASK)
      .send(said)
      .expect(said.startsWith('明天') ? /11月22日（周日）不上班，不安排咨询/ : heard)
      .expect(MODE_ASK);
  });

  it('下下周一下午三点 at a 「…对吗？」: kept, the same question again, and nothing else changed', async () => {
    const user = someone('confirm');
    await converse(t.chat, user)
      .sendAll('能找律师吗 工伤 石岭镇', '同意', '对', '1', '电话')
      .expect(/方式「电话咨询」。对吗？/)
      .send('下下周一下午三点')
      .expect(/好的，想约11月30日（周一）下午3点，选时间时先给您看这天的/)
      .expect(/方式「电话咨询」。对吗？/)
      .expectNot(/请回复「对」或「不对」/);
    expect(((await session(user)).answers as Record<string, unknown>).slotDay).toBe('2026-11-30');
  });

  // guard: a day already past this week (`这周五` on a Saturday) is never kept as a wish.
  it('guard: 这周五下午 on a Saturday is not kept as a day ahead', async () => {
    const user = someone('past');
    await converse(t.chat, user).sendAll('我想找律师咨询', '同意', '欠薪', '还在干').expect(MODE_ASK).send('这周五下午').expectNot(/好的，想约/);
    expect(((await session(user)).answers as Record<string, unknown>).slotDay).toBeUndefined();
  });
});

describe('2. joining: work at a unit said with a kind of unit only; a relative’s work is never the person’s', () => {
  const DECLARED = ['同意', '同意', '1'];
  it.each([
    ['我想入会 我在电子厂上班', /工作方式「单位职工」。对吗？/],
    ['我想入会 在工厂打工', /工作方式「单位职工」。对吗？/],
    ['我想入会 我在白沙镇一个电子厂上班', /工作方式「单位职工」。对吗？/],
    ['我想入会 我叫赵小红 在白沙镇电子厂上班 电话13612345678', /姓名「赵小红」、手机号「13612345678」、工作方式「单位职工」。对吗？/],
  ])('%s: 单位职工 proposed with the rest after the declaration', async (first, proposed) => {
    const user = someone('unit');
    await converse(t.chat, user).send(first).sendAll(...DECLARED).expect(proposed);
    await converse(t.chat, user).send('对').expectNot(/您现在是怎么工作的？/);
  });

  const wifeAtUnit = async (first: string) => {
    const user = someone('wife');
    await converse(t.chat, user).send(first).sendAll(...DECLARED).expectNot(/单位职工/).expect(/请输入您的姓名/);
    expect(((await session(user)).answers as MembershipAnswers).employment).toBeUndefined();
  };
  it('我想入会 我老婆在鞋厂做普工: nothing proposed about the work (the wife’s)', () => wifeAtUnit('我想入会 我老婆在鞋厂做普工'));
  // guard: the new 在…上班 reading is never taken from a relative's clause either.
  it('guard: 我想入会 我老婆在厂里上班: nothing proposed about the work (the wife’s)', () => wifeAtUnit('我想入会 我老婆在厂里上班'));

  // The wife's 送外卖 was read as the person's work before; now only the person's own clause counts.
  it('我想入会 我老婆送外卖 我在厂里上班: the person’s 单位职工 proposed, never 新就业形态', async () => {
    const user = someone('both');
    await converse(t.chat, user).send('我想入会 我老婆送外卖 我在厂里上班').sendAll(...DECLARED).expect(/工作方式「单位职工」。对吗？/).expectNot(/新就业形态/);
  });
});

describe('3. a booking asked for a relative with 问 alone (`帮我爸问一下`, `我是帮我妈问的`): said what that means, kept on it', () => {
  it.each([
    ['帮我爸问一下 能找律师吗', '父亲', /这次是帮您父亲预约：预约记在您名下/],
    ['我是帮我妈问的 想找律师咨询 她在饭店干活老板不给钱', '母亲', /这次是帮您母亲预约：预约记在您名下/],
    ['替我老公问下律师的事', '爱人', /这次是帮您爱人预约/],
  ])('%s: before the consent (was the consent alone)', async (first, who, said) => {
    const user = someone('other');
    await converse(t.chat, user).send(first).expect(said).expect(/您同意吗？/);
    expect(((await session(user)).answers as Record<string, unknown>).forWhom).toBe(who);
  });

  // guard: denied (`不是帮我爸问的`), the booking is the person's own.
  it('guard: 不是帮我爸问的 我自己想找律师: no one else', async () => {
    const user = someone('own');
    await converse(t.chat, user).send('不是帮我爸问的 我自己想找律师').expect(/您同意吗？/).expectNot(/这次是帮/);
    expect(((await session(user)).answers as Record<string, unknown>).forWhom).toBeUndefined();
  });
});

describe('4. a relative’s name where the contact’s is asked: never kept as the person’s own', () => {
  const TO_NAME = ['我想找律师咨询', '同意', '欠薪', '还在干', '电话', '白沙镇', '1'];
  it.each([
    ['我爸 李建国', /要由您父亲接电话的话，请回复「我爸接电话 他叫某某」/],
    ['我爸，李建国', /要由您父亲接电话的话/],
    ['老爸 李建国', /要由您父亲接电话的话，请回复「我老爸接电话 他叫某某」/],
    ['我妈 刘秀英', /要由您母亲接电话的话，请回复「我妈接电话 她叫某某」/],
    ['是我爸要咨询 他叫李建国', /要由您父亲接电话的话/],
  ])('%s: the person’s own name asked, and how to have the relative answer (was 李建国 kept, or 「老爸李建国」 proposed)', async (said, how) => {
    const user = someone('relname');
    await converse(t.chat, user)
      .sendAll(...TO_NAME)
      .expect(/怎么称呼您？请写您的姓名/)
      .send(said)
      .expect(/这里的联系人请写您本人的姓名：预约记在您名下/)
      .expect(how)
      .expectNot(/手机号是多少/);
    expect(((await session(user)).answers as Record<string, unknown>).contactName).toBeUndefined();
    // Their own name next is the contact.
    await converse(t.chat, user).send('王小军').expect(/您的手机号是多少？/);
    expect(((await session(user)).answers as Record<string, unknown>).contactName).toBe('王小军');
  });

  it('我老爸接电话 他叫李建国 (as the reply suggests, a word the old reading lacked): the father, confirmed first', async () => {
    const user = someone('relcall');
    await converse(t.chat, user).sendAll(...TO_NAME).send('我老爸接电话 他叫李建国').expect(/好的，到时打电话找李建国/).expect(/联系人「李建国」。对吗？/);
  });

  // guard: the relative's name asked for plainly as the contact (`写我爸的`) is theirs to choose, taken as before.
  it('guard: 写我爸的 李长顺: 李长顺 is the contact', async () => {
    const user = someone('write');
    await converse(t.chat, user).sendAll(...TO_NAME).send('写我爸的 李长顺').expect(/您的手机号是多少？/);
    expect(((await session(user)).answers as Record<string, unknown>).contactName).toBe('李长顺');
  });

  // guard: `我爸叫王德顺 电话打我的 我叫王小明`: the person's own name said too is read as before.
  it('guard: 我爸叫王德顺 电话打我的 我叫王小明: no word about the contact', async () => {
    const user = someone('both-names');
    await converse(t.chat, user).sendAll(...TO_NAME).send('我爸叫王德顺 电话打我的 我叫王小明').expect(/您的手机号是多少？/).expectNot(/这里的联系人/);
  });

  // guard: the person naming themselves beside the relative is their own name.
  it('guard: 我是王建军 帮我爸约的: 王建军 is the contact', async () => {
    const user = someone('self');
    await converse(t.chat, user).sendAll(...TO_NAME).send('我是王建军 帮我爸约的').expect(/您的手机号是多少？/);
    expect(((await session(user)).answers as Record<string, unknown>).contactName).toBe('王建军');
  });
});

describe('5. the day they left with 我 between it and the leaving (`上个月20号我就不干了`): read, never asked again', () => {
  it.each([
    ['我想找律师咨询', '同意', '老板欠我工资 上个月20号我就不干了'],
    ['老板欠我工资 上个月20号我就不干了 想找律师', '同意'],
  ])('%s …: 2026年10月20日离开 proposed (was 「是哪天离开的？」)', async (...said) => {
    const user = someone('left');
    await converse(t.chat, user)
      .sendAll(...said)
      .expect(/在职情况「2026年10月20日离开，仲裁时效到2027年10月20日」。对吗？/)
      .expectNot(/是哪天离开的/);
  });

  // guard: the same words at the question itself were read already.
  it('guard: 上个月20号我就不干了 at 「您还在这家单位干吗？」: the next question', async () => {
    const user = someone('left-q');
    await converse(t.chat, user).sendAll('我想找律师咨询', '同意', '欠薪').expect(/您还在这家单位干吗？/).send('上个月20号我就不干了').expectNot(/是哪天离开的/).expectNot(/您还在这家单位干吗？/);
  });
});

describe('6. said in the middle of the booking that it is for a relative: the note said once, whom it is for kept', () => {
  it.each([
    ['我是帮我爸问的 他叫李建国 电话13812345678 在石岭镇工地干活 工伤了', /所在镇街「石岭镇」。对吗？/],
    ['是我爸的事 工伤', /您是哪天受伤的？/],
  ])('%s at 「您想咨询什么事？」: 「这次是帮您父亲预约…」, the answer taken as before', async (said, next) => {
    const user = someone('mid');
    await converse(t.chat, user)
      .sendAll('我想找律师咨询', '同意')
      .expect(/您想咨询什么事？/)
      .send(said)
      .expect(/这次是帮您父亲预约：预约记在您名下，联系人和手机号留您的/)
      .expect(next);
    const a = (await session(user)).answers as Record<string, unknown>;
    expect(a.forWhom).toBe('父亲');
    // The father's name and number are not the contact (the booking is the person's).
    expect(a.contactName).toBeUndefined();
    expect(a.phone).toBeUndefined();
  });

  // guard: said already with the request, the note is not said twice.
  it('guard: 帮我爸约个律师, then 是我爸的事 工伤: the note once only', async () => {
    const user = someone('mid-twice');
    await converse(t.chat, user).send('帮我爸约个律师').expect(/这次是帮您父亲预约/).send('同意').send('是我爸的事 工伤').expectNot(/这次是帮您父亲预约/).expect(/您是哪天受伤的？/);
  });
});
