/*
 * Small fixes carried between owners in the third probe round: `8、9、10月`
 * at the period question, `两万不到` confirmed as about that figure, a shop
 * is not a family employer (帮人家看店), `莫得` at the village question is
 * not knowing it, Cantonese `得我一个` and `冇做了`, `都跳过` at the optional
 * start-work question. Real Redis; the clock fixed at 1 December 2026.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { HOUSEHOLD_WORDS } from '../../flows/nlu/wage-facts.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const answers = async (user: string) => (await t.chat.sessions.load(user, new Date(NOW))).answers as Record<string, any>;

const toPeriod = (user: string) =>
  converse(t.chat, user).sendAll('老板欠我工资', '同意', '河西物业', '河西', '不清楚').send('2').expect(/哪段时间的工资/);

describe('carried fixes, wage report', () => {
  it('`8、9、10月` is August to October, three months', async () => {
    await toPeriod('web:m1').send('8、9、10月').expect(/多少钱/);
    expect((await answers('web:m1')).period).toMatchObject({ start: '2026-08', end: '2026-10', months: 3 });
  });

  it('`两万不到` is said back and confirmed as about 20,000, never taken silently', async () => {
    await toPeriod('web:m2').send('今年9月到11月').send('两万不到').expect(/先按约20,000元记/).expect(/拖欠金额「约20,000元」。对吗？/);
    expect((await answers('web:m2')).amount).toBeUndefined();
  });

  it('a shop is not a family employer; a nanny still is', async () => {
    expect(HOUSEHOLD_WORDS.test('帮人家看店老板欠我3个月')).toBe(false);
    expect(HOUSEHOLD_WORDS.test('帮别人家看仓库')).toBe(false);
    expect(HOUSEHOLD_WORDS.test('在别人家当保姆')).toBe(true);
    expect(HOUSEHOLD_WORDS.test('给人家看孩子')).toBe(true);
    await converse(t.chat, 'web:m3').sendAll('帮人家看店老板欠我3个月').send('1').expectNot(/个人或家庭/);
  });

  it('`莫得` at the village question is not knowing it, never a village', async () => {
    await converse(t.chat, 'web:m4').sendAll('老板欠我工资', '同意', '河西物业').send('东龙').expect(/哪个村或社区/).send('莫得').expect(/工程建设项目/);
    expect((await answers('web:m4')).community).toMatchObject({ community: null });
  });

  it('Cantonese `得我一个` is only me, `冇做了` has left', async () => {
    await toPeriod('web:m5').sendAll('今年9月到11月', '8000').send('得我一个').expect(/还在这家单位/).send('冇做了').expect(/什么时候离开/);
    const a = await answers('web:m5');
    expect(a.headcount).toMatchObject({ count: 1 });
    expect(a.stillEmployed).toBe(false);
  });
});
