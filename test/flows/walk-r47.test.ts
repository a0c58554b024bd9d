/**
 * Walks of the forty-seventh session (mine). The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 *  1. `八月十五` at wage's unit question was stored as the unit with no question (found by h187): a month and its day
 *     without 号 or 日 (`八月十五`, `正月十五`, `10月5`) is a time (flows/parsers/when-said.ts SAID_WHEN), never a name.
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:r47-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('1. a day said without 号 at the unit question', () => {
  for (const said of ['八月十五', '正月十五', '10月5']) {
    it(`\`${said}\` is said back as a time, nothing stored, the unit asked again`, async () => {
      const user = someone('day');
      await converse(t.chat, user)
        .sendAll('我要反映欠薪', '1')
        .send(said)
        .expect(new RegExp(`「${said}」说的是时间.*单位或老板的名字`, 's'));
      const a = (await load(user)).answers as Record<string, unknown>;
      expect(a.employer).toBeUndefined();
    });
  }

  it('a unit with a month in its name is still a unit: `九月花园项目`', async () => {
    const user = someone('unit');
    await converse(t.chat, user).sendAll('我要反映欠薪', '1').send('九月花园项目').expect(/哪个镇或街道/);
    expect(JSON.stringify((await load(user)).answers)).toContain('九月花园');
  });
});
