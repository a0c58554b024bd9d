import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WechatyPlugin } from 'wechaty';
import { FileBox } from 'file-box';
import { startMockWechaty, type MockWechat } from '../support/wechaty.js';

// 1x1 transparent PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
// Not a real picture; the bot only reads the bytes.
const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]);

/** What the plugins saw, so the test can check types and bytes on the bot side. */
const seen: { type: string; name: string; bytes: number }[] = [];

const DingDong: WechatyPlugin = (bot) => {
  bot.on('message', async (message) => {
    if (message.self()) return; // the mock echoes the bot's own messages back
    const type = message.type();
    if (type === bot.Message.Type.Text) {
      if (message.text() === 'ding') await message.say('dong');
      return;
    }
    if (type === bot.Message.Type.Image || type === bot.Message.Type.Attachment) {
      const file = await message.toFileBox();
      const bytes = (await file.toBuffer()).length;
      seen.push({ type: bot.Message.Type[type], name: file.name, bytes });
      if (type === bot.Message.Type.Image) {
        await message.say(`收到图片 ${file.name}`);
        await message.say(FileBox.fromBuffer(PNG, 'pong.png'));
      } else {
        await message.say(`收到文件 ${file.name}`);
      }
    }
  });
};

const Tell: WechatyPlugin = (bot) => {
  bot.on('message', async (message) => {
    if (message.self() || message.type() !== bot.Message.Type.Text) return;
    const m = /^#tell (\S+) (.+)$/s.exec(message.text());
    if (!m) return;
    const [, name, text] = m as unknown as [string, string, string];
    const target = await bot.Contact.find({ name });
    if (!target) {
      await message.say(`找不到 ${name}`);
      return;
    }
    await target.say(text);
    await message.say(`已转告 ${target.name()}`);
  });
};

describe('startMockWechaty', () => {
  let chat: MockWechat;

  beforeEach(async () => {
    seen.length = 0;
    chat = await startMockWechaty([DingDong, Tell]);
  });

  afterEach(async () => {
    await chat.stop();
  });

  it('logs the bot in and lets a contact talk to it', async () => {
    expect(chat.bot.isLoggedIn).toBe(true);
    expect(chat.bot.currentUser.name()).toBe('工友');

    const worker = chat.contact('张三');
    expect(chat.contact('张三')).toBe(worker);

    await chat.say(worker, 'ding');
    await expect(chat.waitFor('张三', /^dong$/)).resolves.toEqual({ type: 'text', text: 'dong' });
    expect(chat.inbox('张三')).toEqual([{ type: 'text', text: 'dong' }]);
    expect(chat.errors).toEqual([]);
  });

  it('delivers an image the bot can read, and records the file the bot sends back', async () => {
    const worker = chat.contact('张三');
    await chat.sendFile(worker, FileBox.fromBuffer(JPG, 'pay.jpg'));

    await chat.waitFor('张三', /^收到图片 pay\.jpg$/);
    const file = await chat.waitForFile('张三', /\.png$/);
    expect(file).toEqual({ type: 'file', name: 'pong.png', mediaType: 'image/png', size: PNG.length });
    expect(seen).toEqual([{ type: 'Image', name: 'pay.jpg', bytes: JPG.length }]);

    expect(chat.inbox('张三')).toEqual([
      { type: 'text', text: '收到图片 pay.jpg' },
      { type: 'file', name: 'pong.png', mediaType: 'image/png', size: PNG.length },
    ]);
    const [sent] = chat.sentFiles('张三');
    expect(sent && (await sent.toBuffer()).equals(PNG)).toBe(true);
  });

  it('delivers other files as attachments', async () => {
    const worker = chat.contact('张三');
    await chat.sendFile(worker, FileBox.fromBuffer(Buffer.from('%PDF-1.4\n'), '工资条.pdf'));
    await chat.waitFor('张三', /^收到文件 工资条\.pdf$/);
    expect(seen).toEqual([{ type: 'Attachment', name: '工资条.pdf', bytes: 9 }]);
  });

  it('lets the bot find a staff contact by name and message them', async () => {
    const worker = chat.contact('张三');
    chat.contact('网格员王芳');
    chat.contact('网格员李明');

    await chat.say(worker, '#tell 网格员王芳 张三 反映工地欠薪');
    await chat.waitFor('张三', /^已转告 网格员王芳$/);
    await expect(chat.waitFor('网格员王芳', /欠薪/)).resolves.toEqual({
      type: 'text',
      text: '张三 反映工地欠薪',
    });

    expect(chat.inbox('张三')).toEqual([{ type: 'text', text: '已转告 网格员王芳' }]);
    expect(chat.inbox('网格员李明')).toEqual([]);

    await chat.say(worker, '#tell 不存在的人 你好');
    await chat.waitFor('张三', /^找不到 不存在的人$/);
  });

  it('waitFor consumes messages in order, including ones that already arrived', async () => {
    const worker = chat.contact('张三');
    await chat.say(worker, 'ding');
    await chat.say(worker, 'ding');
    // Let both replies land before waiting.
    await chat.waitFor('张三', /dong/);
    await chat.waitFor('张三', /dong/);
    expect(chat.inbox('张三')).toHaveLength(2);
    // Both were consumed: a third wait has nothing left.
    await expect(chat.waitFor('张三', /dong/, 100)).rejects.toThrow(/timed out.*\n.*1\. \[text\] "dong" \(already consumed\)/);
  });

  it('waitFor rejects with what was actually received', async () => {
    const worker = chat.contact('张三');
    await chat.say(worker, 'ding');
    await chat.waitFor('张三', /dong/);
    await chat.say(worker, 'ding');

    const error = await chat.waitFor('张三', /欢迎/, 200).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toContain('waitFor("张三", /欢迎/) timed out after 200 ms');
    expect(error?.message).toContain('1. [text] "dong" (already consumed)');
    expect(error?.message).toMatch(/2\. \[text\] "dong"$/m);

    await expect(chat.waitFor('nobody', /x/, 50)).rejects.toThrow('nothing was sent to "nobody"');
  });
});
