/*
 * Leftovers of helper h44:
 *  - After 删除我的信息, a mobile number inside a sentence (`我想让工作人员给我打电话 我的手机号139…`) is offered to be
 *    passed on as the bare number is (it was 「没太明白」); one named as someone else's is not. No number reaches a
 *    log line or a queue's job data.
 *  - A photo (or a link) sent again and again at a question that wants words: from the third try the question was
 *    said twice (the error said it again, and 「我刚才是在问：…」 after it).
 *  - A message WeChat pushed whose every try found WeChat busy (about four minutes) ended failed in silence: now the
 *    sender is asked once to send it again later.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SEND_AGAIN_TEXT, pushIdOf } from '../../core/channels/index.js';
import { manualClock } from '../../core/infra/clock.js';
import { createLogger } from '../../core/infra/logger.js';
import { renderText } from '../../core/infra/replies.js';
import type { PushMessage } from '../../core/wechat/index.js';
import type { ChatService } from '../../flows/service.js';
import { converse } from '../support/converse.js';
import { eventually, startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { dumpPrefix } from '../support/redis-dump.js';
import { msgId, startChannelRig } from './support.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');

const REPORT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111'];
const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9]);
const count = (text: string, part: string) => text.split(part).length - 1;

/** `user` submitted a wage report and deleted their data after it. */
async function forgotten(chat: ChatService, user: string) {
  await converse(chat, user)
    .sendAll(...REPORT)
    .send('确认')
    .expect(/提交成功/)
    .send('删除我的信息')
    .expect(/确定要删除/)
    .send('确认')
    .expect(/已删除您的个人信息/);
}

describe('in the conversation', () => {
  const t = useFixture(() => startTestCore({ workers: true, clock: manualClock(NOW) }));
  let logLines: string[];
  beforeEach(() => {
    logLines = [];
    t.core.log = createLogger('trace', { write: (line: string) => void logLines.push(line) });
  });

  describe('after 删除我的信息, a phone number inside a sentence', () => {
    it('我想让工作人员给我打电话 我的手机号139…: offered, masked, for a yes, as the bare number is; passed on after it; never in a log line or job data', async () => {
      await forgotten(t.chat, 'web:h44a');
      await converse(t.chat, 'web:h44a')
        .send('我想让工作人员给我打电话 我的手机号13912345678')
        .expectNot(/没太明白/)
        .expect(/您要转告的话：「我想让工作人员给我打电话 我的手机号139\*\*\*\*5678」/)
        .expect(/把这条消息转给负责您案件 QX\d{8}-\d{4}（好再来饭店）的工作人员吗？/)
        .send('1')
        .expect(/已转给负责您案件/);
      const c = (await t.core.cases.listByUser('web:h44a', 5))[0]!;
      expect(c.reporterNotes.map((n) => [n.kind, n.text])).toEqual([['phone', '我想让工作人员给我打电话 我的手机号139****5678']]);
      const dump = await dumpPrefix(t.core.redis, t.core.config.REDIS_PREFIX);
      const forms = ['13912345678', '139 1234 5678'];
      expect([...dump.values()].filter((v) => forms.some((f) => v.includes(f)))).toEqual([]);
      expect(logLines.length).toBeGreaterThan(0);
      expect(logLines.filter((l) => forms.some((f) => l.includes(f)))).toEqual([]);
    });

    it.each(['手机号：13912345678', '给我打电话 13912345678'])('%s: offered to be passed on', async (said) => {
      const user = `web:h44b${said.length}${said.charCodeAt(0) % 10}`;
      await forgotten(t.chat, user);
      await converse(t.chat, user).send(said).expectNot(/没太明白/).expect(/139\*\*\*\*5678/).expect(/转给负责您案件/);
    });

    // guard: already held.
    it('guard: 我的电话是139… is offered as before; a number named as someone else\'s (我老婆的手机号…) is not offered as the person\'s', async () => {
      await forgotten(t.chat, 'web:h44c');
      await converse(t.chat, 'web:h44c').send('我老婆的手机号13912345678').expectNot(/换了号码|转给负责您案件/).send('我的电话是13912345678').expect(/139\*\*\*\*5678/).expect(/转给负责您案件/);
    });
  });

  describe('a photo or a link sent again and again at a question that wants words', () => {
    it('the third photo at the employer question: the question said once, with the way out', async () => {
      const { text } = await converse(t.chat, 'web:h44p')
        .send('老板欠我工资')
        .send('同意')
        .sendFile('a.jpg', JPG, 'image/jpeg')
        .sendFile('b.jpg', JPG, 'image/jpeg')
        .sendFile('c.jpg', JPG, 'image/jpeg');
      expect(text).toContain('这一步需要文字回答');
      expect(count(text, '欠您工资的单位叫什么名字')).toBe(1);
      expect(text).toContain('不方便回答的话，可以回复「人工」请工作人员帮您。');
    });

    it('the third link at the headcount question, and the third photo at a consent: the question once', async () => {
      const user = 'web:h44l';
      await converse(t.chat, user).sendAll(...REPORT.slice(0, 8)).expect(/一共有多少人被拖欠/);
      let last = '';
      for (let i = 0; i < 3; i++) last = (await t.chat.handle(user, { kind: 'unreadable', what: 'link' })).map(renderText).join('\n');
      expect(count(last, '一共有多少人被拖欠')).toBe(1);
      expect(last).toContain('「人工」');
      const { text } = await converse(t.chat, 'web:h44m')
        .send('加入工会')
        .sendFile('a.jpg', JPG, 'image/jpeg')
        .sendFile('b.jpg', JPG, 'image/jpeg')
        .sendFile('c.jpg', JPG, 'image/jpeg');
      expect(count(text, '您同意吗')).toBe(1);
      expect(text).not.toContain('我刚才是在问');
      expect(text).toContain('「人工」');
    });
  });

});

