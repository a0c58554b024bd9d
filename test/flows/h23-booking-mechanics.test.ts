/*
 * Booking times and conversation mechanics (helper h23), on real Redis.
 *  - `明天9点` said before the time question (with the request, or at another question): held, and offered first
 *    at the time question (1 or 可以 books it), never booked unasked.
 *  - `后天9点` late at night: which day is asked; a day typed next (`周四`) keeps the 9点. A day typed with another
 *    part of the day (`12月2日下午`) after `明天9点` / `后天9点` is never booked at 9点.
 *  - `一三七零零零零一一一一` at the phone question: the number read from words is said back to be confirmed.
 *  - `等会发` / `等一下再发` at the employer's address: left empty for now, how to send it later said.
 *  - `身份证丢了` twice at the ID question: the second time not the same words again, but 回头再填 / 人工.
 *  - `周四上午或者周五下午` at the time question: the free times of both windows offered, none booked; `越晚越好`: each
 *    day's latest time offered.
 *  - `没什么要补充的` at the evidence question: nothing to add (as 没有), never 「答不上来」.
 *  - `不想说` at a question that cannot be skipped: natural words (no 「这一项要知道个大概」).
 *  - `我是自己干的` at the membership's unit question: taking work (go back, choose 2) or running a shop, both told;
 *    never 新就业形态 offered as what they said. (`自己开店的` keeps its own answer: a guard.)
 * Today is Tuesday 1 December 2026 (a fixed clock; night cases set it to 00:30).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const NIGHT = '2026-12-01T00:30:00+08:00';
const { t, session, clock } = chatOnClock(NOW);

const someone = (tag: string) => `web:h23-${tag}-${Math.random().toString(36).slice(2, 8)}`;
/** After the request and consent: the matter, still there, by phone, the township; the time question comes next. */
const TO_TIME = ['1', '1', '还在干', '2', '东龙'];

describe('a time said before the time question', () => {
  it('我想约个律师 明天9点可以吗: 9:00 on 12月2日 offered first, booked only when picked', async () => {
    const user = someone('held');
    await converse(t.chat, user)
      .send('我想约个律师 明天9点可以吗')
      .sendAll(...TO_TIME)
      .expect(/您说的12月2日（周三）上午9点还能约，回复1就约这个时间/)
      .expect(/1\. 12月2日（周三） 09:00-09:30/);
    expect((await session(user)).answers.slot).toBeUndefined();
    await converse(t.chat, user).send('1').expect(/怎么称呼您/);
    const s = await session(user);
    expect((s.answers.slot as { time: string; day: string }).day).toBe('2026-12-02');
    expect((s.answers.slot as { time: string }).time).toBe('09:00');
    expect(s.answers.slotAt).toBeUndefined();
  });

  it('明天9点可以吗 at the matter question: held, said back, and 可以 at the time question books 9:00', async () => {
    const user = someone('held-aside');
    await converse(t.chat, user)
      .sendAll('我想约个律师', '1')
      .send('明天9点可以吗')
      .expect(/想约12月2日（周三）上午9点/)
      .sendAll('1', '还在干', '2', '东龙')
      .expect(/您说的12月2日（周三）上午9点还能约/)
      .send('可以')
      .expect(/怎么称呼您/);
    expect((await session(user)).answers.slot).toMatchObject({ day: '2026-12-02', time: '09:00' });
  });

  it('another answer at the time question: the held time is not booked (下午 lists the afternoon)', async () => {
    const user = someone('held-other');
    await converse(t.chat, user)
      .send('我想约个律师 明天9点')
      .sendAll(...TO_TIME)
      .send('下午')
      .expect(/12月2日（周三）下午还能约的时间/);
    const s = await session(user);
    expect(s.answers.slot).toBeUndefined();
    expect(s.answers.slotAt).toBeUndefined();
  });
});

describe('late at night', () => {
  it('后天9点 at 00:30, then 周四: 12月3日 9:00 (the time kept)', async () => {
    clock.set(NIGHT);
    const user = someone('night-after');
    await converse(t.chat, user)
      .sendAll('我想约个律师', ...TO_TIME)
      .send('后天9点')
      .expect(/现在是凌晨，您说的「后天」是12月2日（周三）还是12月3日（周四）/)
      .send('周四')
      .expect(/怎么称呼您/);
    expect((await session(user)).answers.slot).toMatchObject({ day: '2026-12-03', time: '09:00' });
  });

  it('明天9点 at 00:30, then 周三下午: the afternoon listed, never 9:00 booked', async () => {
    clock.set(NIGHT);
    const user = someone('night-part');
    await converse(t.chat, user)
      .sendAll('我想约个律师', ...TO_TIME)
      .send('明天9点')
      .expect(/您说的「明天」/)
      .send('周三下午')
      .expect(/12月2日（周三）下午还能约的时间/);
    expect((await session(user)).answers.slot).toBeUndefined();
  });
});

