/*
 * The wage report through the real GongyouBot plugin on wechaty-puppet-mock, with real Redis and
 * real BullMQ workers. Workers start after the bot has logged in, so the WeChat messenger is
 * registered and reachable before any notice is sent.
 */
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { FileBox } from 'file-box';
import { types, type Message, type WechatyPlugin } from 'wechaty';
import { GongyouBot, wechatUserKey } from '../../bot/plugin.js';
import { startWorkers, type WorkerSet } from '../../workers/index.js';
import { eventually, startTestCore, type TestCore } from '../support/core.js';
import { startMockWechaty, type ContactMock, type InboxText, type MockWechat } from '../support/wechaty.js';
import { manualClock } from '../../core/infra/clock.js';

const NOW = new Date('2026-11-21T10:00:00+08:00');
// Not a real picture; only the bytes travel.
const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);

const REPORTER = '张师傅';
const GRID_WORKERS = ['林志强（东龙一网格）', '黄丽娟（东龙一网格）', '张建华（东龙一网格）'];
const SUPERVISOR = '陈秀兰（东龙镇总工会）';
const CASE_NO = /QX\d{8}-\d{4}/;

interface Harness {
  t: TestCore;
  w: MockWechat;
  workers: WorkerSet;
  /** Uninstalls the GongyouBot plugin (what bot.use() would return for it). */
  uninstall: () => void;
  /** Non-self messages the bot has emitted, in order (duplicates included). */
  received: Message[];
  reporter: ContactMock;
  /** `from` says `text`, then waits for a reply matching `expected`. */
  step(text: string, expected: RegExp, from?: string): Promise<InboxText>;
  /** The id of the latest message the bot received from `name`. */
  lastIdFrom(name: string): string;
  /** Resolves once the bot has emitted message `id` at least `times` times. */
  emitted(id: string, times: number): Promise<void>;
  texts(name: string): string[];
}

let h: Harness | undefined;

async function start(env: Record<string, string> = {}): Promise<Harness> {
  const t = await startTestCore({ env, clock: manualClock(NOW) });
  const uninstallers: (() => void)[] = [];
  const plugin: WechatyPlugin = (bot) => {
    const uninstall = GongyouBot({ core: t.core, chat: t.chat })(bot) as () => void;
    uninstallers.push(uninstall);
    return uninstall;
  };
  const w = await startMockWechaty([plugin]);
  const received: Message[] = [];
  w.bot.on('message', (m: Message) => {
    if (!m.self()) received.push(m);
  });
  // After login: notices go out through WeChat from the first job on.
  const workers = startWorkers(t.core);
  const reporter = w.contact(REPORTER);
  const harness: Harness = {
    t,
    w,
    workers,
    uninstall: () => uninstallers.forEach((u) => u()),
    received,
    reporter,
    async step(text, expected, from = REPORTER) {
      await w.say(w.contact(from), text);
      return w.waitFor(from, expected);
    },
    lastIdFrom(name) {
      const m = received.filter((x) => x.talker().name() === name).at(-1);
      if (!m) throw new Error(`no message from ${name}`);
      return m.id;
    },
    emitted: (id, times) =>
      eventually(async () => received.filter((m) => m.id === id).length >= times, 3000, `message ${id} emitted ${times}×`).then(
        () => undefined,
      ),
    texts: (name) => w.inbox(name).flatMap((m) => (m.type === 'text' ? [m.text] : [])),
  };
  h = harness;
  return harness;
}

afterEach(async () => {
  if (!h) return;
  const { t, w, workers } = h;
  h = undefined;
  await workers.close();
  await w.stop();
  await t.stop();
});