describe('a pushed message that finds WeChat busy at every try', () => {
  const oa = useFixture(() => startChannelRig('oa'), 'all');

  it('ends failed, and its sender is told once to send it again later; a retry of the failed job says nothing more', async () => {
    const rig = oa;
    const me = rig.openid('busy');
    const { core } = rig.http.t;
    // The Official Account's first look-up of a new follower (their unionid) answers «system busy» every time.
    rig.fake.failNext('user_info', -1, 1000);
    const msg = { kind: 'text' as const, from: me, text: '老板欠我工资', msgId: msgId(), createTime: Math.floor(Date.now() / 1000) };
    expect(await rig.push(msg)).toMatchObject({ status: 200, body: 'success' });
    const jobId = `in-${pushIdOf('oa', { ...msg, to: 'gh_fake0000001' } as unknown as PushMessage)}`;
    // Every retry at once (its backoff would take minutes): a delayed try is promoted as soon as it waits.
    await eventually(
      async () => {
        const job = await core.queues.inbound.getJob(jobId);
        const state = job ? await job.getState() : 'missing';
        if (state === 'delayed') await job!.promote().catch(() => undefined);
        return state === 'failed' ? job : null;
      },
      60_000,
      'the inbound job failed for good',
    );
    await eventually(async () => (rig.textsTo(me).includes(SEND_AGAIN_TEXT) ? true : null), 15_000, 'the send-again message');
    expect(rig.textsTo(me)).toEqual([SEND_AGAIN_TEXT]);
    // Retried by hand (bull-board) and failing again: not said twice.
    const job = (await core.queues.inbound.getJob(jobId))!;
    await job.retry('failed');
    await eventually(
      async () => {
        const j = await core.queues.inbound.getJob(jobId);
        const state = j ? await j.getState() : 'missing';
        if (state === 'delayed') await j!.promote().catch(() => undefined);
        return state === 'failed' && j!.attemptsMade >= 8 && (j!.finishedOn ?? 0) > (job.finishedOn ?? 0) ? true : null;
      },
      60_000,
      'the retried job failed again',
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(rig.textsTo(me)).toEqual([SEND_AGAIN_TEXT]);
  }, 120_000);
});