describe('the phone question', () => {
  it('一三七零零零零一一一一: read back whole, confirmed before it counts', async () => {
    const user = someone('phone-words');
    await converse(t.chat, user)
      .sendAll('我想约个律师', ...TO_TIME, '1', '王芳')
      .send('一三七零零零零一一一一')
      .expect(/13700001111.*对吗/);
    expect((await session(user)).answers.phone).toBeUndefined();
    await converse(t.chat, user).send('对').expect(/请核对/);
    expect((await session(user)).answers.phone).toBe('13700001111');
  });
});

describe('the employer address question', () => {
  const TO_ADDRESS = ['老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙', '新塘', '不是', '6000', '就我一个', '还在干'];
  for (const later of ['等会发', '等一下再发']) {
    it(`${later}: left empty for now, how to send it later said, the next question`, async () => {
      const user = someone('address-later');
      await converse(t.chat, user)
        .sendAll(...TO_ADDRESS)
        .send(later)
        .expect(/这项先空着.*回复「补充」/)
        .expect(/工种/);
      const s = await session(user);
      expect(s.answers.employerAddress ?? null).toBeNull();
    });
  }
});

describe('the ID question', () => {
  it('身份证丢了 twice: the second time not the same words, but 回头再填 and 人工', async () => {
    const user = someone('id-lost');
    const first = await converse(t.chat, user).sendAll('我想入会', '1', '王芳', '对', '1', '1').send('身份证丢了').expect(/号码是不会变的/);
    expect(first.text).toBeTruthy();
    await converse(t.chat, user).send('身份证丢了').expectNot(/号码是不会变的/).expect(/回头再填.*人工/);
  });
});

describe('two windows, or as late as can be, at the time question', () => {
  it('周四上午或者周五下午: both windows offered (Thursday morning, Friday afternoon), nothing booked', async () => {
    const user = someone('windows');
    const r = await converse(t.chat, user)
      .sendAll('我想约个律师', ...TO_TIME)
      .send('周四上午或者周五下午')
      .expect(/12月3日（周四）上午或12月4日（周五）下午还能约的时间/)
      .expect(/12月3日（周四） 09:00-09:30/)
      .expect(/12月4日（周五） 14:00-14:30/)
      .expectNot(/12月4日（周五） 09:00|12月3日（周四） 14:00/);
    expect(r.text).toBeTruthy();
    expect((await session(user)).answers.slot).toBeUndefined();
  });

  it('越晚越好: each day\'s latest free time offered, nothing booked', async () => {
    const user = someone('latest');
    await converse(t.chat, user)
      .sendAll('我想约个律师', ...TO_TIME)
      .send('越晚越好')
      .expect(/每天最晚能约的时间/)
      .expect(/12月2日（周三） 17:00-17:30/);
    expect((await session(user)).answers.slot).toBeUndefined();
  });
});

describe('nothing to add', () => {
  it('没什么要补充的 at the evidence question: as 没有, the next question (never 「答不上来」)', async () => {
    const user = someone('nothing-more');
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙', '新塘', '不是', '6000', '就我一个', '还在干', '都跳过')
      .send('没什么要补充的')
      .expectNot(/答不上来/)
      .expect(/怎么称呼您/);
  });
});

describe('wording', () => {
  it('不想说 at the headcount: 「这个说个大概就行」, never 「这一项要知道个大概」', async () => {
    const user = someone('refused');
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙', '新塘', '不是', '6000')
      .send('不想说')
      .expect(/理解您的顾虑。这个说个大概就行/)
      .expectNot(/这一项要知道个大概/);
  });
});

describe('the membership unit question', () => {
  const TO_UNIT = ['我想入会', '1', '王芳', '对', '1', '1', '450103199001011238', '13700001111', '1'];
  it('我是自己干的: both readings told, the way back offered; employment not changed', async () => {
    const user = someone('on-my-own');
    await converse(t.chat, user)
      .sendAll(...TO_UNIT)
      .send('我是自己干的')
      .expect(/自己接活干、没有固定单位的.*改选2.*自己开店当老板的/)
      .expectNot(/您是要改成/);
    expect((await session(user)).answers.employment).toBe('employee');
  });

  it('自己开店的 (guard): the shop owner answer as before', async () => {
    const user = someone('own-shop');
    await converse(t.chat, user).sendAll(...TO_UNIT).send('自己开店的').expect(/店主本人一般不办理入会/);
  });
});
