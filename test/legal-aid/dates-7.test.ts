/*
 * When to come, said the way people say it at the slot list: the end of a
 * holiday (`国庆节后`, `节后第一天`), festivals (`元宵节`), lunar dates (`初八`,
 * `正月初十上午`) and ranges (`下周一到周三都行`). Each is read into days the
 * list can offer, and the reading is said back before anything is picked.
 * Clocks are fixed; 2027's holidays come from the made-up test calendar
 * (a directory year), 2026's from the chinese-days package.
 */
import { describe, expect, it } from 'vitest';
import { manualClock, type ManualClock } from '../../core/infra/clock.js';
import { loadDemoDirectory } from '../../core/directory/load.js';
import { converse } from '../support/converse.js';
import { useFixture } from '../support/fixture.js';
import { startTestCore } from '../support/core.js';
import { MADE_UP_YEARS } from '../support/test-calendar.js';
import { optionLines } from './helpers.js';

let clock: ManualClock;
const demo = loadDemoDirectory();
const t = useFixture(() => {
  clock = manualClock('2026-09-29T10:00:00+08:00');
  return startTestCore({ clock, directory: { ...demo, calendar: { years: { ...MADE_UP_YEARS, ...demo.calendar.years } } } });
});

/** A lawyer by phone from 东龙镇 (every working day 09:00-17:30): at the list of free times. */
const byPhone = (user: string, now: string) => {
  clock.set(now);
  return converse(t.chat, user).sendAll('预约律师', '同意', '欠薪', '还在干', '电话', '东龙镇').expect(/电话咨询最近的空闲时间/);
};
const lines = (text: string) => optionLines(text).map((l) => l.replace(/^\d+\. /, ''));
const booked = async (user: string) => t.chat.bookings.listByUser(user);

describe('the end of a holiday (2026 国庆: 10月1日-7日 off)', () => {
  it('「国庆节后」 is said back as its first working day, 10月8日, and the times from then on are offered', async () => {
    await byPhone('web:h1', '2026-09-25T10:00:00+08:00')
      .send('国庆节后')
      .expect(/国庆假期后第一个工作日是10月8日（周四）；不是这天的话，请直接说日期/)
      .check((_r, text) => {
        expect(lines(text).length).toBeGreaterThan(0);
        expect(lines(text)[0]).toMatch(/^10月8日（周四） 09:00/);
      });
    expect(await booked('web:h1')).toEqual([]);
  });

  it('「节后第一天」 is 10月8日 only; a pick there is what the review shows', async () => {
    await byPhone('web:h2', '2026-09-29T10:00:00+08:00')
      .send('节后第一天')
      .expect(/国庆假期后第一个工作日是10月8日（周四）/)
      .check((_r, text) => {
        for (const l of lines(text)) expect(l).toMatch(/^10月8日（周四） /);
      })
      .sendAll('2', '刘强', '13900001111')
      .expect(/时间：10月8日（周四） 09:30-10:00/);
    expect(await booked('web:h2')).toEqual([]);
  });

  it('「节后」 between 中秋 and 国庆 (25 September) is asked, never guessed', async () => {
    await byPhone('web:h3', '2026-09-25T10:00:00+08:00')
      .send('节后第一天')
      .expect(/是中秋假期后（9月28日起），还是国庆假期后（10月8日起）？/)
      .expectNot(/怎么称呼您/);
  });

  it('「国庆节后」 once it is over says so and offers the list', async () => {
    await byPhone('web:h4', '2026-10-10T10:00:00+08:00').send('国庆节后').expect(/国庆假期已经结束了（10月8日起正常上班），现在就能约/);
  });
});

describe('near the Spring Festival (made-up 2027: 2月6日-12日 off, Saturday 2月13日 worked)', () => {
  it('「初八」 is 正月初八, 2月13日, a make-up working day, and its times are offered', async () => {
    await byPhone('web:s1', '2027-02-03T10:00:00+08:00')
      .send('初八')
      .expect(/初八（正月初八）是2月13日（周六，调休上班）/)
      .check((_r, text) => {
        expect(lines(text).length).toBeGreaterThan(0);
        for (const l of lines(text)) expect(l).toMatch(/^2月13日（周六） /);
      });
    expect(await booked('web:s1')).toEqual([]);
  });

  it('「正月初十上午」 is 2月15日 in the morning', async () => {
    await byPhone('web:s2', '2027-02-03T10:00:00+08:00')
      .send('正月初十上午')
      .expect(/正月初十是2月15日（周一）/)
      .check((_r, text) => {
        expect(lines(text).length).toBeGreaterThan(0);
        for (const l of lines(text)) expect(l).toMatch(/^2月15日（周一） (0|1[01])/);
      });
  });

  it('「元宵节」 on a Saturday is said to be closed, with the nearest open times', async () => {
    await byPhone('web:s3', '2027-02-10T10:00:00+08:00')
      .send('元宵节')
      .expect(/元宵节是2月20日（周六），这天是周末，不安排咨询。离这天最近还能约的时间/)
      .check((_r, text) => expect(lines(text).length).toBeGreaterThan(0));
    expect(await booked('web:s3')).toEqual([]);
  });

  it('a day of the 春节 holiday (「初三」) is said to be the holiday', async () => {
    await byPhone('web:s4', '2027-01-29T10:00:00+08:00').send('初三').expect(/初三（正月初三）是2月8日（周一），这天是春节假期，不安排咨询/);
  });

  it('「初八」 far from the Spring Festival asks which month', async () => {
    await byPhone('web:s5', '2026-12-03T10:00:00+08:00')
      .send('初八')
      .expect(/您说的「初八」是农历哪个月的初八？最近的是农历冬月初八，12月16日（周三）。请直接说日期/)
      .expectNot(/怎么称呼您/);
  });
});

describe('a range of days', () => {
  it('「下周一到周三都行」 offers times across all three days', async () => {
    await byPhone('web:r1', '2026-12-01T10:00:00+08:00')
      .send('下周一到周三都行')
      .expect(/下周一到周三是12月7日（周一）到12月9日（周三）/)
      .check((_r, text) => {
        const days = new Set(lines(text).map((l) => l.slice(0, l.indexOf(' '))));
        expect([...days]).toEqual(['12月7日（周一）', '12月8日（周二）', '12月9日（周三）']);
      })
      .send('下午')
      .check((_r, text) => {
        expect(lines(text).length).toBeGreaterThan(0);
        for (const l of lines(text)) expect(l).toMatch(/^12月[789]日（周.） 1[4-7]:/);
      });
    expect(await booked('web:r1')).toEqual([]);
  });

  it('「下周一到周三下午」 narrows the range to the afternoons', async () => {
    await byPhone('web:r2', '2026-12-01T10:00:00+08:00')
      .send('下周一到周三下午')
      .expect(/下周一到周三是12月7日（周一）到12月9日（周三）/)
      .check((_r, text) => {
        for (const l of lines(text)) expect(l).toMatch(/^12月[789]日（周.） 1[4-7]:/);
      });
  });
});

describe('neighbours keep working', () => {
  it('「下周二上午」, 「明天」 and 「12月5号」 are read as before', async () => {
    await byPhone('web:n1', '2026-12-01T10:00:00+08:00')
      .send('下周二上午')
      .expect(/12月8日（周二）上午还能约的时间/)
      .send('明天')
      .expect(/12月2日（周三）还能约的时间/)
      .send('12月5号')
      .expect(/12月5日（周六）是周末，不安排咨询/);
  });
});
