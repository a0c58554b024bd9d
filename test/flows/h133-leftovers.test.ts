/*
 * Leftover misunderstandings from earlier sessions, read as meant:
 *  - at the employer question an answer opening with 叫 (no subject) and running on past the name
 *    (`叫金利塑料老板姓陈的 我在里面做了两年`) proposes the unit (金利塑料), never the boss's surname in its place
 *    nor a refusal; a unit word later in the run-on (`…做了两年了这个厂`) no longer keeps the whole run-on as the name;
 *  - a bare figure with a count of months said as 俩月 / 仨月 (`三千五 俩月没发`) asks whether it is the months'
 *    total or a month's wage, as `三千五 两个月没发` does (3,500 was stored as the total, unasked);
 *  - a day counted from a festival (`国庆前3天`) as when they left: said back as its day, confirmed as its month;
 *  - a grudging yes (`给就给吧`, `填就填呗`) is a yes (at a consent; never a name 「给就给」 at a confirmation);
 *  - `哈哈哈 好滴` is small talk; `我不是骑手 我在厂里上班` at the occupation question says the way back to 单位职工;
 *  - a case number (`qx202612010001`, `QX20261201 0001`) typed inside another form shows the case, the form kept;
 *  - `对` right after a 「…对吗？」 was set aside (three unclear answers) is the late yes, never 「没看明白」;
 *  - a name read after 在 (`在水一方酒店`, `在家宏达饭店上班`) is proposed for a yes, never stored unasked.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { parseEmployer } from '../../flows/wage.js';
import { smallTalkOf, yesNo } from '../../flows/nlu/talk.js';
import { beforeRunOn, findEmployer } from '../../flows/nlu/facts.js';

const SCRIPT_S = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111', '确认'];

const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** The wage report up to the employer question. */
const toEmployer = (user: string) => converse(t.chat, user).sendAll('老板欠我工资', '同意');
/** The wage report up to the amount question, the period known (2 months unless said). */
const toAmount = (user: string, period = '今年10月到11月') =>
  converse(t.chat, user).sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是').send(period).expect(/被拖欠了多少钱/);

describe('a unit named after 叫 with no subject, the words running on', () => {
  it.each([['叫金利塑料老板姓陈的 我在里面做了两年'], ['叫金利塑料老板姓陈的我在里面做了两年'], ['叫金利塑料 老板姓陈']])('%s → 金利塑料, for a yes', async (words) => {
    const user = `web:h133-called-${words.length}-${words.includes(' ') ? 's' : 'j'}`;
    await toEmployer(user).send(words).expect(/用人单位「金利塑料」。对吗？/).expectNot(/陈老板|还没有输入/).send('对').expect(/您在哪个镇或街道干活/);
    expect((await session(user)).answers).toMatchObject({ employer: '金利塑料' });
  });

  it('a name after 叫 alone, or no name before the boss, reads as before; a kind said first runs on the same way', () => {
    expect(parseEmployer('叫金利塑料')).toMatchObject({ ok: true, value: '金利塑料' });
    expect(parseEmployer('叫金利塑料')).not.toHaveProperty('built');
    expect(parseEmployer('叫刘大壮')).toMatchObject({ ok: true, value: '刘大壮' });
    // guard: nothing before 老板 is a name: the boss by surname, as before.
    expect(parseEmployer('叫老板姓陈的')).toMatchObject({ ok: true, value: '陈老板' });
    expect(parseEmployer('厂子叫金利塑料老板姓陈的我在里面做了两年了')).toMatchObject({ ok: true, value: '金利塑料' });
  });
});

describe('a figure and a count of months said as 俩月 / 仨月 at the amount question', () => {
  it.each([
    ['三千五 俩月没发', '今年10月到11月', /2个月一共欠3,500元/, /每个月3,500元（一共7,000元）/, /7,000元/, { yuan: 7000 }],
    ['三千五 仨月没给', '今年9月到11月', /3个月一共欠3,500元/, /每个月3,500元（一共10,500元）/, /10,500元/, { yuan: 10500 }],
  ])('%s asks total or monthly; a month\'s wage is the product, confirmed', async (words, period, total, monthly, product, amount) => {
    const user = `web:h133-liang-${words.length}-${words.includes('仨') ? 3 : 2}`;
    await toAmount(user, period).send(words).expect(/是\d个月一共欠的，还是每个月的工资？/).expect(total).expect(monthly).send('2').expect(product).send('对').expect(/一共有多少人被拖欠/);
    const s = await session(user);
    expect(s.answers.amount).toMatchObject(amount);
  });

  it('guard: 两个月 was asked so already, and a rate said with 一个月 is computed and confirmed', async () => {
    await toAmount('web:h133-liang-g1').send('三千五 两个月没发').expect(/是2个月一共欠的，还是每个月的工资？/);
    await toAmount('web:h133-liang-g2').send('三千五一个月 俩月没发').expect(/3,500元×2个月，一共按7,000元算/).expect(/拖欠金额「7,000元」。对吗？/);
    expect((await session('web:h133-liang-g2')).answers.amount).toBeUndefined();
  });
});

