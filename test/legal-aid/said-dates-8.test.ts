/*
 * When to come, said at the slot list in more of workers' words: the days
 * before a holiday (`国庆前`, `节前`, `春节前`, `节前最后一天`), either of some
 * days (`下周一或者周三`, `10月1号或者10月8号9点`) and a range at one time
 * (`下周一到周三9点`: the time is each day's). The reading is said back and
 * nothing is taken that was not said; a holiday whose days off are not known
 * yet is asked about, never guessed. Clocks are fixed in each test (the file
 * runs in every vitest project); 2027's and 2028's holidays come from the
 * made-up test calendar (a directory year), 2026's from chinese-days.
 */
import { describe, expect, it } from 'vitest';
import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import { loadDemoDirectory } from '../../core/directory/load.js';
import { slotLabel } from '../../core/legal-aid/slots.js';
import { converse } from '../support/converse.js';
import { useFixture } from '../support/fixture.js';
import { startTestCore } from '../support/core.js';
import { MADE_UP_YEARS } from '../support/test-calendar.js';
import { freeSlots, literally, optionLines } from './helpers.js';

let clock: ManualClock;
const demo = loadDemoDirectory();

const lines = (text: string) => optionLines(text).map((l) => l.replace(/^\d+\. /, ''));
/** `12月7日` of the lines' days, in order, once each. */
const daysOf = (text: string) => [...new Set(lines(text).map((l) => l.slice(0, l.indexOf('（'))))];

