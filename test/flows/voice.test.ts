/*
 * A voice message WeChat recognised is what the person said: handled exactly
 * as typed (understanding, held facts confirmed in one line), with what was
 * heard said back first. Voice without text is in test/cases/voice-enquiry.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { renderText } from '../../core/infra/replies.js';
import { findAmounts, findPeriod } from '../../flows/parsers/index.js';
import { sendText, sendVoice } from '../cases/support/voice.js';


/** Saturday 21 November 2026: the months owed read 2026年8月至2026年10月. */
const NOW = new Date('2026-11-21T10:00:00+08:00');
const t = coreOnClock(NOW);

const SAID = '老板欠我三个月工资一万五';

describe('a voice message with WeChat’s text of it', () => {
  it('is answered exactly as the same words typed, after a line saying what was heard; its facts are confirmed after consent', async () => {
    const typed = await t.chat.handle('web:typed', { kind: 'text', text: SAID });
    const voice = await sendVoice(t.chat, 'web:spoken', { recognition: SAID });
    expect(voice.replies[0]).toEqual({ type: 'text', text: `听到您说：「${SAID}」` });
    expect(voice.replies.slice(1)).toEqual(typed);
    expect(voice.text).toMatch(/同意吗/);

    // Consent, then the one-line confirmation of what the voice said.
    expect(await sendText(t.chat, 'web:spoken', '1')).toMatch(/我理解的是：拖欠时间「2026年8月至2026年10月（3个月）」、拖欠金额「15,000元」。对吗？/);
    // The answer may be spoken too.
    const yes = await sendVoice(t.chat, 'web:spoken', { recognition: '对的' });
    expect(yes.text).toMatch(/^听到您说：「对的」/);
    expect(yes.text).toMatch(/单位叫什么/);
    const s = await t.chat.sessions.load('web:spoken', NOW);
    expect(s.answers).toMatchObject({ amount: { yuan: 15000 }, period: { months: 3 } });
    // Nothing was kept as a voice message: no case, no file.
    expect(await t.core.cases.listByUser('web:spoken')).toEqual([]);
  });

  it('with keepHistory, the history shows it as [语音] and the words', async () => {
    await sendVoice(t.chat, 'web:h1', { recognition: `  ${SAID} ` }, { keepHistory: true });
    const h = await t.core.inbox.history.before('web:h1', 10);
    expect(h.items[0]).toMatchObject({ from: 'user', replies: [{ type: 'text', text: `[语音] ${SAID}` }] });
    expect(renderText(h.items[1]!.replies[0]!)).toBe(`听到您说：「${SAID}」`);
  });

  it('a long recognition is shown shortened, and read whole', async () => {
    const long = `${'我在工地上干活'.repeat(20)}老板欠我两万块`;
    const r = await sendVoice(t.chat, 'web:long', { recognition: long });
    expect(renderText(r.replies[0]!)).toBe(`听到您说：「${[...long].slice(0, 120).join('')}…」`);
    expect(r.text).toMatch(/同意吗/);
  });

  it('an empty recognition and no sound: asked to say it again or type, nothing written', async () => {
    const r = await sendVoice(t.chat, 'web:empty', { recognition: '  ' });
    expect(r.text).toBe('这条语音我没有收到声音。请再说一次，或者直接打字告诉我。');
    expect((await t.chat.sessions.load('web:empty', NOW)).version).toBe(0);
    expect(await t.core.cases.listByUser('web:empty')).toEqual([]);
  });
});

describe('what recognised speech sounds like: no punctuation', () => {
  it('`三个月工资一万五` is three months owed, 15,000 in all (not a monthly wage)', () => {
    expect(findAmounts(SAID).own).toEqual({ yuan: 15000, approx: false, upTo: null });
    expect(findPeriod(SAID, NOW)?.value).toMatchObject({ start: '2026-08', end: '2026-10', months: 3 });
    expect(findAmounts('欠了两个多月工资八千').own).toMatchObject({ yuan: 8000 });
    // One month's wage is still a rate, not what is owed.
    expect(findAmounts('每个月工资5000欠了三个月').own).toBeNull();
    expect(findAmounts('老板欠我一个月工资五千').own).toBeNull();
  });
});
