/*
 * WeChat messages the chat cannot open — a forwarded chat record (合并转发), a link, a card; a
 * location in the middle of a form — through the real GongyouBot plugin on wechaty-puppet-mock: each gets what to send
 * instead and the question the person is at, never a dead end; nothing is stored from them.
 */
import { describe, expect, it } from 'vitest';
import { FileBox } from 'file-box';
import { types } from 'wechaty';
import { wechatUserKey } from '../../bot/plugin.js';
import { botOnMockWechaty, saySteps } from './support.js';

const NOW = new Date('2026-11-21T10:00:00+08:00');
const WORKER = '老周';
const start = botOnMockWechaty(NOW);
/** The wage report up to the employer question. */
const TO_EMPLOYER = [
  ['老板拖了我三个月工资', /同意吗/],
  ['1', /拖欠时间/],
  ['对', /单位叫什么/],
] as const;

/** A message of `type` with no file the chat could read (the plugin never asks for one for these types). */
const nothing = () => FileBox.fromBuffer(Buffer.from('<msg/>'), 'message.xml');

describe('messages the chat cannot open, in WeChat', () => {
  it('a forwarded chat record at the evidence question: asked for screenshots, and a photo after it is taken', async () => {
    const { t, w } = await start();
    const worker = w.contact(WORKER);
    await saySteps(w, worker, [
      ...TO_EMPLOYER,
      ['好再来饭店', /哪个镇或街道/],
      ['东龙', /哪个村或社区/],
      ['新塘', /工程建设项目/],
      ['不是', /多少钱/],
      ['6000', /多少人/],
      ['就我一个', /还在这家单位/],
      ['还在干', /补充信息/],
      ['都跳过', /有工资条、考勤记录/],
    ]);
    await w.sendFile(worker, nothing(), types.Message.ChatHistory);
    await w.waitFor(WORKER, /合并转发的聊天记录我这里打不开。请把要紧的几条截图，当照片发给我。/);
    const session = await t.chat.sessions.load(wechatUserKey(worker.id), NOW);
    expect(session.fieldId).toBe('evidence');
    expect(JSON.stringify(session.answers)).not.toContain('message.xml');
    // The screenshot that follows is the evidence.
    await w.sendFile(worker, FileBox.fromBuffer(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]), '截图.jpg'));
    await w.waitFor(WORKER, /收到/);
    expect(w.inbox(WORKER).some((m) => m.type === 'text' && /暂时只能看懂/.test(m.text))).toBe(false);
  });

  it('a link at the employer question: a screenshot or words asked for, then the same question; the employer typed after it is kept', async () => {
    const { t, w } = await start();
    const worker = w.contact(WORKER);
    await saySteps(w, worker, TO_EMPLOYER);
    await w.sendFile(worker, nothing(), types.Message.Url);
    const asked = await w.waitFor(WORKER, /链接我这里打不开/);
    expect(asked.text).toMatch(/链接我这里打不开。要让我看的内容，请截图发给我，或者打字告诉我。\n欠您工资的单位叫什么名字？/);
    await w.say(worker, '好再来饭店');
    await w.waitFor(WORKER, /哪个镇或街道/);
    const session = await t.chat.sessions.load(wechatUserKey(worker.id), NOW);
    expect(session.answers).toMatchObject({ employer: '好再来饭店' });
  });

  it('a location at the township question: words asked for and the question again (where one is now need not be where one worked); a card with nothing under way: the same and the menu', async () => {
    const { w } = await start();
    const worker = w.contact(WORKER);
    await saySteps(w, worker, [...TO_EMPLOYER, ['好再来饭店', /哪个镇或街道/]]);
    await w.sendFile(worker, nothing(), types.Message.Location);
    const asked = await w.waitFor(WORKER, /位置我这里看不出/);
    expect(asked.text).toMatch(/请打字回答。\n您在哪个镇或街道干活？/);
    await saySteps(w, worker, [['东龙', /东龙镇的哪个村或社区/]]);

    const other = w.contact('小何');
    await w.sendFile(other, nothing(), types.Message.Contact);
    await w.waitFor('小何', /名片我这里打不开。要给的是谁的电话，请打字告诉我。/);
    await w.waitFor('小何', /1\. 加入工会\n2\. 反映欠薪/);
  });

  it('a location with nothing under way gets the nearest service points, as on the Official Account', async () => {
    const { w } = await start();
    // Where the person is: in 东龙镇 (the mock puppet's own answer is in Beijing).
    (w.bot.puppet as unknown as { messageLocation: () => Promise<unknown> }).messageLocation = async () => ({
      accuracy: 15,
      address: '东龙镇新塘社区',
      latitude: 22.8765,
      longitude: 108.2845,
      name: '新塘社区',
    });
    const worker = w.contact(WORKER);
    await w.sendFile(worker, nothing(), types.Message.Location);
    const near = await w.waitFor(WORKER, /离您最近的服务点/);
    expect(near.text).toMatch(/^离您最近的服务点：\n1\. 东龙镇工会驿站（约\d+米）\n/);
  });

  it('a location that is no place (latitude NaN, out of range) gets words asked for, never 「约NaN公里」', async () => {
    const { w } = await start();
    for (const [name, latitude] of [['阿强', Number.NaN], ['阿珍', 123]] as const) {
      (w.bot.puppet as unknown as { messageLocation: () => Promise<unknown> }).messageLocation = async () => ({ accuracy: 15, address: '', latitude, longitude: 108.28, name: '' });
      await w.sendFile(w.contact(name), nothing(), types.Message.Location);
      const said = await w.waitFor(name, /位置我这里看不出/);
      expect(said.text).not.toMatch(/NaN|服务点/);
    }
  });
});
