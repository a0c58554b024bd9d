/*
 * A time said at the employer question (`过年前`, `前几天`, `今年`, `年底` — often the answer to something
 * asked before) was taken as the employer's name (「「过年前」是哪一种？」, then kept as the employer).
 * Now it is said to be a time and the name asked again; names that begin with such words stay names.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));
const toEmployer = (user: string) => converse(t.chat, user).sendAll('反映欠薪', '同意').expect(/单位叫什么名字/);

describe('a time at the employer question', () => {
  for (const [i, said] of ['过年前', '前几天', '今年', '年底吧'].entries()) {
    it(`${said} is a time, not the employer`, async () => {
      await toEmployer(`web:ew${i}`).send(said).expect(/说的是时间。这里请写欠您工资的单位或老板的名字/).expectNot(/是哪一种/);
      expect((await session(`web:ew${i}`)).answers).not.toHaveProperty('employer');
    });
  }

  it('names that begin with such words are still names: 年华酒店, 国庆酒店', async () => {
    await toEmployer('web:ew8').send('年华酒店').expect(/哪个镇或街道/);
    expect((await session('web:ew8')).answers).toMatchObject({ employer: '年华酒店' });
    await toEmployer('web:ew9').send('国庆酒店').expect(/哪个镇或街道/);
    expect((await session('web:ew9')).answers).toMatchObject({ employer: '国庆酒店' });
  });
});
