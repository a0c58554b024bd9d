/*
 * A worker reaches the Wechaty account by adding it as a friend. The request used to sit unanswered (nobody
 * accepted it, so nobody could chat); now it is accepted and the menu is the first thing they get. The real
 * GongyouBot plugin on wechaty-puppet-mock; the friend request is the puppet's own 'friendship' event.
 */
import { describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import { botOnMockWechaty, saySteps } from './support.js';

const start = botOnMockWechaty(new Date('2026-11-21T10:00:00+08:00'));

describe('friend requests', () => {
  it('a request is accepted and answered with the menu; the new friend can start a report; a request the bot sent and its confirmation get nothing', async () => {
    const { w } = await start();
    const worker = w.contact('小王');
    const accepted: string[] = [];
    const payloads: Record<string, { type: types.Friendship; contactId: string }> = {
      'f-in': { type: types.Friendship.Receive, contactId: worker.id },
      'f-ok': { type: types.Friendship.Confirm, contactId: worker.id },
    };
    w.puppet.friendshipRawPayload = async (id: string) => ({ id, hello: '我想问问工资的事', timestamp: Date.now(), ...payloads[id]! });
    w.puppet.friendshipAccept = async (id: string) => {
      accepted.push(id);
    };

    w.puppet.emit('friendship', { friendshipId: 'f-in' });
    const menu = await w.waitFor('小王', /您好，我是工友助手/);
    expect(menu.text).toMatch(/1\. 加入工会\n2\. 反映欠薪\n3\. 预约法律援助/);
    expect(accepted).toEqual(['f-in']);

    w.puppet.emit('friendship', { friendshipId: 'f-ok' });
    await saySteps(w, worker, [['2', /同意吗/]]);
    expect(accepted).toEqual(['f-in']);
    expect(w.inbox('小王').filter((m) => m.type === 'text' && /您好，我是工友助手/.test(m.text))).toHaveLength(1);
  });
});
