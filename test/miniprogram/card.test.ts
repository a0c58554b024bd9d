import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MembershipSchema } from '../../api/contract.js';
import { currentOf, membersOf } from '../../core/membership/index.js';
import { eventually } from '../support/core.js';
import { employeeUpToReview, person } from '../membership/support.js';
import { devSignIn, useMiniprogram } from './support/app.js';
import { attr, until, type App } from './support/harness.js';

// The membership worker approves an application to an auto-approving union.
const mp = useMiniprogram({ workers: true });

const uid = () => `mp${randomBytes(4).toString('hex')}`;
let people = 0;

/** An employee of 青溪电子科技 (its union approves at once) joins through the chat; waits for the card. */
async function join(userKey: string) {
  const p = person(++people + 10, '李明');
  await employeeUpToReview(mp.http.t.chat, userKey, p, '青溪电子').send('2').send('白沙镇').expect(/请核对/).send('确认').expect(/入会申请已提交/);
  const m = await eventually(async () => {
    const r = currentOf(await membersOf(mp.http.t.core).listByUser(userKey));
    return r?.status === 'approved' ? r : null;
  }, 8000, 'the application approved');
  return { person: p, memberNo: m.memberNo! };
}

async function openCard(app: App) {
  const page = app.open('card');
  await until(() => !page.data.loading, 'the card page', page);
  return page;
}

/** A relaunch on the same phone: what the last launch stored is there. */
function relaunch(from: App, opts: Parameters<typeof mp.launch>[0] = {}): App {
  const app = mp.launch(opts);
  for (const [k, v] of from.fake.storage) app.fake.storage.set(k, v);
  return app;
}

describe('会员卡', () => {
  it('shows the card with its QR code written to a local file (a data: URL is not shown as it is)', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    const { person: p, memberNo } = await join(user);

    const page = await openCard(app);
    await until(() => page.data.card?.approved, 'the card', page);
    const text = page.text();
    expect(text).toContain(p.name);
    expect(text).toContain(memberNo);
    expect(text).toContain('青溪电子科技有限公司工会');

    const src: string = page.data.card.qr;
    expect(src.startsWith('wxfile://usr/')).toBe(true);
    expect(attr(page.comp.querySelector('.qr')!, 'src')).toBe(src);
    const written = app.fake.files.get(src)!;
    expect(written.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(app.fake.callsOf('writeFile')).toContainEqual({ filePath: src, encoding: 'base64' });

    const cached = MembershipSchema.parse({ membership: JSON.parse(app.fake.storage.get('gongyou.card')!).membership });
    expect(cached.membership!.card!.qr).toBe(`data:image/png;base64,${written.toString('base64')}`);
  });

  it('offline, shows the card saved on the phone, says it is the saved one and until when its code is valid', async () => {
    const online = mp.launch();
    const user = devSignIn(online, uid());
    const { memberNo } = await join(user);
    const first = await openCard(online);
    await until(() => first.data.card?.approved, 'the card', first);
    const expiresAt: string = first.data.card.expiresAt;

    const app = relaunch(online);
    app.fake.offline = true;
    const page = await openCard(app);
    expect(page.data.card?.approved).toBe(true);
    expect(page.text()).toContain(memberNo);
    expect(page.comp.querySelector('.cached')!.dom.textContent).toMatch(
      new RegExp(`^现在没有网络，这是 \\d{4}年\\d{1,2}月\\d{1,2}日 \\d\\d:\\d\\d 保存在手机上的会员卡。二维码有效期到 ${expiresAt}。$`),
    );
    expect(app.fake.files.get(page.data.card.qr)?.subarray(1, 4).toString()).toBe('PNG');
    expect(app.fake.http.filter((h) => h.url === '/api/v1/me/membership')).toEqual([]);
  });

  it('offline with nothing saved: says so politely, and 重试 shows the card once the network is back', async () => {
    const id = uid();
    const { memberNo } = await join(`web:${id}`);
    const app = mp.launch();
    devSignIn(app, id);
    app.fake.offline = true;
    const page = await openCard(app);
    expect(page.data.card).toBeNull();
    expect(page.text()).toContain('网络好像断了，请检查网络后再试。');

    app.fake.offline = false;
    await page.tap('.retry');
    await until(() => page.data.card?.approved, 'the card after 重试', page);
    expect(page.text()).toContain(memberNo);
    expect(page.data.cachedNote).toBe('');
  });

  it('in the chat, 我的会员卡 shows the card’s QR image from a local file', async () => {
    const app = mp.launch();
    const user = devSignIn(app, uid());
    await join(user);
    const page = app.open('chat');
    await until(() => page.data.ready, 'the chat', page);
    page.comp.querySelector('.input')!.dispatchEvent('input', { detail: { value: '我的会员卡' } });
    await until(() => page.data.draft === '我的会员卡', 'the draft', page);
    await page.tap('.send');
    const img = await until(() => page.data.bubbles.find((b: any) => b.kind === 'image' && !b.pending), 'the QR image', page);
    expect(img.src).toMatch(/^wxfile:\/\/usr\/chat-\w+\.png$/);
    expect(app.fake.files.get(img.src)?.subarray(1, 4).toString()).toBe('PNG');
    const pic = page.all('.pic').find((c) => attr(c, 'src') === img.src);
    expect(pic).toBeDefined();
    expect(attr(pic!, 'mode')).toBe('widthFix');
  });

  it('a person who has not applied sees how to join', async () => {
    const app = mp.launch();
    devSignIn(app, uid());
    app.fake.storage.set('gongyou.card', JSON.stringify({ stale: true }));
    const page = await openCard(app);
    expect(page.data.none).toBe(true);
    expect(page.text()).toContain('您还没有申请入会');
    expect(app.fake.storage.has('gongyou.card')).toBe(false);
  });
});