/** From the opening message to the evidence question, with the answers of test/flows/wage-flow.test.ts. */
async function upToEvidence(x: Harness, headcount = '就我一个') {
  await x.step('老板拖了我三个月工资', /同意吗/);
  // The months said in the opening message are confirmed once consent is given.
  await x.step('1', /我理解的是：拖欠时间「.+（3个月）」。对吗？/);
  await x.step('对', /单位叫什么/);
  await x.step('青溪宏达建筑工程有限公司', /哪个镇或街道/);
  await x.step('东龙', /东龙镇的哪个村或社区/);
  await x.step('新塘', /工程建设项目/);
  await x.step('1', /项目或工地/);
  await x.step('青溪花园二期', /多少钱/);
  await x.step('两万八千五', /多少人/);
  if (headcount === '就我一个') await x.step(headcount, /还在这家单位/);
  else {
    // Several people owed: the group's total is asked too, and may be unknown.
    await x.step(headcount, /一共被拖欠多少钱/);
    await x.step('不知道', /还在这家单位/);
  }
  await x.step('2', /什么时候离开/);
  // Left last month: the three months owed end then. The clue platform's questions, skipped.
  await x.step('上个月', /补充信息/);
  await x.step('都跳过', /证据/);
}

/** From the name question to the submission; returns the case number. */
async function finish(x: Harness): Promise<string> {
  await x.step('张三', /手机号/);
  await x.step('+86 138 0013 8000', /请核对/);
  const done = await x.step('确认', /提交成功！您的案件编号是 QX/);
  return CASE_NO.exec(done.text)![0];
}

async function caseOf(x: Harness) {
  const list = await x.t.core.cases.listByUser(wechatUserKey(x.reporter.id));
  expect(list).toHaveLength(1);
  return list[0]!;
}

