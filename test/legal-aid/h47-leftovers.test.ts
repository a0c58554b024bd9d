/*
 * Leftovers (h47), as transcripts on real Redis. Today is Tuesday 1 December 2026, 10:00.
 *  - A day still to come this year (`12月5日`) at 「我理解的是：咨询的事「工伤」。对吗？」: said why, read as last
 *    year's and confirmed with 工伤 (never 「请回复「对」或「不对」」 and then 工伤 dropped for it).
 *    So too the day they left (`11月20号`, `12月5号`) at 「咨询的事「劳动合同」。对吗？」 once 被开除 was said.
 *  - `我被开除了 没给工资 想找律师`: the matter question asks which of the two matters said to book (never the plain
 *    list, as if nothing was said); `都有` there: why one is picked, from those two.
 *  - A photo at the wage report's summary (「请核对…」): asked whether it goes to 证据材料; kept on a yes (the file
 *    goes with the report), let go on a no (no file left behind). At a summary that takes no files (the legal-aid
 *    booking): said so, never passed over without a word.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), Buffer.alloc(256, 7), Buffer.from([0xff, 0xd9])]);

/** To 「我理解的是：咨询的事「工伤」。对吗？」. */
const injuryConfirm = (user: string) => converse(t.chat, user).sendAll('我工伤了想找律师', '同意').expect(/我理解的是：咨询的事「工伤」。对吗？/);

const LAST_YEAR = /今年的12月5日还没到，您说的应该是2025年12月5日。/;
const BOTH = /我理解的是：咨询的事「工伤」、受伤日期「2025年12月5日受伤，工伤认定申请期限到2026年12月5日（加急）」。对吗？/;

describe('a day not yet come while 工伤 waits for its yes', () => {
  it('「12月5日」: why, last year\'s day confirmed with 工伤; a yes keeps both', async () => {
    await injuryConfirm('web:a1')
      .send('12月5日')
      .expect(LAST_YEAR)
      .expect(BOTH)
      .expectNot(/请回复「对」或「不对」/)
      .send('对')
      .expect(/您还在这家单位干吗？/);
    expect((await session('web:a1')).answers).toMatchObject({ matter: 'injury', injury: { on: '2025-12-05' } });
  });

  it('「12月5日」 twice: 工伤 never dropped', async () => {
    await injuryConfirm('web:a2').send('12月5日').expect(BOTH).send('12月5日').expectNot(/先不记/).expectNot(/您想咨询什么事？/);
    const s = await session('web:a2');
    expect(s.answers.matter ?? s.pending?.values.matter).toBe('injury');
  });

  it('「12月5号摔伤的」: the day is not lost (it was dropped unsaid, the injury day asked again)', async () => {
    await injuryConfirm('web:a3').send('12月5号摔伤的').expect(LAST_YEAR).expect(BOTH).expectNot(/您是哪天受伤的？/);
  });

  it('「不对」 then 受伤日期: 工伤 kept, the injury day asked again', async () => {
    await injuryConfirm('web:a4')
      .send('12月5号吧')
      .expect(BOTH)
      .send('不对')
      .expect(/哪一项不对？/)
      .send('受伤日期')
      .expect(/受伤日期先不记，其他的记下了/)
      .expect(/您是哪天受伤的？/);
    const s = await session('web:a4');
    expect(s.answers.matter).toBe('injury');
    expect(s.answers.injury).toBeUndefined();
  });

  // guard: a day already past is taken with 工伤 as before (h42), with no word of a day to come.
  it('「11月20日」: this year\'s day, confirmed with 工伤', async () => {
    await injuryConfirm('web:a5').send('11月20日').expect(/咨询的事「工伤」、受伤日期「2026年11月20日受伤/).expectNot(/还没到/);
  });
});

describe('the day they left while 劳动合同 (被开除) waits for its yes', () => {
  const contractConfirm = (user: string) => converse(t.chat, user).sendAll('我被开除了想找律师', '同意').expect(/我理解的是：咨询的事「劳动合同」。对吗？/);

  it('「11月20号」: the day they left, confirmed with 劳动合同 (it was 「请回复「对」或「不对」」, then 劳动合同 dropped)', async () => {
    await contractConfirm('web:l1')
      .send('11月20号')
      .expect(/我理解的是：咨询的事「劳动合同」、在职情况「2026年11月20日离开，仲裁时效到2027年11月20日」。对吗？/)
      .send('对');
    expect((await session('web:l1')).answers).toMatchObject({ matter: 'contract', limit: { leftOn: '2026-11-20' } });
  });

  it('「12月5号」 twice: why, last year\'s day confirmed; 劳动合同 never dropped', async () => {
    await contractConfirm('web:l2')
      .send('12月5号')
      .expect(LAST_YEAR)
      .expect(/咨询的事「劳动合同」、在职情况「2025年12月5日离开，仲裁时效到2026年12月5日（加急）」。对吗？/)
      .send('12月5号')
      .expectNot(/先不记/);
    const s = await session('web:l2');
    expect(s.answers.matter ?? s.pending?.values.matter).toBe('contract');
  });
});

