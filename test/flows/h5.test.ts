/*
 * What WeChat's speech-to-text makes of a worker talking (helper h5), as the parsers read it and as transcripts on the
 * real chat service and real Redis (typed, and as a recognised voice message):
 *  - a figure or a time taken back as it was said (`五千 不不 六千`, `一万二 哦不 一万三`, `不是五千 是六千`,
 *    `欠了三个月 不对 四个月`, `下周三 哦不 周四吧`): the last one said is the one meant, never the first;
 *    a hesitation between two times (`三个月 嗯 四个月吧`) is asked, never guessed;
 *  - a monthly wage said with a pause after its word (`每个月，三千来块`, `然后 就是 每个月 三千来块`): a rate, never the
 *    total owed;
 *  - sounds before an answer (`嗯 叫 那个 青溪花园 二期`, `我叫 那个 张 张伟`, `嗯 叫 那个 宏达 宏达建筑`) are no part of
 *    a name, and a name said again whole is the whole one;
 *  - `嗯 我叫张伟` at a yes-or-no question: the name, never a yes; `不是` at the project's name: never a name;
 *  - a voice WeChat made out as punctuation only (`。`) is a voice not heard: said so, and the question waiting asked again.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { findAmounts, findPeriod } from '../../flows/parsers/index.js';
import { readRate } from '../../flows/parsers/amount.js';
import { findPersonName, findPhone } from '../../flows/nlu/facts.js';
import { sendText, sendVoice } from '../cases/support/voice.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));
const answers = async (user: string) => (await session(user)).answers as Record<string, unknown>;

describe('spoken self-corrections: the last value said', () => {
  it('a sum taken back with 不不, 哦不, 不是…是, 哦 是', () => {
    expect(findAmounts('欠我五千 不不 六千').own).toMatchObject({ yuan: 6000 });
    expect(findAmounts('欠了一万二 哦不 一万三').own).toMatchObject({ yuan: 13000 });
    expect(findAmounts('欠我的不是五千 是六千').own).toMatchObject({ yuan: 6000 });
    expect(findAmounts('欠我五千块 不是 是六千块').own).toMatchObject({ yuan: 6000 });
    expect(findAmounts('欠了五千，哦，是六千').own).toMatchObject({ yuan: 6000 });
    // A bare 不是 between two figures still cannot be told.
    expect(findAmounts('八千 不是 九千').own).toBeNull();
  });

  it('a count of months taken back; a hesitation between two is no reading', () => {
    const now = new Date(NOW);
    expect(findPeriod('欠了三个月 不对 四个月', now)?.value).toMatchObject({ months: 4 });
    expect(findPeriod('欠了三个月 哦不 四个月', now)?.value).toMatchObject({ months: 4 });
    expect(findPeriod('欠了三个月 不不 四个月', now)?.value).toMatchObject({ months: 4 });
    expect(findPeriod('老板欠了我不是三个月 是四个月工资', now)?.value).toMatchObject({ months: 4 });
    expect(findPeriod('欠我三个月 嗯 四个月吧', now)).toBeNull();
    // Two times that are no correction stay as they were read.
    expect(findPeriod('干了半年 三个月没给钱', now)?.value).toMatchObject({ months: 3 });
  });

  it('at the amount question: `嗯 一万二 哦不 一万三` is 13,000', async () => {
    await converse(t.chat, 'web:h5-amount')
      .sendAll('我要反映欠薪', '1', '宏达建筑', '白沙镇', '沙湾村', '不是', '三个月')
      .expect(/您自己一共被拖欠了多少钱/)
      .send('嗯 一万二 哦不 一万三')
      .expect(/拖欠金额「13,000元」/);
  });

  it('in the first message: `老板欠了我三个月 不对 四个月的工资` is confirmed as four months', async () => {
    await converse(t.chat, 'web:h5-period')
      .send('老板欠了我三个月 不对 四个月的工资')
      .send('1')
      .expect(/拖欠时间「2026年8月至2026年11月（4个月）」。对吗？/);
  });

  it('at the time list: `嗯 周三 哦不 周四吧` shows Thursday; `下周三 哦不 周四吧` never Wednesday', async () => {
    const toTimes = (user: string) =>
      converse(t.chat, user).sendAll('我想预约法律援助', '1', '1', '1', '1', '2', '白沙镇').expect(/回复数字选择/);
    await toTimes('web:h5-slot').send('嗯 周三 哦不 周四吧').expect(/^12月3日（周四）还能约的时间/);
    expect(await answers('web:h5-slot')).toMatchObject({ slotDay: '2026-12-03' });
    await toTimes('web:h5-slot2').send('嗯 那个 下周三 哦不 周四吧').expect(/12月10日（周四）还约不了/).expectNot(/12月9日（周三）还能约/);
    expect((await answers('web:h5-slot2')).slotDay).toBeUndefined();
  });
});

describe('other answers taken back as they were said', () => {
  it('a phone: `哦不是`, `不不` take the one before back', () => {
    expect(findPhone('手机号是13812345678 哦不是 13912345678')).toBe('13912345678');
    expect(findPhone('13812345678 不不 13912345678')).toBe('13912345678');
    expect(findPhone('一三八 一二三四 五六七八 哦不 一三九 一二三四 五六七八')).toBe('13912345678');
    // `不是138…` alone still denies the one after it.
    expect(findPhone('不是13812345678 是13912345678')).toBe('13912345678');
  });

  it('the headcount: `三个 不对 四个人` is four people, never the period (3个月) changed', async () => {
    await converse(t.chat, 'web:h5-count')
      .sendAll('我要反映欠薪', '1', '宏达建筑', '白沙镇', '沙湾村', '不是', '三个月', '一万五')
      .expect(/一共有多少人被拖欠/)
      .send('三个 不对 四个人')
      .expect(/被拖欠人数「4人」。对吗？/)
      .expectNot(/拖欠时间|哪段时间/);
    expect(await answers('web:h5-count')).toMatchObject({ period: { months: 3 } });
  });
});

describe('a wage said with a pause is a rate', () => {
  it('`每个月，三千来块`, `月薪 嗯 六千`: never the sum owed', () => {
    expect(findAmounts('然后 就是 每个月 三千来块').own).toBeNull();
    expect(findAmounts('每个月，三千来块。').own).toBeNull();
    expect(findAmounts('月薪 嗯 六千').own).toBeNull();
    // What is owed after the rate still is.
    expect(findAmounts('每个月五千，欠了一万五').own).toMatchObject({ yuan: 15000 });
    expect(findAmounts('欠了我一个月，三千').own).toMatchObject({ yuan: 3000 });
    expect(readRate('然后 就是 每个月 三千来块')).toMatchObject({ rate: { yuan: 3000 }, per: 'month' });
    expect(readRate('每个月，三千')).toMatchObject({ rate: { yuan: 3000 }, per: 'month' });
  });

  it('at the amount question: the rate times the months, confirmed, never 3,000 kept', async () => {
    await converse(t.chat, 'web:h5-rate')
      .sendAll('我要反映欠薪', '1', '宏达建筑', '白沙镇', '沙湾村', '不是', '三个月')
      .send('然后 就是 每个月 三千来块')
      .expect(/拖欠金额「约9,000元」。对吗？/);
    expect((await answers('web:h5-rate')).amount).toBeUndefined();
  });
});

describe('sounds around a spoken answer', () => {
  it('a name after 我叫 and sounds, the surname said twice', () => {
    expect(findPersonName('我叫 那个 张 张伟')).toBe('张伟');
    expect(findPersonName('我叫，嗯，李秀兰')).toBe('李秀兰');
    expect(findPersonName('我叫 那个啥 王强')).toBe('王强');
  });

  it('project: sounds before the name go; `我叫 那个 张 张伟` is the contact; `不是` is no name', async () => {
    const toProject = (user: string) => converse(t.chat, user).sendAll('我要反映欠薪', '1', '宏达建筑', '白沙镇', '沙湾村', '是').expect(/项目或工地叫什么名字/);
    await toProject('web:h5-p1').send('嗯 叫 那个 青溪花园 二期');
    expect(await answers('web:h5-p1')).toMatchObject({ project: '青溪花园二期' });
    await toProject('web:h5-p2').send('我叫 那个 张 张伟').expect(/联系人「张伟」。对吗？/);
    expect((await answers('web:h5-p2')).project).toBeUndefined();
    await toProject('web:h5-p3').send('不是').expect(/请写项目或工地的名字/);
    expect((await answers('web:h5-p3')).project).toBeUndefined();
  });

  it('employer: `嗯 叫 那个 宏达 宏达建筑` is 宏达建筑', async () => {
    await converse(t.chat, 'web:h5-emp').sendAll('我要反映欠薪', '1').send('嗯 叫 那个 宏达 宏达建筑').expect(/用人单位「宏达建筑」/).expectNot(/「宏达」/);
  });

  it('`嗯 我叫 张伟` at 还在这家单位干吗: the name, and the question still open', async () => {
    await converse(t.chat, 'web:h5-still')
      .sendAll('我要反映欠薪', '1', '宏达建筑', '白沙镇', '沙湾村', '不是', '三个月', '一万五', '就我一个')
      .expect(/还在这家单位干吗/)
      .send('嗯 我叫 张伟')
      .expect(/联系人「张伟」/)
      .send('对')
      .expect(/还在这家单位干吗/);
    expect((await answers('web:h5-still')).stillEmployed).toBeUndefined();
  });
});

describe('a voice WeChat could not make out', () => {
  it('punctuation only is nothing heard: said so, nothing written', async () => {
    const r = await sendVoice(t.chat, 'web:h5-dot', { recognition: '。' });
    expect(r.text).toBe('这条语音我没有收到声音。请再说一次，或者直接打字告诉我。');
    expect((await session('web:h5-dot')).version).toBe(0);
  });

  it('mid-form, the question waiting is asked again after it', async () => {
    await sendText(t.chat, 'web:h5-mid', '我要反映欠薪');
    await sendText(t.chat, 'web:h5-mid', '1');
    const before = await session('web:h5-mid');
    const r = await sendVoice(t.chat, 'web:h5-mid', { recognition: '？' });
    expect(r.text).toMatch(/^这条语音我没有收到声音。请再说一次，或者直接打字告诉我。/);
    expect(r.text).toMatch(/欠您工资的单位叫什么名字/);
    expect((await session('web:h5-mid')).answers).toEqual(before.answers);
    // The answer spoken after it is taken as typed.
    const next = await sendVoice(t.chat, 'web:h5-mid', { recognition: '嗯 叫 那个 宏达 宏达建筑' });
    expect(next.text).toMatch(/^听到您说：「嗯 叫 那个 宏达 宏达建筑」/);
    expect(next.text).toMatch(/用人单位「宏达建筑」/);
  });
});
