/*
 * Workers in Guangdong who type Cantonese (粤语), helper h79. Written Cantonese is read as the Mandarin it says
 * (flows/nlu/normalize.ts, CANTONESE), so every reader understands it:
 *  - a first message (`佢哋拖咗我三个月人工` was 「没太明白」, now a wage report with its three months);
 *  - answers to the wage questions: `个半月`, `今年九月到而家` (「没看明白」), `三千五蚊` (was proposed, now taken as
 *    3,500 like 三千五块), `佢哋间厂叫宏达电子厂` (stored whole as the employer's name, as was Mandarin `他们厂叫宏达电子厂`:
 *    now the name, proposed), `佢哋有五个人` and `他们有五个人` (「请说一个大概的数字」: now 5 people, proposed with the
 *    person counted in), `冇做了`/`没做了` (gone);
 *  - `我俾老细炒咗` (被老板炒了) at 还在这家单位干吗 (asked again: now gone); 俾 before who is let do something is 让;
 *  - yes and no: `得` at a consent question (was asked again), `冇问题` at the summary, `唔使`;
 *  - after a report: `搞成点呀`, `睇下进度`, `有冇消息`, `仲要等几耐`, `点解仲未有人打电话俾我` (「没太明白」), and
 *    Mandarin `看下进度`, `搞得怎么样了` (「没太明白」, 「答不上来」).
 * Guards: Mandarin with the same characters (关系, 联系电话, 系统, 人工客服, 转人工, 人工 alone, 仲裁, 仲恺, 蚊子) reads as
 * before, and a name (陈大文) survives. Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { normalizeMessage } from '../../flows/nlu/normalize.js';
import { chatOnClock } from '../support/clocked.js';
import { converse, reportSubmitted } from '../support/converse.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h79-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const answers = async (user: string) => ((await session(user))?.answers ?? {}) as Record<string, any>;
const UNKNOWN = /答不上来|没太明白|没看明白/;
const CONSENT_Q = /您同意吗/;
const TO_PERIOD = ['老板欠我工资', '同意', '宏达电子厂', '河西街道', '不清楚', '不是'];
const TO_HEADCOUNT = [...TO_PERIOD, '三个月', '3500'];
const TO_STILL = [...TO_HEADCOUNT, '就我一个'];
const STILL_Q = /还在这家单位干吗/;
const LEFT_WHEN = /什么时候离开的/;
const PROGRESS_VIEW = /QX\d{8}-\d{4}（反映欠薪/;

describe('a first message in Cantonese', () => {
  it('`佢哋拖咗我三个月人工`: a wage report (was 没太明白), its three months proposed after the consent', async () => {
    const user = someone('first');
    await converse(t.chat, user).send('佢哋拖咗我三个月人工').expect(/反映欠薪前/).expect(CONSENT_Q).expectNot(UNKNOWN)
      .send('同意').expect(/拖欠时间「2026年9月至2026年11月（3个月）」。对吗/);
  });

  it.each(['我嘅人工冇发', '做咗两个月都冇人工', '老细话冇钱俾人工', '我哋有五个人冇攞到人工', '欠咗我两个月粮', '攞唔到人工'])('`%s`: a wage report', async (said) => {
    await converse(t.chat, someone('first2')).send(said).expect(/反映欠薪前/).expectNot(UNKNOWN);
  });

  // guard: already read as wage reports before; stay so.
  it.each(['老细冇俾人工我', '老细拖粮'])('guard: `%s` stays a wage report', async (said) => {
    await converse(t.chat, someone('first3')).send(said).expect(/反映欠薪前/);
  });
});

describe('the wage questions answered in Cantonese', () => {
  it('`得` at the consent question is a yes (it was asked again)', async () => {
    const user = someone('consent');
    await converse(t.chat, user).send('老板欠我工资').expect(CONSENT_Q).send('得').expect(/单位叫什么名字/).expectNot(/请回复1表示同意/);
    expect((await answers(user)).consent).toBe(true);
  });

  it('`唔使` at the consent question is a no: nothing kept', async () => {
    const user = someone('consent-no');
    await converse(t.chat, user).send('老细拖咗我人工').expect(CONSENT_Q).send('唔使').expect(/不会收集任何信息/);
    expect((await session(user))?.flowId ?? null).toBeNull();
  });

  it('`佢哋间厂叫宏达电子厂`: the factory 宏达电子厂, proposed (it was stored whole, 他们间厂叫…)', async () => {
    const user = someone('employer');
    await converse(t.chat, user).sendAll('老板欠我工资', '同意').send('佢哋间厂叫宏达电子厂').expect(/用人单位「宏达电子厂」。对吗/).send('系').expect(/哪个镇或街道/);
    expect((await answers(user)).employer).toBe('宏达电子厂');
  });

  it('Mandarin `他们厂叫宏达电子厂` and `我那个厂叫宏达电子厂`: the name alone, never the words around it', async () => {
    const a = someone('employer-m1');
    await converse(t.chat, a).sendAll('老板欠我工资', '同意').send('他们厂叫宏达电子厂').expect(/用人单位「宏达电子厂」。对吗/).send('对');
    expect((await answers(a)).employer).toBe('宏达电子厂');
    const b = someone('employer-m2');
    await converse(t.chat, b).sendAll('老板欠我工资', '同意').send('我那个厂叫宏达电子厂').expect(/哪个镇或街道/);
    expect((await answers(b)).employer).toBe('宏达电子厂');
  });

  it('`嗰间厂叫宏达电子厂` (那间厂): the factory, proposed', async () => {
    const user = someone('employer-go');
    await converse(t.chat, user).sendAll('老板欠我工资', '同意').send('嗰间厂叫宏达电子厂').expect(/用人单位「宏达电子厂」。对吗/).expectNot(/𠮶|嗰/);
  });

  it('`个半月` is one and a half months, read as `一个半月` is (it was 没看明白)', async () => {
    const [cantonese, mandarin] = [someone('half-c'), someone('half-m')];
    await converse(t.chat, cantonese).sendAll(...TO_PERIOD).send('个半月').expect(/被拖欠了多少钱/).expectNot(UNKNOWN);
    await converse(t.chat, mandarin).sendAll(...TO_PERIOD).send('一个半月').expect(/被拖欠了多少钱/);
    expect((await answers(cantonese)).period).toEqual((await answers(mandarin)).period);
  });

  it('`今年九月到而家` is September to now (it was 没看明白)', async () => {
    const user = someone('now');
    await converse(t.chat, user).sendAll(...TO_PERIOD).send('今年九月到而家').expect(/被拖欠了多少钱/).expectNot(UNKNOWN);
    expect((await answers(user)).period).toMatchObject({ start: '2026-09' });
  });

  it('`欠咗两个月人工` is two months', async () => {
    const user = someone('two');
    await converse(t.chat, user).sendAll(...TO_PERIOD).send('欠咗两个月人工').expect(/被拖欠了多少钱/);
    expect((await answers(user)).period).toMatchObject({ months: 2 });
  });

  it('`三千五蚊` is 3,500 yuan, taken as `三千五块` is (it was proposed)', async () => {
    const user = someone('amount');
    await converse(t.chat, user).sendAll(...TO_PERIOD, '三个月').send('三千五蚊').expect(/一共有多少人被拖欠/).expectNot(/对吗/);
    expect((await answers(user)).amount).toMatchObject({ yuan: 3500, approx: false });
  });

  it.each(['佢哋有五个人', '他们有五个人'])('`%s`: 5 people with the person counted in, proposed (it was 请说一个大概的数字)', async (said) => {
    const user = someone('count');
    await converse(t.chat, user).sendAll(...TO_HEADCOUNT).send(said).expect(/连您自己算上，一共5人/).expect(/被拖欠人数「5人」。对吗/).expectNot(/请说一个大概的数字/)
      .send('系').expect(/你们5个人一共被拖欠多少钱/);
    expect((await answers(user)).headcount).toMatchObject({ count: 5 });
  });

  // guard: `我哋呢度五个人` was read (5) before 我哋 was read as 我们; still is.
  it('guard: `我哋呢度五个人` is 5 people', async () => {
    const user = someone('count-here');
    await converse(t.chat, user).sendAll(...TO_HEADCOUNT).send('我哋呢度五个人').expect(/你们5个人一共被拖欠多少钱/);
    expect((await answers(user)).headcount).toMatchObject({ count: 5 });
  });

  it('`他们有五个人` then 不对: nothing kept, the count asked again', async () => {
    const user = someone('count-no');
    await converse(t.chat, user).sendAll(...TO_HEADCOUNT).send('他们有五个人').expect(/对吗/).send('不对').expect(/一共有多少人被拖欠/);
    expect((await answers(user)).headcount).toBeUndefined();
  });

  it('`我仲喺度做` is still working there, taken as `我还在做` is', async () => {
    const user = someone('still');
    await converse(t.chat, user).sendAll(...TO_STILL).send('我仲喺度做').expect(/单位的地址在哪里/).expectNot(LEFT_WHEN);
    expect((await answers(user)).stillEmployed).toBe(true);
  });

  it('`没做了` (and so `冇做了`) is gone: when asked, never proposed first', async () => {
    for (const said of ['没做了', '冇做了']) {
      const user = someone('gone');
      await converse(t.chat, user).sendAll(...TO_STILL).send(said).expect(LEFT_WHEN).expectNot(/对吗/);
      expect((await answers(user)).stillEmployed).toBe(false);
    }
  });

  it('`我俾老细炒咗` (被老板炒了) is gone (it was asked again)', async () => {
    const user = someone('fired');
    await converse(t.chat, user).sendAll(...TO_STILL).send('我俾老细炒咗').expect(LEFT_WHEN).expectNot(/请回复1（还在干）或2（已经离开）/);
    expect((await answers(user)).stillEmployed).toBe(false);
  });

  // guard: 还没做 says nothing of leaving: asked again, never read as gone.
  it('guard: `还没做` is not gone', async () => {
    await converse(t.chat, someone('not-yet')).sendAll(...TO_STILL).send('还没做').expectNot(LEFT_WHEN).expect(/还在干|已经离开/);
  });

  it('`我叫陈大文` keeps the name; `冇问题` at the summary sends it', async () => {
    const user = someone('name');
    await converse(t.chat, user)
      .sendAll(...TO_STILL, '我仲喺度做', '都跳过', '冇')
      .send('我叫陈大文').expect(/手机号是多少/)
      .send('13700001111').expect(/联系人：陈大文/)
      .send('冇问题').expect(/提交成功/);
    const [c] = await t.core.cases.listByUser(user, 5);
    expect(c).toBeDefined();
  });
});

describe('after a report, progress asked in Cantonese', () => {
  it.each(['搞成点呀', '睇下进度', '仲要等几耐', '搞得怎么样了', '看下进度', '有冇消息'])('`%s`: the progress view (it was 没太明白 or 答不上来)', async (said) => {
    const { chat } = await reportSubmitted(t, someone('progress'));
    await chat.send(said).expect(PROGRESS_VIEW).expectNot(UNKNOWN);
  });

  it('`点解仲未有人打电话俾我`: by when someone calls, and the progress view', async () => {
    const { chat } = await reportSubmitted(t, someone('why'));
    await chat.send('点解仲未有人打电话俾我').expect(/最晚/).expect(PROGRESS_VIEW).expectNot(UNKNOWN);
  });

  // guard: read before (the case desk knows 有冇, 点样, 而家), and still.
  it.each(['有冇人跟进', '我嘅案件而家点样'])('guard: `%s` shows the progress view', async (said) => {
    const { chat } = await reportSubmitted(t, someone('progress-g'));
    await chat.send(said).expect(PROGRESS_VIEW);
  });
});

describe('joining and legal aid in Cantonese', () => {
  // guard: these were read before the change, and still are.
  it.each(['我想入工会', '点样入会'])('guard: `%s` starts joining', async (said) => {
    await converse(t.chat, someone('join')).send(said).expect(/加入工会后/);
  });

  it('guard: `我想搵律师` books legal aid', async () => {
    await converse(t.chat, someone('lawyer')).send('我想搵律师').expect(/预约法律援助前/);
  });
});

describe('Mandarin with the same characters is read as before', () => {
  // guard: 人工 alone, 转人工, 要人工 ask for a person; never read as pay.
  it.each(['人工', '转人工', '我要人工'])('guard: `%s` asks for a person', async (said) => {
    await converse(t.chat, someone('human')).send(said).expect(/说说您遇到的问题/).expectNot(/反映欠薪前/);
  });

  it('`我想揾人工客服` (揾 is 找) asks for a person, never pay', async () => {
    await converse(t.chat, someone('human2')).send('我想揾人工客服').expect(/说说您遇到的问题/).expectNot(/反映欠薪前/);
  });

  // guard: the characters Mandarin uses too are kept where they are Mandarin.
  it.each([
    '关系', '联系电话', '系统出问题了', '我们系主任', '人工客服', '转人工', '人工智能', '人工没给我回复', '这里没人工吗',
    '申请劳动仲裁', '仲恺高新区', '被蚊子咬了', '粮食', '欠粮食款', '今天人工在吗', '明天人工几点上班', '今天没人工吗', '其他话不说了', '重点解决', '未来', '老板电话打不通', '他话费没交', '这边度假', '唔，好的', '两个半月', '这个半月',
  ])('guard: `%s` unchanged', (said) => {
    expect(normalizeMessage(said).replace(/,/g, '，')).toBe(said);
  });

  it.each([
    ['佢哋拖咗我三个月人工', '他们拖了我三个月工资'],
    ['老细冇俾人工我', '老板没给工资我'],
    ['我嘅人工冇发', '我的工资没发'],
    ['三千五蚊', '三千五元'],
    ['个半月', '一个半月'],
    ['我仲喺度做', '我还在做'],
    ['唔系', '不是'],
    ['我系陈大文', '我是陈大文'],
    ['有冇人跟进', '有没有人跟进'],
    ['而家点算', '现在怎么办'],
    ['佢唔喺度', '他不在这里'],
    ['攞唔到人工', '拿不到工资'],
    ['老细唔俾我走', '老板不让我走'],
    ['佢哋唔俾人工我', '他们不给工资我'],
  ])('`%s` reads as `%s`', (said, read) => {
    expect(normalizeMessage(said)).toBe(read);
  });

  // guard: the Cantonese reading runs after the traditional characters are converted; a name typed in them still reads.
  it('guard: a name typed in traditional characters keeps its alignment (`我叫陳大文`)', async () => {
    const user = someone('trad');
    await converse(t.chat, user).sendAll(...TO_STILL, '还在干', '都跳过', '没有').send('我叫陳大文').expect(/手机号是多少/);
    expect((await answers(user)).contactName).toBe('陈大文');
  });
});
