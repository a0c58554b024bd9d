/*
 * Whole conversations by new worker personas (helper h75's round, after h70's): what stored a value the person did
 * not mean, or left them stuck, fixed; each test fails without its fix unless marked `// guard:`.
 *  - an older worker from Henan, by voice: `老板叫，张，建军，` kept 「建军」 (the surname lost, stored once the kind was
 *    picked), now 张建军; `俺叫，李，铁柱，` proposed 「铁柱」, now 李铁柱; `额叫，王，大，牛` was refused (「姓名只能包含汉字…」);
 *    `额叫王大牛` at the phone's 「对吗？」 was 「请回复对或不对」 (额 is 我 there), now the name is read;
 *    `138，3711，2345` (a voice keyboard's commas) was no phone (「姓名里不能有数字」, 「手机号只能包含数字」);
 *  - a young rider: `骑手 站点拖我gz` was answered about riders and its `ok` began a union application; now the
 *    report (gz, lb read as 工资, 老板 beside the words that make them so, never `在gz打工`);
 *    `站点叫飞毛腿配送 lb姓赵` kept 「赵老板」 (the unit named lost), now 飞毛腿配送, confirmed;
 *  - several answers in one message: `好再来饭店 河西街道 9月到11月 一共一万八 就我一个` dropped the months (asked
 *    again later), now proposed with the rest;
 *  - angry and short: `你们到底管不管` was 「这个问题我还答不上来」, `没用` at the township 「没找到「没用」」; now told
 *    we will act, and the question again;
 *  - `5k+` at the amount question was 「这个金额没看明白」, now 5k多 (about 5,000);
 *  - back an hour later: `还在` at 「欢迎回来！…还没填完」 was 「抱歉，我没太明白」 and the menu, now the form goes on.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { normalizeMessage } from '../../flows/nlu/normalize.js';
import { smallTalkOf } from '../../flows/nlu/talk.js';
import { parseMobile } from '../../flows/parsers/mobile.js';
import { parseEmployer } from '../../flows/wage.js';
import { converse } from '../support/converse.js';
import { SUBMITTED_REPORT } from '../support/wage-script.js';
import { chatOnClock } from '../support/clocked.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, clock, session } = chatOnClock(NOW);
const MINUTE = 60_000;
/** A report up to the contact's name question. */
const TO_NAME = SUBMITTED_REPORT.slice(0, SUBMITTED_REPORT.indexOf('王芳'));
const NAME_Q = /怎么称呼您？/;

