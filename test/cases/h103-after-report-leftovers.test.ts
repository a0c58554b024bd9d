/*
 * Words after a wage report, and a grid worker's words about a case in WeChat (helper h103).
 * The worker, a day after submitting SUBMITTED_REPORT (6,000 yuan, 王芳, 13700001111):
 *  - what a lawyer or the labour bureau said (`律师说可以起诉`, `劳动局说会处理`): news for the case worker after a yes,
 *    with a short neutral line (it was a lawyer's booking offered, or the knowledge answer on labour inspection);
 *  - `老板让我签字我没签`: what to keep in mind before signing, news after a yes (it was the answer on working without a
 *    contract, read from 「没签」);
 *  - the money, as said and no more: `老板说钱已经打了 我还没看` asks whether it came (it was passed on as paid, 「太好了」);
 *    `工友的钱都到账了`, `工友拿到钱了 我还没有` are someone else's money, news (it was the person's own, paid);
 *    `工友说钱到账了`, `老板的会计说钱打了`, `我儿子说钱到账了` are another's word, asked (they were paid);
 *    `钱收到了 但是少了五百` is part of it (it was all of it); `老板给工友发了 没给我` someone else's (it was the ways to claim);
 *  - `老板说不撤就不给钱`: the boss pressing for a withdrawal; `老板说没钱就不给了`: his refusal (both were another report);
 *  - `律师让我先撤诉`: the lawyer's word, never the person's withdrawal (it was passed on as a withdrawal); `劳动局不管`: news
 *    (it was the knowledge answer); `我签了个字`: what was signed asked for, news after a yes (it was 没太明白);
 *  - guards: a promise, part paid, a withdrawal said, a new job, going home with the same phone, a threat: as before.
 * The grid worker (gw-001, one case taken): `钱交给白沙村村委了` (was the 退回 form), `老板在白沙镇`, `工人回白沙镇老家了`
 * (was 「没看懂」): a note offered (run on 好), never a 退回 or a transfer.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { readCaseMessage } from '../../flows/case-desk.js';
import { GW1, staffInWechat } from '../staff/in-wechat.js';
import { A_WORKING_DAY } from '../staff/support.js';
import { afterReport } from '../support/after-report.js';
import { chatOnClock } from '../support/clocked.js';
import { reportSubmitted } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const someone = (tag: string) => `web:h103-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const PASS_ON = /您要转告的话/;
const PAID_NEWS = /太好了/;
const CAME_ASKED = /那钱您自己收到了吗/;
const SECOND_REPORT = /要再反映另一件欠薪吗/;

describe('the worker, after a report', () => {
  const { t, clock } = chatOnClock(NOW);
  const { dayLater, notesOf, unchanged } = afterReport(t, clock);

  describe('what a lawyer, the labour bureau or the boss said', () => {
    it.each([
      ['律师说可以起诉', /律师的意见，负责您案件的工作人员也需要知道/],
      ['律师建议我去仲裁', /律师的意见/],
      ['劳动局说会处理', /那边说的情况，负责您案件的工作人员也需要知道/],
      ['仲裁委让我等通知', /那边说的情况/],
      ['老板让我签字我没签', /先不签没关系/],
      ['老板要我签个东西 我不签', /钱没全部到手之前，别签这类字据/],
      ['律师让我先撤诉', /律师的意见/],
      ['劳动局不管', /那边说的情况/],
      ['我签了个字', /签的是什么/],
      ['老板让我签了个字', /签的是什么/],
    ])('%s: a short line, the words passed on after a yes (no booking, no knowledge answer)', async (said, lead) => {
      const { chat, c } = await reportSubmitted(t, someone('said'));
      dayLater();
      await chat
        .send(said)
        .expect(lead)
        .expect(new RegExp(`您要转告的话：「${said}」`))
        .expectNot(/这次预约律师|要帮您预约/)
        .expectNot(/劳动保障监察是/)
        .expectNot(/没签合同/)
        .expectNot(/没太明白/);
      expect(await notesOf(c)).toEqual([]);
      await chat.send('转').expect(/已转给负责您案件/);
      expect(await notesOf(c)).toEqual([['other', said]]);
      await unchanged(c);
    });

    it('不用了: nothing passed on', async () => {
      const { chat, c } = await reportSubmitted(t, someone('said-no'));
      await chat.send('律师说可以起诉').expect(PASS_ON);
      await chat.send('不用了').expect(/没有转/);
      await unchanged(c, { noNotes: true });
    });

    // guard: questions, fees, a referral here and a plain signature asked about are not news to pass on.
    it('guard: questions and the like are not read as what was said', () => {
      for (const w of ['律师说要交费吗', '律师什么时候来', '律师说什么时候来', '我想找律师', '劳动局让我找你们', '劳动局说会处理吗']) {
        const read = readCaseMessage(w) as { about?: string } | null;
        expect(['lawyer-said', 'authority-said'], w).not.toContain(read?.about);
      }
      expect(readCaseMessage('老板让我签字')).toEqual({ kind: 'asks', about: 'sign' });
      expect(readCaseMessage('老板让我签字说已经结清了 我没签')).toEqual({ kind: 'note', note: 'other', about: 'sign-settled' });
    });
  });

  describe('the money, as said and no more', () => {
    it('老板说钱已经打了 我还没看: whether it came is asked, never paid; 没收到: his word against it, after a yes', async () => {
      const { chat, c } = await reportSubmitted(t, someone('says-paid'));
      dayLater();
      await chat.send('老板说钱已经打了 我还没看').expect(CAME_ASKED).expectNot(PAID_NEWS).expectNot(PASS_ON);
      await unchanged(c, { noNotes: true });
      await chat.send('没收到').expect(/钱却没到您手上/).expect(PASS_ON);
      await chat.send('转').expect(/已转给负责您案件/);
      expect((await notesOf(c)).map(([kind]) => kind)).toEqual(['other']);
      await unchanged(c);
    });

    it.each(['工友的钱都到账了', '工友拿到钱了 我还没有', '别人都拿到钱了'])('%s: someone else\'s money, news after a yes, never paid', async (said) => {
      const { chat, c } = await reportSubmitted(t, someone('others-paid'));
      dayLater();
      await chat.send(said).expect(/别人的钱到了/).expect(new RegExp(`您要转告的话：「${said}」`)).expectNot(PAID_NEWS);
      await chat.send('转').expect(/已转给负责您案件/);
      expect(await notesOf(c)).toEqual([['other', said]]);
      await unchanged(c);
    });

    it('钱收到了 但是少了五百: part of it, never all of it', async () => {
      const { chat, c } = await reportSubmitted(t, someone('short'));
      dayLater();
      await chat.send('钱收到了 但是少了五百').expect(/拿到一部分也是进展/).expectNot(PAID_NEWS);
      await chat.send('转');
      expect((await notesOf(c)).map(([kind]) => kind)).toEqual(['partly_paid']);
      await unchanged(c);
    });

    it('老板给工友发了 没给我: someone else\'s money, never paid (it was the ways to claim wages)', async () => {
      const { chat, c } = await reportSubmitted(t, someone('boss-paid-others'));
      await chat.send('老板给工友发了 没给我').expect(/别人的钱到了/).expect(PASS_ON).expectNot(PAID_NEWS).expectNot(/有几条路/);
      await unchanged(c, { noNotes: true });
    });

    it('老板说没钱就不给了: his refusal, news after a yes (never another report)', async () => {
      const { chat, c } = await reportSubmitted(t, someone('refused'));
      await chat.send('老板说没钱就不给了').expect(/工作人员会去找他协调/).expect(PASS_ON).expectNot(SECOND_REPORT);
      await unchanged(c, { noNotes: true });
    });

    it.each(['工友说钱到账了', '老板的会计说钱打了', '老板老婆说钱给了', '我儿子说钱到账了'])('%s: another\'s word, whether it came is asked, never paid', async (said) => {
      const { chat, c } = await reportSubmitted(t, someone('heard'));
      await chat.send(said).expect(CAME_ASKED).expectNot(PAID_NEWS);
      await unchanged(c, { noNotes: true });
    });

    // guard: the person's own money said to have come: paid, as before.
    it('guard: the person\'s own money in hand is still paid', () => {
      expect(readCaseMessage('老板说钱已经打了 我也收到了')).toEqual({ kind: 'note', note: 'paid' });
      expect(readCaseMessage('钱都到账了')).toEqual({ kind: 'note', note: 'paid' });
      expect(readCaseMessage('老板给了一半 说剩下的年底给')).toEqual({ kind: 'note', note: 'partly_paid' });
    });

    it('老板说不撤就不给钱: pressed to withdraw, after a yes (never another report)', async () => {
      const { chat, c } = await reportSubmitted(t, someone('pressed'));
      dayLater();
      await chat.send('老板说不撤就不给钱').expect(/不能逼您撤/).expect(PASS_ON).expectNot(SECOND_REPORT);
      await chat.send('转').expect(/已转给负责您案件/);
      expect(await notesOf(c)).toEqual([['other', '老板说不撤就不给钱']]);
      await unchanged(c);
    });
  });

  describe('other news', () => {
    // guard: each was already answered as it should be; nothing about the case changes.
    it.each([
      ['老板说下个月给', /老板答应给钱是好事/, 'other'],
      ['老板给了一半 说剩下的年底给', /拿到一部分也是进展/, 'partly_paid'],
      ['不想追了', /撤回要由工作人员跟您确认后再办/, 'withdraw'],
      ['老板威胁我', /留好证据/, 'retaliation'],
    ])('guard: %s: a line, passed on only after a yes', async (said, lead, kind) => {
      const { chat, c } = await reportSubmitted(t, someone('news'));
      dayLater();
      await chat.send(said).expect(lead).expect(PASS_ON).expectNot(PAID_NEWS);
      expect(await notesOf(c)).toEqual([]);
      await chat.send('转').expect(/已转给负责您案件/);
      expect((await notesOf(c)).map(([k]) => k)).toEqual([kind]);
      await unchanged(c);
    });

    // guard: nothing to pass on; nothing changes.
    it.each([
      ['我已经找到新工作了', /换工作不影响这件案子/],
      ['我回老家了 电话不变', /不用改/],
    ])('guard: %s: answered, nothing passed on', async (said, answer) => {
      const { chat, c } = await reportSubmitted(t, someone('nothing'));
      dayLater();
      await chat.send(said).expect(answer).expectNot(PASS_ON);
      await unchanged(c, { noNotes: true });
    });
  });
});

describe('a grid worker in WeChat: where the people or the money are', () => {
  const s = staffInWechat(A_WORKING_DAY);
  const held = async (c: Case) => {
    const now = await s.get(c);
    return { assignee: now.assignee?.staffId, amount: now.wage?.amount };
  };

  it.each(['钱交给白沙村村委了', '老板在白沙镇', '工人回白沙镇老家了', '老板搬到白沙镇了', '工资给到白沙村村委了', '工人回老家了', '老板人在外地', '钱在白沙村村委', '老板把钱放村委会了', '工人去白沙镇了 下周回来'])('%s: a note offered, recorded on 好; never a 退回', async (said) => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    const before = await held(c);
    const answer = await s.ask(GW1, said);
    expect(answer).toBe(`要记下这个情况，请发：备注 ${c.caseNo} ${said}\n回复「好」就这样记下。`);
    expect(await s.ask(GW1, '好')).toMatch(/^已记下备注/);
    const now = await s.get(c);
    expect(now.notes.map((n) => n.text)).toEqual([said]);
    expect(await held(c)).toEqual(before);
    expect(now.status).not.toBe('rejected');
  });

  it('two cases held: 老板在白沙镇 names neither; 好 records nothing', async () => {
    await s.bind(GW1, 'gw-001');
    const a = await s.acceptedByGw1();
    const b = await s.acceptedByGw1();
    expect(await s.ask(GW1, '老板在白沙镇')).toMatch(/备注 QX… 老板在白沙镇/);
    expect(await s.ask(GW1, '好')).not.toMatch(/已记下/);
    expect([(await s.get(a)).notes.length, (await s.get(b)).notes.length]).toEqual([0, 0]);
  });

  // guard: handing the case to a town is still the 退回 form, only shown (h98); a question offers no note.
  it('guard: 交给白沙镇吧 is the 退回 form; 老板在白沙镇吗 offers no note', async () => {
    await s.bind(GW1, 'gw-001');
    const c = await s.acceptedByGw1();
    expect(await s.ask(GW1, '交给白沙镇吧')).toMatch(new RegExp(`请发：退回 ${c.caseNo} 应归白沙镇\n`));
    expect(await s.ask(GW1, '好')).not.toMatch(/已退回/);
    expect(await s.ask(GW1, '老板在白沙镇吗')).not.toMatch(/备注 \S+ 老板在白沙镇吗/);
    expect((await s.get(c)).notes).toEqual([]);
    expect((await s.get(c)).assignee?.staffId).toBe('gw-001');
  });
});
