/*
 * Words of choice while booking legal aid (h109), as transcripts on real Redis. Today is Tuesday 1 December 2026, 10:00.
 *  - At the list of free times: `我换个时间`, `能换个时间吗` got the generic 「请回复时间前面的数字」 (twice before anything
 *    else); now 「更多」 and a day are offered. `离我近的` got the same; now where the place is chosen and how to change it
 *    (「改服务点」, or the town for a call). Nothing is picked.
 *  - At 「咨询的事「劳动合同」。对吗？」: `都行` then `越快越好` dropped the matter and asked it again. `越快越好` is a
 *    wish about the time: said back, the same confirmation again, the matter kept.
 *  - At the matter question and the way to consult: `都行`, `离我近的`, `越快越好` got only 「请回复数字选择」; now an
 *    answer that fits, and the same question (nothing picked for them).
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session, booked } = chatOnClock(NOW);

/** A labour-contract matter, still employed, in person, 东龙镇, its station: at the list of times. */
const TO_POINT_SLOTS = ['我想约个律师', '同意', '劳动合同', '还在干', '到服务点面谈', '东龙镇', '1'];
/** The same by phone: at the list of times. */
const TO_PHONE_SLOTS = ['我想约个律师', '同意', '劳动合同', '还在干', '电话咨询', '东龙镇'];

describe('at the list of free times', () => {
  it('「我换个时间」: 「更多」 and a day offered at once, never the generic hint; nothing picked', async () => {
    await converse(t.chat, 'web:c1')
      .sendAll(...TO_POINT_SLOTS)
      .expect(/最近的空闲时间/)
      .send('我换个时间')
      .expectNot(/请回复时间前面的数字/)
      .expect(/换个时间：想看更晚的时间，回复「更多」；也可以直接说哪天方便，例如「12月\d+日」/)
      .expect(/1\. 12月/);
    const s = await session('web:c1');
    expect(s.fieldId).toBe('slot');
    expect(s.answers.slot).toBeUndefined();
    expect(await booked('web:c1')).toEqual([]);
  });

  it('「能换个时间吗」 by phone: the same; 「更多」 then shows later times', async () => {
    await converse(t.chat, 'web:c2')
      .sendAll(...TO_PHONE_SLOTS)
      .expect(/电话咨询最近的空闲时间/)
      .send('能换个时间吗')
      .expect(/回复「更多」；也可以直接说哪天方便/)
      .send('更多')
      .expect(/更晚一些的空闲时间/);
  });

  it('「离我近的」 at a point\'s times: the point chosen is named, and 「改服务点」 said; nothing picked', async () => {
    await converse(t.chat, 'web:c3')
      .sendAll(...TO_POINT_SLOTS)
      .send('离我近的')
      .expectNot(/请回复时间前面的数字，例如/)
      .expect(/服务点已经选了东龙镇[^；]*；想换离您更近的，回复「改服务点」/)
      .send('改服务点')
      .expect(/服务点如下，请选一个/);
    expect(await booked('web:c3')).toEqual([]);
  });

  it('「离我近的」 by phone: no trip, the town it goes by and 「改镇街」', async () => {
    await converse(t.chat, 'web:c4')
      .sendAll(...TO_PHONE_SLOTS)
      .send('离我近的')
      .expect(/电话咨询不用跑路，律师按您所在的镇街（东龙镇）安排；镇街不对的话，回复「改镇街」/);
    expect((await session('web:c4')).answers.slot).toBeUndefined();
  });

  // guard: a narrowed list (after 「更多」) still goes back to its start at 「换个时间」, as before.
  it('「换个时间」 after 「更多」: the list from its start again', async () => {
    await converse(t.chat, 'web:c5').sendAll(...TO_POINT_SLOTS, '更多').send('换个时间').expect(/最早的空闲时间/);
  });
});

describe('at 「咨询的事「劳动合同」。对吗？」', () => {
  it('「都行」 then 「越快越好」: the wish said back, the same confirmation again, the matter not dropped; 对 keeps it', async () => {
    await converse(t.chat, 'web:m1')
      .sendAll('劳动合同的事想约个律师', '同意')
      .expect(/咨询的事「劳动合同」。对吗？/)
      .send('都行')
      .send('越快越好')
      .expectNot(/先不记/)
      .expect(/好的，会尽快给您约/)
      .expect(/咨询的事「劳动合同」。对吗？/)
      .send('对')
      .expectNot(/您想咨询什么事/);
    expect((await session('web:m1')).answers.matter).toBe('contract');
  });

  it('「离我近的」 there: the point said to come later, the confirmation again', async () => {
    await converse(t.chat, 'web:m2')
      .sendAll('劳动合同的事想约个律师', '同意', '离我近的')
      .expect(/后面会按您所在的镇街找离您最近的服务点/)
      .expect(/咨询的事「劳动合同」。对吗？/)
      .expectNot(/先不记/);
  });
});

describe('at the matter question and the way to consult', () => {
  it('「都行」, 「离我近的」, 「越快越好」 at the matter: each answered, the question again, no matter picked', async () => {
    await converse(t.chat, 'web:q1')
      .sendAll('我想约个律师', '同意')
      .send('都行')
      .expectNot(/请回复数字选择/)
      .expect(/选最要紧的一个/)
      .expect(/您想咨询什么事？/)
      .send('离我近的')
      .expect(/后面会按您所在的镇街找离您最近的服务点/)
      .expect(/您想咨询什么事？/)
      .send('越快越好')
      .expect(/最早能约的时间排在最前面/)
      .expect(/您想咨询什么事？/);
    const s = await session('web:q1');
    expect(s.fieldId).toBe('matter');
    expect(s.answers.matter).toBeUndefined();
  });

  it('「离我近的」 at the way to consult: what it means for each way, no way picked', async () => {
    await converse(t.chat, 'web:q2')
      .sendAll('我想约个律师', '同意', '劳动合同', '还在干')
      .expect(/您想怎么咨询？/)
      .send('离我近的')
      .expectNot(/请回复数字选择/)
      .expect(/到服务点面谈的话，下一步按您所在的镇街找离您最近的服务点；电话咨询、视频咨询不用跑路。请选一个/);
    const s = await session('web:q2');
    expect(s.fieldId).toBe('mode');
    expect(s.answers.mode).toBeUndefined();
  });

  // guard: `都行` at the way to consult proposes one, taken only with a yes (never picked silently).
  it('「都行」 at the way to consult: a proposal; 「越快越好」 after it picks nothing', async () => {
    await converse(t.chat, 'web:q3')
      .sendAll('我想约个律师', '同意', '劳动合同', '还在干', '都行')
      .expect(/可以吗？/)
      .send('越快越好');
    expect((await session('web:q3')).answers.mode).toBeUndefined();
  });
});
