/*
 * A lawyer wished for beside a question the knowledge base answers (`想找个律师问问 老板不给工资怎么办`): the answer
 * came, then only the report it leads to was offered, and the wish was lost (不用了 ended with 「有需要随时找我」).
 * Now the answer is given and the booking wished for offered; the report stays the alternative after a no
 * (s.also / offerInstead), with the months and the sum said for it. Questions ABOUT lawyers keep their answers.
 */
import { describe, expect, it } from 'vitest';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');
const WAGE_ANSWER = /别着急，有几条路/;
const BOOKING_OFFERED = /您说想找律师：可以在这里「预约法律援助」/;
const LEGAL_CONSENT = /预约法律援助前，需要您同意/;
const WAGE_CONSENT = /反映欠薪前，需要您同意/;
const FACTS_BACK = /我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」、拖欠金额「12,000元」/;

describe('a lawyer wished for beside a question', () => {
  it('`想找个律师问问 老板不给工资怎么办`: the answer, then the booking offered; 好的 opens it', async () => {
    await converse(t.chat, 'web:lw1')
      .send('想找个律师问问 老板不给工资怎么办')
      .expect(WAGE_ANSWER)
      .expect(BOOKING_OFFERED)
      .expectNot(/要我帮您登记欠薪/)
      .send('好的')
      .expect(LEGAL_CONSENT);
  });

  it('`想咨询律师 …三个月…一万二怎么办`, booking declined: the report offered instead, the months and sum kept', async () => {
    await converse(t.chat, 'web:lw2')
      .send('想咨询律师 老板欠我三个月工资一万二怎么办')
      .expect(WAGE_ANSWER)
      .expect(BOOKING_OFFERED)
      .send('不用了')
      .expect(/您问的另一件事，可以在这里「反映欠薪」/)
      .expectNot(/有需要随时找我/)
      .send('好的')
      .expect(WAGE_CONSENT)
      .send('同意')
      .expect(FACTS_BACK);
  });

  it('the same, the booking taken: its matter (欠薪) confirmed after its consent', async () => {
    await converse(t.chat, 'web:lw3')
      .send('想咨询律师 老板欠我三个月工资一万二怎么办')
      .expect(BOOKING_OFFERED)
      .send('好的')
      .expect(LEGAL_CONSENT)
      .send('同意')
      .expect(/咨询的事「欠薪」/);
  });

  it('`我要登记欠薪` at the booking offered: the report, with the months and sum the first message said', async () => {
    await converse(t.chat, 'web:lw4')
      .send('想咨询律师 老板欠我三个月工资一万二怎么办')
      .expect(BOOKING_OFFERED)
      .send('我要登记欠薪')
      .expect(WAGE_CONSENT)
      .send('同意')
      .expect(FACTS_BACK);
  });

  it('the wish said after the question, or as the message opens (`想问问律师老板不给工资怎么办`)', async () => {
    await converse(t.chat, 'web:lw5').send('老板不给工资怎么办 想找个律师问问').expect(WAGE_ANSWER).expect(BOOKING_OFFERED);
    await converse(t.chat, 'web:lw6').send('想问问律师老板不给工资怎么办').expect(WAGE_ANSWER).expect(BOOKING_OFFERED);
  });

  // guard: the wish alone still starts the booking at once.
  it('`想找个律师问问` alone starts the booking', async () => {
    await converse(t.chat, 'web:lw7').send('想找个律师问问').expect(/您想找工会律师咨询/).expect(LEGAL_CONSENT);
  });

  // guard: questions ABOUT lawyers keep their answers and today's offer (never the wished-for wording).
  it.each([
    ['律师费贵不贵', /法律援助是免费的/, 'q1'],
    ['你们的律师是哪来的', /工会律师是工会为职工安排的律师/, 'q2'],
    ['律师说我这个情况可以申请仲裁 是真的吗', /工会律师是工会为职工安排的律师/, 'q3'],
    ['请律师打官司要多久', /劳动纠纷一般先仲裁/, 'q4'],
  ])('`%s` is a question about lawyers, not a wish', async (text, answer, id) => {
    await converse(t.chat, `web:lw-${id}`).send(text).expect(answer).expect(/要帮您预约工会律师吗？/).expectNot(BOOKING_OFFERED);
  });

  // guard: no wish of one's own (`我不想找律师`, `朋友说要找律师`): the answer and the report offered, as before.
  it.each([
    ['我不想找律师 老板不给工资怎么办', 'n1'],
    ['朋友说要找律师 老板不给工资怎么办', 'n2'],
  ])('`%s` is no wish for a booking', async (text, id) => {
    await converse(t.chat, `web:lw-${id}`).send(text).expect(WAGE_ANSWER).expect(/要我帮您登记欠薪/).expectNot(BOOKING_OFFERED);
  });

  // guard: only asking (`我就想问问律师`) is told where the report is, as before; nothing pushed.
  it('`我就想问问律师 老板不给工资怎么办` stays a "just asking"', async () => {
    await converse(t.chat, 'web:lw8').send('我就想问问律师 老板不给工资怎么办').expect(WAGE_ANSWER).expect(/需要时回复「反映欠薪」/).expectNot(BOOKING_OFFERED);
  });

  // guard: in the middle of a report, the same words are answered and the report goes on; nothing they say is stored.
  it('at a report question, `想咨询律师 老板欠我三个月工资一万二怎么办` does not derail it nor store a value', async () => {
    await converse(t.chat, 'web:lw9')
      .sendAll('我要反映欠薪', '同意', '宏达建筑公司')
      .send('想咨询律师 老板欠我三个月工资一万二怎么办')
      .expect(WAGE_ANSWER)
      .expect(/我们接着填「反映欠薪」/)
      .expect(/哪个镇或街道/);
    const s = await session('web:lw9');
    expect(s.flowId).toBe('wage');
    expect(s.answers).not.toHaveProperty('period');
    expect(s.answers).not.toHaveProperty('amount');
    expect(s.pending).toBeNull();
  });
});