describe('wage report over WeChat', () => {
  it('when a worker reports with a photo, then one grid worker of the grid gets the case with the full phone, and the reporter is told', async () => {
    const x = await start();
    for (const name of [...GRID_WORKERS, SUPERVISOR]) x.w.contact(name);

    await upToEvidence(x);
    await x.w.sendFile(x.reporter, FileBox.fromBuffer(JPG, 'pay.jpg'));
    await x.w.waitFor(REPORTER, /收到「pay\.jpg」，共1份/);
    await x.step('完成', /怎么称呼/);
    const caseNo = await finish(x);

    await x.w.waitFor(REPORTER, new RegExp(`您的案件 ${caseNo} 已交给东龙镇第一网格处理`));
    const c = await caseOf(x);
    expect(c.caseNo).toBe(caseNo);
    expect(c.evidence).toEqual([expect.objectContaining({ name: 'pay.jpg', mediaType: 'image/jpeg', size: JPG.length })]);
    expect(readdirSync(x.t.evidenceDir)).toHaveLength(1);

    const assignee = x.t.core.directory.index().staffById.get(c.assignee!.staffId)!.staff;
    expect(GRID_WORKERS).toContain(assignee.wechat);
    const notice = await x.w.waitFor(assignee.wechat, new RegExp(`^【新案件】[\\s\\S]*接单 ${caseNo}$`));
    expect(notice.text).toContain('电话：13800138000');
    expect(notice.text).toContain('证据材料：1份');
    expect(x.w.inbox(assignee.wechat)).toHaveLength(1);
    // The reporter's notice is queued after the staff notices (one outbound worker, FIFO):
    // by now nobody else is getting anything.
    for (const other of [...GRID_WORKERS.filter((n) => n !== assignee.wechat), SUPERVISOR]) {
      expect(x.w.inbox(other), other).toEqual([]);
    }
    // Sent through WeChat, so nothing was left in the Redis inboxes.
    expect((await x.t.core.inbox.read(`staff:${assignee.id}`)).items).toEqual([]);

    const progress = await x.step('进度', new RegExp(caseNo));
    expect(progress.text).toMatch(/已交给东龙镇第一网格处理/);
    expect(x.w.errors).toEqual([]);
  });

  it('when about twenty workers are owed, then the township supervisor gets a copy with the phone masked', async () => {
    const x = await start();
    for (const name of [...GRID_WORKERS, SUPERVISOR]) x.w.contact(name);

    await upToEvidence(x, '二十多个人');
    await x.step('没有', /怎么称呼/);
    const caseNo = await finish(x);
    await x.w.waitFor(REPORTER, /已交给东龙镇第一网格处理/);

    const c = await caseOf(x);
    expect(c.priority).toBe('high');
    expect(c.copied).toEqual(['sup-t01']);
    const assignee = x.t.core.directory.index().staffById.get(c.assignee!.staffId)!.staff;
    const notice = await x.w.waitFor(assignee.wechat, new RegExp(`^【群体欠薪·优先】[\\s\\S]*接单 ${caseNo}$`));
    expect(notice.text).toContain('电话：13800138000');

    const copy = await x.w.waitFor(SUPERVISOR, new RegExp(`^【抄送】群体欠薪案件已分派给${assignee.name}[\\s\\S]*${caseNo}`));
    expect(copy.text).toContain('电话：138****8000');
    expect(copy.text).not.toContain('13800138000');
    expect(copy.text).not.toMatch(/接单/);
    expect(x.w.inbox(SUPERVISOR)).toHaveLength(1);
  });

  it('when WeChat delivers the same message twice, then it is answered once and the case is made once', async () => {
    const x = await start();

    await x.step('老板拖了我三个月工资', /同意吗/);
    const before = x.texts(REPORTER).length;
    const firstId = x.lastIdFrom(REPORTER);
    x.w.puppet.emit('message', { messageId: firstId });
    await x.emitted(firstId, 2);
    // Had the duplicate been handled, its reply (a consent retry) would come before this one.
    await x.step('1', /我理解的是：拖欠时间/);
    expect(x.texts(REPORTER).slice(before)).toEqual([expect.stringMatching(/^我理解的是：拖欠时间/)]);
    await x.step('对', /单位叫什么/);

    await x.step('青溪宏达建筑工程有限公司', /哪个镇或街道/);
    await x.step('东龙', /哪个村或社区/);
    await x.step('新塘', /工程建设项目/);
    await x.step('2', /拖欠的是哪段时间|多少钱/);
    await x.step('两万八千五', /多少人/);
    await x.step('就我一个', /还在这家单位/);
    await x.step('1', /补充信息/);
    await x.step('都跳过', /证据/);
    await x.step('没有', /怎么称呼/);
    await x.step('张三', /手机号/);
    await x.step('13800138000', /请核对/);

    // The final 确认 delivered twice, the copy right behind the original (a replay on reconnect).
    const atConfirm = x.texts(REPORTER).length;
    await x.w.say(x.reporter, '确认');
    const confirmId = x.lastIdFrom(REPORTER);
    x.w.puppet.emit('message', { messageId: confirmId });
    await x.w.waitFor(REPORTER, /提交成功/);
    await x.emitted(confirmId, 2);
    await x.step('进度', CASE_NO);

    const afterConfirm = x.texts(REPORTER).slice(atConfirm);
    expect(afterConfirm.filter((s) => /提交成功/.test(s))).toHaveLength(1);
    expect(afterConfirm.filter((s) => /没太明白|抱歉/.test(s))).toEqual([]);
    await caseOf(x);
  });

  it('when files arrive that cannot be kept, then each is refused in Chinese and nothing is stored', async () => {
    const x = await start({ MAX_UPLOAD_MB: '1' });

    await x.step('老板拖了我三个月工资', /同意吗/);
    await x.step('1', /我理解的是/);
    await x.step('对', /单位叫什么/);
    // A file where a text answer is expected.
    await x.w.sendFile(x.reporter, FileBox.fromBuffer(JPG, 'pay.jpg'));
    const textNeeded = await x.w.waitFor(REPORTER, /文字回答/);
    expect(textNeeded.text).toMatch(/^这一步需要文字回答，不用发文件。欠您工资的单位叫什么名字/);
    expect(readdirSync(x.t.evidenceDir)).toEqual([]);

    await x.step('青溪宏达建筑工程有限公司', /哪个镇或街道/);
    await x.step('东龙', /哪个村或社区/);
    await x.step('新塘', /工程建设项目/);
    await x.step('2', /多少钱/);
    await x.step('两万八千五', /多少人/);
    await x.step('就我一个', /还在这家单位/);
    await x.step('1', /补充信息/);
    await x.step('都跳过', /证据/);

    await x.w.sendFile(x.reporter, FileBox.fromBuffer(Buffer.from('MZ\x90\x00'), 'virus.exe'), types.Message.Attachment);
    await x.w.waitFor(REPORTER, /^「virus\.exe」这种文件暂时收不了。请发照片/);

    await x.w.sendFile(x.reporter, FileBox.fromBuffer(Buffer.alloc(2 * 1048576, 0xff), 'big.jpg'));
    await x.w.waitFor(REPORTER, /^文件太大了（2\.0MB），每份不能超过1MB/);
    expect(readdirSync(x.t.evidenceDir)).toEqual([]);

    await x.w.sendFile(x.reporter, FileBox.fromBuffer(JPG, 'pay.jpg'));
    await x.w.waitFor(REPORTER, /收到「pay\.jpg」，共1份/);
    await x.step('完成', /怎么称呼/);
    await finish(x);

    const c = await caseOf(x);
    expect(c.evidence.map((f) => f.name)).toEqual(['pay.jpg']);
    expect(readdirSync(x.t.evidenceDir)).toHaveLength(1);
    expect(x.w.errors).toEqual([]);
  });

  it('when a worker sends a sticker or a WeChat emoji mid-flow, then it is not data: a short reply and the pending question', async () => {
    const x = await start();
    await x.step('老板拖了我三个月工资', /同意吗/);
    await x.step('1', /我理解的是/);
    await x.step('对', /单位叫什么/);
    await x.w.sendFile(x.reporter, FileBox.fromBuffer(Buffer.from('GIF89a'), 'sticker.gif'), types.Message.Emoticon);
    expect((await x.w.waitFor(REPORTER, /我们接着填/)).text).toBe('收到。我们接着填「反映欠薪」：');
    await x.w.waitFor(REPORTER, /^欠您工资的单位叫什么名字/);
    // Words with WeChat's emoji: the words are the answer, the emoji is not part of it.
    await x.step('青溪宏达建筑工程有限公司[抱拳]', /哪个镇或街道/);
    await x.step('东龙[微笑]', /东龙镇的哪个村或社区/);
    const draft = await x.t.chat.sessions.load(wechatUserKey(x.reporter.id), NOW);
    expect(draft?.answers).toMatchObject({ employer: '青溪宏达建筑工程有限公司', location: { townshipId: 't01' } });
    expect(readdirSync(x.t.evidenceDir)).toEqual([]);
  });

  it('when a worker replies quoting (引用) the bot\'s question, then what they typed is the answer, not the quoted words', async () => {
    const x = await start();
    const consent = await x.step('老板拖了我三个月工资', /同意吗/);
    // How Wechaty's puppets deliver a quoting reply: the quote (full of other words: 保存3年, 删除…), dashes, what was typed.
    const quoting = (quoted: string, typed: string) => `「工友助手：${quoted}」\n- - - - - - - - - - - - - - - -\n${typed}`;
    await x.step(quoting(consent.text, '同意'), /我理解的是：拖欠时间「.+（3个月）」。对吗？/);
    await x.step('对', /单位叫什么/);
    const asked = x.texts(REPORTER).at(-1)!;
    await x.step(quoting(asked, '宏达建筑'), /哪个镇或街道/);
    const draft = await x.t.chat.sessions.load(wechatUserKey(x.reporter.id), NOW);
    expect(draft?.answers).toMatchObject({ employer: '宏达建筑', period: { months: 3 } });
  });

  it('when someone writes in a group chat, then the bot stays silent there', async () => {
    const x = await start();
    const room = x.w.mocker.createRoom({ topic: '工友群', memberIdList: [x.reporter.id, x.w.botUser.id] });

    x.reporter.say('老板拖了我三个月工资').to(room);
    const roomMsg = await eventually(async () => x.received.find((m) => m.room()), 3000, 'room message');
    // Handled past the guards, it would have been marked seen before this check runs.
    expect(await x.t.core.redis.exists(x.t.core.conversation.keys.seen('wx', roomMsg.id))).toBe(0);

    await x.step('你好', /您好，我是工友助手/);
    expect(x.texts(REPORTER)).toHaveLength(1);
    expect(await x.t.core.redis.exists(x.t.core.conversation.keys.seen('wx', x.lastIdFrom(REPORTER)))).toBe(1);
  });

  it("when the bot's own messages come back, then it does not answer itself", async () => {
    const x = await start();
    const self: Message[] = [];
    x.w.bot.on('message', (m: Message) => {
      if (m.self()) self.push(m);
    });

    const contact = await x.w.bot.Contact.find({ name: REPORTER });
    await contact!.say('老板拖了我三个月工资');
    await x.w.waitFor(REPORTER, /老板拖了我三个月工资/);
    const echo = await eventually(async () => self.find((m) => m.text() === '老板拖了我三个月工资'), 3000, 'echo');

    await x.step('你好', /您好，我是工友助手/);
    expect(x.texts(REPORTER)).toEqual(['老板拖了我三个月工资', expect.stringMatching(/^您好，我是工友助手/)]);
    expect(await x.t.core.redis.exists(x.t.core.conversation.keys.seen('wx', echo.id))).toBe(0);
    expect(await x.t.core.redis.exists(x.t.core.conversation.keys.session(wechatUserKey(x.w.botUser.id)))).toBe(0);
    // Only the greeting's echo came back after that: no loop.
    expect(self.map((m) => m.text())).toEqual(['老板拖了我三个月工资', expect.stringMatching(/^您好，我是工友助手/)]);
  });

  it('when a worker recalls a message, then the bot says nothing about the recall', async () => {
    const x = await start();
    await x.step('你好', /您好，我是工友助手/);
    const original = x.lastIdFrom(REPORTER);

    // What a puppet emits when a message is withdrawn (撤回): type Recalled, text = the original id.
    const recallId = `recall-${original}`;
    x.w.mocker.MessageMock.create({
      id: recallId,
      talkerId: x.reporter.id,
      listenerId: x.w.botUser.id,
      timestamp: Date.now(),
      type: types.Message.Recalled,
      text: original,
    });
    x.w.puppet.emit('message', { messageId: recallId });
    await x.emitted(recallId, 1);

    await x.step('你好', /您好，我是工友助手/);
    expect(x.texts(REPORTER).filter((s) => /只能看懂/.test(s))).toEqual([]);
    expect(x.texts(REPORTER)).toHaveLength(2);
  });

  it('when the plugin is uninstalled, then the bot no longer answers and is no longer a messenger', async () => {
    const x = await start();
    await x.step('你好', /您好，我是工友助手/);
    expect(x.t.core.messengers).toHaveLength(1);

    x.uninstall();
    expect(x.t.core.messengers).toEqual([]);
    await x.w.say(x.reporter, '你好');
    const id = x.lastIdFrom(REPORTER);
    await new Promise((r) => setTimeout(r, 150));
    expect(x.texts(REPORTER)).toHaveLength(1);
    expect(await x.t.core.redis.exists(x.t.core.conversation.keys.seen('wx', id))).toBe(0);
  });

  it('when the bot is stopped, then its messenger no longer claims to reach anyone (notices go to the Redis inbox)', async () => {
    const x = await start();
    const [messenger] = x.t.core.messengers;
    expect(messenger?.canReachUser(wechatUserKey(x.reporter.id))).toBe(true);

    await x.w.stop();
    expect(x.t.core.messengers.some((m) => m.canReachUser(wechatUserKey(x.reporter.id)))).toBe(false);
    const staff = x.t.core.directory.index().staffById.get('gw-001')!.staff;
    expect(x.t.core.messengers.some((m) => m.canReachStaff(staff))).toBe(false);
  });
});