describe('two matters in the first message', () => {
  it('「我被开除了 没给工资 想找律师」: which of 欠薪 and 劳动合同 is asked; the one picked is booked, having left kept', async () => {
    await converse(t.chat, 'web:b1')
      .send('我被开除了 没给工资 想找律师')
      .send('同意')
      .expect(/您说的有「欠薪」和「劳动合同」两件事，咨询时都可以跟律师说。预约先记一件主要的，请选：/)
      .check((replies) => {
        const last = replies.at(-1);
        expect(last?.type === 'text' ? last.options?.map((o) => o.label) : null).toEqual(['欠薪', '劳动合同']);
      })
      .send('2')
      .expect(/是哪天离开的？/);
    const a = (await session('web:b1')).answers;
    expect(a.matter).toBe('contract');
    expect(a.limitLeft).toBe(true);
  });

  it('「都有」 there: one is booked, both can be told; the numbers are those two', async () => {
    await converse(t.chat, 'web:b2')
      .sendAll('我被开除了，工资也没结，想约个律师', '同意')
      .expect(/「欠薪」和「劳动合同」两件事/)
      .send('都有')
      .expect(/两件事咨询时都可以说，预约先记一件主要的，请回复数字选择：1 欠薪、2 劳动合同。/)
      .expectNot(/5 其他/)
      .send('欠薪')
      .expect(/是哪天离开的？/);
    expect((await session('web:b2')).answers.matter).toBe('wage');
  });

  // guard: one matter named is confirmed as before.
  it('「我被开除了想找律师」: 劳动合同, confirmed', async () => {
    await converse(t.chat, 'web:b3').sendAll('我被开除了想找律师', '同意').expect(/我理解的是：咨询的事「劳动合同」。对吗？/);
  });
});

describe('a photo at the wage report\'s summary', () => {
  const SUMMARY = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111'];
  const files = () => readdirSync(t.evidenceDir);

  it('asked whether it goes to 证据材料; 加上: shown on the summary and sent with the report', async () => {
    await converse(t.chat, 'web:c1')
      .sendAll(...SUMMARY)
      .expect(/请核对您要反映的欠薪情况/)
      .sendFile('工资条.jpg', JPEG, 'image/jpeg')
      .expect(/收到「工资条\.jpg」。要把它加到证据材料里吗？/)
      .expectNot(/请回复「确认」提交/)
      .send('加上')
      .expect(/证据材料：1份（工资条\.jpg）/)
      .send('确认')
      .expect(/提交成功/);
    const [c] = await t.core.cases.listByUser('web:c1');
    expect(c!.evidence.map((e) => e.name)).toEqual(['工资条.jpg']);
    expect(files()).toEqual([c!.evidence[0]!.id]);
  });

  it('two photos, then 1: both added', async () => {
    await converse(t.chat, 'web:c2')
      .sendAll(...SUMMARY)
      .sendFile('工资条.jpg', JPEG, 'image/jpeg')
      .sendFile('聊天记录.jpg', JPEG, 'image/jpeg')
      .expect(/收到「工资条\.jpg」、「聊天记录\.jpg」。要把这些加到证据材料里吗？加上以后证据材料一共2份。/)
      .send('1')
      .expect(/证据材料：2份/);
  });

  it('不用加: the summary as it was, and no file kept', async () => {
    await converse(t.chat, 'web:c3')
      .sendAll(...SUMMARY)
      .sendFile('自拍.jpg', JPEG, 'image/jpeg')
      .expect(/要把它加到证据材料里吗？/)
      .send('不用加')
      .expect(/证据材料没有改/)
      .expect(/请核对您要反映的欠薪情况/)
      .expectNot(/自拍/);
    expect((await session('web:c3')).answers.evidence).toEqual([]);
    expect(files()).toEqual([]);
  });

  it('at the legal-aid booking\'s summary (no files there): said so, nothing kept', async () => {
    await converse(t.chat, 'web:c4')
      .sendAll('我想找律师', '同意', '欠薪', '还在干', '电话咨询', '东龙镇', '1', '王芳', '13700001111')
      .expect(/请核对您的预约/)
      .sendFile('工资条.jpg', JPEG, 'image/jpeg')
      .expect(/这一步需要文字回答，不用发文件。/)
      .expect(/请回复「确认」提交/);
    expect(files()).toEqual([]);
  });
});
