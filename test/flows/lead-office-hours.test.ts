/*
 * When staff work, asked (`你们几点下班`, `周末有人吗`): it got 「这个问题我还答不上来」; now the directory's office
 * hours, and in a form its question again, nothing taken. `12351打不通` got 「没太明白」 and the menu; now what to do.
 * A fixed clock (Tuesday 1 December 2026, 10:00).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { officeHoursAsked } from '../../flows/case-desk.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t } = chatOnClock(NOW);

const someone = (tag: string) => `web:office-hours-${tag}-${Math.random().toString(36).slice(2, 8)}`;
/** The demo directory's office hours, as said. */
const HOURS = /工作日上班（上午8:30-12:00，下午14:00-17:30）/;

describe('office hours asked', () => {
  it.each(['你们几点下班', '周末有人吗？', '上班时间是几点', '工作人员晚上有人处理吗'])('%s: the office hours (it was 答不上来)', async (said) => {
    await converse(t.chat, someone('idle')).send(said).expect(HOURS).expect(/24小时/).expectNot(/答不上来/);
  });

  it('in the middle of a report: answered, then the same question; the next answer is taken as before', async () => {
    const chat = converse(t.chat, someone('form')).sendAll('老板欠我工资', '同意', '好再来饭店');
    await chat.expect(/哪个镇或街道/);
    await chat.send('晚上有人处理吗').expect(HOURS).expect(/哪个镇或街道/);
    await chat.send('河西街道').expect(/哪个村或社区/);
  });

  it('12351打不通: try again later, or 人工 here (it was 没太明白 and the menu)', async () => {
    await converse(t.chat, someone('hotline')).send('12351打不通').expect(/过一会儿再试试/).expect(/回复「人工」/).expectNot(/没太明白/);
  });

  // guard: an account that mentions a weekend or an evening is no question about office hours.
  it.each(['老板说周末结账', '周末加班不给钱', '晚上干到十点', '几点下班都不让走'])('guard: %s is not asked of office hours', (said) => {
    expect(officeHoursAsked(said)).toBe(false);
  });
});
