/*
 * Booking legal aid and joining the union, in workers' own words (h76), on Tuesday 1 December 2026 at 10:00:
 *  - `还是预约律师吧` / `预约律师` after putting a booking aside for the wage report started a fresh booking over the
 *    saved one (its time and contact lost, though 「可以接着填」 had been said); now that booking goes on where it
 *    stopped, the report saved in its place, its unconfirmed 「干活的地方」 said to wait.
 *  - At the times: `这周五以后都行`, `周五以后`, `下周二之后` were not understood (「请回复时间前面的数字」): now the
 *    times from that day on, the day said back. `哪天都行`, `我都有空`, `时间无所谓` were not understood either: now
 *    the earliest time proposed for a yes. `都行` at next week's times proposed 12月2日 (this week): now the first of
 *    next week's shown.
 *  - `这个必须填吗`, `能不能不填` at any question got 「这个问题我还答不上来」: now whether it must be filled in
 *    (why, or 「跳过」 where it may be left out).
 *  - `随便` at the contact's name was proposed as the name 「随便」; `不想说` at a name or phone number was told
 *    「这个说个大概就行」. `线下` at the way to meet was not understood.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');

/** Up to the times of 河西街道工会驿站 (a wage matter, still employed). */
const TO_TIMES = ['我想找律师', '同意', '欠薪', '还在干', '1', '河西街道', '1'] as const;
/** Up to the contact's name (12月2日 14:00 picked). */
const TO_NAME = [...TO_TIMES, '1'] as const;
/** Joining: up to the name. */
const TO_JOIN_NAME = ['我想加入工会', '同意', '同意', '1'] as const;
const NOT_KNOWN = /这个问题我还答不上来/;
const MUST_FILL = /这一项要填，没有它没法往下办/;

describe('switching away from a booking and back', () => {
  it.each([
    ['还是预约律师吧', 'sw1'],
    ['预约律师', 'sw2'],
  ])('`%s` after 算了 我先反映欠薪: the saved booking goes on (time, contact kept), never a fresh one', async (back, id) => {
    await converse(t.chat, `web:h76-${id}`)
      .sendAll(...TO_NAME, '王芳')
      .expect(/您的手机号是多少/)
      .send('算了 我先反映欠薪')
      .expect(/「预约法律援助」已保存/)
      .sendAll('同意', '好再来饭店')
      .expect(/干活的地方「河西街道」。对吗/)
      .send(back)
      .expect(/我们接着填「预约法律援助」/)
      .expect(/刚才的干活的地方还没确认，接着填时再跟您核对/)
      .expect(/您的手机号是多少/)
      .expectNot(/需要您同意我们收集/);
    const s = await session(`web:h76-${id}`);
    expect(s.flowId).toBe('legal');
    expect(s.answers).toMatchObject({ contactName: '王芳', matter: 'wage' });
    expect((s.answers as { slot?: { day: string; time: string } }).slot).toMatchObject({ day: '2026-12-02', time: '14:00' });
    expect(s.draft?.flowId).toBe('wage');
    await converse(t.chat, `web:h76-${id}`)
      .send('13700001111')
      .expect(/时间：12月2日（周三） 14:00-14:30/)
      .expect(/联系人：王芳/)
      .send('反映欠薪')
      .expect(/我们接着填「反映欠薪」/)
      .expect(/干活的地方「河西街道」。对吗/);
  });

  // guard: the service's own name (`预约法律援助`) still picks the saved booking up, as before.
  it('`预约法律援助` at the report\'s consent: the saved booking goes on', async () => {
    await converse(t.chat, 'web:h76-sw3')
      .sendAll(...TO_NAME, '王芳', '算了 我先反映欠薪')
      .send('预约法律援助')
      .expect(/我们接着填「预约法律援助」/)
      .expect(/您的手机号是多少/);
  });
});

describe('the way to meet', () => {
  it('`线下` is face to face (it was 「请回复数字选择」)', async () => {
    await converse(t.chat, 'web:h76-md1')
      .sendAll('我想找律师', '同意', '欠薪', '还在干')
      .expect(/您想怎么咨询/)
      .send('线下')
      .expectNot(/请回复数字选择/)
      .expect(/您在哪个镇或街道/);
    expect((await session('web:h76-md1')).answers).toMatchObject({ mode: 'in_person' });
  });
});

