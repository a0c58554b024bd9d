/*
 * A message's turn is two round trips to Redis. Its place in line reads, in the same step, what the turn reads
 * first when it holds the lock (core/conversation/lock-turn.lua: the session, the replies kept for a resend of the
 * message). It ends in one step (core/conversation/turn-commit.lua): the session as the turn left it, the replies
 * kept for a resend and the person's lock given up, all or nothing; the chat history's two entries go in the same
 * round trip, just before. It was four (the ticket; the reads; the session saved; then the replies, the history
 * and the lock), and a process that died between the last two left a session saved whose replies a resend did not
 * find — the resent answer was then read as the answer to the next question.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { readdirSync } from 'node:fs';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../core/infra/replies.js';
import { manualClock } from '../../core/infra/clock.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { useFixture } from '../support/fixture.js';
import { startHttp } from '../support/http.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);
const http = useFixture(() => startHttp({ clock: manualClock(NOW) }), 'all');

const someone = (tag: string) => `web:turn-commit-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const said = (replies: { type: string }[]) => replies.map((r) => renderText(r as never)).join('\n');

type Write = (this: net.Socket, ...args: unknown[]) => unknown;
const proto = net.Socket.prototype as unknown as { _writeGeneric: Write };

/** The writes each socket of this process makes while `fn` runs (each is one round trip's requests, sent together). */
async function writesDuring(fn: () => Promise<unknown>): Promise<Map<net.Socket, string[]>> {
  const seen = new Map<net.Socket, string[]>();
  const original = proto._writeGeneric;
  proto._writeGeneric = function (this: net.Socket, ...args: unknown[]) {
    const [writev, data] = args as [boolean, unknown];
    const text = writev ? (data as { chunk: unknown }[]).map((c) => String(c.chunk)).join('') : String(data);
    seen.set(this, [...(seen.get(this) ?? []), text]);
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto._writeGeneric = original;
  }
  return seen;
}

describe("a message's turn", () => {
  it('takes two round trips to Redis: its place in line, with the session and the replies kept read as it holds the lock; the end of the turn', async () => {
    const user = someone('trips');
    await t.chat.handle(user, { kind: 'text', text: '老板欠我工资' }, 'm1', { keepHistory: true });
    // The app's own connection: the one a PING of its client goes out on.
    const pinged = await writesDuring(() => t.core.redis.ping());
    const socket = [...pinged].find(([, w]) => w.some((x) => x.includes('PING')))![0];
    const turn = await writesDuring(() => t.chat.handle(user, { kind: 'text', text: '同意' }, 'm2', { keepHistory: true }));
    const trips = turn.get(socket) ?? [];
    expect(trips).toHaveLength(2);
    // The first: the ticket, reading the session and the replies kept for the message in the same step.
    for (const key of [t.core.conversation.keys.lock(user), t.core.conversation.keys.session(user), t.core.conversation.keys.replies(user), 'm2']) expect(trips[0]).toContain(key);
    // The last holds all of the turn's writes: the history's entries, then the session, the replies and the lock.
    expect(trips[1]).toContain('EVAL');
    for (const key of [t.core.conversation.keys.session(user), t.core.conversation.keys.replies(user), t.core.conversation.keys.lock(user)]) expect(trips[1]).toContain(key);
    expect((await t.core.conversation.repliesOf(user, 'm2'))?.map((r) => renderText(r)).join('\n')).toMatch(/单位叫什么|叫什么名字/);
    expect((await session(user)).answers.consent).toBe(true);
  });

  it('saved by someone else meanwhile: nothing of it is written, it is taken again on the newer session, and the history has it once', async () => {
    const user = someone('conflict');
    await t.chat.handle(user, { kind: 'text', text: '老板欠我工资' }, 'c1', { keepHistory: true });
    const before = await t.core.conversation.sessions.load(user);
    const history = t.core.inbox.history;
    const append = history.append;
    let raced: Promise<unknown> | null = null;
    // Another process saves the same session just before this turn's end reaches Redis (its write goes first on the connection).
    history.append = (...args: Parameters<typeof append>) => {
      raced ??= t.core.conversation.sessions.save(user, before.version, before.data);
      return append(...args);
    };
    let replies;
    try {
      replies = await t.chat.handle(user, { kind: 'text', text: '同意' }, 'c2', { keepHistory: true });
    } finally {
      history.append = append;
    }
    await raced;
    expect(said(replies)).toMatch(/单位叫什么|叫什么名字/);
    // The other save, then this turn's, taken again on it.
    expect((await t.core.conversation.sessions.load(user)).version).toBe(before.version + 2);
    expect((await session(user)).answers.consent).toBe(true);
    // The history: the first message and its replies, then this one's once (the first try's entries taken back).
    const page = await history.before(user, 20);
    expect(page.items.map((i) => i.from)).toEqual(['user', 'bot', 'user', 'bot']);
    expect(page.items[2]!.replies).toEqual([{ type: 'text', text: '同意' }]);
    expect(page.items[3]!.replies).toEqual(replies);
    // A resend gets the replies the turn gave.
    expect(await t.core.conversation.repliesOf(user, 'c2')).toEqual(replies);
    expect(await t.chat.handle(user, { kind: 'text', text: '同意' }, 'c2', { keepHistory: true })).toEqual(replies);
  });
});

