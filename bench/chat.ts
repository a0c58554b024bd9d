import type { Server } from 'node:http';
import Koa from 'koa';
import { createApp } from '../api/app.js';
import { closeServer, listen } from '../api/server.js';
import type { Core } from '../core/context.js';
import { renderText, type Reply } from '../core/infra/replies.js';
import { signToken } from '../core/infra/tokens.js';
import type { ChatService } from '../flows/service.js';
import { performance } from 'node:perf_hooks';
import { closedLoop, httpClient } from './http-load.js';
import { EMPLOYER_TO_LEAVING, type Step } from '../test/support/wage-script.js';

/**
 * The wage conversation from test/flows/wage-flow.test.ts, consent to the
 * review screen: each message with what its answer must contain (a wrong
 * answer means the bench is not measuring the real flow, so it fails).
 */
export const WAGE_SCRIPT: readonly Step[] = [
  ['老板拖了我三个月工资', /同意吗/],
  // The months said in the opening message are confirmed once consent is given.
  ['1', /我理解的是：拖欠时间/],
  ['对', /单位叫什么/],
  ...EMPLOYER_TO_LEAVING,
  ['上个月', /补充信息/],
  ['都跳过', /证据/],
  ['没有', /怎么称呼/],
  ['张三', /手机号/],
  ['+86 138 0013 8000', /请核对/],
];

export interface LoadPlan {
  /** Simulated users talking at the same time (closed loop, one keep-alive socket each). */
  users: number;
  /** Conversations each simulated user walks, one after another, each as a fresh web user. */
  conversations: number;
}

export interface LoadResult {
  latencies: number[];
  seconds: number;
}

let msgSeq = 0;
const clientMsgId = () => `b${(++msgSeq).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** Runs the chat app on 127.0.0.1:0 (the real app: createApp + listen). */
export async function startChatServer(core: Core, chat: ChatService): Promise<{ url: string; server: Server }> {
  const server = await listen(createApp({ core, chat }), 0, '127.0.0.1');
  const addr = server.address();
  if (!addr || typeof addr !== 'object') throw new Error('chat server has no address');
  return { url: `http://127.0.0.1:${addr.port}`, server };
}

/** One message sent by a simulated user: checks the answer and returns its latency (ms). */
type SendOne = (client: ReturnType<typeof httpClient>, userKey: string, token: string, text: string, expected: RegExp) => Promise<number>;

/**
 * `plan.users` simulated web users at once; each walks the wage conversation
 * up to review `plan.conversations` times (a fresh user key each time, as the
 * web chat would after a new dev login), sending each message with `send`.
 */
async function drive(url: string, core: Core, plan: LoadPlan, tag: string, send: SendOne): Promise<LoadResult> {
  const client = httpClient(url, plan.users);
  const latencies: number[] = [];
  try {
    const seconds = await closedLoop(plan.users, async (u, stopped) => {
      for (let c = 0; c < plan.conversations && !stopped(); c++) {
        const userKey = `web:${tag}-${u}-${c}`;
        const token = signToken(core.config.TOKEN_SECRET, { sub: userKey, role: 'user' }, 3600, core.clock.now().getTime());
        for (const [text, expected] of WAGE_SCRIPT) {
          if (stopped()) return;
          latencies.push(await send(client, userKey, token, text, expected));
        }
      }
    });
    return { latencies, seconds };
  } finally {
    client.close();
  }
}

/** The real chat endpoint, sending what the web page sends; every answer is checked. */
const chatSend: SendOne = async (client, userKey, token, text, expected) => {
  const res = await client.post('/api/v1/chat/messages', { text, clientMsgId: clientMsgId() }, { authorization: `Bearer ${token}` });
  if (res.status !== 200) throw new Error(`chat ${userKey} «${text}»: HTTP ${res.status} ${res.body.slice(0, 300)}`);
  const said = (JSON.parse(res.body) as { replies: Reply[] }).replies.map(renderText).join('\n');
  if (!expected.test(said)) throw new Error(`chat ${userKey} «${text}»: expected ${expected}, got:\n${said.slice(0, 400)}`);
  return res.ms;
};

export function driveChat(url: string, core: Core, plan: LoadPlan, tag: string): Promise<LoadResult> {
  return drive(url, core, plan, tag, chatSend);
}

/** What the chat service answers every message with in the shell run (`fixedAnswer`). */
export const SHELL_ANSWER: Reply[] = [{ type: 'text', text: '收到，请继续。' }];

/** The same endpoint on a chat service whose conversation is `SHELL_ANSWER`: each answer must be exactly that. */
const shellSend: SendOne = async (client, userKey, token, text) => {
  const res = await client.post('/api/v1/chat/messages', { text, clientMsgId: clientMsgId() }, { authorization: `Bearer ${token}` });
  if (res.status !== 200) throw new Error(`shell ${userKey} «${text}»: HTTP ${res.status} ${res.body.slice(0, 300)}`);
  const said = (JSON.parse(res.body) as { replies: Reply[] }).replies.map(renderText).join('\n');
  if (said !== SHELL_ANSWER.map(renderText).join('\n')) throw new Error(`shell ${userKey} «${text}»: got ${said.slice(0, 200)}`);
  return res.ms;
};

/**
 * The wage script's messages sent to the chat endpoint of a service with a
 * fixed answer (`fixedAnswer`): what a turn costs without understanding —
 * the order lock, sign-in, rate limit, reply cache, the encrypted session
 * read and saved and the history — the most the chat could reach whatever
 * the engine did.
 */
