import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { lawyerSummaryAtDonglong } from '../legal-aid/helpers.js';
import { devSignIn, useMiniprogram } from './support/app.js';
import { until, type App } from './support/harness.js';

const mp = useMiniprogram();

const uid = () => `mp${randomBytes(4).toString('hex')}`;

/** A lawyer booked through the conversation (东龙, the first free time); its number. */
async function book(userKey: string): Promise<string> {
  const { text } = await lawyerSummaryAtDonglong(mp.http.t.chat, userKey).send('确认').expect(/预约成功！您的预约号是 YY\d{8}-\d{4}/);
  return /YY\d{8}-\d{4}/.exec(text)![0];
}

async function openBookings(app: App) {
  const page = app.open('bookings');
  await until(() => !page.data.loading, 'the bookings', page);
  return page;
}

describe('我的预约', () => {
  it('lists a booking with its time, place and number', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    const no = await book(user);
    const b = (await mp.http.t.chat.bookings.getByNo(no))!;

    const page = await openBookings(app);
    expect(page.all('.booking')).toHaveLength(1);
    const text = page.text();
    expect(text).toContain(no);
    expect(text).toContain('东龙');
    expect(text).toContain(page.data.bookings[0].when);
    expect(page.data.bookings[0]).toMatchObject({ bookingNo: no, active: true });
    expect(b.status).toBe('booked');
  });

  it('取消预约 asks first, then cancels on the server and shows it cancelled', async () => {
    const app = mp.launch({ modalConfirms: true });
    const user = devSignIn(app, uid());
    const no = await book(user);
    const page = await openBookings(app);
    const when: string = page.data.bookings[0].when;

    await page.tap('.cancel');
    await until(() => !page.data.bookings[0].active, 'the booking cancelled', page);
    expect(app.fake.callsOf('showModal')).toEqual([{ title: '取消预约', content: `确定取消 ${when} 的预约吗？取消后这个时间会让给别人。` }]);
    expect(app.fake.http.filter((h) => h.url.includes('/bookings/'))).toEqual([{ method: 'POST', url: `/api/v1/me/bookings/${no}/cancel`, status: 200 }]);
    expect((await mp.http.t.chat.bookings.getByNo(no))!.status).toBe('cancelled');
    expect(page.all('.cancel')).toHaveLength(0);
    expect(page.text()).toContain(page.data.bookings[0].statusText);
    expect(page.data.bookings[0].statusText).not.toBe('');
    expect(app.fake.callsOf('showToast')).toContainEqual({ title: '已取消预约' });
  });

  it('when the person says 再想想 at the question, nothing is cancelled', async () => {
    const app = mp.launch({ modalConfirms: false });
    const user = devSignIn(app, uid());
    const no = await book(user);
    const page = await openBookings(app);

    await page.tap('.cancel');
    await until(() => app.fake.callsOf('showModal').length === 1, 'the question', page);
    await new Promise((r) => setTimeout(r, 50));
    expect(app.fake.http.filter((h) => h.method === 'POST' && h.url.includes('/cancel'))).toEqual([]);
    expect((await mp.http.t.chat.bookings.getByNo(no))!.status).toBe('booked');
    expect(page.data.bookings[0].active).toBe(true);
  });

  it('改时间 opens the chat with 改约 <number>, which offers other times', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    const no = await book(user);
    const page = await openBookings(app);

    await page.tap('.reschedule');
    expect(app.fake.callsOf('switchTab')).toEqual([{ url: '/pages/chat/index' }]);
    const chat = app.open('chat');
    await until(() => chat.data.bubbles.some((b: any) => b.side === 'me' && !b.pending && b.text === `改约 ${no}`), 'the 改约 message kept', chat);
    const h = await mp.http.t.core.inbox.history.before(user, 2);
    expect(h.items[0]).toMatchObject({ from: 'user', replies: [{ type: 'text', text: `改约 ${no}` }] });
    const answer = h.items[1]!.replies.map((r) => (r.type === 'text' ? r.text : '')).join('\n');
    expect(answer).toContain(no);
    expect(chat.text()).toContain(answer.split('\n')[0]!);
  });

  it('改时间 when the chat cannot open (offline): the message waits, and goes once 重试 opens the chat', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    const no = await book(user);
    const page = await openBookings(app);

    app.fake.offline = true;
    await page.tap('.reschedule');
    const chat = app.open('chat');
    await until(() => chat.data.error, 'the chat failing', chat);
    expect(chat.text()).toContain('网络好像断了');

    app.fake.offline = false;
    await chat.tap('.retry');
    await until(() => chat.data.bubbles.some((b: any) => b.side === 'me' && !b.pending && b.text === `改约 ${no}`), 'the 改约 message sent after 重试', chat);
    expect(app.fake.http.filter((h) => h.url === '/api/v1/chat/messages')).toHaveLength(1);
  });

  it('with no booking, says so and offers to book', async () => {
    const app = mp.launch();
    devSignIn(app, uid());
    const page = await openBookings(app);
    expect(page.text()).toContain('您还没有预约');
  });
});
