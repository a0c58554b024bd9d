/**
 * What workers say after staff acted on their case (helper h48), the case a grid worker accepted and then
 * resolved (办结 追回 6000, or 未追回 with a next step), or the procuratorate declined:
 *  - while 「钱收到了吗？」 waits, words about the money that are neither 收到了 nor 没收到 (`说是追回了但我没收到钱`,
 *    `钱还冒到`, `只收到3000`, `收到一半`, `还差三千没给`, `钱嗯收到`): asked back with the two answers, nothing
 *    applied (they were 没太明白, and `还差三千没给` opened a new report's consent);
 *  - with no case open and one just resolved: `追回了多少`, `什么时候办结的`, `谁办的`, `工作人员电话多少`,
 *    `怎么又没人管了` show that case and what it waits for (they were 答不上来, or the list of hotlines);
 *    `我不满意这个结果` / `能不能重新处理` say how 不满意 works; news (`他们只给了一半`) is said to go no further here;
 *    `我要再报一次`, `还差三千没给` ask whether it is another report (they were 没太明白, or a new report's consent);
 *  - at 「您对处理结果满意吗？」, `我不满意这个结果` and `结果不满意` are 不满意 (they were 没太明白);
 *  - `为什么驳回` after the procuratorate declined: the case's steps (it was 答不上来).
 */
import { describe, expect, it } from 'vitest';
import { askForRating } from '../../core/cases/feedback.js';
import type { Case } from '../../core/cases/store.js';
import { chatOnClock } from '../support/clocked.js';
import { actedOn as actedOnBy } from '../support/acted-on.js';
import { staffChat } from '../staff/support.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const { t, clock, session } = chatOnClock(NOW.toISOString());