export function driveShell(url: string, core: Core, plan: LoadPlan, tag: string): Promise<LoadResult> {
  return drive(url, core, plan, tag, shellSend);
}

export interface PacedPlan {
  users: number;
  /** Each user sends a message this often (a person reading the answer and typing the next). */
  intervalMs: number;
  seconds: number;
}

export interface PacedResult extends LoadResult {
  /** How late each message was sent after its planned time (ms): the answer before it was still on its way. */
  lag: number[];
}

/**
 * `plan.users` people chatting at a person's pace (an open loop): user `u`
 * sends its k-th message at `t0 + (u / users + k) · interval`, or as soon as
 * the answer to the one before has come if that is later (a person waits for
 * the answer), walking the wage conversation again and again, each time as
 * a fresh user. Latency is from sending to the answer; `lag` says how far
 * behind plan the sends were.
 */
async function drivePaced(url: string, core: Core, plan: PacedPlan, tag: string, send: SendOne): Promise<PacedResult> {
  const client = httpClient(url, plan.users);
  const latencies: number[] = [];
  const lag: number[] = [];
  const t0 = performance.now() + 50;
  const end = t0 + plan.seconds * 1000;
  try {
    const seconds = await closedLoop(plan.users, async (u, stopped) => {
      let k = 0;
      for (let c = 0; !stopped(); c++) {
        const userKey = `web:${tag}-${u}-${c}`;
        const token = signToken(core.config.TOKEN_SECRET, { sub: userKey, role: 'user' }, 3600, core.clock.now().getTime());
        for (const [text, expected] of WAGE_SCRIPT) {
          const due = t0 + ((u / plan.users) + k++) * plan.intervalMs;
          if (due >= end || stopped()) return;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          lag.push(Math.max(0, performance.now() - due));
          latencies.push(await send(client, userKey, token, text, expected));
        }
      }
    });
    return { latencies, lag, seconds };
  } finally {
    client.close();
  }
}

/** The chat endpoint at a person's pace (see drivePaced). */
export function driveChatPaced(url: string, core: Core, plan: PacedPlan, tag: string): Promise<PacedResult> {
  return drivePaced(url, core, plan, tag, chatSend);
}

/** The baseline at the same pace, same users and bodies. */
export function driveBaselinePaced(url: string, core: Core, plan: PacedPlan, tag: string): Promise<PacedResult> {
  return drivePaced(url, core, plan, tag, baselineSend);
}

/**
 * The baseline: a bare Koa app whose one route reads the JSON body and does
 * two Redis round trips (GET then SET of a per-user key) on the same Redis,
 * through the same node-redis client the app uses.
 */
export async function startBaselineServer(core: Core): Promise<{ url: string; server: Server }> {
  const app = new Koa();
  const keyPrefix = `${core.keys.prefix}:bench-baseline:`;
  app.use(async (ctx) => {
    if (ctx.method !== 'POST' || ctx.path !== '/baseline') {
      ctx.status = 404;
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text?: string };
    const key = keyPrefix + ctx.get('x-bench-user');
    const prev = await core.redis.get(key);
    await core.redis.set(key, String(Number(prev ?? 0) + 1), { EX: 600 });
    ctx.body = { replies: [{ type: 'text', text: `ok ${body.text?.length ?? 0}` }] };
  });
  const server = await listen(app, 0, '127.0.0.1');
  const addr = server.address();
  if (!addr || typeof addr !== 'object') throw new Error('baseline server has no address');
  return { url: `http://127.0.0.1:${addr.port}`, server };
}

const baselineSend: SendOne = async (client, userKey, token, text) => {
  const res = await client.post('/baseline', { text, clientMsgId: clientMsgId() }, { authorization: `Bearer ${token}`, 'x-bench-user': userKey });
  if (res.status !== 200) throw new Error(`baseline ${userKey}: HTTP ${res.status} ${res.body.slice(0, 300)}`);
  return res.ms;
};

/** Same users, same request count and bodies as {@link driveChat}, against the baseline route. */
export function driveBaseline(url: string, core: Core, plan: LoadPlan, tag: string): Promise<LoadResult> {
  return drive(url, core, plan, tag, baselineSend);
}

export { closeServer };

/**
 * CPU per message of a turn taken one person at a time, in process (`chat.handle`, no HTTP): the wage script walked by
 * fresh users one after another, with understanding (`chat`, every answer checked) and with the fixed answer (`shell`),
 * alternating for `rounds` rounds; the best round of each, in µs. The closed loop above sends the same words for 50
 * users at once, which a real chat never does; here each message is read on its own.
 */
export async function turnCpu(chat: ChatService, shell: ChatService, rounds: number, conversations: number): Promise<{ chatUs: number; shellUs: number }> {
  let n = 0;
  const round = async (svc: ChatService, check: boolean): Promise<number> => {
    const c0 = process.cpuUsage();
    for (let i = 0; i < conversations; i++) {
      const user = `web:cpu-${check ? 'c' : 's'}${n++}`;
      for (const [text, expected] of WAGE_SCRIPT) {
        const replies = await svc.handle(user, { kind: 'text', text }, undefined, {});
        if (check && !expected.test(replies.map(renderText).join('\n'))) throw new Error(`one at a time «${text}»: expected ${expected}`);
      }
    }
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / (conversations * WAGE_SCRIPT.length);
  };
  // Warm-up, not counted.
  await round(chat, true);
  await round(shell, false);
  const chatUs: number[] = [];
  const shellUs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    chatUs.push(await round(chat, true));
    shellUs.push(await round(shell, false));
  }
  return { chatUs: Math.min(...chatUs), shellUs: Math.min(...shellUs) };
}
