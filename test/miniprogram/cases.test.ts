import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CasesSchema } from '../../api/contract.js';
import { eventually } from '../support/core.js';
import { createWageCase } from '../support/cases.js';
import { EMPLOYER_TO_LEAVING } from '../support/wage-script.js';
import { devSignIn, useMiniprogram } from './support/app.js';
import { until, type App } from './support/harness.js';

// The routing worker runs: the timeline gets the step after "submitted".
const mp = useMiniprogram({ workers: true });

const uid = () => `mp${randomBytes(4).toString('hex')}`;

/** A wage report through the conversation, as the person would type it; its case number. */
async function reportWage(userKey: string): Promise<string> {
  const steps = ['老板拖了我三个月工资', '1', '对', ...EMPLOYER_TO_LEAVING.map(([t]) => t), '上个月', '都跳过', '没有', '张三', '13800138000', '确认'];
  let last = '';
  for (const text of steps) {
    const replies = await mp.http.t.chat.handle(userKey, { kind: 'text', text }, undefined, { keepHistory: true });
    last = replies.map((r) => (r.type === 'text' ? r.text : '')).join('\n');
  }
  const caseNo = /案件编号是 (QX\d{8}-\d{4})/.exec(last)?.[1];
  if (!caseNo) throw new Error(`no case number in: ${last}`);
  return caseNo;
}

describe('我的案件', () => {
  it('shows a case reported through the chat, with its timeline newest first', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    const caseNo = await reportWage(user);
    const c = await eventually(async () => {
      const r = await mp.http.t.core.cases.getByNo(caseNo);
      return r && r.history.length >= 2 ? r : null;
    }, 8000, 'the case routed');

    const page = app.open('cases');
    await until(() => page.all('.case').length === 1, 'the case', page);
    const text = page.text();
    expect(text).toContain(caseNo);
    expect(text).toContain('青溪宏达建筑工程有限公司');
    expect(text).toContain('28,500元');
    expect(text).toContain('东龙镇');

    // The page reads what the API answers (contract-checked), nothing else.
    const api = CasesSchema.parse(await fetchCases(app));
    const summary = api.cases[0]!;
    expect(text).toContain(summary.statusText);
    const notes = page.all('.step-note').map((n) => n.dom.textContent?.trim());
    expect(notes).toEqual(summary.history.map((h) => h.note).reverse());
    expect(notes.length).toBeGreaterThanOrEqual(2);
    expect(c.history.map((h) => h.note).reverse()).toEqual(notes);
  });

  it('预约法律援助 opens the chat, which asks for legal aid for that case', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    const caseNo = await reportWage(user);

    const cases = app.open('cases');
    await until(() => cases.all('.book').length === 1, 'the book button', cases);
    await cases.tap('.book');
    expect(app.fake.callsOf('switchTab')).toEqual([{ url: '/pages/chat/index' }]);

    // WeChat shows the chat tab: the page sends the command once it has opened.
    const chat = app.open('chat');
    await until(() => chat.data.bubbles.some((b: any) => !b.pending && b.text.includes(`为您的案件 ${caseNo}`)), 'the booking for the case', chat);
    const h = await mp.http.t.core.inbox.history.before(user, 4);
    expect(h.items.at(-2)).toMatchObject({ from: 'user', replies: [{ type: 'text', text: `预约律师 ${caseNo}` }] });
    // Once: showing the chat again sends nothing more.
    const sent = app.fake.http.filter((x) => x.url === '/api/v1/chat/messages').length;
    chat.it.onHide();
    chat.it.onShow();
    await new Promise((r) => setTimeout(r, 100));
    expect(app.fake.http.filter((x) => x.url === '/api/v1/chat/messages').length).toBe(sent);
  });

  it('offers 预约法律援助 while a lawyer may help: not once the wages were all paid, still after a close without them', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    const core = mp.http.t.core;
    const close = async (full: boolean) => {
      const c = await createWageCase(core, { userKey: user });
      await core.cases.update(c.id, 'test', (cur) => ({
        record: {
          ...cur,
          status: 'closed',
          outcome: full
            ? { at: cur.createdAt, by: 'gw-001', recovered: cur.wage!.amount, reason: null, full: true, nextStep: null }
            : { at: cur.createdAt, by: 'gw-001', recovered: null, reason: '老板失联', full: false, nextStep: { kind: 'arbitration' as const } },
        },
        action: 'test',
        detail: full ? 'paid in full' : 'not recovered',
      }));
      return c.caseNo;
    };
    const paid = await close(true);
    const unpaid = await close(false);

    const page = app.open('cases');
    await until(() => page.all('.case').length === 2, 'both cases', page);
    const api = CasesSchema.parse(await fetchCases(app));
    expect(Object.fromEntries(api.cases.map((c) => [c.caseNo, c.legalAid]))).toEqual({ [paid]: false, [unpaid]: true });
    // One button, on the case still unpaid.
    expect(page.all('.book').map((b) => b.dom.getAttribute('data-case-no'))).toEqual([unpaid]);
  });

  it('with no case yet, says so and offers to report', async () => {
    const app = mp.launch();
    devSignIn(app, uid());
    const page = app.open('cases');
    await until(() => !page.data.loading, 'the list', page);
    expect(page.text()).toContain('您还没有提交过案件');
    expect(page.all('.case')).toHaveLength(0);
  });

  it('pull-down refresh reloads the list and stops the spinner', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    const page = app.open('cases');
    await until(() => !page.data.loading, 'the list', page);
    expect(page.all('.case')).toHaveLength(0);
    const caseNo = await reportWage(user);
    await page.it.onPullDownRefresh();
    expect(page.text()).toContain(caseNo);
    expect(app.fake.callsOf('stopPullDownRefresh')).toHaveLength(1);
  });
});

/** `GET /api/v1/me/cases` with the token the mini-program holds. */
async function fetchCases(app: App): Promise<unknown> {
  const { token } = JSON.parse(app.fake.storage.get('gongyou.session')!);
  const res = await fetch(`${mp.http.base}/api/v1/me/cases`, { headers: { authorization: `Bearer ${token}` } });
  return res.json();
}
