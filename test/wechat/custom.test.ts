/*
 * The customer-service side of the WeChat API client (客服消息, temporary
 * media, user info, the menu) against the fake WeChat, as the mini-program
 * and as an Official Account, with the token shared through the real test
 * redis-server.
 */
import { describe, expect, it } from 'vitest';
import { MAX_MEDIA_BYTES, WechatApiError, type WechatMenu } from '../../core/wechat/index.js';
import { useFixture } from '../support/fixture.js';
import { rejection, startWechatRig } from './support.js';

async function wechatError(p: Promise<unknown>): Promise<WechatApiError> {
  const err = await rejection(p);
  expect(err).toBeInstanceOf(WechatApiError);
  return err as WechatApiError;
}

const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('customer-service messages (mini-program)', () => {
  const rig = useFixture(() => startWechatRig());
  const customCalls = () => rig.fake.calls.filter((c) => c.path === '/cgi-bin/message/custom/send');

  it('sends text, image, link and card messages in WeChat’s shapes', async () => {
    const api = rig.client();
    await api.sendCustomMessage('o-alice', { type: 'text', content: '已收到您的欠薪反映。' });
    const mediaId = await api.uploadTempMedia('image', png, 'card.png', 'image/png');
    await api.sendCustomMessage('o-alice', { type: 'image', mediaId });
    await api.sendCustomMessage('o-alice', { type: 'link', title: '工友', description: '查看进度', url: 'https://example.org/p', thumbUrl: 'https://example.org/t.png' });
    await api.sendCustomMessage('o-alice', { type: 'miniprogrampage', title: '查看案件', pagePath: 'pages/cases/index?caseNo=QX20261121-0001', thumbMediaId: mediaId });
    expect(rig.fake.customSent).toEqual([
      { toUser: 'o-alice', type: 'text', content: '已收到您的欠薪反映。', at: expect.any(Date) },
      { toUser: 'o-alice', type: 'image', mediaId, at: expect.any(Date) },
      { toUser: 'o-alice', type: 'link', title: '工友', description: '查看进度', url: 'https://example.org/p', thumbUrl: 'https://example.org/t.png', at: expect.any(Date) },
      { toUser: 'o-alice', type: 'miniprogrampage', title: '查看案件', pagePath: 'pages/cases/index?caseNo=QX20261121-0001', thumbMediaId: mediaId, at: expect.any(Date) },
    ]);
    expect(customCalls().map((c) => c.body)).toEqual([
      { touser: 'o-alice', msgtype: 'text', text: { content: '已收到您的欠薪反映。' } },
      { touser: 'o-alice', msgtype: 'image', image: { media_id: mediaId } },
      { touser: 'o-alice', msgtype: 'link', link: { title: '工友', description: '查看进度', url: 'https://example.org/p', thumb_url: 'https://example.org/t.png' } },
      { touser: 'o-alice', msgtype: 'miniprogrampage', miniprogrampage: { title: '查看案件', pagepath: 'pages/cases/index?caseNo=QX20261121-0001', thumb_media_id: mediaId } },
    ]);
  });

  it('a closed window (45015) and a used-up quota (45047) are window_closed, not retryable, tried once', async () => {
    const api = rig.client();
    rig.fake.closeWindow('o-gone');
    const closed = await wechatError(api.sendCustomMessage('o-gone', { type: 'text', content: '你好' }));
    expect(closed).toMatchObject({ api: 'custom', errcode: 45015, kind: 'window_closed', retryable: false });
    expect(closed.errmsg).toMatch(/^response out of time limit/);
    rig.fake.failNext('custom', 45047);
    expect(await wechatError(api.sendCustomMessage('o-alice', { type: 'text', content: '你好' }))).toMatchObject({ errcode: 45047, kind: 'window_closed', retryable: false });
    expect(customCalls()).toHaveLength(2);
    expect(rig.fake.customSent).toEqual([]);
    await api.sendCustomMessage('o-alice', { type: 'text', content: '你好' });
    expect(rig.fake.customSent).toHaveLength(1);
  });

  it('an unknown media id (40007), an empty or too long text are bad requests', async () => {
    const api = rig.client();
    expect(await wechatError(api.sendCustomMessage('o-alice', { type: 'image', mediaId: 'nope' }))).toMatchObject({ errcode: 40007, kind: 'bad_request', retryable: false });
    expect(await wechatError(api.sendCustomMessage('o-alice', { type: 'text', content: '' }))).toMatchObject({ errcode: 44004, kind: 'bad_request' });
    expect(await wechatError(api.sendCustomMessage('o-alice', { type: 'text', content: '字'.repeat(683) }))).toMatchObject({ errcode: 45002, kind: 'bad_request' });
    await api.sendCustomMessage('o-alice', { type: 'text', content: '字'.repeat(682) });
    expect(rig.fake.customSent).toHaveLength(1);
  });

  it('after the token expired (42001), renews it once and delivers once; a refused token (40001) is forced out', async () => {
    const api = rig.client();
    await api.sendCustomMessage('o-alice', { type: 'text', content: '一' });
    const first = await api.accessToken();
    rig.fake.expireTokens();
    await api.sendCustomMessage('o-alice', { type: 'text', content: '二' });
    expect(rig.fake.tokensIssued()).toBe(2);
    expect(customCalls().map((c) => c.query.access_token === first)).toEqual([true, true, false]);
    rig.fake.failNext('custom', 40001);
    await api.sendCustomMessage('o-alice', { type: 'text', content: '三' });
    expect(rig.fake.customSent.map((m) => m.content)).toEqual(['一', '二', '三']);
    const forced = rig.fake.calls.filter((c) => c.path === '/cgi-bin/stable_token').map((c) => (c.body as { force_refresh: boolean }).force_refresh);
    expect(forced).toEqual([false, false, false, true]);
    rig.fake.failNext('custom', 42001, 2);
    expect(await wechatError(api.sendCustomMessage('o-alice', { type: 'text', content: '四' }))).toMatchObject({ kind: 'token', retryable: true });
  });

  it('typing shows and cancels', async () => {
    const api = rig.client();
    await api.typing('o-alice');
    await api.typing('o-alice', false);
    expect(rig.fake.typingSent).toEqual([
      { toUser: 'o-alice', command: 'Typing' },
      { toUser: 'o-alice', command: 'CancelTyping' },
    ]);
    rig.fake.closeWindow('o-gone');
    expect(await wechatError(api.typing('o-gone'))).toMatchObject({ api: 'typing', kind: 'window_closed' });
  });

  it('uploads temporary media as multipart field `media`; the mini-program takes images only', async () => {
    const api = rig.client();
    const id = await api.uploadTempMedia('image', png, '照片.png', 'image/png');
    expect(rig.fake.uploads).toEqual([{ mediaId: id, type: 'image', fileName: '照片.png', contentType: 'image/png', bytes: png, at: expect.any(Date) }]);
    const call = rig.fake.calls.find((c) => c.path === '/cgi-bin/media/upload')!;
    expect(call.query).toEqual({ access_token: expect.any(String), type: 'image' });
    expect(await wechatError(api.uploadTempMedia('voice', Buffer.from('#!AMR\n'), 'a.amr', 'audio/amr'))).toMatchObject({ api: 'media_upload', errcode: 40004, kind: 'bad_request' });
    expect(await wechatError(api.uploadTempMedia('image', Buffer.alloc(0), 'empty.png', 'image/png'))).toMatchObject({ errcode: 41005, kind: 'bad_request' });
    // Token renewal works for uploads too (the form is built anew).
    rig.fake.expireTokens();
    expect(await api.uploadTempMedia('image', png, 'b.png', 'image/png')).toEqual(expect.any(String));
    expect(rig.fake.uploads.map((u) => u.fileName)).toEqual(['照片.png', 'b.png']);
  });

  it('downloads temporary media as sent; an unknown id (40007) is a bad request', async () => {
    const api = rig.client();
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(300_000, 7)]);
    const id = rig.fake.addMedia(jpeg, 'image/jpeg');
    const got = await api.getTempMedia(id);
    expect(got.contentType).toBe('image/jpeg');
    expect(got.bytes.equals(jpeg)).toBe(true);
    const err = await wechatError(api.getTempMedia('no-such-media'));
    expect(err).toMatchObject({ api: 'media_get', errcode: 40007, kind: 'bad_request', retryable: false });
    expect(err.errmsg).toMatch(/^invalid media_id/);
    rig.fake.failNext('media_get', -1);
    expect(await wechatError(api.getTempMedia(id))).toMatchObject({ kind: 'busy', retryable: true });
    rig.fake.expireTokens();
    expect((await api.getTempMedia(id)).bytes.length).toBe(jpeg.length);
    // An uploaded file can be read back.
    const up = await api.uploadTempMedia('image', png, 'c.png', 'image/png');
    expect((await api.getTempMedia(up)).bytes.equals(png)).toBe(true);
  });

  it('stops reading media over the limit, whether it says its length or not', async () => {
    await rig.client().accessToken();
    const big = (declare: boolean): typeof fetch =>
      (async () => {
        let sent = 0;
        const chunk = new Uint8Array(1024 * 1024);
        const body = new ReadableStream<Uint8Array>({
          pull(c) {
            if (sent > MAX_MEDIA_BYTES + 2 * chunk.length) return c.close();
            sent += chunk.length;
            c.enqueue(chunk);
          },
        });
        return new Response(body, { headers: { 'content-type': 'image/jpeg', ...(declare ? { 'content-length': String(MAX_MEDIA_BYTES + 1) } : {}) } });
      }) as typeof fetch;
    for (const declare of [true, false]) {
      const err = await wechatError(rig.client({ fetch: big(declare) }).getTempMedia('m'));
      expect(err).toMatchObject({ api: 'media_get', kind: 'bad_request' });
      expect(err.errmsg).toMatch(/larger than/);
    }
  });

  it('user info and the menu are the Official Account’s: the mini-program is refused (48001)', async () => {
    expect(await wechatError(rig.client().userInfo('o-alice'))).toMatchObject({ api: 'user_info', errcode: 48001, kind: 'bad_request' });
    expect(await wechatError(rig.client().createMenu({ button: [{ type: 'click', name: '入会', key: 'k' }] }))).toMatchObject({ errcode: 48001 });
  });
});