/** The wage report up to 「什么时候离开的？」 (June to August owed, left). */
const toLeft = (user: string) =>
  converse(t.chat, user).sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年6月到8月', '6000', '就我一个').send('不干了').expect(/什么时候离开的/);

describe('a day counted from a festival as when they left', () => {
  it.each([
    ['国庆前3天', /国庆前3天按2026年9月28日算/],
    ['国庆前两天走的', /国庆前两天按2026年9月29日算/],
  ])('%s is said back as its day and confirmed as its month', async (words, read) => {
    const user = `web:h133-left-${words.length}`;
    await toLeft(user).send(words).expect(read).expect(/离开时间「2026年9月」。对吗？/).send('对');
    expect((await session(user)).answers).toMatchObject({ leftSince: '2026-09' });
  });

  it('guard: 国庆后两天 (may count from the end of the holiday week) is still not read', async () => {
    await toLeft('web:h133-left-g1').send('国庆后两天').expectNot(/对吗？/);
    expect((await session('web:h133-left-g1')).answers.leftSince).toBeUndefined();
  });
});

/** Joining the union up to the question asked after the ID-number consent. */
const toIdConsent = (user: string) => converse(t.chat, user).sendAll('我想入会').send('同意').expect(/您同意提供身份证号吗？/);

describe('a grudging yes (给就给吧) at a consent', () => {
  it('给就给吧 at the ID-number consent gives it', async () => {
    await toIdConsent('web:h133-grudge-1').send('给就给吧').expectNot(/请回复1表示同意/).expect(/入会声明/);
    expect((await session('web:h133-grudge-1')).answers).toMatchObject({ idConsent: true });
  });

  it('给就给吧 at the confirmation of a name typed there is a yes, never a name 「给就给」', async () => {
    await toIdConsent('web:h133-grudge-2').send('王芳').expect(/姓名「王芳」。对吗？/).send('给就给吧').expectNot(/给就给」/).expect(/您同意提供身份证号吗？/);
    expect((await session('web:h133-grudge-2')).answers).toMatchObject({ name: '王芳' });
  });

  it('the class is read, and a no said so stays a no', () => {
    for (const yes of ['给就给吧', '填就填呗', '行就行吧', '那就签就签吧']) expect(yesNo(yes), yes).toBe(true);
    for (const no of ['不给就不给吧', '算了就算了吧']) expect(yesNo(no), no).toBe(false);
    // guard: more said after it is not a plain yes.
    expect(yesNo('给就给吧 反正也没啥')).toBeNull();
  });
});

describe('laughter and 好滴 at a choice question', () => {
  it('哈哈哈 好滴 is small talk: the question again, no 「请回复数字」', async () => {
    await converse(t.chat, 'web:h133-haha')
      .sendAll('我要申请法律援助', '同意', '1', '1')
      .send('1')
      .expect(/您想怎么咨询？/)
      .send('哈哈哈 好滴')
      .expectNot(/请回复数字选择/)
      .expect(/您想怎么咨询？/);
    expect(smallTalkOf('哈哈哈 好滴')).not.toBeNull();
    expect(smallTalkOf('好嘞')).toBe('ack');
  });
});

describe('work at a unit said at the occupation question (new-form picked before)', () => {
  it('我不是骑手 我在厂里上班 is told the way back to 单位职工, never 「没认出」', async () => {
    await converse(t.chat, 'web:h133-rider')
      .sendAll('我想入会', '同意', '同意', '1', '王芳', '110101199003071233', '13700001111')
      .send('2')
      .expect(/您做的是哪种工作？/)
      .send('我不是骑手 我在厂里上班')
      .expectNot(/没认出/)
      .expect(/单位职工/)
      .send('返回')
      .expect(/您现在是怎么工作的？/)
      .send('1')
      .expect(/您在哪家单位工作？/);
    expect((await session('web:h133-rider')).answers).toMatchObject({ employment: 'employee' });
  });
});

/** A wage report submitted (case QX20261201-0001). */
const submitted = (user: string) => converse(t.chat, user).sendAll(...SCRIPT_S).expect(/QX20261201-0001/);

describe('a case number typed in the middle of another form', () => {
  it.each([['QX20261201-0001'], ['qx202612010001'], ['QX20261201 0001']])('%s shows the case, and the form goes on', async (no) => {
    const user = `web:h133-caseno-${no.length}-${no[0]}`;
    await submitted(user).send('我想入会').expect(/您同意吗？/).send(no).expectNot(/请回复1表示同意，回复2表示不同意/).expect(/QX20261201-0001（反映欠薪/).expect(/您同意吗？/);
  });

  it('guard: between forms a number not theirs is still said so', async () => {
    await submitted('web:h133-caseno-g1').send('qx20261201 0002').expect(/没有找到您名下编号是 QX20261201-0002 的案件/);
  });
});

