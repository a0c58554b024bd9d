/*
 * Legal aid, probe round 4: days back said in words at the day questions (`前几天`, `上礼拜`, `上上周`),
 * then a day of the month. The day must fit what was just said: inside the days the words reach it is
 * taken and said back; outside them (`前几天` then `1` on 1 December: a month ago) it is confirmed, saying
 * why, never recorded silently. Transcripts on real Redis; today is Tuesday 1 December 2026, 10:00.
 */
import { describe, expect, it } from 'vitest';
import { recentDaysSaid } from '../../flows/parsers/month.js';
import { converse } from '../support/converse.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock } = chatOnClock(NOW);

const answers = async (user: string) => (await t.chat.sessions.load(user, clock.now())).answers as Record<string, unknown>;

/** 法律援助 → 同意 → 欠薪: at the day-they-left question. */
const atLimit = (user: string) => converse(t.chat, user).sendAll('法律援助', '1', '1').expect(/您还在这家单位干吗/);
/** 法律援助 → 同意 → 工伤: at the injury-day question. */
const atInjury = (user: string) => converse(t.chat, user).sendAll('法律援助', '1', '2').expect(/您是哪天受伤的/);

describe('days back said, then a day of the month: the day must fit them', () => {
  it('「前几天」 then 1 (a month ago) is confirmed, saying why; 不对 asks again and nothing is kept', async () => {
    await atLimit('web:n1')
      .send('前几天')
      .expect(/您说的「前几天」，是2026年11月几号离开的？/)
      .send('1')
      .expect(/您刚才说是「前几天」，2026年11月1日已经是30天前了/)
      .expect(/对吗？/)
      .expectNot(/好的，记为/);
    expect(await answers('web:n1')).not.toHaveProperty('limit');
    await converse(t.chat, 'web:n1').send('不对').expect(/您还在这家单位干吗/);
    expect(await answers('web:n1')).not.toHaveProperty('limit');
  });

  it('「前几天」 then 1, confirmed with 对: then it is that day', async () => {
    await atLimit('web:n2').send('前几天').send('1').expect(/对吗？/).send('对');
    expect((await answers('web:n2')).limit).toEqual({ leftOn: '2026-11-01' });
  });

  it('「前几天走的」 then 28 (three days ago) is taken and said back', async () => {
    await atLimit('web:n3').send('前几天走的').send('28').expect(/好的，记为2026年11月28日离开/).expectNot(/对吗/);
    expect((await answers('web:n3')).limit).toEqual({ leftOn: '2026-11-28' });
  });

  it('「上礼拜」 then 2 is confirmed; 「上礼拜」 then 25 (last Wednesday) is taken', async () => {
    await atLimit('web:n4').send('上礼拜').send('2').expect(/您刚才说是「上礼拜」，2026年11月2日已经是29天前了/).expect(/对吗？/);
    expect(await answers('web:n4')).not.toHaveProperty('limit');
    await atLimit('web:n5').send('上礼拜刚走').send('25号').expect(/好的，记为2026年11月25日离开/);
    expect((await answers('web:n5')).limit).toEqual({ leftOn: '2026-11-25' });
  });

  it('the injury day the same way: 「上上周」 then 3 is confirmed, 「前两天」 then 29 is taken', async () => {
    await atInjury('web:n6').send('上上周').send('3').expect(/您刚才说是「上上周」，2026年11月3日已经是28天前了/).expect(/对吗？/);
    expect(await answers('web:n6')).not.toHaveProperty('injury');
    await atInjury('web:n7').send('前两天').send('29').expect(/好的，记为2026年11月29日受伤/);
    expect((await answers('web:n7')).injury).toEqual({ on: '2026-11-29' });
  });

  it('over a month\'s turn (5 December): 「前几天」 asks the month with the day, 28 is 28 November, 10 is confirmed', async () => {
    clock.set(new Date('2026-12-05T10:00:00+08:00'));
    try {
      await atLimit('web:n8').send('前几天').expect(/您说的「前几天」，具体是几月几号离开的？/).send('28').expect(/好的，记为2026年11月28日离开/);
      expect((await answers('web:n8')).limit).toEqual({ leftOn: '2026-11-28' });
      await atLimit('web:n9').send('前几天').send('10').expect(/2026年11月10日已经是25天前了/).expect(/对吗？/);
      expect(await answers('web:n9')).not.toHaveProperty('limit');
    } finally {
      clock.set(new Date(NOW));
    }
  });

  it('「上个月」 then 1 is still 1 November, taken (no days back were said)', async () => {
    await atLimit('web:n10').send('上个月').send('1').expect(/好的，记为2026年11月1日离开/);
    expect((await answers('web:n10')).limit).toEqual({ leftOn: '2026-11-01' });
  });
});

describe('recentDaysSaid: the days words for a few days back reach', () => {
  const now = new Date(NOW);
  it.each([
    ['前几天', '2026-11-21', '2026-11-30'],
    ['前两天', '2026-11-24', '2026-11-30'],
    ['上礼拜', '2026-11-22', '2026-11-30'],
    ['上周末', '2026-11-27', '2026-11-30'],
    ['上上周', '2026-11-15', '2026-11-23'],
    ['这周', '2026-11-30', '2026-12-01'],
    ['大概前几天吧', '2026-11-21', '2026-11-30'],
  ])('「%s」: %s to %s', (said, from, to) => {
    expect(recentDaysSaid(said, now)).toMatchObject({ from, to });
  });
  it.each([['上个月'], ['11月'], ['5号']])('「%s」 is none', (said) => {
    expect(recentDaysSaid(said, now)).toBeNull();
  });
});