const someone = (tag: string) => `web:h48-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const get = async (c: Case) => (await t.core.cases.get(c.id))!;

const actedOn = (user: string, command: (no: string) => string[]) => actedOnBy(t, clock, user, command);

const recovered = (user: string) => actedOn(user, (no) => [`办结 ${no} 追回 6000`]);
/** Closed without money; the rating question asked (the outbox does it the next working morning). */
async function notRecovered(user: string) {
  const out = await actedOn(user, (no) => [`办结 ${no} 未追回 老板跑路 下一步 起诉`]);
  await askForRating(t.core, out.c);
  return out;
}

describe('「钱收到了吗？」 waiting: other words about the money are asked back, nothing applied', () => {
  it.each(['说是追回了但我没收到钱', '钱还冒到', '钱还没得到'])('%s: asked whether it has not arrived', async (said) => {
    const user = someone('not');
    const { chat, c } = await recovered(user);
    expect(c.status).toBe('resolved');
    await chat.send(said).expect(/您是说案件 QX\d{8}-\d{4} 追回的6,000元还没收到吗？还没收到请回复「没收到」/).expectNot(/没太明白/);
    expect((await get(c)).status).toBe('resolved');
    expect((await get(c)).receipt?.answer).toBeNull();
    // The plain answer still acts.
    await chat.send('没收到').expect(/已重新打开/);
    expect((await get(c)).receipt?.answer).toBe('not_received');
  });

  it.each(['只收到3000', '收到一半', '他们只给了一半', '钱没给全', '还差三千没给'])('%s: part of it, asked; never 收到了, never a new report', async (said) => {
    const user = someone('part');
    const { chat, c } = await recovered(user);
    // The sum that arrived is asked to be confirmed, or asked for (h51); nothing recorded yet.
    await chat.send(said).expect(/记下的是追回6,000元。您是说只收到了(?:3,000元，还差3,000元吗？|一部分吗？请告诉我收到了多少)/).expectNot(/没太明白|反映欠薪前|同意/);
    const now = await get(c);
    expect([now.status, now.receipt?.answer]).toEqual(['resolved', null]);
    expect((await session(user)).flowId).toBeNull();
    expect(await t.core.cases.listByUser(user, 20)).toHaveLength(1);
  });

  it.each(['钱嗯收到', '收到啦', '收到了6000'])('%s: asked whether it arrived, not taken as 收到了', async (said) => {
    const user = someone('got');
    const { chat, c } = await recovered(user);
    await chat.send(said).expect(/您是说案件 QX\d{8}-\d{4} 追回的6,000元已经收到了吗？收到了请回复「收到了」/);
    expect((await get(c)).receipt?.answer).toBeNull();
  });

  // guard: a bare 收到 is only "OK" (worked before): not asked back, the question still waits.
  it('guard: 收到 alone is an OK, the question still waits', async () => {
    const user = someone('ok');
    const { chat, c } = await recovered(user);
    await chat.send('收到').expectNot(/您是说/);
    expect((await get(c)).receipt?.answer).toBeNull();
  });
});

describe('no case open, one just resolved: questions about it are answered from it', () => {
  it.each(['追回了多少', '什么时候办结的', '谁办的', '工作人员电话多少', '怎么又没人管了', '我不满意这个结果', '能不能重新处理'])('%s: the case and the receipt question', async (said) => {
    const user = someone('asks');
    const { chat, c } = await recovered(user);
    await chat
      .send(said)
      .expect(new RegExp(`${c.caseNo}（反映欠薪，河西街道）\\n状态：已办结`))
      .expect(/已办结，追回工资6,000元/)
      .expect(/追回的钱还没收到的话，请回复「没收到」/)
      .expectNot(/答不上来|没太明白|12333：人社部门/);
    expect((await get(c)).status).toBe('resolved');
  });

  it('工作人员电话多少: said the phone is not given out (not the list of hotlines)', async () => {
    const { chat } = await recovered(someone('phone'));
    await chat.send('工作人员电话多少').expect(/已经办结，工作人员的电话不在这里公开/);
  });

  it.each(['我不满意这个结果', '结果不满意'])('%s at 「满意吗？」: 不满意, the case goes to the township union', async (said) => {
    const user = someone('rate');
    const { chat, c } = await notRecovered(user);
    await chat.send(said).expect(/很抱歉没有让您满意。案件 QX\d{8}-\d{4} 已重新打开/);
    expect((await get(c)).status).toBe('submitted');
  });

  it('重新处理一下 at 「满意吗？」: how 不满意 works, nothing reopened', async () => {
    const user = someone('again');
    const { chat, c } = await notRecovered(user);
    await chat.send('重新处理一下').expect(/已办结，未能追回：老板跑路/).expect(/回复「不满意」，案件会重新打开，交镇（街道）工会复查/);
    expect((await get(c)).status).toBe('resolved');
  });

  it('他们只给了一半 after a close without money: said it goes no further here, nothing noted', async () => {
    const user = someone('news');
    const { chat, c } = await notRecovered(user);
    await chat.send('他们只给了一半').expect(/已经办结了，新的情况在这里没法再转给工作人员/).expectNot(/没太明白/);
    expect((await get(c)).reporterNotes).toEqual([]);
  });

  it.each(['还差三千没给', '我要再报一次'])('%s after a close without money: asked whether it is another report first', async (said) => {
    const user = someone('another');
    const { chat, c } = await notRecovered(user);
    await chat.send(said).expect(new RegExp(`您已经反映过（${c.caseNo}），要再反映另一件欠薪吗？`)).expectNot(/反映欠薪前|没太明白/);
    expect((await session(user)).flowId).toBeNull();
  });
});

describe('the procuratorate declined', () => {
  it.each(['为什么驳回', '为啥子不支持'])('%s: the case’s steps, the decline among them', async (said) => {
    const user = someone('declined');
    const { chat } = await actedOn(user, (no) => [`转检察 ${no} 老板恶意欠薪`]);
    const liaison = await staffChat(t.core, 'liaison-1');
    const [c] = await t.core.cases.listByUser(user, 1);
    await liaison(`不予支持 ${c!.caseNo} 证据不足`);
    await chat.send(said).expect(/检察机关暂不支持起诉，案件回到原工作人员继续办理/).expectNot(/答不上来/);
  });
});