describe('the Henan worker, by voice: a name said slowly, parted by commas', () => {
  it.each([
    ['老板叫，张，建军，', '老板叫,张建军,'],
    ['俺叫，李，铁柱，', '俺叫,李铁柱,'],
    ['额叫，王，大，牛', '我叫,王大牛'],
    ['王，芳', '王芳'],
    ['欧阳，娜娜', '欧阳娜娜'],
    ['張，建軍', '张建军'],
  ])('%s reads as %s', (said, read) => {
    expect(normalizeMessage(said)).toBe(read);
  });

  it.each(['老板是王，欠钱', '和，我老公', '中，', '是，盖楼的，', '一共欠俺，两万三千，', '我姓王，叫王芳', '对，就是', '金额是5000', '额 是的', '额度'])(
    'guard: %s is left as said',
    (said) => {
      // guard: only a known surname standing alone, with a short given name that is no word of a sentence, is joined;
      // 额 is 我 only before words a person says of themself.
      expect(normalizeMessage(said)).toBe(said.replace(/，/gu, ','));
    },
  );

  it('`老板叫，张，建军，` then the kind: the employer is 张建军, never 「建军」', async () => {
    await converse(t.chat, 'web:h75-a')
      .sendAll('俺的公司老板欠俺工钱，咋弄，', '中，', '中')
      .expect(/欠您工资的单位叫什么名字？/)
      .send('老板叫，张，建军，')
      .expect(/「张建军」是哪一种？/)
      .send('1')
      .expect(/您在哪个镇或街道干活？/);
    expect((await session('web:h75-a'))?.answers.employer).toBe('张建军');
  });

  it('`俺叫，李，铁柱，` at the name question: 李铁柱 (never 「铁柱」 proposed)', async () => {
    await converse(t.chat, 'web:h75-b')
      .sendAll(...TO_NAME)
      .expect(NAME_Q)
      .send('俺叫，李，铁柱，')
      .expect(/您的手机号是多少？/)
      .expectNot(/「铁柱」/);
    expect((await session('web:h75-b'))?.answers.contactName).toBe('李铁柱');
  });

  it('`额叫，王，大，牛` at the name question: 王大牛 (never 「姓名只能包含汉字…」)', async () => {
    await converse(t.chat, 'web:h75-c').sendAll(...TO_NAME).send('额叫，王，大，牛').expect(/您的手机号是多少？/).expectNot(/只能包含/);
    expect((await session('web:h75-c'))?.answers.contactName).toBe('王大牛');
  });

  it('the phone at the name question, then `额叫王大牛` at its 「对吗？」: both proposed, never 「请回复「对」或「不对」」', async () => {
    await converse(t.chat, 'web:h75-d')
      .sendAll(...TO_NAME)
      .send('13837112345')
      .expect(/手机号「13837112345」。对吗？/)
      .send('额叫王大牛')
      .expect(/联系人「王大牛」/)
      .expectNot(/请回复「对」或「不对」/);
  });

  it.each(['138，3711，2345', '138，3711，2345，', '电话，138，3711，2345'])('`%s` (a voice keyboard\'s commas) is the phone', (said) => {
    expect(parseMobile(said)).toEqual({ ok: true, value: '13837112345' });
  });

  it('guard: two numbers with a comma between are still two', () => {
    // guard: commas inside a number must not run two numbers together.
    expect(parseMobile('13800001111,13900002222')).toMatchObject({ ok: false });
  });

  it('`138，3711，2345` at the phone question is taken (never 「手机号只能包含数字」)', async () => {
    await converse(t.chat, 'web:h75-e')
      .sendAll(...TO_NAME, '李铁柱')
      .expect(/您的手机号是多少？/)
      .send('138，3711，2345')
      .expect(/请核对您要反映的欠薪情况/)
      .expect(/13837112345/)
      .expectNot(/只能包含数字/);
  });
});

