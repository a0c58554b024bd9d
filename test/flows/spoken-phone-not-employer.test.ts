/*
 * A phone number said in words (`电话幺三八零零幺三八零零零`) before the unit that owes the wages is no part of the
 * unit's name. It was: `我叫王强 电话幺三八零零幺三八零零零 宏达建筑欠我8000` proposed 用人单位「叫王强电话幺三八零零
 * 幺三八零零零宏达建筑」 (with Arabic digits the unit was read as 宏达建筑). Found by helper h122.
 */
import { describe, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');

describe('a number said in words ends what came before the unit', () => {
  it.each([
    ['我叫王强 电话幺三八零零幺三八零零零 宏达建筑欠我8000', '宏达建筑'],
    ['我叫王强 手机一三八零零一三八零零零 好再来饭店欠我工资', '好再来饭店'],
  ])('%s: the unit proposed is %s, and the phone is read', async (said, unit) => {
    await converse(t.chat, 'web:spoken-phone')
      .send(said)
      .send('同意')
      .expect(new RegExp(`用人单位「${unit}」`))
      .expect(/手机号「13800138000」/)
      .expectNot(/用人单位「[^」]*[幺零一三八][^」]*」/u);
  });

  it('a unit with numerals of its own keeps them (fewer than seven in a row)', async () => {
    // guard: a name such as 五一饭店 is not cut as a number.
    await converse(t.chat, 'web:spoken-unit').send('五一饭店欠我三个月工资').send('同意').expect(/用人单位「五一饭店」/);
  });
});
