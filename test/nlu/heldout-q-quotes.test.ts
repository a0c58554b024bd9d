/**
 * Held-out set Q (test/nlu/heldout-q: WeChat's texture): quoted replies (`「工友：<question>」`, a line of dashes, the
 * reply), WeChat's placeholders for what is not text (`[图片]`, `[语音]`, `东龙[定位]`, `[视频通话] 通话时长 00:12`,
 * `[链接]<title>`), and emoji alone at a yes (never consent, never a yes). Each test failed before its fix; `guard:`
 * lines keep what already worked. The clock is fixed at Tuesday 1 December 2026, 10:00 Beijing.
 */
import { describe, expect, it } from 'vitest';
import { normalizeMessage, placeholderOnly, quotedReply } from '../../flows/nlu/normalize.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const RULE = '- - - - - - - - - - - - - - -';
const quote = (quoted: string, reply: string, rule = RULE) => `「${quoted}」\n${rule}\n${reply}`;

describe('WeChat quoted replies: only the reply is the person message', () => {
  it('the quote is taken off (core/infra/text.ts splitQuote, as Wechaty writes it), nested 「」, the person own words quoted too', () => {
    expect(quotedReply(quote('工友：您还在这家单位干吗？已经离开的，请告诉我是哪天离开的，例如「10月25日」「去年12月1日」', '11月3号'))).toBe('11月3号');
    expect(quotedReply(quote('张三：我在东龙干活', '说错了 是白沙'))).toBe('说错了 是白沙');
    // Nothing under the quote: no message at all.
    expect(normalizeMessage(quote('工友：欠您工资的单位叫什么名字？', ''))).toBe('');
    // guard: a message that only holds 「」 (a quotation of the person's own) or a short dash stays as it is.
    expect(quotedReply('老板说「你明天不用来了」')).toBe('老板说「你明天不用来了」');
    expect(quotedReply('「你好」-- 2')).toBe('「你好」-- 2');
  });

  it('the quoted question options, examples and words (不清楚, 跳过, 或者) are never read', () => {
    const matter = read('legal', 'matter', quote('工友：您想咨询什么事？ 1. 欠薪 2. 工伤 3. 劳动合同 4. 社保 5. 其他', '2'), { consent: true });
    expect(taken(matter).matter).toBe('injury');
    const employment = read('membership', 'employment', quote('工友：您现在是怎么工作的？ 1. 单位职工 2. 新就业形态劳动者（货车司机、快递员、外卖配送员…）', '在厂里上班的'), { consent: true, idConsent: true });
    expect(taken(employment).employment).toBe('employee');
    const example = quote('工友：您在哪家单位工作？请写单位全称，例如：青溪纺织有限公司。', '[捂脸]');
    expect(taken(read('membership', 'employer', example, { consent: true, idConsent: true, employment: 'employee' })).employer).toBeUndefined();
    const employer = read('wage', 'employer', quote('工友：欠您工资的单位叫什么名字？写公司名，或者包工头、老板的名字都可以。', '好再来饭店'));
    expect(taken(employer).employer).toBe('好再来饭店');
    const community = read('wage', 'community', quote('工友：在白沙镇的哪个村或社区？不清楚就回复「不清楚」。', '沙湾村'), { location: 't02' });
    expect(taken(community).community).toBe('沙湾村');
    expect(taken(read('wage', 'project', quote('工友：项目或工地叫什么名字？例如：青溪花园二期。（可回复「跳过」）', '不知道'))).project).toBeNull();
    const left = read('legal', 'limit', quote('工友：您还在这家单位干吗？已经离开的，请告诉我是哪天离开的，例如「10月25日」「去年12月1日」', '11月3号'), { consent: true, matter: 'wage' });
    expect(taken(left).limit).toEqual({ leftOn: '2026-11-03' });
    const place = read('legal', 'place', quote('工友：您在哪个镇或街道？我帮您找最近的服务点。例如：东龙镇、河西街道。', '柳溪乡'), { consent: true, mode: 'in_person' });
    expect(taken(place).place).toBe('t06');
    const yes = read('wage', 'confirm', quote('工友：我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」。对吗？', '对'), { period: { start: '2026-09', end: '2026-11' } });
    expect(yes.intent).toBe('yes');
    expect(taken(yes)).toEqual({});
  });

  it('in the chat: a quoted correction at the phone question changes the amount; a quote alone is no message', async () => {
    const { text } = await converse(t.chat, 'web:hq-quote')
      .sendAll('我要反映欠薪', '1', '好再来饭店', '东龙', '不清楚', '不是', '9月到现在', '两万三')
      .send('就我一个')
      .expect(/还在这家单位/)
      .send(quote('工友：您自己一共被拖欠了多少钱？', '刚才说错了 是两万六 不是两万三'))
      .expect(/26,000/)
      .send(quote('工友：您现在还在这家单位干吗？ 1. 还在干 2. 已经离开', ''))
      .expect(/没有输入内容/);
    expect(text).toMatch(/还在这家单位/);
    expect((await session('web:hq-quote')).answers.amount).toMatchObject({ yuan: 26000 });
    expect((await session('web:hq-quote')).answers.stillEmployed).toBeUndefined();
  });
});

