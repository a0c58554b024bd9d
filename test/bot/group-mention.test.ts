/*
 * A worker @-mentions the bot in a WeChat work group (`@工友 老板欠我三个月工资`). Before, a group message was
 * dropped without a word, so they were left waiting. Now whoever @-mentions the bot gets one short answer in the
 * group, @-ing them back: talk privately, and keep numbers out of the group. Nothing of what they wrote is read,
 * stored or logged; messages that do not mention the bot get nothing. The real GongyouBot plugin on
 * wechaty-puppet-mock, with a real group (the mock keeps the message's mention list).
 */
import { describe, expect, it } from 'vitest';
import type { ManualClock } from '../../core/infra/clock.js';
import { botOnMockWechaty, saySteps } from './support.js';

const start = botOnMockWechaty(new Date('2026-11-21T10:00:00+08:00'));

describe('@-mentions in a WeChat group', () => {
  it('answers whoever @-mentions the bot, in the group, with where to talk privately; stores nothing of what they wrote', async () => {
    const { t, w } = await start();
    const wang = w.contact('王芳');
    const li = w.contact('李强');
    const group = w.room('东龙工地三班', [wang, li]);

    await w.sayInRoom(li, group, '今天几点收工？');
    await w.sayInRoom(wang, group, '@工友 老板欠我三个月工资 我电话13700001111', [w.botUser]);
    const hint = await w.waitFor('room:东龙工地三班', /私聊我/);
    expect(hint.text).toMatch(/^@王芳\s/);
    expect(hint.text).toMatch(/手机号、身份证号请不要发在群里/);
    // The message without a mention got nothing; nobody got a private message.
    expect(w.inbox('room:东龙工地三班')).toHaveLength(1);
    expect(w.inbox('王芳')).toEqual([]);
    expect(w.inbox('李强')).toEqual([]);

    // Nothing of the group message was kept for the person: no session, no case, no history under their key.
    const keys = await t.keys();
    expect(keys.filter((k) => k.includes(`wx:${wang.id}`))).toEqual([]);
    expect(JSON.stringify(await Promise.all(keys.filter((k) => k.includes('seen')).map((k) => t.core.redis.get(k))))).not.toMatch(/13700001111/);

    // The private chat starts fresh, at the menu's wage report.
    await saySteps(w, wang, [['你好', /您好，我是工友助手/]]);
  });

  it('once per person and group in ten minutes; others in the group are answered; again after ten minutes', async () => {
    const { t, w } = await start();
    const wang = w.contact('王芳');
    const li = w.contact('李强');
    const group = w.room('新塘外卖群', [wang, li]);

    await w.sayInRoom(wang, group, '@工友 在吗', [w.botUser]);
    await w.waitFor('room:新塘外卖群', /^@王芳[\s\S]*私聊我/);
    await w.sayInRoom(wang, group, '@工友 在吗？？', [w.botUser]);
    // Someone else mentioning a colleague, not the bot: nothing.
    await w.sayInRoom(li, group, '@王芳 你问它干嘛', [wang]);
    await w.sayInRoom(li, group, '@工友 我也想问', [w.botUser]);
    await w.waitFor('room:新塘外卖群', /^@李强[\s\S]*私聊我/);
    expect(w.inbox('room:新塘外卖群')).toHaveLength(2);

    (t.core.clock as ManualClock).advance(11 * 60_000);
    await w.sayInRoom(wang, group, '@工友 你好', [w.botUser]);
    await w.waitFor('room:新塘外卖群', /^@王芳[\s\S]*私聊我/);
    expect(w.inbox('room:新塘外卖群')).toHaveLength(3);
  });
});