describe('a turn that could not be written', () => {
  it('lets go of nothing: 取消 whose end fails keeps the draft and its files; 取消 again deletes them', async () => {
    const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9]);
    const user = someone('let-go');
    const files = () => readdirSync(t.evidenceDir);
    const before = files().length;
    await converse(t.chat, user)
      .sendAll('2', '1', '青溪宏达', '东龙镇', '新塘社区', '不是', '三个月', '28500', '就我一个', '还在干', '都跳过')
      .sendFile('工资条.jpg', JPG, 'image/jpeg')
      .expect(/共1份/);
    expect(files()).toHaveLength(before + 1);
    const conversation = t.core.conversation;
    const commitTurn = conversation.commitTurn;
    conversation.commitTurn = async () => {
      throw new Error('Redis went away');
    };
    try {
      await expect(t.chat.handle(user, { kind: 'text', text: '取消' })).rejects.toThrow('Redis went away');
    } finally {
      conversation.commitTurn = commitTurn;
    }
    // Nothing of the turn happened: the draft is there, and so is its file.
    expect(files()).toHaveLength(before + 1);
    expect((await session(user)).flowId).toBe('wage');
    await t.chat.handle(user, { kind: 'text', text: '取消' });
    expect(files()).toHaveLength(before);
  });
});

describe('a message sent to the chat API', () => {
  it('is two round trips to Redis too: its place in line, sign-in and rate, with the reads; the end of the turn', async () => {
    const r = await fetch(`${http.base}/api/v1/auth/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: `tc${process.pid}` }) });
    const { token } = (await r.json()) as { token: string };
    const user = `web:tc${process.pid}`;
    const post = (text: string, clientMsgId: string) =>
      fetch(`${http.base}/api/v1/chat/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text, clientMsgId }),
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as { replies: { type: string }[] } }));
    expect((await post('老板欠我工资', 'h1')).status).toBe(200);
    const pinged = await writesDuring(() => http.t.core.redis.ping());
    const socket = [...pinged].find(([, w]) => w.some((x) => x.includes('PING')))![0];
    let answer: Awaited<ReturnType<typeof post>> | null = null;
    const trips = (await writesDuring(async () => (answer = await post('同意', 'h2')))).get(socket) ?? [];
    expect(answer!.status).toBe(200);
    expect(said(answer!.body.replies)).toMatch(/单位叫什么|叫什么名字/);
    expect(trips).toHaveLength(2);
    for (const key of [http.t.core.conversation.keys.lock(user), http.t.core.conversation.keys.session(user), 'h2']) expect(trips[0]).toContain(key);
    for (const key of [http.t.core.conversation.keys.session(user), http.t.core.conversation.keys.replies(user)]) expect(trips[1]).toContain(key);
    // A resend: the same replies, from the ticket's read.
    expect((await post('同意', 'h2')).body.replies).toEqual(answer!.body.replies);
  });
});