describe('WeChat placeholders for what is not text', () => {
  it('with words the words are read; alone they are no words, and say what they stand for', () => {
    expect(normalizeMessage('东龙[定位]')).toBe('东龙');
    expect(normalizeMessage('[图片]\n拍了身份证 你们自己看')).toBe('拍了身份证 你们自己看');
    expect(normalizeMessage('[视频通话] 通话时长 00:12')).toBe('');
    expect(normalizeMessage('[链接]拖欠农民工工资怎么办？律师教你三招')).toBe('');
    expect(placeholderOnly('[图片][图片]')).toBe('picture');
    expect(placeholderOnly('[语音]')).toBe('voice');
    expect(placeholderOnly('[视频通话] 通话时长 00:12')).toBe('call');
    expect(placeholderOnly('[转账] ¥200.00')).toBe('money');
    expect(placeholderOnly('[红包]恭喜发财，大吉大利')).toBe('money');
    expect(placeholderOnly('[定位]')).toBe('location');
    expect(placeholderOnly('[链接]拖欠农民工工资怎么办？律师教你三招')).toBe('link');
    expect(placeholderOnly('东龙[定位]')).toBeNull();
    // guard: the person's own bracketed word and WeChat's emoji alone are kept.
    expect(normalizeMessage('[东龙]')).toBe('[东龙]');
    expect(normalizeMessage('[OK]')).toBe('[OK]');
  });

  it('at the questions: the place before [定位] is read, a call is no mode, a forwarded title no amount', () => {
    expect(taken(read('legal', 'place', '东龙[定位]', { consent: true, mode: 'in_person' })).place).toBe('t01');
    expect(taken(read('membership', 'residence', '河西[定位]', { consent: true, idConsent: true, placeKind: 'residence' })).residence).toBe('t08');
    expect(taken(read('legal', 'mode', '[视频通话] 通话时长 00:12', { consent: true })).mode).toBeUndefined();
    expect(taken(read('wage', 'amount', '[链接]拖欠农民工工资怎么办？律师教你三招'))).toEqual({});
    expect(read('wage', 'amount', '[链接]拖欠农民工工资怎么办？律师教你三招').intent).not.toMatch(/^question/);
  });

  it('in the chat: a picture, a voice, a call alone are said to be unseen, and the question is asked again', async () => {
    await converse(t.chat, 'web:hq-placeholder')
      .sendAll('我要反映欠薪', '1')
      .send('[图片]')
      .expect(/图片我这里看不到，请打字告诉我/)
      .expect(/欠您工资的单位叫什么名字/)
      .send('[语音]')
      .expect(/语音我这里听不到，请打字告诉我/)
      .expectNot(/发语音/)
      .send('[视频通话] 通话时长 00:12')
      .expect(/通话我这里接不了/)
      .send('[链接]拖欠农民工工资怎么办？律师教你三招')
      .expect(/链接我这里打不开/)
      .expect(/欠您工资的单位叫什么名字/);
    expect((await session('web:hq-placeholder')).answers.employer).toBeUndefined();
  });
});

describe('emoji alone are never consent nor a yes', () => {
  it('[OK], [强], 👍 alone: no consent, no yes/no answer, no yes at 「…对吗？」', () => {
    expect(taken(read('membership', 'consent', '[OK]')).consent).toBeUndefined();
    expect(taken(read('wage', 'consent', '[强]')).consent).toBeUndefined();
    expect(taken(read('wage', 'construction', '[OK]')).construction).toBeUndefined();
    const period = { period: { start: '2026-09', end: '2026-11' } };
    expect(read('wage', 'confirm', '[强]', period).intent).not.toBe('yes');
    expect(read('legal', 'confirm', '👍', { consent: true }).intent).not.toBe('yes');
    expect(read('wage', 'confirm', '👌', period).intent).not.toBe('yes');
  });

  it('guard: with words or the option number they count as before', () => {
    for (const text of ['ＯＫ👍', '没问题👌', 'ok👌', '对的 👌', '对的[强]', 'OK的👌']) expect(read('wage', 'confirm', text, { period: { start: '2026-09', end: '2026-11' } }).intent, text).toBe('yes');
    expect(taken(read('wage', 'consent', '同意[强]')).consent).toBe(true);
    expect(taken(read('wage', 'consent', '1👍')).consent).toBe(true);
  });

  it('in the chat: [OK] at the consent is asked again, saying what to reply; nothing is filled', async () => {
    await converse(t.chat, 'web:hq-emoji')
      .send('我要反映欠薪')
      .send('[OK]')
      .expect(/同意/)
      .expectNot(/单位叫什么名字/)
      .send('[强]')
      .expect(/回复1表示同意/)
      .send('1')
      .expect(/单位叫什么名字/);
  });

  it('the evaluator reads 2 at 「…对吗？」 (options 1. 对 2. 不对) as the engine does: a no', async () => {
    expect(read('wage', 'confirm', '2', { period: { start: '2026-09', end: '2026-11' } }).intent).toBe('no');
    // guard: the chat reads it so.
    await converse(t.chat, 'web:hq-two')
      .sendAll('我要反映欠薪', '1')
      .send('东龙[定位]')
      .expect(/对吗/)
      .send('2')
      .expect(/先不记/);
  });
});
