/**
 * Older leftovers (set R, forty-ninth session): gone home but said in so many words not to have quit
 * (`回老家了 还没辞`) was proposed as 已经离开, the opposite of what was said, and `回家了 还没辞职` was stored as
 * 已经离开; now 还在干 is taken: the words say so, and going home alone says nothing of quitting.
 * And the household's head named at the unit's question (set T): `女主人叫林美华` was stored whole as the unit, now 「林美华」
 * is proposed; what the boss is like (`老板是好人`, `老板人挺好的`, found beside set T) was stored as the unit's name, now
 * asked again; so is what became of a site at the project's question (`停工了`, `老板跑了 工地也停了`, `就是那个出过事的工地`:
 * 「停工了」, 「工地也停了」, 「出过事」 were stored as the project). Each test failed before its fix; `guard:` lines keep what already worked.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:r49m-${tag}-${Math.random().toString(36).slice(2, 8)}`;

const AT_STILL = { consent: true, employer: '刘大壮', location: 't02', construction: false };

describe('gone home, not quit', () => {
  it('`回老家了 还没辞`, `请假回老家了 还没辞`: still there (was 已经离开, stored or proposed, or nothing)', () => {
    for (const text of ['回老家了 还没辞', '请假回老家了 还没辞', '回家了 还没辞职', '回老家了，并没有离职']) {
      const p = read('wage', 'stillEmployed', text, AT_STILL);
      expect(taken(p).stillEmployed, text).toBe(true);
    }
  });

  it('guard: gone home alone is gone; on leave at home is asked; dismissal not yet said is still there', () => {
    expect(taken(read('wage', 'stillEmployed', '回老家了', AT_STILL)).stillEmployed).toBe(false);
    expect(taken(read('wage', 'stillEmployed', '请假回老家了', AT_STILL)).stillEmployed).toBeUndefined();
    expect(taken(read('wage', 'stillEmployed', '老板还没辞退我', AT_STILL)).stillEmployed).toBe(true);
    // 没辞退 is not "did not quit": someone who left of their own accord is gone.
    expect(taken(read('wage', 'stillEmployed', '没辞退 自己走的', AT_STILL)).stillEmployed).toBe(false);
  });

  it('in the chat: 还在干 kept, the next question asked', async () => {
    const user = someone('home');
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1', '对', '宏达建筑', '东龙', '不清楚', '不是', '两万')
      .expect(/多少人/)
      .send('就我一个')
      .expect(/还在这家单位干吗/)
      .send('回老家了 还没辞')
      .expect(/补充信息/);
    expect((await session(user)).answers.stillEmployed).toBe(true);
  });
});

describe('the household’s head named', () => {
  it('`女主人叫林美华`, `那家男主人是陈建国`: the name proposed (was stored whole, 「女主人叫林美华」)', () => {
    for (const [text, name] of [
      ['女主人叫林美华', '林美华'],
      ['给一户人家当保姆 女主人叫林美华 半年没给我钱', '林美华'],
      ['那家男主人是陈建国', '陈建国'],
    ] as const) {
      const p = read('wage', 'employer', text, { consent: true });
      expect(p.direct.employer, text).toBeUndefined();
      expect(p.inferred.employer, text).toBe(name);
    }
  });

  it('guard: not knowing the name is no name; 雇主叫 is read as before', () => {
    expect(taken(read('wage', 'employer', '主人是谁不知道', { consent: true })).employer).toBeUndefined();
    expect(taken(read('wage', 'employer', '女主人叫啥不知道', { consent: true })).employer).toBeUndefined();
    expect(read('wage', 'employer', '雇主叫林美华', { consent: true }).direct.employer).toBe('林美华');
  });
});

describe('what the boss is like is no name', () => {
  it('`老板是好人`, `老板人挺好的`, `老板太坏了`, `老板是本地人`, `包工头是他侄子`: nothing taken (「老板是好人」, 「人挺好」, 「太坏了」 were stored)', () => {
    for (const text of ['老板是好人', '主人家是好人', '老板人挺好的', '东家人很好 就是拖', '老板很黑', '老板太坏了', '老板是本地人', '包工头是他侄子']) {
      expect(taken(read('wage', 'employer', text, { consent: true })).employer, text).toBeUndefined();
    }
  });

  it('guard: names with 好人 or 人…好 in them are still names; the boss named or his surname said still count', () => {
    for (const text of ['好人家政', '人人好超市', '刘好人']) expect(read('wage', 'employer', text, { consent: true }).direct.employer, text).toBe(text);
    expect(read('wage', 'employer', '老板叫超哥', { consent: true }).direct.employer).toBe('超哥');
    expect(read('wage', 'employer', '老板姓刘', { consent: true }).direct.employer).toBe('刘老板');
  });

  it('in the chat: asked again for the name, then the name taken', async () => {
    const user = someone('nice');
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1', '对')
      .send('老板人挺好的')
      .expect(/还不是单位或老板的名字/)
      .send('宏达建筑')
      .expect(/哪个镇或街道/);
    expect((await session(user)).answers.employer).toBe('宏达建筑');
  });
});

describe('what became of a site is no project name', () => {
  const AT_PROJECT = { consent: true, employer: '宏达建筑', location: 't01', community: '新塘社区', construction: true };

  it('`停工了`, `老板跑了 工地也停了`, `就是那个出过事的工地`, `烂尾楼一个`: nothing taken', () => {
    for (const text of ['停工了', '老板跑了 工地也停了', '就是那个出过事的工地', '烂尾楼一个']) {
      expect(taken(read('wage', 'project', text, AT_PROJECT)).project, text).toBeUndefined();
    }
  });

  it('guard: a name is still a name, a tail of complaint still cut; not knowing with it is not knowing', () => {
    expect(read('wage', 'project', '青溪花园二期', AT_PROJECT).direct.project).toBe('青溪花园二期');
    expect(taken(read('wage', 'project', '上坪安置房 那个烂尾的破楼', AT_PROJECT)).project).toBe('上坪安置房');
    expect(read('wage', 'project', '不知道 停工了', AT_PROJECT).direct.project).toBeNull();
  });

  it('in the chat: the name asked for again, then taken', async () => {
    const user = someone('site');
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1', '对', '宏达建筑', '东龙', '新塘社区', '是')
      .expect(/项目或工地叫什么名字/)
      .send('老板跑了 工地也停了')
      .expect(/请写项目或工地的名字/)
      .send('青溪花园二期')
      .expect(/多少钱/);
    expect((await session(user)).answers.project).toBe('青溪花园二期');
  });
});
