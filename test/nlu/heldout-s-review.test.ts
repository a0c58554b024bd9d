/**
 * Set S's review (forty-eighth session): a community spelled in pinyin at wage's village question is proposed in
 * characters (it was 「干活的地方已经记下了」 and the same question again), and pinyin spelling our own words at the
 * unit question is no name (`laoban qian wo gongzi` was proposed as the unit). Each test failed before its fix;
 * `guard:` lines keep what already worked. Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { normalizeMessage } from '../../flows/nlu/normalize.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:s48r-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('wage report, typed in pinyin', () => {
  it('`bin jiang` at the village question: 滨江社区 proposed, kept on a yes', async () => {
    const user = someone('binjiang');
    await converse(t.chat, user)
      .sendAll('2', '1', '宏达建筑', '河西街道')
      .expect(/河西街道的哪个村或社区/)
      .send('bin jiang')
      .expect(/村或社区「滨江社区」。对吗/)
      .expectNot(/已经记下了/)
      .send('对')
      .expect(/工程建设项目/);
    expect((await session(user)).answers.community).toMatchObject({ community: '滨江社区' });
  });

  it('`laoban qian wo gongzi` at the unit question: said back as words, no unit proposed', async () => {
    const user = someone('words');
    await converse(t.chat, user)
      .sendAll('2', '1')
      .expect(/单位叫什么名字/)
      .send('laoban qian wo gongzi')
      .expect(/我理解为「老板欠我工资」.*单位或老板的名字/s)
      .expectNot(/用人单位「laoban/);
    expect((await session(user)).answers.employer).toBeUndefined();
    // guard: a name typed in pinyin is still proposed as typed.
    await converse(t.chat, user).send('liu dazhuang').expect(/用人单位「liu dazhuang」。对吗/);
  });

  it('`老板叫 liu dazhuang`: the whole name in pinyin proposed (「liu」 alone was, found in the review walk)', async () => {
    const user = someone('boss');
    await converse(t.chat, user).sendAll('2', '1').send('老板叫 liu dazhuang').expect(/用人单位「liu dazhuang」。对吗/);
    // guard: a name in characters is still taken as said.
    await converse(t.chat, someone('boss2')).sendAll('2', '1').send('老板叫刘大壮').expect(/「刘大壮」是哪一种/);
  });
});

describe('a look-alike typed a character at a time (found in the walk of `npm start`)', () => {
  it('`不 哓 得` at the project question is 不晓得, passed over (「不哓得」 was stored as the project’s name)', async () => {
    expect(normalizeMessage('不 哓 得')).toBe('不晓得');
    expect(normalizeMessage('丁 资 没 发')).toBe('工资没发');
    // guard: the look-alikes typed together, and ordinary words a character at a time, read as before.
    expect(normalizeMessage('不哓得')).toBe('不晓得');
    expect(normalizeMessage('我 是 做 保 姆 的')).toBe('我是做保姆的');
    const user = someone('project');
    await converse(t.chat, user)
      .sendAll('2', '1', '宏达建筑', '白沙镇', '不清楚', '是')
      .expect(/项目或工地叫什么名字/)
      .send('不 哓 得')
      .expect(/哪段时间的工资/);
    expect((await session(user)).answers.project).toBeNull();
  });
});
