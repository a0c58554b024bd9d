/*
 * A worker's own words through a legal-aid booking (h107), as transcripts on real Redis. Today is Tuesday 1 December
 * 2026, 10:00.
 *  - Sued by the company (`公司告我了怎么办`, `收到法院传票了`): it was 「答不上来」 (or 没太明白 and the menu). Now a safe line
 *    (keep the 传票、起诉状, note the court date, see a lawyer soon) and the booking offered; a court day said is kept
 *    for the booking's hearing question. Suing the boss (`我要告我们老板`) is answered as before.
 *  - After booking: `在哪里见面` (was 「答不上来」), `律师电话多少` (was the list of hotlines), `那个律师是男的女的` and
 *    `律师的电话给我一下` (each began a second booking, its consent asked).
 *  - While booking, at the time list: the same three answered, the times shown again, nothing taken as a time.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';
import { knowledgeBase } from '../../flows/knowledge/kb.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session, booked } = chatOnClock(NOW);

/** A wage matter, still employed, in person, 东龙镇, its station: at the list of times. */
const TO_SLOTS = ['我想找律师', '同意', '1', '还在', '1', '东龙', '1'];
/** Then the first time, the contact, and 确认: booked. */
const BOOK = [...TO_SLOTS, '1', '王芳', '13700001111', '确认'];

describe('sued by the company: a safe line, the booking offered', () => {
  it('the words read as the sued-by-employer entry; suing the boss stays sue-employer', () => {
    const kb = knowledgeBase();
    for (const s of ['公司告我了怎么办', '收到法院传票了', '老板说要告我', '公司起诉我了怎么办', '被公司起诉了']) expect(kb.match(s)?.entry.id, s).toBe('sued-by-employer');
    // guard: a worker who wants to sue is answered as before.
    for (const s of ['我要告我们老板', '我想起诉我们公司', '怎么告老板', '我要告他']) expect(kb.match(s)?.entry.id, s).toBe('sue-employer');
  });

  it('「公司告我了怎么办」: keep the papers and the court date, see a lawyer; 好的 begins the booking', async () => {
    await converse(t.chat, 'web:s1')
      .send('公司告我了怎么办')
      .expectNot(/答不上来/)
      .expect(/传票、起诉状这些材料收好，记下开庭的日期，尽快找律师看看/)
      .expect(/要帮您预约工会律师吗？/)
      .sendAll('好的', '同意')
      .expect(/您想咨询什么事？/);
  });

  it('「收到法院传票了 下周三开庭」: the same line, and the court day asked to be confirmed for the booking', async () => {
    await converse(t.chat, 'web:s2')
      .send('收到法院传票了 下周三开庭')
      .expectNot(/没太明白|答不上来/)
      .expect(/尽快找律师看看/)
      .sendAll('好的', '同意')
      .expect(/开庭（仲裁）日期「12月9日（周三）」。对吗？/);
  });
});

describe('after booking, asked in everyday words', () => {
  it('「在哪里见面」, 「在哪见面啊」: the place and its address', async () => {
    await converse(t.chat, 'web:b1')
      .sendAll(...BOOK)
      .expect(/预约成功/)
      .send('在哪里见面')
      .expectNot(/答不上来/)
      .expect(/地点：东龙镇工会驿站\n地址：东龙镇龙兴路18号镇总工会一楼（电话 0771-5550101）/)
      .send('在哪见面啊')
      .expect(/地址：东龙镇龙兴路18号/);
  });

  it('「律师电话多少」, 「律师的电话给我一下」: who receives them and the station\'s phone; no second booking', async () => {
    await converse(t.chat, 'web:b2')
      .sendAll(...BOOK)
      .send('律师电话多少')
      .expectNot(/12333/)
      .expect(/由吴芳（工会律师）接待/)
      .expect(/有事可以打东龙镇工会驿站的电话 0771-5550101/)
      .send('律师的电话给我一下')
      .expectNot(/同意吗/)
      .expect(/0771-5550101/);
    expect((await session('web:b2')).flowId ?? null).toBeNull();
    expect(await booked('web:b2')).toHaveLength(1);
  });

  it('「那个律师是男的女的」: not known here, who receives them said; no second booking', async () => {
    await converse(t.chat, 'web:b3')
      .sendAll(...BOOK)
      .send('那个律师是男的女的')
      .expectNot(/同意吗|已经约了/)
      .expect(/律师是男是女，我这里查不到。您预约的工会律师咨询（12月1日（周二） 10:30-11:00）由吴芳（工会律师）接待/);
    expect((await session('web:b3')).flowId ?? null).toBeNull();
  });

  // guard: a wish for another lawyer is still the change offered, and the way to meet changed by its words.
  it('「能换个律师吗」 is still about another lawyer, not who or the phone', async () => {
    await converse(t.chat, 'web:b4').sendAll(...BOOK).send('能换个律师吗').expectNot(/查不到|0771-5550101，或回复「人工」/);
  });
});

describe('while booking, at the list of times', () => {
  it('the three questions answered, the times asked again, no time taken', async () => {
    await converse(t.chat, 'web:w1')
      .sendAll(...TO_SLOTS)
      .send('那个律师是男的女的')
      .expect(/律师是男是女，我这里查不到。接待您的工会律师是按您约的时间安排的/)
      .expect(/1\. 12月1日（周二） 10:30-11:00/)
      .send('律师电话多少')
      .expectNot(/12333/)
      .expect(/约好后会告诉您服务点的电话；有急事可以回复「人工」找工作人员。/)
      .send('在哪里见面')
      .expectNot(/答不上来/)
      .expect(/见面的地方是东龙镇工会驿站（东龙镇龙兴路18号镇总工会一楼）。/)
      .expect(/1\. 12月1日（周二） 10:30-11:00/);
    const s = await session('web:w1');
    expect(s.fieldId).toBe('slot');
    expect(s.answers.slot).toBeUndefined();
  });
});

describe('「我不会打字 能打电话吗」 while booking', () => {
  it('before the way to meet: the answer, and the phone consultation named; the question again, nothing chosen', async () => {
    await converse(t.chat, 'web:p1')
      .sendAll('我想找律师', '同意', '1', '还在')
      .expect(/您想怎么咨询？/)
      .send('我不会打字 能打电话吗')
      .expect(/可以直接发语音/)
      .expect(/咨询也可以选「电话咨询」，到时律师打您的手机，不用打字。/)
      .expect(/您想怎么咨询？/);
    expect((await session('web:p1')).answers.mode).toBeUndefined();
  });

  // guard: once the way is chosen (in person), the answer alone, as before.
  it('after choosing to meet in person: the answer alone', async () => {
    await converse(t.chat, 'web:p2').sendAll('我想找律师', '同意', '1', '还在', '1').send('我不会打字 能打电话吗').expect(/可以直接发语音/).expectNot(/咨询也可以选「电话咨询」/);
  });
});
