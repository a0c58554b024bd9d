import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { pushIdOf, type Channel } from '../../core/channels/index.js';
import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import type { PushMessage } from '../../core/wechat/index.js';
import { TEST_ENV, eventually } from '../support/core.js';
import { startFakeWechat, type FakeCustomMessage, type FakePushMessage, type FakePushOptions, type FakePushResult, type FakePushTarget, type FakeWechat } from '../support/fake-wechat.js';
import { startHttp, type TestHttp } from '../support/http.js';

/** A valid-looking EncodingAESKey (43 letters and digits). */
export const AES_KEY = 'GongyouChannelTestKey0123456789abcdefghijkl';
/** A mini-program AppID the Official Account's cards name (no fake answers for it). */
export const MINI_PROGRAM_APPID = 'wx00112233445566ff';
export const ADMIN = `Bearer ${TEST_ENV.ADMIN_TOKEN}`;

export interface ChannelRig {
  channel: Channel;
  fake: FakeWechat;
  http: TestHttp;
  clock: ManualClock;
  /** Where the fake pushes: our /wechat/push/<channel> with its token, key and AppID. */
  target: FakePushTarget;
  /** A fresh openid for this file's run. */
  openid(tag?: string): string;
  /**
   * Pushes `msg` as WeChat does (a fresh MsgId, or for an event a CreateTime
   * that identifies it), expects WeChat's `success`, waits until the
   * conversation handled it and its replies went out, and gives the
   * customer-service messages that reached `msg.from` meanwhile.
   */
  say(msg: FakePushMessage & { from: string }, opts?: FakePushOptions): Promise<{ push: FakePushResult; sent: FakeCustomMessage[] }>;
  /** Pushes without waiting for anything (the raw answer). */
  push(msg: FakePushMessage, opts?: FakePushOptions): Promise<FakePushResult>;
  /** Waits until the push identified by `msg` was handled and its replies sent (or none were due). */
  handled(msg: FakePushMessage & { from: string }): Promise<void>;
  /** Customer-service messages delivered to `openid`, in order. */
  sentTo(openid: string): FakeCustomMessage[];
  /** The texts delivered to `openid`, in order. */
  textsTo(openid: string): string[];
  /** Calls of the customer-service send API for `openid` (delivered or refused). */
  sendCallsTo(openid: string): number;
  /** Every job the inbound queue has seen (any state). */
  inboundJobs(): Promise<number>;
  stop(): Promise<void>;
}

let seq = 0;
let lastCreate = 0;
/** A CreateTime of now, later than any given before (events are told apart by it). */
const createTimeNow = () => (lastCreate = Math.max(Math.floor(Date.now() / 1000), lastCreate + 1));
/** A fresh MsgId (a 64-bit integer as WeChat gives). */
export const msgId = () => `${BigInt.asUintN(62, randomBytes(8).readBigUInt64BE())}`;

/** The server's view of the push message, as far as the push id needs it. */
function asPushMessage(m: FakePushMessage & { from: string }): PushMessage {
  // The server lowercases the event (WeChat writes CLICK, VIEW, …).
  return { ...m, to: m.to ?? 'gh_fake0000001', createTime: m.createTime!, msgId: m.msgId, event: m.event?.toLowerCase() } as unknown as PushMessage;
}

/**
 * The real app (HTTP, queues, workers) configured for one push channel,
 * with the fake WeChat as that channel's API: the Official Account
 * (`oa`: its own AppID, plus WECHAT_APPID naming a mini-program for its
 * cards) or the mini-program's customer service (`mp`).
 */
