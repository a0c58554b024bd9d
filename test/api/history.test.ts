/*
 * A person's chat on the server: what the web chat and the mini-program
 * show when they open. Nothing is sent on the person's behalf; their
 * messages, the replies and later notices are kept in order, sealed, and
 * paged backwards and forwards. Files come as a raw body or as
 * multipart/form-data (wx.uploadFile).
 */
import { describe, expect, it } from 'vitest';
import { HistorySchema, ChatRepliesSchema, ErrorBodySchema } from '../../api/contract.js';
import { manualClock } from '../../core/infra/clock.js';
import { inboxKeys } from '../../core/infra/messenger.js';
import { useFixture } from '../support/fixture.js';
import { converse } from '../support/converse.js';
import { startHttp } from '../support/http.js';

const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9]);
const http = useFixture(() => startHttp({ clock: manualClock(new Date('2026-11-21T10:00:00+08:00')), env: { MAX_UPLOAD_MB: '1' } }), 'all');

let seq = 0;
async function login(userId = `h${process.pid}x${++seq}`): Promise<{ token: string; userKey: string }> {
  const r = await fetch(`${http.base}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  expect(r.status).toBe(200);
  return { token: ((await r.json()) as { token: string }).token, userKey: `web:${userId}` };
}
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function history(token: string, query = '') {
  const r = await fetch(`${http.base}/api/v1/chat/history${query}`, { headers: auth(token) });
  expect(r.status, query).toBe(200);
  return HistorySchema.parse(await r.json());
}

async function say(token: string, text: string, clientMsgId?: string) {
  const r = await fetch(`${http.base}/api/v1/chat/messages`, {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'application/json' },
    body: JSON.stringify(clientMsgId ? { text, clientMsgId } : { text }),
  });
  expect(r.status).toBe(200);
  return ChatRepliesSchema.parse(await r.json()).replies;
}

describe('GET /api/v1/chat/history', () => {
  it('when a person opens an empty chat, then they see the welcome with the menu, and nothing is stored or sent for them', async () => {
    const { token, userKey } = await login();
    const h = await history(token);
    expect(h).toMatchObject({ items: [], more: false, last: 0 });
    expect(h.welcome[0]).toMatchObject({ type: 'text', text: expect.stringContaining('工友助手') });
    expect(h.welcome[0]!.type === 'text' && h.welcome[0]!.options?.map((o) => o.label)).toEqual(['加入工会', '反映欠薪', '预约法律援助', '查询进度', '人工服务']);
    // Opening twice changes nothing: no session was started on the person's behalf.
    expect((await history(token)).last).toBe(0);
    expect((await http.t.core.conversation.sessions.load(userKey)).data).toBeNull();
  });

  it('when a person chats, then each message and its replies are kept in order, and a resent message is kept once', async () => {
    const { token } = await login();
    const first = await say(token, '你好', 'c1');
    const second = await say(token, '1', 'c2');
    await say(token, '1', 'c2');
    const h = await history(token);
    expect(h.items.map((i) => i.from)).toEqual(['user', 'bot', 'user', 'bot']);
    expect(h.items.map((i) => i.seq)).toEqual([1, 2, 3, 4]);
    expect(h.last).toBe(4);
    expect(h.items[0]!.replies).toEqual([{ type: 'text', text: '你好' }]);
    expect(h.items[1]!.replies).toEqual(first);
    expect(h.items[3]!.replies).toEqual(second);
    expect(h.welcome).toEqual([]);
  });

  it('when the chat is long, then it pages back with before= and forward with after=, without gaps or repeats', async () => {
    const { token } = await login();
    for (let i = 1; i <= 7; i++) await say(token, `第${i}条`);
    const newest = await history(token, '?limit=4');
    expect(newest.items.map((i) => i.seq)).toEqual([11, 12, 13, 14]);
    expect(newest.more).toBe(true);
    const pages = [newest.items];
    let more = newest.more;
    while (more) {
      const p = await history(token, `?limit=4&before=${pages[0]![0]!.seq}`);
      pages.unshift(p.items);
      more = p.more;
    }
    expect(pages.flat().map((i) => i.seq)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(pages.flat().filter((i) => i.from === 'user').map((i) => (i.replies[0] as { text: string }).text)).toEqual(Array.from({ length: 7 }, (_, i) => `第${i + 1}条`));

    const forward = await history(token, '?after=9&limit=3');
    expect(forward.items.map((i) => i.seq)).toEqual([10, 11, 12]);
    expect(forward.more).toBe(true);
    expect((await history(token, '?after=14')).items).toEqual([]);
  });

  it('when a notice comes for the person (case progress, a staff reply), then polling after the last seq brings it, marked as a notice', async () => {
    const { token, userKey } = await login();
    await say(token, '你好');
    const { last } = await history(token);
    await http.t.core.inbox.push(userKey, [{ type: 'text', text: '【进度】您的案件已交给东龙镇第一网格处理。' }]);
    const polled = await history(token, `?after=${last}`);
    expect(polled.items).toHaveLength(1);
    expect(polled.items[0]).toMatchObject({ seq: last + 1, from: 'notice', replies: [{ type: 'text', text: expect.stringContaining('第一网格') }] });
  });

  it("when notices come, then the list of them behind /updates expires with the chat history; one kept before it had a TTL is read where it was, then moved with its positions by the next notice", async () => {
    const { core } = http.t;
    const { userKey } = await login();
    const { updates, list, history: chat } = inboxKeys(core.config.REDIS_PREFIX);
    await core.inbox.push(userKey, [{ type: 'text', text: '【进度】一' }]);
    const historyTtl = await core.redis.ttl(chat(userKey));
    expect(historyTtl).toBeGreaterThan(0);
    // Set in the same step as the history's (read a moment apart).
    expect(Math.abs((await core.redis.ttl(updates(userKey))) - historyTtl)).toBeLessThanOrEqual(1);
    expect(await core.redis.exists(list(userKey))).toBe(0);

    // Someone whose notices were listed before: the list under `to:` (no TTL), pointing into their history.
    const old = await login();
    await core.inbox.push(old.userKey, [{ type: 'text', text: '【进度】旧一' }]);
    await core.inbox.push(old.userKey, [{ type: 'text', text: '【进度】旧二' }]);
    await core.redis.rename(updates(old.userKey), list(old.userKey));
    await core.redis.persist(list(old.userKey));
    const texts = async (after = 0) => (await core.inbox.read(old.userKey, after)).items.flatMap((i) => i.replies.map((r) => (r.type === 'text' ? r.text : '')));
    expect(await texts()).toEqual(['【进度】旧一', '【进度】旧二']);
    const { next } = await core.inbox.read(old.userKey);
    expect(next).toBe(2);
    // Their next notice moves the list, so a client that saw two still gets exactly the third.
    await core.inbox.push(old.userKey, [{ type: 'text', text: '【进度】新三' }]);
    expect(await core.redis.exists(list(old.userKey))).toBe(0);
    expect(await core.redis.ttl(updates(old.userKey))).toBeGreaterThan(0);
    expect(await texts(next)).toEqual(['【进度】新三']);
    expect(await texts()).toEqual(['【进度】旧一', '【进度】旧二', '【进度】新三']);

    // 删除我的信息 removes the list wherever it is kept.
    const third = await login();
    await core.inbox.push(third.userKey, [{ type: 'text', text: '【进度】甲' }]);
    await core.redis.rPush(list(third.userKey), '@1');
    await core.inbox.forget(third.userKey);
    expect(await core.redis.exists([updates(third.userKey), list(third.userKey)])).toBe(0);
  });

  it('when two people chat, then each sees only their own chat', async () => {
    const a = await login();
    const b = await login();
    await say(a.token, '我是甲');
    const seen = await history(b.token);
    expect(seen.items).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('我是甲');
  });

  it('when a person types their phone number, then it is kept only sealed in Redis', async () => {
    const { token } = await login();
    await say(token, '我的电话是13912345678');
    expect(JSON.stringify((await history(token)).items)).toContain('13912345678');
    const keys = (await http.t.keys()).filter((k) => k.includes(':history'));
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) {
      const type = await http.t.core.redis.type(k);
      const values = type === 'zset' ? await http.t.core.redis.zRange(k, 0, -1) : [String(await http.t.core.redis.get(k))];
      for (const v of values) expect(v).not.toContain('13912345678');
    }
  });

  it('when a person asks to delete their information, then their chat is emptied too, and the numbering goes on', async () => {
    const { token, userKey } = await login();
    await say(token, '我的电话是13912345678');
    await http.t.core.inbox.push(userKey, [{ type: 'text', text: '【进度】已受理' }]);
    await say(token, '删除我的信息');
    await say(token, '确定');
    const h = await history(token);
    expect(JSON.stringify(h)).not.toContain('13912345678');
    expect(JSON.stringify(h)).not.toContain('已受理');
    expect(h.items.map((i) => i.seq)).toEqual([h.last - 1, h.last]);
    expect(h.items[1]!.replies[0]).toMatchObject({ text: expect.stringContaining('已删除您的个人信息') });
    expect((await http.t.core.inbox.read(userKey)).items).toEqual([]);
  });

  it('when a message is huge, then the history keeps its first 2000 characters', async () => {
    const { token } = await login();
    await say(token, '欠'.repeat(20_000));
    const [mine] = (await history(token)).items;
    expect((mine!.replies[0] as { text: string }).text).toBe('欠'.repeat(2000));
  });

  it.each([
    ['before=-1', 'before'],
    ['before=abc', 'before'],
    ['after=1.5', 'after'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=1e3', 'limit'],
    ['before=3&after=1', 'after'],
    ['before=1&before=2', 'before'],
    [`after=${'9'.repeat(40)}`, 'after'],
    ['limit=<script>', 'limit'],
  ])('when the query is %s, then 400 names %s', async (query, field) => {
    const { token } = await login();
    const r = await fetch(`${http.base}/api/v1/chat/history?${query}`, { headers: auth(token) });
    expect(r.status).toBe(400);
    expect(ErrorBodySchema.parse(await r.json()).error).toMatchObject({ code: 'invalid', field });
  });

  it('when there is no valid token, then 401', async () => {
    expect((await fetch(`${http.base}/api/v1/chat/history`)).status).toBe(401);
  });
});

describe('POST /api/v1/chat/files as multipart/form-data (wx.uploadFile)', () => {
  /** Up to the wage flow's evidence step, through the chat service itself. */
  async function atEvidence(userKey: string) {
    await converse(http.t.chat, userKey)
      .send('2').send('1').send('青溪宏达').send('东龙镇').send('新塘社区').send('不是').send('三个月').send('28500').send('就我一个').send('还在干').send('都跳过')
      .expect(/照片|材料|证据/);
  }
  const form = (name: string, bytes: Buffer, type: string, field = 'file') => {
    const f = new FormData();
    f.append('note', 'from the mini-program');
    f.append(field, new Blob([new Uint8Array(bytes)], { type }), name);
    return f;
  };

  it('when the file comes in the field `file` at the evidence step, then it is taken as evidence and shows in the history', async () => {
    const { token, userKey } = await login();
    await atEvidence(userKey);
    const r = await fetch(`${http.base}/api/v1/chat/files`, { method: 'POST', headers: auth(token), body: form('工资条.jpg', JPG, 'image/jpeg') });
    expect(r.status).toBe(200);
    const replies = ChatRepliesSchema.parse(await r.json()).replies;
    expect(JSON.stringify(replies)).toMatch(/收到「工资条\.jpg」/);
    const h = await history(token);
    expect(h.items.at(-2)).toMatchObject({ from: 'user', replies: [{ type: 'text', text: '[文件] 工资条.jpg' }] });
    // The bytes themselves reach the case once it is submitted.
    await converse(http.t.chat, userKey).send('完成').send('张三').send('13800138000').send('确认').expect(/提交成功/);
    const [c] = await http.t.core.cases.listByUser(userKey);
    expect(c!.evidence).toHaveLength(1);
    expect(c!.evidence[0]).toMatchObject({ name: '工资条.jpg', mediaType: 'image/jpeg', size: JPG.length });
  });

  it('when the mini-program sends the file under a temporary name and the real one in `fileName`, then the real name is kept', async () => {
    const { token, userKey } = await login();
    await atEvidence(userKey);
    const f = form('tmp_8c1d2e.pdf', Buffer.from('%PDF-1.4\n%%EOF'), 'application/pdf');
    f.append('fileName', '劳动合同.pdf');
    const r = await fetch(`${http.base}/api/v1/chat/files`, { method: 'POST', headers: auth(token), body: f });
    expect(r.status).toBe(200);
    expect(JSON.stringify(await r.json())).toContain('劳动合同.pdf');
    expect((await history(token)).items.at(-2)).toMatchObject({ replies: [{ text: '[文件] 劳动合同.pdf' }] });
  });

  it('when the same file is sent again with the same X-Client-Msg-Id (a lost answer), then it is taken once', async () => {
    const { token, userKey } = await login();
    await atEvidence(userKey);
    const send = () => fetch(`${http.base}/api/v1/chat/files`, { method: 'POST', headers: { ...auth(token), 'x-client-msg-id': 'file-1' }, body: form('工资条.jpg', JPG, 'image/jpeg') });
    const first = await (await send()).json();
    const again = await (await send()).json();
    expect(again).toEqual(first);
    expect((await history(token)).items.filter((i) => i.from === 'user')).toHaveLength(1);
    const bad = await fetch(`${http.base}/api/v1/chat/files`, { method: 'POST', headers: { ...auth(token), 'x-client-msg-id': '<x>' }, body: form('a.jpg', JPG, 'image/jpeg') });
    expect(bad.status).toBe(400);
    expect(ErrorBodySchema.parse(await bad.json()).error.field).toBe('X-Client-Msg-Id');
  });

  it('when the body has no `file` field, then 400 names the file and nothing is taken', async () => {
    const { token, userKey } = await login();
    await atEvidence(userKey);
    const r = await fetch(`${http.base}/api/v1/chat/files`, { method: 'POST', headers: auth(token), body: form('a.jpg', JPG, 'image/jpeg', 'photo') });
    expect(r.status).toBe(400);
    expect(ErrorBodySchema.parse(await r.json()).error).toMatchObject({ field: 'file', message: expect.stringContaining('没有收到文件') });
    expect((await history(token)).items).toEqual([]);
  });

  it('when the file is larger than MAX_UPLOAD_MB, then 413 and nothing is taken', async () => {
    const { token, userKey } = await login();
    await atEvidence(userKey);
    const big = Buffer.alloc(1024 * 1024 + 10, 7);
    big.set(JPG.subarray(0, 4));
    const r = await fetch(`${http.base}/api/v1/chat/files`, { method: 'POST', headers: auth(token), body: form('big.jpg', big, 'image/jpeg') });
    expect(r.status).toBe(413);
    expect(ErrorBodySchema.parse(await r.json()).error.code).toBe('payload_too_large');
    const session = await http.t.core.conversation.sessions.load(userKey);
    expect(JSON.stringify(session.data)).not.toContain('big.jpg');
  });

  it('when the multipart body is broken (no boundary), then 400 names the file', async () => {
    const { token } = await login();
    const r = await fetch(`${http.base}/api/v1/chat/files`, { method: 'POST', headers: { ...auth(token), 'content-type': 'multipart/form-data' }, body: 'garbage' });
    expect(r.status).toBe(400);
    expect(ErrorBodySchema.parse(await r.json()).error.field).toBe('file');
  });
});
