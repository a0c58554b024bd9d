/*
 * A foreman named with the unit he works for, in one message (found walking the web chat, session 39):
 *  - `包工头叫李强 给宏达建筑干的` at the employer question: 「我理解的是：用人单位「李强」」 — the unit dropped, the
 *    foreman proposed as the employer. Now the unit is proposed, and the foreman kept as the 包工头.
 *  - `包工头李强给一家公司干的`: the words 「李强给一家公司」 were **stored as the employer without a question**.
 *    Now he is the 包工头 and whom he works for is asked, as for `包工头老李`.
 *  - The same in a first message (`包工头李强给宏达建筑干活 欠我三个月工资`): the unit, not the whole words.
 *  - `包工头叫李强 给青溪花园二期干的`: the project was kept as 「给青溪花园二期」.
 * Today is Tuesday 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import type { WageAnswers } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const answers = async (user: string) => (await load(user)).answers as WageAnswers;
/** The foreman: kept, or waiting for his own question (the supplement's, on a building site) in `later`. */
const foreman = async (user: string) => {
  const s = await load(user);
  return (s.answers as WageAnswers).labourContractor ?? (s.later as Partial<WageAnswers> | null)?.labourContractor;
};
const someone = (tag: string) => `web:r39-foreman-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const EMPLOYER_ASK = /欠您工资的单位叫什么名字？/;
const PLACE_ASK = /您在哪个镇或街道干活？/;
const WHOSE_FOREMAN = /包工头是「李强」，记下了。他是带您给哪家公司、哪个工地干活的？/;

describe('a foreman and the unit he works for, in one answer', () => {
  // On a building site (said first), where the form has a 包工头 of its own; elsewhere he is asked for if it turns out to be one.
  // `一家宏达建筑`, `那家宏达建筑`: the pointing word is no part of the name (with 一家 the words were stored unasked).
  it.each(['包工头叫李强 给宏达建筑干的', '包工头李强 他带我们给宏达建筑干活', '给宏达建筑干的 包工头是李强', '包工头李强给宏达建筑干活', '包工头李强给一家宏达建筑干的', '包工头李强给那家宏达建筑干活'])('%s: the unit proposed, the foreman kept', async (said) => {
    const user = someone('both');
    await converse(t.chat, user).sendAll('我在工地干活 老板欠我工资', '同意', '对').expect(EMPLOYER_ASK).send(said).expect(/我理解的是：用人单位「宏达建筑」、包工头「李强」。对吗？/).send('对').expect(PLACE_ASK);
    expect((await answers(user)).employer).toBe('宏达建筑');
    expect(await foreman(user)).toBe('李强');
  });

  it.each(['包工头李强给一家公司干的', '包工头叫李强 给公司干活', '包工头叫李强 给一个什么公司干的'])('%s: no unit named, so never the words as the employer; whom he works for is asked', async (said) => {
    const user = someone('kind');
    await converse(t.chat, user).sendAll('我在工地干活 老板欠我工资', '同意', '对').send(said).expect(WHOSE_FOREMAN).expectNot(PLACE_ASK);
    expect((await answers(user)).employer).toBeUndefined();
    expect(await foreman(user)).toBe('李强');
    // The unit typed next is the employer.
    await converse(t.chat, user).send('宏达建筑').expect(PLACE_ASK);
    expect((await answers(user)).employer).toBe('宏达建筑');
  });

  it('in a first message: the unit, never the whole words', async () => {
    const user = someone('first');
    await converse(t.chat, user).send('包工头李强给宏达建筑干活 欠我三个月工资').send('同意').expect(/用人单位「宏达建筑」/).expectNot(/李强给/);
    const other = someone('first-kind');
    await converse(t.chat, other).send('包工头李强给一家公司干的 欠了我两万').send('同意').expect(/拖欠金额「20,000元」/).expectNot(/用人单位「[^」]*李强/);
  });

  it('a site after 给 is the project, without the 给', async () => {
    const user = someone('site');
    await converse(t.chat, user).sendAll('我要报欠薪', '同意').send('包工头叫李强 给青溪花园二期干的').expect(/项目名称「青溪花园二期」/).expectNot(/「给青溪/);
  });

  // guard: a foreman alone, and a unit alone, read as before.
  it('guard: `包工头老李` asks whom he works for; `宏达建筑` is the unit', async () => {
    await converse(t.chat, someone('alone')).sendAll('我要报欠薪', '同意').send('包工头老李').expect(/包工头是「老李」，记下了/);
    const user = someone('unit');
    await converse(t.chat, user).sendAll('我要报欠薪', '同意').send('宏达建筑').expect(PLACE_ASK);
    expect((await answers(user)).employer).toBe('宏达建筑');
  });
});

describe('under a foreman not named (h135 found it)', () => {
  // `跟着包工头干的` was kept whole as the employer's name, unasked, and the township asked next.
  it.each(['跟着包工头干的', '我老公是跟着包工头干的', '一直跟着工头干活'])('%s: his name asked for, nothing kept', async (said) => {
    const user = someone('unnamed');
    await converse(t.chat, user).sendAll('我要报欠薪', '同意').send(said).expect(/包工头或老板叫什么？写他的名字就行/).expectNot(PLACE_ASK);
    expect((await answers(user)).employer).toBeUndefined();
  });

  // guard: named, he is read as before.
  it('guard: `跟着包工头老王干的` reads 老王', async () => {
    await converse(t.chat, someone('named')).sendAll('我要报欠薪', '同意').send('跟着包工头老王干的').expect(/老王/).expectNot(/包工头或老板叫什么/);
  });
});

describe('the project question (h134, h135 found them)', () => {
  const toProject = ['我在工地干活 老板欠我工资', '同意', '对', '宏达建筑', '东龙', '不清楚'] as const;
  // `幸福小区` was stored as 「幸福」, unasked: 小区 is the estate's own name.
  it.each([['幸福小区', '幸福小区'], ['幸福小区工地', '幸福小区'], ['翠湖湾项目', '翠湖湾']])('%s is the project %s', async (said, project) => {
    const user = someone('project');
    await converse(t.chat, user).sendAll(...toProject).send(said).expect(/哪段时间/);
    expect((await answers(user)).project).toBe(project);
  });

  // guard: a hedged name is the answer without the hedge, as for the unit (h18) and the township (h24): their best
  // answer, staff check it.
  it('guard: 应该是翡翠湾吧 is 翡翠湾', async () => {
    const user = someone('guess');
    await converse(t.chat, user).sendAll(...toProject).send('应该是翡翠湾吧').expect(/哪段时间/);
    expect((await answers(user)).project).toBe('翡翠湾');
  });

  // guard: a generic word is no name.
  it('guard: 小区, 那个小区 are asked again', async () => {
    for (const said of ['小区', '那个小区']) {
      const user = someone('generic');
      await converse(t.chat, user).sendAll(...toProject).send(said).expect(/请写项目或工地的名字/);
      expect((await answers(user)).project).toBeUndefined();
    }
  });
});

describe('a place is never a person\'s name (found walking the web chat)', () => {
  // `幸福小区` at 「被欠工资的人叫什么名字？」 was kept as the name of the one owed (幸 is a surname).
  it.each(['幸福小区', '青溪花园二期', '翠湖湾家园'])('%s at the name of the one owed: asked again, nothing kept', async (said) => {
    const user = someone('place-name');
    await converse(t.chat, user).sendAll('我老公在工地干活 欠了三个月工资', '2', '同意', '对').expect(/被欠工资的人叫什么名字？/).send(said).expect(/请写被欠工资的人的姓名/);
    expect((await answers(user)).workerName).toBeUndefined();
  });

  // guard: names that merely share a character with those words stay names.
  it('guard: 刘大壮, 幸小华 are names', async () => {
    for (const name of ['刘大壮', '幸小华']) {
      const user = someone('real-name');
      await converse(t.chat, user).sendAll('我老公在工地干活 欠了三个月工资', '2', '同意', '对').send(name).expectNot(/请写被欠工资的人的姓名/);
      expect((await answers(user)).workerName).toBe(name);
    }
  });
});