describe('the Official Account', () => {
  const rig = useFixture(() => startWechatRig({ account: 'official' }));

  it('cards need the mini-program’s appid; link messages are not taken', async () => {
    const api = rig.client();
    const thumb = await api.uploadTempMedia('image', png, 't.png', 'image/png');
    const card = { type: 'miniprogrampage' as const, title: '查看案件', pagePath: 'pages/cases/index', thumbMediaId: thumb };
    expect(await wechatError(api.sendCustomMessage('o-alice', card))).toMatchObject({ errcode: 47001, kind: 'bad_request' });
    await api.sendCustomMessage('o-alice', { ...card, appId: 'wxminiprogram000001' });
    expect(rig.fake.customSent).toEqual([{ toUser: 'o-alice', type: 'miniprogrampage', title: '查看案件', pagePath: 'pages/cases/index', thumbMediaId: thumb, appId: 'wxminiprogram000001', at: expect.any(Date) }]);
    expect(await wechatError(api.sendCustomMessage('o-alice', { type: 'link', title: 't', description: 'd', url: 'https://x', thumbUrl: 'https://x/t' }))).toMatchObject({ errcode: 40008 });
    // Voice can be uploaded to an Official Account.
    expect(await api.uploadTempMedia('voice', Buffer.from('#!AMR\n\x00'), 'a.amr', 'audio/amr')).toEqual(expect.any(String));
  });

  it('userInfo says whether the person follows, and their unionid when there is one', async () => {
    const api = rig.client();
    rig.fake.setUser('o-fan', { subscribed: true, unionid: 'u-fan' });
    rig.fake.setUser('o-left', { subscribed: false, unionid: 'u-left' });
    rig.fake.setUser('o-plain', { subscribed: true });
    expect(await api.userInfo('o-fan')).toEqual({ subscribed: true, unionid: 'u-fan' });
    expect(await api.userInfo('o-left')).toEqual({ subscribed: false, unionid: 'u-left' });
    expect(await api.userInfo('o-plain')).toEqual({ subscribed: true });
    const unknown = await api.userInfo('o-nobody');
    expect(unknown).toEqual({ subscribed: false });
    expect('unionid' in unknown).toBe(false);
    expect(rig.fake.calls.find((c) => c.path === '/cgi-bin/user/info')!.query).toEqual({ access_token: expect.any(String), openid: 'o-fan', lang: 'zh_CN' });
    rig.fake.expireTokens();
    expect(await api.userInfo('o-fan')).toEqual({ subscribed: true, unionid: 'u-fan' });
  });

  it('createMenu publishes a menu WeChat accepts, and WeChat’s checks refuse bad ones', async () => {
    const api = rig.client();
    const menu: WechatMenu = {
      button: [
        { type: 'click', name: '入会', key: 'menu:membership' },
        { type: 'click', name: '反映欠薪', key: 'menu:wage' },
        {
          name: '更多',
          sub_button: [
            { type: 'click', name: '法律援助', key: 'menu:legal' },
            { type: 'view', name: '网页', url: 'https://example.org/' },
            { type: 'miniprogram', name: '小程序', url: 'https://example.org/', appid: 'wxmini', pagepath: 'pages/index/index' },
          ],
        },
      ],
    };
    await api.createMenu(menu);
    expect(rig.fake.menus).toEqual([menu]);
    const leaf = (name: string) => ({ type: 'click' as const, name, key: 'k' });
    const bad: [WechatMenu, number][] = [
      [{ button: [] }, 40016],
      [{ button: [leaf('一'), leaf('二'), leaf('三'), leaf('四')] }, 40016],
      [{ button: [leaf('六个汉字太长')] }, 40018],
      [{ button: [{ name: '组', sub_button: [] }] }, 40023],
      [{ button: [{ name: '组', sub_button: [leaf('1'), leaf('2'), leaf('3'), leaf('4'), leaf('5'), leaf('6')] }] }, 40023],
      [{ button: [{ name: '组', sub_button: [leaf('字'.repeat(21))] }] }, 40025],
      [{ button: [{ type: 'click', name: '入会', key: '' }] }, 40019],
      [{ button: [{ type: 'unknown' as 'click', name: '入会', key: 'k' }] }, 40017],
    ];
    for (const [m, errcode] of bad) {
      expect({ m, err: (await wechatError(api.createMenu(m))).errcode }).toEqual({ m, err: errcode });
    }
    expect(rig.fake.menus).toHaveLength(1);
  });
});

