/**
 * Held-out set U (second thoughts), the 「…对吗？」 step: a yes taken back at once (`对 哦不对 八千是上个月的 一共一万六`)
 * was read as the yes and the values confirmed; a yes said in doubt (`应该是吧 我也不太确定`, `好像对吧 我不太确定`) or held
 * up (`对 呃 等一下 我想想 时间好像不对`) was a yes too. Now the first is a no (which is wrong is asked), the others are
 * asked again. `对 不对劲的是他最近老躲着我` (不对劲 is no 不对) was a no with 「不对劲的是…」 proposed as the unit, and
 * `错不了 就是这个王八蛋` was not understood: both are the yes now. `guard:` lines keep what already worked.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { understandConfirm } from '../../flows/nlu/understand.js';
import { yesBut } from '../../flows/nlu/talk.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:u209-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('second thoughts at 「…对吗？」', () => {
  it('a yes taken back at once is a no', () => {
    for (const text of ['对 哦不对 八千是上个月的 一共一万六', '对 哦不对 25号是拿离职证明那天 走是20号', '对 哦不对 是她婆婆请的我 陈太太只是帮着付钱', '对 不是这家']) {
      expect(understandConfirm(text), text).toBe('no');
    }
  });

  it('a yes in doubt or held up is no yes (asked again)', () => {
    for (const text of ['应该是吧 我也不太确定是不是白沙镇', '应该是吧 我不太确定', '好像对吧 我不太确定', '对 呃 等一下 我想想 时间好像不对']) {
      expect(understandConfirm(text), text).toBeNull();
    }
  });

  it('`错不了 就是这个王八蛋`, `对 不对劲的是他最近老躲着我`: the yes, nothing taken from the words after it', () => {
    expect(understandConfirm('错不了 就是这个王八蛋')).toBe('yes');
    expect(understandConfirm('对 不对劲的是他最近老躲着我')).toBe('yes');
    expect(yesBut('对 不对劲的是他最近老躲着我')).toBeNull();
  });

  it('guard: plain yes and no, and a yes asking back, are as before', () => {
    expect(understandConfirm('对')).toBe('yes');
    expect(understandConfirm('对 没错')).toBe('yes');
    expect(understandConfirm('对 不是吗')).not.toBe('no');
    expect(understandConfirm('不对')).toBe('no');
    expect(understandConfirm('就是这个畜生')).toBe('yes');
  });

  it('in the chat: `对 哦不对 …` asks which is wrong; `应该是吧 我也不太确定` asks again; nothing confirmed', async () => {
    const a = someone('back');
    await converse(t.chat, a).sendAll('宏达建筑欠了我八千块工资', '同意').send('对 哦不对 八千是上个月的 一共一万六').expect(/哪一项不对/);
    expect((await session(a)).answers.amount).toBeUndefined();
    const b = someone('doubt');
    await converse(t.chat, b).sendAll('宏达建筑欠了我八千块工资', '同意').send('应该是吧 我也不太确定').expect(/请回复「对」或「不对」/);
    expect((await session(b)).answers.employer).toBeUndefined();
  });

  it('in the chat: `错不了 就是这个王八蛋` confirms and goes on (was asked again)', async () => {
    const c = someone('sure');
    await converse(t.chat, c).sendAll('宏达建筑欠了我八千块工资', '同意').send('错不了 就是这个王八蛋').expect(/镇或街道/);
    expect((await session(c)).answers.employer).toBe('宏达建筑');
  });
});
