import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEvidenceStore } from '../../core/cases/evidence.js';
import { createChatService } from '../../flows/service.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

/**
 * `fixedAnswer` (only `npm run bench` sets it): the bench's "without
 * understanding" line claims it replaces the conversation and nothing else
 * of a turn. If it skipped the session save, the reply cache or the history,
 * that line would overstate what the chat could reach.
 */
describe('a chat service with a fixed answer (the bench\'s shell)', () => {
  const t = useFixture(() => startTestCore());
  const dir = mkdtempSync(join(tmpdir(), 'gongyou-fixed-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const FIXED = [{ type: 'text' as const, text: '收到，请继续。' }];

  it('answers every message with it, and still saves the session, caches the replies and keeps the history', async () => {
    const shell = createChatService(t.core, { evidence: createEvidenceStore(dir, t.core.config.DATA_KEY), fixedAnswer: FIXED });
    const user = 'web:fixed-1';
    expect(await shell.handle(user, { kind: 'text', text: '老板拖了我三个月工资' }, 'm1', { keepHistory: true })).toEqual(FIXED);
    expect(await shell.handle(user, { kind: 'text', text: '1' }, 'm2', { keepHistory: true })).toEqual(FIXED);
    // The session was saved on each turn (its version counts the saves), and nothing was understood.
    const session = await t.chat.sessions.load(user, t.core.clock.now());
    expect(session.version).toBe(2);
    expect(session.flowId).toBeNull();
    // The reply cache: the same clientMsgId is answered from it, not by a third turn.
    expect(await shell.handle(user, { kind: 'text', text: '1' }, 'm2', { keepHistory: true })).toEqual(FIXED);
    expect((await t.chat.sessions.load(user, t.core.clock.now())).version).toBe(2);
    // The history: both messages and both answers.
    const page = await t.core.inbox.history.before(user, 10);
    expect(page.items.map((i) => i.from)).toEqual(['user', 'bot', 'user', 'bot']);
  });

  it('is off unless set: the real service understands the same message', async () => {
    const replies = await t.chat.handle('web:fixed-2', { kind: 'text', text: '老板拖了我三个月工资' });
    expect(replies).not.toEqual(FIXED);
    expect((await t.chat.sessions.load('web:fixed-2', t.core.clock.now())).flowId).toBe('wage');
  });
});
