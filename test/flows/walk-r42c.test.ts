/*
 * The legal-aid booking and the talk outside a form, walked as workers type (session 42c), as transcripts on real Redis:
 *  1. `三点左右吧` (an hour hedged, no day) at the time list booked 15:00 on the day shown, a day nobody said. Now that
 *     time is proposed (「…下午3点有空」, 「…对吗？」) and kept only on a yes; `不对 明天` there shows that day's times (it was
 *     「请回复「对」或「不对」」). A time said plainly (`下午三点`) still picks the listed one (a decision kept).
 *  2. `上个月10号开除的` at 「咨询的事「劳动合同」。对吗？」: 开除的 (without 被) is leaving, so the day is read and confirmed with
 *     the matter (it was kept as the matter said again, the day lost and asked again).
 *  3. `律师咨询要收费吗`: a plain 「不收费」 about the union lawyer's consultation (it was formal legal aid's conditions).
 *  4. `我爸的遗产怎么分`, `我想离婚`: family matters pointed kindly to 12348 (it was 「答不上来」).
 *  5. `有个电话打来说是劳动局的`: never money or codes, the official numbers to check with (it was labour inspection).
 *  6. `老板喊我回去上班 还给不给钱啊` after a report: news for the case worker, what is owed staying owed (it was a second
 *     report offered; `老板喊我回去上班` alone was 没太明白).
 *  7. `随便哪天都行 下午好点` at the time list: the afternoon's times (it was 「请回复时间前面的数字」).
 *  8. `明天上午电话咨询` (no space) in a first message: the day wished for kept (it was lost; with a space it was kept).
 *  9. `我的手指断了两根 老板不给报销` (the matter chosen, told again) at the way or place question: said to be for the
 *     consultation, the question again (it was the options again without a word, or 「没找到「我的手指…」」). Another matter
 *     (`老板不给我交社保` while 工伤) is still a change proposed.
 * 10. `还是改到后天上午吧` at the name question, a time picked: proposed as the contact's name 「还是改到后天上午」. Now a change
 *     of time, as `改到后天上午` is (that morning's times listed).
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse, reportSubmitted } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:r42c-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const AT_LIST = ['我想找个律师咨询一下', '同意', '欠薪', '还在干', '电话', '河西街道'] as const;
const NAME_ASK = /怎么称呼您/;

describe('1. an hour said without a day at the time list', () => {
  it.each(['三点左右吧', '大概下午三点', '下午3点前后'])('%s: proposed on the day shown, nothing kept before a yes', async (said) => {
    const user = someone('hour');
    await converse(t.chat, user)
      .sendAll(...AT_LIST)
      .send(said)
      .expect(/12月1日（周二）下午3点有空/)
      .expect(/时间「12月1日（周二） 15:00-15:30」。对吗？/)
      .expectNot(NAME_ASK)
      .expectNot(/好的，约在/);
    expect((await load(user)).answers.slot).toBeUndefined();
  });

  it('三点左右吧, then 对: that time kept, the name asked', async () => {
    const user = someone('hour-yes');
    await converse(t.chat, user).sendAll(...AT_LIST).send('三点左右吧').send('对').expect(NAME_ASK);
    expect((await load(user)).answers.slot).toMatchObject({ day: '2026-12-01', time: '15:00' });
  });

  it('三点左右吧, then 不对 明天: that day’s times listed, nothing kept', async () => {
    const user = someone('hour-no-day');
    await converse(t.chat, user)
      .sendAll(...AT_LIST)
      .send('三点左右吧')
      .send('不对 明天')
      .expect(/12月2日（周三）还能约的时间/)
      .expectNot(/请回复「对」或「不对」/);
    const a = (await load(user)).answers;
    expect(a.slot).toBeUndefined();
    expect(a.slotDay).toBe('2026-12-02');
    await converse(t.chat, user).send('明天下午三点').expect(/好的，约在12月2日（周三） 15:00-15:30/);
  });

  // guard: a deliberate decision kept (test/legal-aid/booking-flow.test.ts, left-r40c): a time said plainly picks the
  // one listed then, said back (the summary shows it before anything is booked).
  it('下午三点: the listed time taken, said back', async () => {
    await converse(t.chat, someone('plain-hour')).sendAll(...AT_LIST).send('下午三点').expect(/好的，约在12月1日（周二） 15:00-15:30/).expect(NAME_ASK);
  });

  // guard: a day with the hour is taken as before, said back.
  it('明天下午三点: taken, said back', async () => {
    await converse(t.chat, someone('day-hour')).sendAll(...AT_LIST).send('明天下午三点').expect(/好的，约在12月2日（周三） 15:00-15:30/).expect(NAME_ASK);
  });
});

describe('2. the leaving day typed at the matter’s 「…对吗？」', () => {
  it('上个月10号开除的: the day confirmed with the matter, never asked again', async () => {
    const user = someone('fired-day');
    await converse(t.chat, user)
      .sendAll('我想找律师 老板把我开除了', '同意')
      .expect(/咨询的事「劳动合同」。对吗？/)
      .send('上个月10号开除的')
      .expect(/在职情况「2026年11月10日离开/)
      .expectNot(/是哪天离开的/)
      .send('对');
    expect((await load(user)).answers).toMatchObject({ matter: 'contract', limit: { leftOn: '2026-11-10' } });
  });
});

describe('3–5. talk outside a form', () => {
  it.each(['律师咨询要收费吗', '找律师咨询要钱吗'])('%s: a plain 不收费 about the consultation', async (said) => {
    await converse(t.chat, someone('cost')).send(said).expect(/^不收费。工会律师咨询是免费的/).expectNot(/经济困难/);
  });

  // guard: hiring a lawyer (legal aid) keeps its own answer.
  it('我想问下请律师要钱不: legal aid’s answer, as before', async () => {
    await converse(t.chat, someone('hire')).send('我想问下请律师要钱不').expect(/法律援助是免费的/);
  });

  it.each(['我爸的遗产怎么分', '我想离婚', '老家房子继承的事问谁'])('%s: 12348, kindly; never 答不上来', async (said) => {
    await converse(t.chat, someone('family')).send(said).expect(/12348公共法律服务热线/).expect(/不算劳动纠纷/).expectNot(/答不上来/);
  });

  // guard: a work matter said with 离婚 is no family matter.
  it('离婚后单位不给我交社保了: never the family answer', async () => {
    await converse(t.chat, someone('divorce-work')).send('离婚后单位不给我交社保了').expectNot(/不算劳动纠纷/);
  });

  it.each(['有个电话打来说是劳动局的', '有人打电话说是工会的 要我先交钱', '有人冒充工会让我交押金'])('%s: never money or codes, the official numbers', async (said) => {
    await converse(t.chat, someone('scam'))
      .send(said)
      .expect(/不会让您转账/)
      .expect(/12333/)
      .expect(/110/)
      .expectNot(/劳动保障监察是人社部门/);
  });
});

describe('6. called back to work, after a report', () => {
  it.each(['老板喊我回去上班 还给不给钱啊', '老板喊我回去上班', '厂里让我明天回去干活'])('%s: news for the case worker, never a second report', async (said) => {
    const { chat, c } = await reportSubmitted(t, someone('back'));
    await chat
      .send(said)
      .expect(/之前欠的工资照样要给/)
      .expect(/的工作人员吗？/)
      .expectNot(/要再反映另一件欠薪吗/)
      .expectNot(/没太明白/);
    await chat.send('转给工作人员').expect(/已转给负责您案件/);
    const notes = (await t.core.cases.get(c.id))!.reporterNotes;
    expect(notes).toHaveLength(1);
    expect(notes[0]!.kind).toBe('other');
  });
});

describe('7. any day, then a part of the day, at the time list', () => {
  // (`哪天都可以，上午吧` is a guard: it was read already.)
  it.each([
    ['随便哪天都行 下午好点', /下午还能约的时间/],
    ['哪天都可以，上午吧', /上午还能约的时间/],
  ])('%s: that part of the day listed, nothing taken', async (said, list) => {
    const user = someone('any-day');
    await converse(t.chat, user).sendAll(...AT_LIST).send(said).expect(list).expectNot(/请回复时间前面的数字/);
    expect((await load(user)).answers.slot).toBeUndefined();
  });
});

describe('8. a day wished for, run together with the way', () => {
  it('我手被机器压了 想约个律师 明天上午电话咨询: that morning kept for the time list', async () => {
    const user = someone('wish-way');
    await converse(t.chat, user).send('我手被机器压了 想约个律师 明天上午电话咨询').send('同意');
    const a = (await load(user)).answers;
    expect(a).toMatchObject({ slotDay: '2026-12-02', slotPart: 'morning' });
  });
});

describe('9. what happened, told at the way or place question', () => {
  const injury = ['我想找律师', '同意', '工伤', '上个月5号', '还在干'] as const;

  it.each(['我的手指断了两根 老板不给报销', '手被机器绞了 厂里不管'])('%s at the way question: for the consultation, the question again', async (said) => {
    const user = someone('story-mode');
    await converse(t.chat, user).sendAll(...injury).send(said).expect(/您说的情况，到时候咨询时详细说就行/).expect(/您想怎么咨询？/);
    expect((await load(user)).answers.mode).toBeUndefined();
  });

  it('我的手指断了两根 老板不给报销 at the place question: never 没找到', async () => {
    await converse(t.chat, someone('story-place'))
      .sendAll(...injury, '电话')
      .send('我的手指断了两根 老板不给报销')
      .expect(/您说的情况，到时候咨询时详细说就行/)
      .expect(/您在哪个镇或街道/)
      .expectNot(/没找到/)
      .send('河西街道')
      .expect(/空闲时间/);
  });

  // guard: another matter is a change proposed, as before.
  it('老板不给我交社保 while 工伤: the change proposed', async () => {
    await converse(t.chat, someone('story-other')).sendAll(...injury).send('老板不给我交社保').expect(/您是要改成：咨询的事「社保」/).expectNot(/到时候咨询时详细说/);
  });
});

describe('10. a change of time opened by 还是, at the name question', () => {
  it('还是改到后天上午吧: that morning’s times, never a name', async () => {
    const user = someone('still-change');
    await converse(t.chat, user)
      .sendAll(...AT_LIST, '2')
      .expect(NAME_ASK)
      .send('还是改到后天上午吧')
      .expect(/12月3日（周四）上午还能约的时间/)
      .expectNot(/联系人「/);
    expect((await load(user)).answers.contactName).toBeUndefined();
  });
});
