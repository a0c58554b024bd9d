/**
 * Where the union's service points are, asked with a place (`东龙镇的工会驿站在哪`): the points there by name, address,
 * telephone and hours from the directory, not only the general answer (book to see them). A township with none gets the
 * district's; a village names its township; a hometown is no place asked about. At the unit's question the words of
 * the question were proposed as the unit (「工会驿站在哪」); now answered, and the unit asked again.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { hoursSaid } from '../../flows/points-said.js';
import { readAt as read } from '../nlu/evaluate.js';

const { t, session } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:points-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('where the points are, for the place named', () => {
  it('at the menu: the point of the township named, with its address, telephone and hours', async () => {
    await converse(t.chat, someone('t01'))
      .send('东龙镇的工会驿站在哪')
      .expect(/东龙镇工会驿站：东龙镇龙兴路18号镇总工会一楼，电话0771-5550101，周一至周五 09:00-12:00、14:00-17:00/)
      .expect(/离您近的服务点/);
    await converse(t.chat, someone('t08')).send('河西镇那块 工会驿站在哪').expect(/河西街道工会驿站：河西街道滨河路120号/);
  });

  it('a township with no point: the district’s; a village: its township’s', async () => {
    await converse(t.chat, someone('t03')).send('石岭那边有没有服务点').expect(/石岭镇还没有服务点，区里的有：\n· 青溪区法律援助工作站：青溪区人民路88号/);
    await converse(t.chat, someone('village')).send('沙湾村附近有没有服务点').expect(/白沙镇法律援助工作站：白沙镇沙湾路6号/);
  });

  it('guard: no place, or a hometown only: the general answer', async () => {
    for (const text of ['工会在哪', '我老家梅岗的 这边工会在哪']) {
      await converse(t.chat, someone('none')).send(text).expect(/各镇、街道都有工会/).expectNot(/服务点：/);
    }
  });

  it('at the unit’s question: answered with the point, the unit asked again, 「工会驿站在哪」 never proposed', async () => {
    const user = someone('unit');
    await converse(t.chat, user)
      .sendAll('我要反映欠薪', '1')
      .expect(/单位叫什么名字/)
      .send('东龙镇的工会驿站在哪')
      .expect(/东龙镇工会驿站：东龙镇龙兴路18号/)
      .expectNot(/工会驿站在哪」/)
      .expect(/单位叫什么名字/);
    expect((await session(user)).answers.employer).toBeUndefined();
    const p = read('wage', 'employer', '东龙镇的工会驿站在哪', { consent: true });
    expect(p.inferred.employer ?? p.direct.employer).toBeUndefined();
  });
});

describe('opening hours said', () => {
  it('days with the same hours run together; a day closed is left out', () => {
    const am = ['09:00-12:00'];
    expect(hoursSaid({ mon: am, tue: am, wed: am, thu: am, fri: am })).toBe('周一至周五 09:00-12:00');
    expect(hoursSaid({ mon: am, tue: am, wed: [], thu: ['14:00-17:00'], fri: ['14:00-17:00'] })).toBe('周一、周二 09:00-12:00；周四、周五 14:00-17:00');
    expect(hoursSaid({ mon: [], tue: ['14:30-17:00'], wed: [], thu: [], fri: [] })).toBe('周二 14:30-17:00');
  });
});
