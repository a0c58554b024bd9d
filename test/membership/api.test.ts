/*
 * Membership over HTTP: the card check behind the QR code, the applicant's own view, and review
 * by union administrators through the staff API (the same functions as the WeChat commands).
 */
import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { CARD_TOKEN_TTL_SECONDS, signCardToken, verifyCardToken } from '../../core/membership/card.js';
import { membersOf } from '../../core/membership/store.js';
import { signToken } from '../../core/infra/tokens.js';
import { converse } from '../support/converse.js';
import { TEST_ENV } from '../support/core.js';
import { startHttp } from '../support/http.js';
import { pngIsQrOf } from '../support/png.js';
import { LI, NOW, WANG, ZHANG, cardLinkIn, courierUpToReview, person, pngOf, reviewed, staffSays, waitInbox } from './support.js';
import { manualClock } from '../../core/infra/clock.js';

const http = useFixture(() => startHttp({ workers: true, clock: manualClock(NOW), env: { PUBLIC_BASE_URL: 'https://gongyou.example.org/' } }), 'all');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
async function req(method: string, path: string, o: { token?: string; json?: unknown; accept?: string } = {}): Promise<{ status: number; body: Json; raw: string; type: string }> {
  const headers: Record<string, string> = {};
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.json !== undefined) headers['content-type'] = 'application/json';
  if (o.accept) headers.accept = o.accept;
  const res = await fetch(http.base + path, { method, headers, body: o.json === undefined ? undefined : JSON.stringify(o.json) });
  const raw = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: type.includes('json') ? JSON.parse(raw) : raw, raw, type };
}

async function staffToken(staffId: string): Promise<string> {
  const r = await req('POST', '/api/v1/admin/staff-tokens', { token: TEST_ENV.ADMIN_TOKEN, json: { staffId } });
  expect(r.status, r.raw).toBe(201);
  return r.body.token as string;
}

const userToken = (userId: string) => signToken(TEST_ENV.TOKEN_SECRET, { sub: `web:${userId}`, role: 'user' }, 3600, http.t.core.clock.now().getTime());

async function applied(userId: string, p = ZHANG) {
  await courierUpToReview(http.t.chat, `web:${userId}`, p).send('确认').expect(/入会申请已提交/);
  return reviewed(http.t.core, `web:${userId}`);
}