describe('with the holidays known (2026 from chinese-days, 2027 and 2028 made up)', () => {
  const t = useFixture(() => {
    clock = manualClock('2026-09-22T10:00:00+08:00');
    return startTestCore({ clock, directory: { ...demo, calendar: { years: { ...MADE_UP_YEARS, ...demo.calendar.years } } } });
  });

  /** A lawyer by phone from 东龙镇 (every working day 09:00-17:30): at the list of free times. */
  const byPhone = (user: string, now: string) => {
    clock.set(now);
    return converse(t.chat, user).sendAll('预约律师', '同意', '欠薪', '还在干', '电话', '东龙镇').expect(/电话咨询最近的空闲时间/);
  };
  const phoneSlots = () => freeSlots(t.core, { help: 'lawyer', mode: 'phone', townshipId: 't01' });
  const booked = (user: string) => t.chat.bookings.listByUser(user);

  describe('before a holiday', () => {
    it('「国庆前」 on 22 September is its working days until 9月30日, the 中秋 days off named', async () => {
      await byPhone('web:b1', '2026-09-22T10:00:00+08:00')
        .send('国庆前')
        .expect(/国庆假期10月1日开始，节前的工作日是9月22日（周二）到9月30日（周三），其中9月25日（周五）、9月26日（周六）、9月27日（周日）不上班（中秋节?假期），不安排咨询/)
        .check((_r, text) => {
          const days = daysOf(text);
          expect(days).toContain('9月23日');
          expect(days).toContain('9月30日');
          for (const d of days) expect(['9月22日', '9月23日', '9月24日', '9月28日', '9月29日', '9月30日']).toContain(d);
        })
        .expectNot(/怎么称呼您/);
      expect(await booked('web:b1')).toEqual([]);
    });

    it('「节前」 between 中秋 and 国庆 is asked, with words to answer that are read: 「中秋前」 is 9月22日 to 24日', async () => {
      await byPhone('web:b2', '2026-09-22T10:00:00+08:00')
        .send('节前')
        .expect(/您说的「节前」是中秋假期前（9月24日以前，回复「中秋前」），还是国庆假期前（9月30日以前，回复「国庆前」）？/)
        .expectNot(/怎么称呼您/)
        .send('中秋前')
        .expect(/中秋假期9月25日开始，节前的工作日是9月22日（周二）到9月24日（周四）/)
        .check((_r, text) => {
          expect(daysOf(text)).toEqual(['9月22日', '9月23日', '9月24日']);
        });
      expect(await booked('web:b2')).toEqual([]);
    });

    it('「节前最后一天」 is the last working day before 国庆 only, and a pick there is what the review shows', async () => {
      await byPhone('web:b3', '2026-09-28T10:00:00+08:00')
        .send('节前最后一天')
        .expect(/国庆假期前最后一个工作日是9月30日（周三）；不是这天的话，请直接说日期/)
        .check((_r, text) => {
          expect(lines(text).length).toBeGreaterThan(1);
          for (const l of lines(text)) expect(l).toMatch(/^9月30日（周三） /);
        })
        .sendAll('2', '刘强', '13900001111')
        .expect(/时间：9月30日（周三） /);
      expect(await booked('web:b3')).toEqual([]);
    });

    it('「春节前」 the day before the (made-up 2028) 春节 is that day only, said so', async () => {
      await byPhone('web:b4', '2028-01-24T10:00:00+08:00')
        .send('春节前')
        .expect(/春节假期1月25日开始，节前只剩1月24日（周一）一个工作日/)
        .check((_r, text) => {
          expect(lines(text).length).toBeGreaterThan(0);
          for (const l of lines(text)) expect(l).toMatch(/^1月24日（周一） /);
        });
    });

    it('「春节前」 two months ahead asks which day, naming the last working day before it, and takes nothing', async () => {
      await byPhone('web:b5', '2026-12-04T10:00:00+08:00')
        .send('春节前')
        .expect(/春节假期2月6日开始，节前最后一个工作日是2月5日（周五）。您想约节前哪一天？请直接说日期/)
        .check((_r, text) => expect(lines(text).length).toBeGreaterThan(0))
        .expectNot(/怎么称呼您|对吗/);
      expect(await booked('web:b5')).toEqual([]);
    });

    it('「国庆前」 during the holiday, and 「清明前」 on the weekend just before it (made-up 2028), say no working day is left before it', async () => {
      await byPhone('web:b6', '2026-10-03T10:00:00+08:00').send('国庆前').expect(/国庆假期已经开始了（10月8日起正常上班），节前的日子已经过了/).expectNot(/怎么称呼您/);
      await byPhone('web:b7', '2028-04-01T10:00:00+08:00')
        .send('清明前')
        .expect(/清明假期前已经没有工作日了（4月2日开始放假，4月5日起正常上班）/)
        .expectNot(/怎么称呼您/);
    });
  });

  describe('either of two days', () => {
    it('「下周一或者周三」 offers the times of those two days only, neither taken', async () => {
      await byPhone('web:e1', '2026-12-01T10:00:00+08:00')
        .send('下周一或者周三')
        .expect(/下周一或者周三是12月7日（周一）或12月9日（周三），不对的话请直接说日期。这两天还能约的时间（回复数字选择）/)
        .check((_r, text) => expect(daysOf(text)).toEqual(['12月7日', '12月9日']))
        .expectNot(/怎么称呼您/);
      expect(await booked('web:e1')).toEqual([]);
    });

    it('「下周一或周三上午9点」 offers each day at 9, and a pick is what the review shows', async () => {
      const c = byPhone('web:e2', '2026-12-01T10:00:00+08:00');
      const want = (await phoneSlots()).filter((s) => (s.day === '2026-12-07' || s.day === '2026-12-09') && s.time === '09:00');
      expect(want).toHaveLength(2);
      await c
        .send('下周一或周三上午9点')
        .expect(/这两天上午9点还能约的时间（回复数字选择）/)
        .check((_r, text) => expect(lines(text)).toEqual(want.map(slotLabel)))
        .sendAll('2', '刘强', '13900001111')
        .expect(literally(`时间：${slotLabel(want[1]!)}`));
    });

    it('「10月1号或者10月8号9点」: 10月1日 is 国庆, so the one time left is confirmed, not taken', async () => {
      const c = byPhone('web:e3', '2026-09-29T10:00:00+08:00');
      const only = (await phoneSlots()).find((s) => s.day === '2026-10-08' && s.time === '09:00');
      expect(only).toBeDefined();
      await c
        .send('10月1号或者10月8号9点')
        .expect(/其中10月1日（周四）不上班（国庆节?假期），不安排咨询；这两天上午9点只有这一个时间还能约/)
        .expect(literally(slotLabel(only!)))
        .expectNot(/怎么称呼您/);
      expect(await booked('web:e3')).toEqual([]);
    });
  });

  describe('a range at one time', () => {
    it('「下周一到周三9点」 offers 9:00 of each of the three days', async () => {
      const c = byPhone('web:r1', '2026-12-01T10:00:00+08:00');
      const want = (await phoneSlots()).filter((s) => s.day >= '2026-12-07' && s.day <= '2026-12-09' && s.time === '09:00');
      expect(want).toHaveLength(3);
      await c
        .send('下周一到周三9点')
        .expect(/下周一到周三是12月7日（周一）到12月9日（周三），不对的话请直接说日期。这几天上午9点还能约的时间/)
        .check((_r, text) => expect(lines(text)).toEqual(want.map(slotLabel)));
    });

    it('「下周一到周三9点15」, a time nobody starts at, says so and lists those days\' other times', async () => {
      await byPhone('web:r2', '2026-12-01T10:00:00+08:00')
        .send('下周一到周三9点15')
        .expect(/这几天上午9点15分都没有能约的时间。这几天还能约的是（回复数字选择）/)
        .check((_r, text) => {
          expect(daysOf(text)).toEqual(['12月7日', '12月8日', '12月9日']);
          for (const l of lines(text)) expect(l).not.toMatch(/ 09:15/);
        })
        .expectNot(/怎么称呼您/);
    });
  });
});

describe('a year whose holidays are not known (the package has no 2027, no admin year)', () => {
  const t = useFixture(() => {
    clock = manualClock('2026-12-04T10:00:00+08:00');
    return startTestCore({ clock, directory: { ...demo, calendar: { years: {} } } });
  });
  const byPhone = (user: string, now: string) => {
    clock.set(now);
    return converse(t.chat, user).sendAll('预约律师', '同意', '欠薪', '还在干', '电话', '东龙镇').expect(/电话咨询最近的空闲时间/);
  };

  it('「春节前」 and 「元旦前」 are asked about, never worked out from weekends alone', async () => {
    await byPhone('web:u1', '2026-12-04T10:00:00+08:00')
      .send('春节前')
      .expect(/2027年的放假安排还没有公布，我还算不出节前是哪几天。请直接说日期/)
      .expectNot(/节前的工作日是|怎么称呼您/);
    await byPhone('web:u2', '2026-12-22T10:00:00+08:00')
      .send('元旦前')
      .expect(/2027年的放假安排还没有公布/)
      .expectNot(/12月31日|怎么称呼您/);
    expect(await t.chat.bookings.listByUser('web:u1')).toEqual([]);
  });
});