export async function startChannelRig(channel: Channel, opts: { env?: Record<string, string> } = {}): Promise<ChannelRig> {
  const fake = await startFakeWechat({ account: channel === 'oa' ? 'official' : 'miniprogram' });
  const token = channel === 'oa' ? 'oaPushToken42' : 'mpPushToken42';
  const env: Record<string, string> =
    channel === 'oa'
      ? {
          WECHAT_OA_APPID: fake.appId,
          WECHAT_OA_SECRET: fake.secret,
          WECHAT_OA_TOKEN: token,
          WECHAT_OA_AES_KEY: AES_KEY,
          WECHAT_APPID: MINI_PROGRAM_APPID,
          WECHAT_SECRET: 'mini-program-secret-not-used',
        }
      : { WECHAT_APPID: fake.appId, WECHAT_SECRET: fake.secret, WECHAT_PUSH_TOKEN: token, WECHAT_PUSH_AES_KEY: AES_KEY };
  const clock = manualClock(new Date('2026-11-21T10:00:00+08:00'));
  const http = await startHttp({ workers: true, clock, env: { ...env, WECHAT_API_BASE_URL: fake.url, ...opts.env } });
  const target: FakePushTarget = { url: `${http.base}/wechat/push/${channel}`, token, encodingAesKey: AES_KEY, appId: fake.appId };
  const { core } = http.t;
  const tag = randomBytes(3).toString('hex');

  const sentTo = (openid: string) => fake.customSent.filter((m) => m.toUser === openid);

  async function completed(queue: 'inbound' | 'outbound', jobId: string, what: string) {
    let last = '';
    return eventually(
      async () => {
        const job = await core.queues[queue].getJob(jobId);
        if (!job) return null;
        const state = await job.getState();
        last = `${state}${job.failedReason ? ` (${job.failedReason})` : ''}`;
        // Read again once completed: the copy read before may predate it (no return value yet).
        return state === 'completed' ? core.queues[queue].getJob(jobId) : null;
      },
      15_000,
      `${what} (last: ${last || 'not queued'})`,
    ).catch((err: Error) => {
      throw new Error(`${err.message}; last state: ${last || 'not queued'}`);
    });
  }

  async function handled(msg: FakePushMessage & { from: string }) {
    const pushId = pushIdOf(channel, asPushMessage(msg));
    const job = await completed('inbound', `in-${pushId}`, `the inbound job of ${msg.kind}`);
    const r = job.returnvalue as { replies?: number; skipped?: string } | undefined;
    // A job run twice (its lock lost on a loaded machine) reports `gone` the second time: the
    // replies were queued by the first run, so wait for them when they are there.
    const queued = r?.replies || (r?.skipped === 'gone' && (await core.queues.outbound.getJob(`chs-${pushId}`)));
    if (queued) await completed('outbound', `chs-${pushId}`, `the replies to ${msg.kind}`);
  }

  const rig: ChannelRig = {
    channel,
    fake,
    http,
    clock,
    target,
    openid: (t = 'u') => `o${channel}-${tag}-${t}-${++seq}`,
    push: (msg, o) => fake.push(target, msg, o),
    handled,
    async say(msg, o) {
      const full = { ...msg, msgId: msg.msgId ?? (msg.kind === 'event' ? undefined : msgId()), createTime: msg.createTime ?? createTimeNow() };
      const before = sentTo(msg.from).length;
      const push = await fake.push(target, full, o);
      expect(push, `WeChat's answer to ${msg.kind} ${msg.text ?? msg.event ?? ''}`).toMatchObject({ status: 200, body: 'success', timedOut: false });
      await handled(full);
      return { push, sent: sentTo(msg.from).slice(before) };
    },
    sentTo,
    textsTo: (openid) => sentTo(openid).flatMap((m) => (m.type === 'text' ? [m.content!] : [])),
    sendCallsTo: (openid) => fake.calls.filter((c) => c.path === '/cgi-bin/message/custom/send' && (c.body as { touser?: string } | null)?.touser === openid).length,
    async inboundJobs() {
      const counts = await core.queues.inbound.getJobCounts('completed', 'failed', 'active', 'waiting', 'delayed', 'prioritized', 'waiting-children');
      return Object.values(counts).reduce((a, b) => a + b, 0);
    },
    async stop() {
      await http.stop();
      await fake.close();
    },
  };
  return rig;
}

/**
 * What a worker answers to the wage report's question `asked` (the last
 * reply's text): 青溪宏达建筑工程有限公司 in 东龙镇新塘社区, 28,500 owed to
 * them alone, 张三 13800138000 — whatever order and wording the flow uses.
 * Null when the report was submitted.
 */
export function wageAnswer(asked: string): string | null {
  const rules: [RegExp, string | null][] = [
    [/提交成功/, null],
    [/请核对/, '确认'],
    [/您同意吗/, '1'],
    [/对吗？/, '对'],
    [/是哪一种/, '1'],
    [/欠您工资的单位叫什么/, '青溪宏达建筑工程有限公司'],
    [/哪个镇或街道/, '东龙'],
    [/哪个村或社区/, '新塘'],
    [/是工程建设项目吗/, '2'],
    [/地址|包工头|总包|分包|项目或工地/, '不知道'],
    [/工种|什么活/, '普工'],
    [/哪段时间/, '三个月'],
    [/什么时候开始/, '不记得'],
    [/多少钱/, '两万八千五'],
    [/多少人/, '就我一个'],
    [/还在这家/, '还在干'],
    [/什么时候离开/, '今年3月'],
    [/事情经过/, '跳过'],
    [/证据|材料|合同|工资条|照片|截图/, '没有'],
    [/怎么称呼您|姓名/, '张三'],
    [/手机号/, '13800138000'],
    [/「跳过」/, '跳过'],
  ];
  for (const [q, a] of rules) if (q.test(asked)) return a;
  throw new Error(`no answer for the wage report's question:\n${asked}`);
}

/**
 * The whole wage report, from the opening to its submission: `send` says a
 * text and gives the replies' text (joined by `\n---\n`), each answer
 * chosen by `wageAnswer`; `beforeConfirm` runs before the final 确认. The
 * transcript.
 */
export async function wageReport(send: (text: string) => Promise<string>, beforeConfirm?: () => Promise<void>): Promise<string[]> {
  const transcript: string[] = [];
  let text: string | null = '老板欠我三个月工资';
  for (let i = 0; i < 40 && text !== null; i++) {
    if (text === '确认' && beforeConfirm) await beforeConfirm();
    const replies = await send(text);
    transcript.push(`> ${text}`, replies);
    if (/提交成功/.test(replies)) return transcript;
    try {
      text = wageAnswer(replies.split('\n---\n').at(-1)!);
    } catch (err) {
      throw new Error(`${(err as Error).message}\ntranscript:\n${transcript.join('\n')}`);
    }
  }
  throw new Error(`the wage report did not end:\n${transcript.join('\n')}`);
}

/** Customer-service texts joined for matching. */
export const joined = (sent: FakeCustomMessage[]) => sent.map((m) => (m.type === 'text' ? m.content : `[${m.type}]`)).join('\n---\n');

/** An admin call to the app. */
export async function adminPost(base: string, path: string, json: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const r = await fetch(`${base}${path}`, { method: 'POST', headers: { authorization: ADMIN, 'content-type': 'application/json' }, body: JSON.stringify(json) });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

/** Waits a little to see that nothing more happens (jobs would have run by then). */
export const quietly = (ms = 600) => new Promise((r) => setTimeout(r, ms));