describe('secrets in the new calls', () => {
  const rig = useFixture(() => startWechatRig({ account: 'official' }));

  it('access tokens appear in no log line and no error, success or failure', async () => {
    const { fake } = rig;
    const api = rig.client();
    const errors: unknown[] = [];
    const keep = (p: Promise<unknown>) => p.catch((err: unknown) => void errors.push(err));
    await api.sendCustomMessage('o-a', { type: 'text', content: '你好' });
    fake.closeWindow('o-b');
    await keep(api.sendCustomMessage('o-b', { type: 'text', content: '你好' }));
    fake.expireTokens();
    await api.userInfo('o-a');
    fake.failNext('media_get', 40001);
    await keep(api.getTempMedia('nope'));
    await keep(api.uploadTempMedia('image', Buffer.alloc(0), 'x.png', 'image/png'));
    await keep(api.createMenu({ button: [] }));
    fake.failNext('custom', 42001, 2);
    await keep(api.sendCustomMessage('o-a', { type: 'text', content: '你好' }));
    const tokens = [...new Set(fake.calls.map((c) => c.query.access_token).filter((t): t is string => !!t))];
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    expect(errors.length).toBeGreaterThanOrEqual(5);
    const texts = [...rig.logs, ...errors.map((e) => (e instanceof Error ? `${e.stack}\n${JSON.stringify(e)}` : String(e)))];
    for (const secret of [fake.secret, ...tokens]) expect(texts.filter((t) => t.includes(secret))).toEqual([]);
    // Nor the message text.
    expect(texts.filter((t) => t.includes('你好'))).toEqual([]);
  });
});
