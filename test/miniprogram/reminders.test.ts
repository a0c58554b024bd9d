import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SubscriptionsSchema } from '../../api/contract.js';
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat.js';
import { useFixture } from '../support/fixture.js';
import { EMPLOYER_TO_LEAVING } from '../support/wage-script.js';
import { lawyerSummaryAtDonglong } from '../legal-aid/helpers.js';
import { employeeUpToReview, person } from '../membership/support.js';
import { devSignIn, useMiniprogram } from './support/app.js';
import { until, type App, type Page } from './support/harness.js';

/**
 * Subscribe messages: after a report, a booking or an application, the chat
 * offers a chip; tapping it asks WeChat (wx.requestSubscribeMessage needs a
 * tap on a device) and tells the server what the person chose.
 */
const TEMPLATES = { WECHAT_TEMPLATE_CASE: 'tplCase01', WECHAT_TEMPLATE_BOOKING: 'tplBooking01', WECHAT_TEMPLATE_MEMBERSHIP: 'tplMember01' };

const wechat: FakeWechat = useFixture(async () => {
  const w = await startFakeWechat();
  return Object.assign(w, { stop: () => w.close() });
}, 'all');
const mp = useMiniprogram(() => ({
  env: { WECHAT_API_BASE_URL: wechat.url, WECHAT_APPID: wechat.appId, WECHAT_SECRET: wechat.secret, ...TEMPLATES },
}));

const uid = () => `mp${randomBytes(4).toString('hex')}`;

async function say(userKey: string, ...texts: string[]) {
  for (const text of texts) await mp.http.t.chat.handle(userKey, { kind: 'text', text }, undefined, { keepHistory: true });
}

/** The chat open, the person types `text` and sends it; waits for the answer from the server. */
async function typeInChat(app: App, text: string): Promise<Page> {
  const page = app.open('chat');
  await until(() => page.data.ready, 'the chat', page);
  page.comp.querySelector('.input')!.dispatchEvent('input', { detail: { value: text } });
  await until(() => page.data.draft === text, 'the draft', page);
  await page.tap('.send');
  await until(() => !page.data.sending && page.data.bubbles.every((b: any) => !b.pending), 'the answer', page);
  return page;
}

async function remaining(app: App) {
  const { token } = JSON.parse(app.fake.storage.get('gongyou.session')!);
  const res = await fetch(`${mp.http.base}/api/v1/me/subscriptions`, { headers: { authorization: `Bearer ${token}` } });
  return SubscriptionsSchema.parse(await res.json()).remaining;
}

describe('reminders (subscribe messages)', () => {
  it('after a wage report: a 接收案件进度提醒 chip; tapping it asks WeChat and the acceptance reaches the server', async () => {
    const app = mp.launch({ subscribeAnswer: 'accept' });
    const user = devSignIn(app, uid());
    await say(user, '老板拖了我三个月工资', '1', '对', ...EMPLOYER_TO_LEAVING.map(([t]) => t), '上个月', '都跳过', '没有', '张三', '13800138000');
    const page = await typeInChat(app, '确认');
    expect(page.text()).toMatch(/案件编号是 QX\d{8}-\d{4}/);

    await until(() => page.data.prompt, 'the reminder chip', page);
    expect(page.comp.querySelector('.prompt-chip')!.dom.textContent).toContain('接收案件进度提醒');
    // Nothing is asked before the tap (a device refuses it outside a tap).
    expect(app.fake.callsOf('requestSubscribeMessage')).toEqual([]);

    await page.tap('.prompt-chip');
    expect(app.fake.callsOf('requestSubscribeMessage')).toEqual([{ tmplIds: ['tplCase01'] }]);
    await until(() => app.fake.http.some((h) => h.url === '/api/v1/me/subscriptions' && h.status === 200), 'the answer posted', page);
    expect(await remaining(app)).toEqual({ tplCase01: 1, tplBooking01: 0, tplMember01: 0 });
    await until(() => app.fake.callsOf('showToast').length, 'the toast', page);
    expect(app.fake.callsOf('showToast')).toEqual([{ title: '好的，有进展会提醒您' }]);
    expect(page.data.prompt).toBeNull();
  });

  it('after a booking: the booking reminder is offered; a refusal is recorded as one', async () => {
    const app = mp.launch({ subscribeAnswer: 'reject' });
    const user = devSignIn(app, uid());
    await lawyerSummaryAtDonglong(mp.http.t.chat, user).expect(/确认/);
    const page = await typeInChat(app, '确认');
    expect(page.text()).toMatch(/预约成功！您的预约号是 YY\d{8}-\d{4}/);

    await until(() => page.data.prompt, 'the reminder chip', page);
    expect(page.comp.querySelector('.prompt-chip')!.dom.textContent).toContain('接收预约提醒');
    await page.tap('.prompt-chip');
    expect(app.fake.callsOf('requestSubscribeMessage')).toEqual([{ tmplIds: ['tplBooking01'] }]);
    await until(() => app.fake.callsOf('showToast').length, 'the toast', page);
    expect(app.fake.callsOf('showToast')).toEqual([{ title: '好的，不发提醒' }]);
    expect(await remaining(app)).toEqual({ tplCase01: 0, tplBooking01: 0, tplMember01: 0 });
  });

  it('after an application to join: the review reminder is offered; 不用了 puts it away without asking', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    await employeeUpToReview(mp.http.t.chat, user, person(21, '王强'), '青溪纺织').send('2').send('白沙镇').expect(/请核对/);
    const page = await typeInChat(app, '确认');
    expect(page.text()).toMatch(/入会申请已提交，申请编号 RH\d{8}-\d{4}/);

    await until(() => page.data.prompt, 'the reminder chip', page);
    expect(page.comp.querySelector('.prompt-chip')!.dom.textContent).toContain('接收入会审核结果提醒');
    expect(page.data.prompt.tmplIds).toEqual(['tplMember01']);
    await page.tap('.prompt-close');
    expect(page.data.prompt).toBeNull();
    expect(app.fake.callsOf('requestSubscribeMessage')).toEqual([]);
  });

  it('an ordinary answer offers nothing', async () => {
    const app = mp.launch();
    devSignIn(app, uid());
    const page = await typeInChat(app, '你好');
    await new Promise((r) => setTimeout(r, 50));
    expect(page.data.prompt).toBeNull();
    expect(page.all('.prompt-chip')).toHaveLength(0);
  });
});