/** The wage report at 「拖欠时间「2026年6月至2026年11月（6个月）」。对吗？」, set aside after three answers that were neither. */
const setAside = (user: string) =>
  converse(t.chat, user)
    .sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是')
    .send('快半年了')
    .expect(/拖欠时间「2026年6月至2026年11月（6个月）」。对吗？/)
    .sendAll('啊', '呃')
    .send('。。')
    .expect(/拖欠时间先不记，我再问您一次/)
    .expect(/拖欠的是哪段时间的工资？/);

describe('对 right after a 「…对吗？」 was set aside for three unclear answers', () => {
  it('is the yes that came late: kept, said back, and on (never 「没看明白」)', async () => {
    await setAside('web:h133-late-1').send('对').expectNot(/没看明白/).expect(/拖欠时间「2026年6月至2026年11月（6个月）」，记下了/).expect(/被拖欠了多少钱/);
    expect((await session('web:h133-late-1')).answers).toMatchObject({ period: { start: '2026-06', end: '2026-11', months: 6 } });
  });

  it('guard: 好的 (which may take the asking again) keeps nothing, nor does 对 once another answer came between', async () => {
    await setAside('web:h133-late-g1').send('好的').expect(/拖欠的是哪段时间的工资？/);
    expect((await session('web:h133-late-g1')).answers.period).toBeUndefined();
    await setAside('web:h133-late-g2').send('三个月').expect(/被拖欠了多少钱/).send('对').expectNot(/记下了/);
    expect((await session('web:h133-late-g2')).answers.period).toMatchObject({ months: 3 });
  });
});

describe('a bare name typed at the ID-number consent', () => {
  it('guard: proposed as the name for a yes, then the consent asked again (nothing taken as the consent)', async () => {
    await toIdConsent('web:h133-idname').send('王芳').expect(/姓名「王芳」。对吗？/).send('对').expect(/您同意提供身份证号吗？/);
    const a = (await session('web:h133-idname')).answers;
    expect(a).toMatchObject({ name: '王芳' });
    expect(a.idConsent).toBeUndefined();
  });
});

describe('a name after 在 at the employer question (在 may be the name\'s own, 家 a measure word)', () => {
  it('在水一方酒店 is proposed for a yes (it was stored as 水一方酒店 unasked); refused, the same words propose it with 在', async () => {
    await toEmployer('web:h133-at-1')
      .send('在水一方酒店')
      .expect(/用人单位「水一方酒店」。对吗？/)
      .send('不对')
      .send('在水一方酒店')
      .expect(/用人单位「在水一方酒店」。对吗？/)
      .send('对')
      .expect(/您在哪个镇或街道干活/);
    expect((await session('web:h133-at-1')).answers).toMatchObject({ employer: '在水一方酒店' });
  });

  it('在家宏达饭店上班 is proposed for a yes, never stored unasked', async () => {
    await toEmployer('web:h133-at-2').send('在家宏达饭店上班').expect(/用人单位「家宏达饭店」。对吗？/).send('不对').send('宏达饭店').expect(/您在哪个镇或街道干活/);
    expect((await session('web:h133-at-2')).answers).toMatchObject({ employer: '宏达饭店' });
  });

  it('guard: a name alone is taken as said', async () => {
    await toEmployer('web:h133-at-g1').send('宏达饭店').expect(/您在哪个镇或街道干活/);
    expect((await session('web:h133-at-g1')).answers).toMatchObject({ employer: '宏达饭店' });
  });
});

describe('a run-on after a unit\'s name with a unit word in its tail', () => {
  it('the name ends where the next clause starts, though a unit word comes later', async () => {
    expect(beforeRunOn('金利塑料老板姓陈的我在里面做了两年了这个厂')).toBe('金利塑料');
    expect(findEmployer('厂子叫金利塑料我在里面做了两年老板开了好几个厂')).toBe('金利塑料');
    expect(parseEmployer('公司叫宏达老板姓王的我们在他公司干了半年')).toMatchObject({ ok: true, value: '宏达', built: true });
    await toEmployer('web:h133-tail').send('厂子叫金利塑料老板姓陈的我在里面做了两年了这个厂').expect(/用人单位「金利塑料」。对吗？/);
  });

  it('guard: a unit word right after the clause word is the name\'s', () => {
    expect(beforeRunOn('金牌老板娘饭店')).toBe('金牌老板娘饭店');
    expect(beforeRunOn('金牌老板娘餐饮公司欠我工资')).toBe('金牌老板娘餐饮公司欠我工资');
    expect(beforeRunOn('大老板烧烤')).toBe('大老板烧烤');
  });
});