describe('staff API review', () => {
  it('lists what waits for the reviewer, with the ID masked and the phone complete for the assignee only', async () => {
    const m = await applied('api1');
    const nef = await staffToken('urev-nef');
    const list = await req('GET', '/api/v1/staff/memberships', { token: nef });
    expect(list.status).toBe(200);
    expect(list.body.memberships).toHaveLength(1);
    expect(list.body.memberships[0]).toMatchObject({
      appNo: m.appNo,
      status: 'pending',
      union: '青溪区新业态工会联合会',
      name: '张三',
      idNumber: `${ZHANG.id.slice(0, 4)}**********${ZHANG.id.slice(-4)}`,
      phone: ZHANG.phone,
      work: { kind: 'new_form', occupation: '快递员', platform: '顺丰' },
      place: { kind: 'residence', text: '青溪区东龙镇' },
      reviewer: { staffId: 'urev-nef', escalated: false },
    });
    expect(list.raw).not.toContain(ZHANG.id);
    // The district union's reviewer sees nothing waiting, and may not open it before escalation.
    const qx = await staffToken('urev-qx');
    expect((await req('GET', '/api/v1/staff/memberships', { token: qx })).body.memberships).toEqual([]);
    expect((await req('GET', `/api/v1/staff/memberships/${m.appNo}`, { token: qx })).status).toBe(403);
  });

  it('approves through the API, and the WeChat command then refuses a second approval (one code path)', async () => {
    const m = await applied('api2', WANG);
    const nef = await staffToken('urev-nef');
    const r = await req('POST', `/api/v1/staff/memberships/${m.appNo}/approve`, { token: nef });
    expect(r.status, r.raw).toBe(200);
    expect(r.body.membership).toMatchObject({ status: 'approved', memberNo: expect.stringMatching(/^NEF-QINGXI-\d{6}$/) });
    expect(r.raw).not.toContain(WANG.id);
    expect(await staffSays(http.t.core, 'urev-nef', `通过 ${m.appNo}`)).toMatch(/已经审核通过了/);
    const again = await req('POST', `/api/v1/staff/memberships/${m.appNo}/approve`, { token: nef });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'already_approved', message: expect.stringMatching(/已经审核通过了/) });
    await waitInbox(http.t.core, `web:api2`, /【工会会员卡】/);
  });

  it('refuses another union’s reviewer (403), an unknown number (404), a missing reason (400), a user token (403), no token (401)', async () => {
    const m = await applied('api3', LI);
    const e01 = await staffToken('urev-e01');
    const nef = await staffToken('urev-nef');
    const other = await req('POST', `/api/v1/staff/memberships/${m.appNo}/approve`, { token: e01 });
    expect(other.status).toBe(403);
    expect(other.body.error.message).toBe(`入会申请 ${m.appNo} 是交给青溪区新业态工会联合会审核的，不归您审核。`);
    expect((await req('POST', '/api/v1/staff/memberships/RH20991231-0001/approve', { token: nef })).status).toBe(404);
    const noReason = await req('POST', `/api/v1/staff/memberships/${m.appNo}/reject`, { token: nef, json: { reason: '  ' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('reason');
    expect((await req('POST', `/api/v1/staff/memberships/${m.appNo}/approve`, { token: userToken('api3') })).status).toBe(403);
    expect((await req('POST', `/api/v1/staff/memberships/${m.appNo}/approve`)).status).toBe(401);
    expect((await membersOf(http.t.core).get(m.id))!.status).toBe('pending');

    const rejected = await req('POST', `/api/v1/staff/memberships/${m.appNo}/reject`, { token: nef, json: { reason: '职业填写不清楚，请补充' } });
    expect(rejected.status).toBe(200);
    expect(rejected.body.membership).toMatchObject({ status: 'rejected', rejectReason: '职业填写不清楚，请补充' });
    expect(await waitInbox(http.t.core, 'web:api3', /没有通过/)).toContain('职业填写不清楚，请补充');
  });
});

describe('the applicant’s own membership', () => {
  it('GET /api/v1/me/membership: null before, the status while pending, the card with a QR image once approved', async () => {
    const token = userToken('api4');
    expect((await req('GET', '/api/v1/me/membership', { token })).body).toEqual({ membership: null });
    const m = await applied('api4', person(4, '赵六'));
    const pending = await req('GET', '/api/v1/me/membership', { token });
    const id = person(4).id;
    expect(pending.body.membership).toMatchObject({ appNo: m.appNo, status: 'pending', statusText: '审核中', card: null, idNumber: `${id.slice(0, 4)}**********${id.slice(-4)}` });
    expect(pending.raw).not.toContain(id);
    expect((await req('GET', '/api/v1/me/membership', { token: userToken('someone-else') })).body).toEqual({ membership: null });

    await staffSays(http.t.core, 'urev-nef', `通过 ${m.appNo}`);
    const done = await req('GET', '/api/v1/me/membership', { token });
    const card = done.body.membership.card;
    expect(done.body.membership.status).toBe('approved');
    expect(card.verifyUrl).toBe(`https://gongyou.example.org/api/v1/cards/verify?token=${encodeURIComponent(card.token)}`);
    const png = pngOf({ type: 'image', url: card.qr, alt: '' });
    expect(pngIsQrOf(png, card.verifyUrl)).toBe(true);
    expect(pngIsQrOf(png, `${card.verifyUrl}x`)).toBe(false);
  });
});

describe('GET /api/v1/cards/verify', () => {
  async function member(userId: string, p = LI) {
    const m = await applied(userId, p);
    await staffSays(http.t.core, 'urev-nef', `通过 ${m.appNo}`);
    return (await membersOf(http.t.core).get(m.id))!;
  }

  it('the QR image sent in the chat encodes a verify link whose token is valid and shows only the masked name and the union', async () => {
    const m = await member('api5', person(5, '欧阳小明'));
    const img = (await converse(http.t.chat, m.userKey).send('我的会员卡')).replies.at(-1);
    const png = pngOf(img);
    // Issued at the chat's clock.
    const link = cardLinkIn(http.t.core, png, m.id, NOW.getTime(), NOW.getTime());
    expect(link, 'the chat PNG is the QR code of a verify link for this member').not.toBeNull();
    const url = link!.url;
    expect(url).toMatch(/^https:\/\/gongyou\.example\.org\/api\/v1\/cards\/verify\?token=/);
    const r = await req('GET', new URL(url!).pathname + new URL(url!).search);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ valid: true, name: '欧阳**', union: '青溪区新业态工会联合会' });
    expect(r.raw).not.toContain('欧阳小明');
  });

  it('a tampered token is invalid, an expired one says so, garbage and a login token are invalid', async () => {
    const m = await member('api6', person(6, '王小丫'));
    const secret = TEST_ENV.TOKEN_SECRET;
    const good = signCardToken(secret, m.id, CARD_TOKEN_TTL_SECONDS, http.t.core.clock.now().getTime());
    expect((await req('GET', `/api/v1/cards/verify?token=${encodeURIComponent(good)}`)).body).toEqual({ valid: true, name: '王**', union: '青溪区新业态工会联合会' });

    const [body, mac] = good.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const longer = Buffer.from(JSON.stringify({ ...claims, e: claims.e + 10 * 365 * 86400 })).toString('base64url');
    const otherMember = Buffer.from(JSON.stringify({ ...claims, m: 'mSOMEONEELSE' })).toString('base64url');
    const flipped = mac.slice(0, -2) + (mac.at(-2) === 'A' ? 'B' : 'A') + mac.at(-1);
    for (const bad of [`${longer}.${mac}`, `${otherMember}.${mac}`, `${body}.${flipped}`, 'garbage', '', `${good}.x`, signToken(secret, { sub: m.id, role: 'user' }, 3600, http.t.core.clock.now().getTime())]) {
      const r = await req('GET', `/api/v1/cards/verify?token=${encodeURIComponent(bad)}`);
      expect(r.body, bad).toEqual({ valid: false, reason: 'invalid' });
    }
    expect((await req('GET', '/api/v1/cards/verify')).body).toEqual({ valid: false, reason: 'invalid' });

    const old = signCardToken(secret, m.id, 60, http.t.core.clock.now().getTime() - 61_000);
    expect(verifyCardToken(secret, old, http.t.core.clock.now().getTime())).toEqual({ ok: false, reason: 'expired' });
    expect((await req('GET', `/api/v1/cards/verify?token=${encodeURIComponent(old)}`)).body).toEqual({ valid: false, reason: 'expired' });
    // A card token is no login token either.
    expect((await req('GET', '/api/v1/me/membership', { token: good })).status).toBe(401);
  });

  it('a browser scanning the code gets a small page; a member who deleted their data is no longer valid', async () => {
    const rec = await member('api7', person(7, '孙七'));
    const token = signCardToken(TEST_ENV.TOKEN_SECRET, rec.id, CARD_TOKEN_TTL_SECONDS, http.t.core.clock.now().getTime());
    const page = await req('GET', `/api/v1/cards/verify?token=${encodeURIComponent(token)}`, { accept: 'text/html' });
    expect(page.type).toContain('text/html');
    expect(page.raw).toContain('有效会员卡');
    expect(page.raw).toContain('孙*');
    expect(page.raw).not.toContain('孙七');

    await converse(http.t.chat, rec.userKey).send('删除我的信息').send('确认删除').expect(/已删除您的个人信息/);
    expect((await req('GET', `/api/v1/cards/verify?token=${encodeURIComponent(token)}`)).body).toEqual({ valid: false, reason: 'revoked' });
    expect((await req('GET', `/api/v1/cards/verify?token=${encodeURIComponent(token)}`, { accept: 'text/html' })).raw).toContain('无效');
  });
});
