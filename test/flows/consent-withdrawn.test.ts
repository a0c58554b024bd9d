/**
 * Consent taken back in the middle of a form (held-out set U, `刚才同意了 能撤回吗`): 「刚才同意了」 was proposed as the
 * unit, `我不同意了 不想给你们信息` at the village's question was read as a village. Now the form stops and what was filled
 * in is cleared, as at 退出. Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read } from '../nlu/evaluate.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:withdrawn-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('consent taken back', () => {
  it('`刚才同意了 能撤回吗` at the unit’s question: the report stops, nothing kept', async () => {
    const user = someone('unit');
    await converse(t.chat, user).sendAll('我要反映欠薪', '1').expect(/单位叫什么/).send('刚才同意了 能撤回吗').expect(/已取消。刚才填写的内容没有提交，也已清除/).expectNot(/用人单位「/);
    const s = await session(user);
    expect(s.flowId ?? null).toBeNull();
    expect(s.answers.consent).toBeUndefined();
    expect(read('wage', 'employer', '撤回同意', { consent: true }).intent).toBe('cancel');
  });

  it('`我不同意了 不想给你们信息` later in the report, `刚才同意给身份证了 能撤回吗` when joining: stopped', async () => {
    await converse(t.chat, someone('late')).sendAll('我要反映欠薪', '1', '宏达建筑', '东龙镇').send('我不同意了 不想给你们信息').expect(/已取消/).expectNot(/村或社区/);
    await converse(t.chat, someone('id')).sendAll('我要入会', '1', '1').send('刚才同意给身份证了 能撤回吗').expect(/已取消/);
  });

  it('guard: at the consent itself a no is the answer; the boss not agreeing is no withdrawal', () => {
    expect(read('wage', 'consent', '不同意 不想给你们信息', {})).toMatchObject({ intent: 'answer' });
    expect(read('wage', 'account', '老板不同意给钱 说我没干满', { consent: true }).intent).not.toBe('cancel');
    expect(read('wage', 'employer', '我同意了', { consent: true }).intent).not.toBe('cancel');
  });
});