describe('the rider: gz, lb and the station named', () => {
  it.each([
    ['骑手 站点拖我gz', '骑手 站点拖我工资'],
    ['lb欠我gz 2个月了', '老板欠我工资 2个月了'],
    ['上个月的gz没发', '上个月的工资没发'],
    ['我们lb跑了', '我们老板跑了'],
    ['站点叫飞毛腿配送 lb姓赵', '站点叫飞毛腿配送 老板姓赵'],
  ])('%s reads as %s', (said, read) => {
    expect(normalizeMessage(said)).toBe(read);
  });

  it.each(['在gz打工', '5lb', 'gz'])('guard: %s is left as said', (said) => {
    // guard: gz is also Guangzhou and lb pounds; read as 工资, 老板 only beside the words that make them so.
    expect(normalizeMessage(said)).toBe(said);
  });

  it('`骑手 站点拖我gz` then `ok`: the wage report, never a union application begun', async () => {
    await converse(t.chat, 'web:h75-f')
      .send('骑手 站点拖我gz')
      .expect(/反映欠薪前/)
      .send('ok')
      .expect(/欠您工资的单位叫什么名字？/)
      .expectNot(/入会/);
  });

  it.each([
    ['站点叫飞毛腿配送 老板姓赵', '飞毛腿配送'],
    ['饭店叫好再来 老板姓赵', '好再来'],
    ['站点叫飞毛腿配送', '飞毛腿配送'],
  ])('%s → %s, confirmed', (said, value) => {
    expect(parseEmployer(said)).toMatchObject({ ok: true, value, built: true });
  });

  it('guard: `我们厂叫金达电子厂` (a full name of a unit) is kept as before, unasked', () => {
    // guard: already so before; only a name with no unit word, or with its boss after, is confirmed.
    expect(parseEmployer('我们厂叫金达电子厂')).toEqual({ ok: true, value: '金达电子厂' });
  });

  it.each([
    ['5k+', '5k多'],
    ['5000+', '5000多'],
  ])('%s reads as %s', (said, read) => {
    expect(normalizeMessage(said)).toBe(read);
  });

  it.each(['6000+3000', '+8613800138000'])('guard: %s is left as said', (said) => {
    // guard: a sum and a country code keep their plus.
    expect(normalizeMessage(said)).toBe(said);
  });

  it('`5k+` at the amount question: about 5,000 (never 「这个金额没看明白」)', async () => {
    await converse(t.chat, 'web:h75-m')
      .sendAll('我要反映欠薪', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月')
      .expect(/您自己一共被拖欠了多少钱？/)
      .send('5k+')
      .expectNot(/没看明白/);
    expect((await session('web:h75-m'))?.answers.amount).toMatchObject({ yuan: 5000, approx: true });
  });

  it('`站点叫飞毛腿配送 lb姓赵`: the station confirmed, never 赵老板', async () => {
    await converse(t.chat, 'web:h75-g')
      .sendAll('骑手 站点拖我gz', 'ok')
      .send('站点叫飞毛腿配送 lb姓赵')
      .expect(/用人单位「飞毛腿配送」。对吗？/)
      .expectNot(/赵老板/);
  });
});

describe('several answers in one message', () => {
  it('`好再来饭店 河西街道 9月到11月 一共一万八 就我一个`: the months proposed with the rest', async () => {
    await converse(t.chat, 'web:h75-h')
      .sendAll('我要反映欠薪', '同意')
      .send('好再来饭店 河西街道 9月到11月 一共一万八 就我一个')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」/)
      .expect(/用人单位「好再来饭店」/)
      .send('对');
    const s = await session('web:h75-h');
    expect(s?.answers.period).toMatchObject({ start: '2026-09', end: '2026-11', months: 3 });
  });

  it('guard: the employer question answered with the phone, then the name: the phone proposed, the name kept', async () => {
    // guard: already so before (the wrong question answered is proposed, never kept unasked).
    await converse(t.chat, 'web:h75-i')
      .sendAll('我要反映欠薪', '同意')
      .send('13912345678')
      .expect(/手机号「13912345678」。对吗？/)
      .send('好再来饭店')
      .expect(/您在哪个镇或街道干活？/);
    const s = await session('web:h75-i');
    expect(s?.answers.employer).toBe('好再来饭店');
    expect(s?.answers.phone).toBeUndefined();
  });
});

describe('angry and short', () => {
  it.each(['你们到底管不管', '没用', '有啥用啊', '管不管啊', '一点用都没有'])('%s is doubt', (said) => {
    expect(smallTalkOf(said)).toBe('doubt');
  });

  it('`你们到底管不管` at the employer question, `没用` at the township: told we will act, the question again', async () => {
    await converse(t.chat, 'web:h75-j')
      .sendAll('工资不给', '同意')
      .send('你们到底管不管')
      .expect(/我们会管的/)
      .expect(/欠您工资的单位叫什么名字？/)
      .expectNot(/答不上来/)
      .send('好再来饭店')
      .send('没用')
      .expect(/我们会管的/)
      .expect(/您在哪个镇或街道干活？/)
      .expectNot(/没找到/);
  });

  it('guard: `骗子` is still answered as distrust', async () => {
    // guard: already so before.
    await converse(t.chat, 'web:h75-k').sendAll('工资不给', '同意').send('骗子').expect(/理解您的顾虑/);
  });
});

describe('back an hour later', () => {
  it.each(['还在', '在呢', '我回来了'])('`在吗` then `%s` at 「欢迎回来」: the form goes on', async (said) => {
    const user = `web:h75-l${said.length}${said.charCodeAt(0)}`;
    await converse(t.chat, user).sendAll('工资不给', '同意', '好再来饭店').send('河西街道').expect(/哪个村或社区/);
    clock.advance(60 * MINUTE);
    await converse(t.chat, user)
      .send('在吗')
      .expect(/欢迎回来/)
      .send(said)
      .expect(/好的，我们接着填/)
      .expect(/在河西街道的哪个村或社区？/)
      .expectNot(/没太明白/);
  });
});
