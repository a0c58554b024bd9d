/*
 * Staff in WeChat, probe 5: booking commands (今日预约, 完成, 爽约, 转支持起诉)
 * are offered in 帮助, on binding and in the short answers only to people who
 * give legal-aid consultations (sessions at a service point in the
 * directory). A liaison or lawyer without any is not shown them; one with
 * sessions is. The real GongyouBot plugin on wechaty-puppet-mock, real Redis
 * and workers, over the demo directory plus a liaison and a lawyer who have
 * no sessions; the clock is fixed at Tue 2026-12-01 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { startWechatApp } from '../support/wechat-app.js';
import { manualClock } from '../../core/infra/clock.js';
import { suiteDirectory } from '../support/core.js';
import type { Directory } from '../../core/directory/index.js';

const LIAISON = '姚春兰（青溪区检察院）'; // liaison-1: procurator sessions at two service points
const LIAISON_NO_SLOTS = '韩静（青溪区检察院）'; // liaison-2: none
const LAWYER = '周明（工会律师）'; // lawyer-1: lawyer sessions
const LAWYER_NO_SLOTS = '孙亮（工会律师）'; // lawyer-9: none

/** The demo directory with a liaison and a lawyer who hold no consultation sessions anywhere. */
function directoryWithoutSlots(): Directory {
  const d = structuredClone(suiteDirectory());
  const qingxi = d.districts.find((x) => x.id === 'qingxi')!;
  qingxi.liaisons.push({ ...qingxi.liaisons[0]!, id: 'liaison-2', name: '韩静', wechat: LIAISON_NO_SLOTS, phone: '13800000302' });
  qingxi.lawyers.push({ ...qingxi.lawyers[0]!, id: 'lawyer-9', name: '孙亮', wechat: LAWYER_NO_SLOTS, phone: '13800000509' });
  return d;
}

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const app = useFixture(() => {
  clock.set(NOW);
  return startWechatApp({ clock, directory: directoryWithoutSlots() });
});

/** The bot's answer to `text` (notices, which start with 【 and are no answer to it, are skipped). */
const ask = (name: string, text: string) => app.say(name, text, /^(?!【(?!今日预约))/);

const BOOKING_LINES = ['· 今日预约', '· 完成 YY…', '· 爽约 YY…', '· 转支持起诉 YY…'];

describe('booking commands are offered only to who gives consultations', () => {
  it('a liaison without sessions is not shown them in 帮助, on binding or in the short answers; one with sessions is', async () => {
    const bound = await app.bindStaff(LIAISON_NO_SLOTS, 'liaison-2');
    expect(bound).toMatch(/^绑定成功！您好，韩静。/);
    const help = await ask(LIAISON_NO_SLOTS, '帮助');
    for (const text of [bound, help]) {
      expect(text).not.toContain('【法律援助预约】');
      expect(text).not.toMatch(/预约|YY…/);
      // Their case commands are all still there.
      for (const cmd of ['我的案件', '详情 QX…', '受理 QX…', '不予支持 QX…', '结果 QX…']) expect(text).toContain(`· ${cmd}`);
    }
    expect(await ask(LIAISON_NO_SLOTS, '你好')).toBe('您好，我是工友助手。常用指令：我的案件 / 受理 QX… / 备注 QX… 内容。发「帮助」看全部指令。');
    expect(await ask(LIAISON_NO_SLOTS, '今天天气不错')).toBe('没看懂这条消息。常用指令：我的案件 / 受理 QX… / 备注 QX… 内容。发「帮助」看全部指令。');
    // A booking command's name with more glued on is not hinted at.
    expect(await ask(LIAISON_NO_SLOTS, '完成一下')).toBe('没看懂这条消息。常用指令：我的案件 / 受理 QX… / 备注 QX… 内容。发「帮助」看全部指令。');
    // Typed anyway, it still answers (nothing offered, nothing refused): there are no bookings with them.
    expect(await ask(LIAISON_NO_SLOTS, '今日预约')).toBe('【今日预约】12月1日（周二）您没有预约。');

    await app.bindStaff(LIAISON, 'liaison-1');
    const withSlots = await ask(LIAISON, '帮助');
    expect(withSlots).toContain('【法律援助预约】');
    for (const line of BOOKING_LINES) expect(withSlots).toContain(line);
    expect(await ask(LIAISON, '你好')).toBe('您好，我是工友助手。常用指令：我的案件 / 今日预约 / 受理 QX…。发「帮助」看全部指令。');
    expect(await ask(LIAISON, '完成一下')).toBe('是要完成吗？请发：完成 YY…');
  });

  it('a union lawyer without sessions sees no booking command; one with sessions sees theirs (not the procurator’s 转支持起诉)', async () => {
    await app.bindStaff(LAWYER_NO_SLOTS, 'lawyer-9');
    const none = await ask(LAWYER_NO_SLOTS, '帮助');
    expect(none).not.toMatch(/预约|YY…/);
    expect(none).toContain('· 我的案件');
    expect(await ask(LAWYER_NO_SLOTS, '你好')).toBe('您好，我是工友助手。常用指令：我的案件 / 备注 QX… 内容 / 详情 QX…。发「帮助」看全部指令。');

    await app.bindStaff(LAWYER, 'lawyer-1');
    const some = await ask(LAWYER, '帮助');
    for (const line of BOOKING_LINES.slice(0, 3)) expect(some).toContain(line);
    expect(some).not.toContain('转支持起诉');
    expect(await ask(LAWYER, '你好')).toBe('您好，我是工友助手。常用指令：我的案件 / 今日预约 / 备注 QX… 内容。发「帮助」看全部指令。');
  });
});
