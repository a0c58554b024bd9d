/*
 * What the person meant (ninth part), as transcripts on the real chat service and real Redis:
 *  - F1: WeChat's emoji codes `[OK]`, `[强]` (thumbs up; `[ThumbsUp]` in English) and `[好的]` are a yes at
 *    「…对吗？」 and at the consent; at other questions they are never kept as a value (a unit, a name).
 *  - F2: English pay words in a Chinese opener (`老板不给salary`, `boss不给salary`) start the wage report, as
 *    `老板不给工资` does.
 *  - F3: `入回` (a slip for 入会) as a wish to join the union; never in 收入回落 and the like.
 *  - F4: the roster: a name alone, then `完成`, is asked about once more, then left off said so (never silently);
 *    `是的 还有王强` to 「李建国是…工友吗？」 keeps both.
 *  - F5: `我们班8个人` at the headcount question is 8 people.
 *  - F6: the consent for a report on someone's behalf says 她 for a woman (替妻子反映, 我妈).
 *  - F7: `不对 老板是好再来饭店` at a reading proposed (「我理解的是…对吗？」): the new fact is proposed in turn, the
 *    reading denied asked plainly at its question; never lost, never 「请回复对或不对」.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { normalizeMessage } from '../../flows/nlu/normalize.js';
import { yesNo } from '../../flows/nlu/talk.js';
import { parseHeadcount } from '../../flows/parsers/headcount.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const CONSENT_Q = /您同意吗？/;
const PERIOD_READING = /我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/;
const EMPLOYER_Q = /欠您工资的单位叫什么名字？/;
const TOWN_Q = /您在哪个镇或街道干活？/;
const toEmployer = (user: string) => converse(t.chat, user).sendAll('2', '1').expect(EMPLOYER_Q);
const toHeadcount = (user: string) =>
  toEmployer(user).sendAll('好再来饭店', '东龙', '新塘', '不是', '9月到11月').send('6000').expect(/一共有多少人被拖欠/);

describe('F1: WeChat emoji codes', () => {
  // The lead's decision (set Q): an emoji alone is never consent nor a yes; with words it counts.
  it('[OK] alone is no consent, [强] alone no yes at 「…对吗？」: asked again; 同意[强], 对的[强] count', async () => {
    const user = 'web:s9f1a';
    await converse(t.chat, user)
      .send('老板拖了我三个月工资').expect(CONSENT_Q)
      .send('[OK]').expect(CONSENT_Q).expectNot(PERIOD_READING)
      .send('同意[强]').expect(PERIOD_READING)
      .send('[强]').expect(PERIOD_READING).expectNot(EMPLOYER_Q)
      .send('对的[强]').expect(EMPLOYER_Q);
    expect((await session(user)).answers).toMatchObject({ consent: true, period: { start: '2026-09', end: '2026-11', months: 3 } });
  });

  it('[好的], [ThumbsUp], [强][强] alone are no yes (nor [抱拳], [弱], [握手]); with words they are', () => {
    for (const alone of ['[OK]', '[强]', '[强][强]', '[好的]', '[ThumbsUp]', '[ok]', '[抱拳]', '[弱]', '[握手]', '[微笑]']) expect(yesNo(normalizeMessage(alone)), alone).toBeNull();
    for (const yes of ['好的[强]', '可以[OK]', '对[ThumbsUp]']) expect(yesNo(normalizeMessage(yes)), yes).toBe(true);
  });

  it('[OK] at the employer question or at the worker\'s name is no value: the question stays', async () => {
    await toEmployer('web:s9f1b').send('[OK]').expect(EMPLOYER_Q).expectNot(/「\[OK\]」/);
    expect((await session('web:s9f1b')).answers).not.toHaveProperty('employer');
    await converse(t.chat, 'web:s9f1c').sendAll('我替老婆反映 老板欠她工资', '2', '同意[强]').expect(/被欠工资的人叫什么名字/).send('[OK]').expect(/被欠工资的人叫什么名字/);
    expect((await session('web:s9f1c')).answers).not.toHaveProperty('workerName');
  });
});

describe('F2: English pay words in a Chinese opener', () => {
  for (const said of ['老板不给salary', 'boss不给salary', '老板欠我wages']) {
    it(`${said}: the wage report starts`, async () => {
      await converse(t.chat, `web:s9f2-${said}`).send(said).expect(/反映欠薪前，需要您同意/).expectNot(/没太明白/);
    });
  }

  it('only with Chinese around, only whole words', () => {
    expect(normalizeMessage('老板不给salary')).toBe('老板不给工资');
    expect(normalizeMessage('用alipay付的')).toBe('用alipay付的');
    expect(normalizeMessage('salary')).toBe('salary');
  });
});

describe('F3: 入回 for 入会', () => {
  for (const said of ['我想入回', '入回']) {
    it(`${said}: joining the union`, async () => {
      await converse(t.chat, `web:s9f3-${said}`).send(said).expect(/办理入会需要/).expectNot(/没太明白/);
    });
  }

  it('never in other words', () => {
    for (const said of ['收入回落了', '投入回报', '输入回车', '存入回单']) expect(normalizeMessage(said)).toBe(said);
  });
});

describe('F4: a name alone on the roster', () => {
  const ROSTER_Q = /有被拖欠工友的名单吗？/;
  const toRoster = (user: string) =>
    converse(t.chat, user)
      .sendAll('2', '1', '鑫盛劳务', '石岭', '不清楚', '是', '青溪花园二期', '3月到8月', '三万五', '十二个', '不知道', '已经离开', '8月底', '不知道', '不知道', '跳过', '跳过', '跳过')
      .send('木工')
      .expect(ROSTER_Q);
  const names = async (user: string) => (((await session(user)).answers.roster ?? null) as { entries: { name: string }[] } | null)?.entries.map((e) => e.name) ?? [];

  it('`李建国` then `完成`: asked once more; `是` keeps him', async () => {
    await toRoster('web:s9f4a').send('李建国').expect(/李建国是和您一起被拖欠工资的工友吗/).send('完成').expect(/还没确认：李建国是和您一起被拖欠工资的工友吗/).expectNot(/事情经过/).send('是').expect(/记下了李建国/);
    expect(await names('web:s9f4a')).toEqual(['李建国']);
  });

  it('`李建国`, `完成` twice: left off, said so, and on (never a loop)', async () => {
    await toRoster('web:s9f4b').send('李建国').send('完成').expect(/还没确认/).send('完成').expect(/李建国没有记到名单上/).expect(/事情经过/);
    expect(await names('web:s9f4b')).toEqual([]);
  });

  for (const said of ['是的 还有王强', '对 王强也是', '是，还有王强 8000']) {
    it(`${said} to 「李建国是…工友吗？」: both kept`, async () => {
      const user = `web:s9f4c-${said}`;
      await toRoster(user).send('李建国').send(said).expect(/记下了李建国、王强/).expectNot(/没看明白/);
      expect(await names(user)).toEqual(['李建国', '王强']);
    });
  }
});

describe('F5: 我们班8个人', () => {
  it('is 8 people at the headcount question', async () => {
    await toHeadcount('web:s9f5').send('我们班8个人').expect(/8个人一共被拖欠多少钱/).expectNot(/请说一个大概的数字/);
    expect((await session('web:s9f5')).answers.headcount).toMatchObject({ count: 8, approximate: false });
  });

  it('and the ways of saying a crew', () => {
    for (const said of ['我们班一共8个人', '我们组8个', '我班8个人', '班里8个人']) expect(parseHeadcount(said), said).toMatchObject({ ok: true, value: { count: 8 } });
  });
});

describe('F6: the consent for someone else', () => {
  it('替妻子: 她', async () => {
    await converse(t.chat, 'web:s9f6a').sendAll('我替老婆反映 老板欠她工资').send('2').expect(/只用于处理她这次的欠薪问题/).expect(/您在替她反映/).expectNot(/处理他这次/);
  });

  it('替我妈: 她; 替我爸: 他', async () => {
    await converse(t.chat, 'web:s9f6b').send('我替我妈问一下工资的事').send('2').expect(/只用于处理她这次的欠薪问题/);
    await converse(t.chat, 'web:s9f6c').send('我替我爸问一下工资的事').send('2').expect(/只用于处理他这次的欠薪问题/);
  });
});

describe('F7: new facts instead of an answer to 「我理解的是…对吗？」', () => {
  for (const said of ['不对 老板是好再来饭店', '不是 老板是好再来饭店的']) {
    it(`${said}: the unit proposed; the period asked plainly at its question`, async () => {
      const user = `web:s9f7-${said}`;
      await converse(t.chat, user)
        .send('老板拖了我三个月工资')
        .send('1')
        .expect(PERIOD_READING)
        .send(said)
        .expect(/我理解的是：用人单位「好再来饭店」。对吗？/)
        .expectNot(/请回复「对」或「不对」/)
        .send('对')
        .expect(TOWN_Q)
        .sendAll('东龙', '新塘')
        .send('不是')
        .expect(/拖欠的是哪段时间的工资？/);
      expect((await session(user)).answers).toMatchObject({ employer: '好再来饭店' });
    });
  }

  it('facts sent instead of 对: taken, and the reading confirmed again at its question', async () => {
    const user = 'web:s9f7b';
    await converse(t.chat, user)
      .send('老板拖了我三个月工资')
      .send('1')
      .expect(PERIOD_READING)
      .send('在好再来饭店干的 欠了6000')
      .expect(/用人单位「好再来饭店」。对吗？/)
      .send('对')
      .expect(TOWN_Q)
      .sendAll('东龙', '新塘')
      .send('不是')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」、拖欠金额「6,000元」。对吗？/)
      .send('对')
      .expectNot(PERIOD_READING);
    expect((await session(user)).answers).toMatchObject({ employer: '好再来饭店', period: { months: 3 }, amount: { yuan: 6000 } });
  });
});
