/*
 * What a worker says after submitting, as probe-2 typed it (N5–N8, N13,
 * N14, N16, N20): a safety alert on a case nobody holds yet pages the
 * township's supervisor on duty at once; 打我老婆的 138… is a call and a
 * new phone, not violence; a second message while «转给…吗？» waits is put
 * with the first and shown again, and `对 再加一句…` passes both; a long
 * (voice) message is read, its first 500 characters kept; being paid, a
 * new phone, being told to go, the boss denying the debt and a settlement
 * offered are each understood; after `我想补充一下`, a greeting or 进度 is
 * no note. Real Redis and workers; the clock fixed at Tuesday 1 December
 * 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { createWageCase } from '../support/cases.js';
import { converse } from '../support/converse.js';
import { eventually, startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { manualClock } from '../../core/infra/clock.js';
import { readCaseMessage } from '../../flows/case-desk.js';
import { staffNotices as notices, submittedAndRouted } from '../support/reports.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ workers: true, clock });
});

const staffNotices = (staffId: string) => notices(t.core, staffId);

describe('reading what is said about the open case', () => {
  it('being paid, a new phone, being told to go, a denied debt and a settlement offered', () => {
    for (const m of ['老板给钱了', '老板发工资了', '老板付清了', '今天发工资了']) expect(readCaseMessage(m), m).toEqual({ kind: 'note', note: 'paid' });
    for (const m of ['老板说下周给钱', '老板答应给钱了', '钱拿到了吗']) expect(readCaseMessage(m), m).not.toEqual({ kind: 'note', note: 'paid' });
    for (const m of ['我换号了 13811112222', '以后打这个电话 13811112222', '我电话停机了 打我老婆的 13811112222', '手机丢了 这是我新号13811112222'])
      expect(readCaseMessage(m), m).toEqual({ kind: 'note', note: 'phone' });
    // A number alone: whose it is, asked (walk round 41), never taken as the person's own.
    expect(readCaseMessage('13811112222')).toEqual({ kind: 'whose-phone' });
    for (const m of ['老板说我再闹就让我滚蛋', '老板叫我明天不用来了']) expect(readCaseMessage(m), m).toEqual({ kind: 'note', note: 'retaliation' });
    // 老板叫… is a name only when a name follows.
    expect(readCaseMessage('老板叫李建国')).toEqual({ kind: 'note', note: 'correction' });
    expect(readCaseMessage('老板说没欠我钱')).toEqual({ kind: 'note', note: 'other', about: 'denied' });
    expect(readCaseMessage('老板不认账')).toEqual({ kind: 'note', note: 'other', about: 'denied' });
    for (const m of ['老板想私了 给我四千 要不要', '老板说只给一半 行不行']) expect(readCaseMessage(m), m).toEqual({ kind: 'note', note: 'other', about: 'settle' });
    // Settled already: a wish to withdraw, as before.
    expect(readCaseMessage('已经私了了')).toEqual({ kind: 'note', note: 'withdraw' });
    // Violence, the boss's threat included.
    for (const m of ['老板打了我两拳', '老板说我再要钱就弄死我', '老板找了几个社会上的人堵我']) expect(readCaseMessage(m), m).toEqual({ kind: 'note', note: 'violence' });
  });

  it('a long message is read whole: urgent words past the 500th character count; a huge one goes on to the conversation', () => {
    const long = `${'老板一直拖着不给钱，我们家里等着用钱。'.repeat(30)}老板说我要是再去告他就把我开除`;
    expect([...long].length).toBeGreaterThan(500);
    expect(readCaseMessage(long)).toEqual({ kind: 'note', note: 'retaliation' });
    expect(readCaseMessage('我想说一下。'.repeat(1000))).toBeNull();
  });
});

describe('safety alerts reach someone now', () => {
  it('a case nobody holds yet: the township supervisor on duty is paged at once, with the phone to call', async () => {
    const c = await createWageCase(t.core, { userKey: 'web:cd1', phone: '13800138000' });
    expect(c.assignee).toBeNull();
    await converse(t.chat, 'web:cd1')
      .send('不想活了')
      .expect(/12356/)
      .expect(new RegExp(`您的案件 ${c.caseNo} 我们在抓紧办，已经请镇（街道）工会的负责人马上打电话给您`))
      .expectNot(/一接手/);
    expect((await t.core.cases.get(c.id))!.reporterNotes).toMatchObject([{ kind: 'safety', urgent: true }]);
    const notice = await eventually(async () => {
      const all = await staffNotices('sup-t01');
      return all.includes('【紧急·当事人留言】') ? all : null;
    }, 8000, "the supervisor's urgent notice");
    expect(notice).toContain(`案件 ${c.caseNo} 的报告人在对话中说了轻生或过激的话，原话：「不想活了」`);
    expect(notice).toContain('案件还没有分派，请您先联系本人。');
    expect(notice).toContain('本人电话：13800138000');
  });

  it('a worker threatening the boss: a calm reply, no report started, and the same alert', async () => {
    const c = await createWageCase(t.core, { userKey: 'web:cd2' });
    const { text } = await converse(t.chat, 'web:cd2')
      .send('再不给钱我就去砍了他')
      .expect(/先冷静一下/)
      .expect(/法律责任/)
      .expect(/110/)
      .expect(/12356/)
      .expect(/已经请镇（街道）工会的负责人马上打电话给您/)
      .expectNot(/反映欠薪前|同意/);
    expect(text).not.toMatch(/我很担心您/);
    expect((await t.core.cases.get(c.id))!.reporterNotes).toMatchObject([{ kind: 'threat', urgent: true, text: '再不给钱我就去砍了他' }]);
    expect((await t.chat.sessions.load('web:cd2', clock.now())).flowId).toBeNull();
  });
});

describe('a second message while «转给…吗？» waits', () => {
  it('is put with the first and shown again; 转 passes both', async () => {
    const c = await createWageCase(t.core, { userKey: 'web:cd3' });
    await converse(t.chat, 'web:cd3')
      .send('说错了 金额应该是8000')
      .expect(/把这条消息转给/)
      .send('老板叫李建国')
      .expect(/跟刚才那条合在一起/)
      .expect(/您要转告的话：「说错了 金额应该是8000；老板叫李建国」/)
      .send('转')
      .expect(/已转给/);
    expect((await t.core.cases.get(c.id))!.reporterNotes.map((n) => n.text)).toEqual(['说错了 金额应该是8000；老板叫李建国']);
  });

  it('`对 再加一句 老板姓李` passes the note with the words added', async () => {
    const c = await createWageCase(t.core, { userKey: 'web:cd4' });
    await converse(t.chat, 'web:cd4').send('说错了 金额应该是8000').expect(/把这条消息转给/).send('对 再加一句 老板姓李').expect(/已转给/);
    expect((await t.core.cases.get(c.id))!.reporterNotes.map((n) => n.text)).toEqual(['说错了 金额应该是8000；老板姓李']);
  });

  it('an urgent second message makes the whole note urgent; 进度 instead says the first was not passed on', async () => {
    const c = await createWageCase(t.core, { userKey: 'web:cd5' });
    await converse(t.chat, 'web:cd5')
      .send('说错了 金额应该是8000')
      .send('老板叫我明天不用来了')
      .expect(/会标为紧急/)
      .send('好')
      .expect(/标为紧急/);
    expect((await t.core.cases.get(c.id))!.reporterNotes).toMatchObject([{ kind: 'retaliation', urgent: true, text: '说错了 金额应该是8000；老板叫我明天不用来了' }]);
    await converse(t.chat, 'web:cd5').send('老板其实姓王').expect(/把这条消息转给/).send('有人管吗').expect(/刚才那条没有转。/).expect(/您的案件/);
    expect((await t.core.cases.get(c.id))!.reporterNotes).toHaveLength(1);
  });
});

describe('a long message and `我想补充一下`', () => {
  it('a long message after submitting is offered as a note (its first 500 characters), urgent when it says so', async () => {
    const c = await createWageCase(t.core, { userKey: 'web:cd6' });
    const long = `${'老板一直拖着不给钱，我们家里等着用钱。'.repeat(30)}老板说我要是再去告他就把我开除`;
    await converse(t.chat, 'web:cd6').send(long).expect(/会标为紧急/).expectNot(/太长了/).send('转').expect(/已转给/);
    const [note] = (await t.core.cases.get(c.id))!.reporterNotes;
    expect(note).toMatchObject({ kind: 'retaliation', urgent: true });
    expect([...note!.text]).toHaveLength(500);
  });

  it('after `我想补充一下`, a greeting, an emoji or 进度 is not the note', async () => {
    const c = await createWageCase(t.core, { userKey: 'web:cd7' });
    for (const m of ['你好', '😭', '进度']) {
      await converse(t.chat, 'web:cd7').send('我想补充一下').expect(/您说，要补充或更正什么/).send(m).expectNot(/您要转告的话/);
    }
    expect((await t.core.cases.get(c.id))!.reporterNotes).toEqual([]);
  });
});