describe('when they can come, said in their own words', () => {
  it.each([
    ['这周五以后都行', /这周五是12月4日（周五）/, '2026-12-04', 'f1'],
    ['周五以后', /周五是12月4日（周五）/, '2026-12-04', 'f2'],
    ['下周二之后吧', /下周二是12月8日（周二）/, '2026-12-08', 'f3'],
  ])('`%s`: the times from that day on, the day said back; nothing picked', async (said, reading, from, id) => {
    await converse(t.chat, `web:h76-${id}`)
      .sendAll(...TO_TIMES)
      .send(said)
      .expect(reading)
      .expect(/从这天起还能约的时间/)
      .expectNot(/请回复时间前面的数字/)
      .expectNot(/12月2日（周三） 14:00/);
    const s = await session(`web:h76-${id}`);
    expect(s.answers).not.toHaveProperty('slot');
    expect(String((s.answers as { slotFrom?: string }).slotFrom)).toBe(new Date(Date.parse(`${from}T00:00:00+08:00`) - 1000).toISOString());
  });

  it.each([
    ['哪天都行', 'a1'],
    ['我都有空', 'a2'],
    ['时间无所谓', 'a3'],
  ])('`%s`: the earliest time proposed, kept only on a yes', async (said, id) => {
    await converse(t.chat, `web:h76-${id}`)
      .sendAll(...TO_TIMES)
      .send(said)
      .expect(/最早能约的是12月2日（周三） 14:00-14:30/)
      .expect(/对吗/);
    const s = await session(`web:h76-${id}`);
    expect(s.answers).not.toHaveProperty('slot');
    await converse(t.chat, `web:h76-${id}`).send('对').expect(/怎么称呼您/);
    expect(((await session(`web:h76-${id}`)).answers as { slot?: { day: string } }).slot).toMatchObject({ day: '2026-12-02', time: '14:00' });
  });

  it('`下周都行` then `都行`: the first of next week\'s times proposed, never this week\'s', async () => {
    await converse(t.chat, 'web:h76-w1')
      .sendAll(...TO_TIMES, '下周都行')
      .send('都行')
      .expect(/上面这些时间里最早的是12月7日（周一） 14:00-14:30/)
      .expectNot(/12月2日/);
    expect((await session('web:h76-w1')).answers).not.toHaveProperty('slot');
  });

  // guard: `越快越好` is the earliest of all, whatever list is shown.
  it('`下周都行` then `越快越好`: the earliest time of all', async () => {
    await converse(t.chat, 'web:h76-w2').sendAll(...TO_TIMES, '下周都行').send('越快越好').expect(/最早能约的是12月2日（周三） 14:00-14:30/);
  });

  // guard: a past day and a holiday are explained, with the nearest times offered; nothing picked.
  it.each([
    ['11月20号', /11月20日（周五）已经过去了/, 'p1'],
    ['元旦', /元旦假期，不安排咨询/, 'p2'],
    ['周末行不行', /是周末，不安排咨询/, 'p3'],
  ])('`%s` is explained, nothing picked', async (said, why, id) => {
    await converse(t.chat, `web:h76-${id}`).sendAll(...TO_TIMES).send(said).expect(why);
    expect((await session(`web:h76-${id}`)).answers).not.toHaveProperty('slot');
  });
});

describe('`这个必须填吗` at a question', () => {
  it.each([
    ['这个必须填吗', [...TO_NAME], /律师或检察官联系您/, /怎么称呼您/, 'm1'],
    ['能不能不填', [...TO_NAME, '王芳'], /11位手机号/, /您的手机号是多少/, 'm2'],
    ['这个必须填吗', [...TO_JOIN_NAME], /写身份证上的姓名/, /要和身份证上的一致/, 'm3'],
    ['不填行不行', [...TO_JOIN_NAME, '王芳', '450102199001011231', '13700001111'], /在一家单位上班/, /您现在是怎么工作的/, 'm4'],
    ['这个必须填吗', ['老板欠我工资', '同意'], /写营业执照上的公司名最好/, /欠您工资的单位叫什么名字/, 'm5'],
  ])('`%s`: it must, why, and a person offered; the question again, nothing kept', async (said, before, why, again, id) => {
    await converse(t.chat, `web:h76-${id}`)
      .sendAll(...before)
      .send(said)
      .expect(MUST_FILL)
      .expect(why)
      .expect(/回复「人工」/)
      .expect(again)
      .expectNot(NOT_KNOWN);
    expect((await session(`web:h76-${id}`)).pending).toBeNull();
  });

  it('at a question that may be skipped (the leaving day): 回复「跳过」 said', async () => {
    await converse(t.chat, 'web:h76-m6')
      .sendAll('我想找律师', '同意', '欠薪')
      .expect(/可回复「跳过」/)
      .send('这个必须填吗')
      .expect(/这一项不是必须的。不知道或者不想填，回复「跳过」就行/)
      .expectNot(NOT_KNOWN);
    expect((await session('web:h76-m6')).answers).not.toHaveProperty('limit');
  });

  // guard: the ID question's own answer stays.
  it('at the ID number, its own answer (入会一定要填)', async () => {
    await converse(t.chat, 'web:h76-m7').sendAll(...TO_JOIN_NAME, '王芳').send('这个必须填吗').expect(/入会一定要填/);
  });
});

describe('names and numbers not given', () => {
  it('`随便` at the contact\'s name is no name (never proposed as 「随便」)', async () => {
    await converse(t.chat, 'web:h76-n1').sendAll(...TO_NAME).send('随便').expectNot(/联系人「随便」/).expect(/请输入您的姓名/);
    const s = await session('web:h76-n1');
    expect(s.answers).not.toHaveProperty('contactName');
    expect(s.pending).toBeNull();
  });

  it.each([
    [[...TO_NAME], 'n2'],
    [[...TO_NAME, '王芳'], 'n3'],
    [[...TO_JOIN_NAME], 'n4'],
  ])('`不想说` at a name or a phone number: why it is needed, never 「说个大概就行」', async (before, id) => {
    await converse(t.chat, `web:h76-${id}`).sendAll(...before).send('不想说').expect(/这一项要填/).expect(/回复「人工」/).expectNot(/说个大概/);
  });
});
