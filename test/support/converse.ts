import { expect } from 'vitest';
import { renderText, type Reply } from '../../core/infra/replies.js';
import type { ChatService } from '../../flows/service.js';
import type { Case } from '../../core/cases/store.js';
import type { Core } from '../../core/context.js';
import { SUBMITTED_REPORT } from './wage-script.js';

/**
 * Transcript-style conversation tests:
 * `await converse(chat, 'web:u1').send('我要反映欠薪').expect(/同意/).send('1')…`
 * Each `expect` checks the replies to the latest `send`; `sendAll('1', '张三')`
 * sends several answers whose replies need no check.
 */
export function converse(chat: ChatService, userKey: string) {
  const ops: (() => Promise<void>)[] = [];
  let last: Reply[] = [];
  let lastText = '';
  const transcript: string[] = [];

  const api = {
    send(text: string, clientMsgId?: string) {
      ops.push(async () => {
        last = await chat.handle(userKey, { kind: 'text', text }, clientMsgId);
        lastText = last.map(renderText).join('\n---\n');
        transcript.push(`> ${text.slice(0, 80)}`, lastText);
      });
      return api;
    },
    /** Sends each text in turn, answers unchecked: the next `expect` looks at the replies to the last. */
    sendAll(...texts: string[]) {
      for (const text of texts) api.send(text);
      return api;
    },
    sendFile(name: string, bytes: Buffer, mediaType?: string) {
      ops.push(async () => {
        last = await chat.handle(userKey, { kind: 'file', meta: { name, mediaType, size: bytes.length }, load: async () => bytes });
        lastText = last.map(renderText).join('\n---\n');
        transcript.push(`> [file ${name}]`, lastText);
      });
      return api;
    },
    expect(pattern: RegExp) {
      ops.push(async () => {
        expect(lastText, `transcript so far:\n${transcript.join('\n')}`).toMatch(pattern);
      });
      return api;
    },
    expectNot(pattern: RegExp) {
      ops.push(async () => {
        expect(lastText, `transcript so far:\n${transcript.join('\n')}`).not.toMatch(pattern);
      });
      return api;
    },
    /** Inspect the last replies (e.g. options) directly. */
    check(fn: (replies: Reply[], text: string) => void) {
      ops.push(async () => fn(last, lastText));
      return api;
    },
    then(resolve: (v: { replies: Reply[]; text: string; transcript: string[] }) => void, reject: (e: unknown) => void) {
      (async () => {
        for (const op of ops.splice(0)) await op();
        return { replies: last, text: lastText, transcript };
      })().then(resolve, reject);
    },
  };
  return api;
}

/**
 * A person who has just sent the script's report (SUBMITTED_REPORT: 6,000 yuan, 王芳), their conversation
 * (to go on with) and the case it made.
 */
export async function reportSubmitted(t: { chat: ChatService; core: Core }, userKey: string): Promise<{ chat: ReturnType<typeof converse>; c: Case }> {
  const chat = converse(t.chat, userKey);
  for (const said of SUBMITTED_REPORT) chat.send(said);
  await chat.expect(/提交成功/);
  const [c] = await t.core.cases.listByUser(userKey, 20);
  if (!c) throw new Error(`no case for ${userKey}`);
  return { chat, c };
}

/**
 * A legal-aid booking made on Tuesday 1 December 2026 (the clock the callers set): unpaid wages, still there, at
 * 东龙镇工会驿站 on Thursday 3 December 09:00, for 王芳; the conversation, to go on with.
 */
export function bookedThursday(chat: ChatService, userKey: string) {
  return converse(chat, userKey)
    .sendAll('我想找律师咨询', '1', '欠薪', '1', '1', '东龙镇', '1', '12月3日', '1', '王芳', '13700001111', '确认')
    .expect(/预约成功！您的预约号是 YY\d{8}-\d{4}/)
    .expect(/12月3日（周四） 09:00-09:30/);
}
