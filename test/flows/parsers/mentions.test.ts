import { describe, expect, it } from 'vitest';
import { findAmounts, findHeadcount, findPeriod, type Amount } from '../../../flows/parsers/index.js';
import { amountSaidAsTotal } from '../../../flows/parsers/mentions.js';
import { NLU_TODAY, SPRING_2027, findsNothing, itFindsNothingInHostileInputs } from './helpers.js';

const exact = (yuan: number): Amount => ({ yuan, approx: false, upTo: null });
const approx = (yuan: number): Amount => ({ yuan, approx: true, upTo: null });
const range = (yuan: number, upTo: number): Amount => ({ yuan, approx: true, upTo });
/** What findAmounts returns when there is no amount in the text. */
const NO_AMOUNTS = { own: null, group: null, spans: [] };

/** The span of `piece` (its first occurrence) in `text`. */
function spanOf(text: string, piece: string): [number, number] {
  const at = text.indexOf(piece);
  if (at < 0) throw new Error(`${piece} not in ${text}`);
  return [at, at + piece.length];
}

describe('findAmounts', () => {
  it.each([
    ['还差工钱7万4', exact(74000), null, ['7万4']],
    ['我们8个人一共欠了7万4', exact(74000), null, ['7万4'], 'said for the group'],
    ['我自己两万八，我们一共三十多万', exact(28000), approx(300_000), ['两万八', '三十多万']],
    ['总共欠我们50万，我自己3万', exact(30000), exact(500_000), ['50万', '3万']],
    // One figure said for the group is `own`, marked as said for the group: with two or more people owed it is
    // their total (flows/wage.ts extract; test/nlu/LABELS.md, groupAmount).
    ['我们一共三十多万', approx(300_000), null, ['三十多万'], 'said for the group'],
    ['大家一共被拖了二十来万', approx(200_000), null, ['二十来万'], 'said for the group'],
    ['老板欠我们全班组二十多万', approx(200_000), null, ['二十多万'], 'said for the group'],
    ['老板欠我们三个人一万五', exact(15000), null, ['一万五'], 'said for the group'],
    ['我们4个人干了2个月 一共欠了4万', exact(40000), null, ['4万'], 'said for the group'],
    // A total opening its clause is said of the people before it, unless the person is named in between.
    ['老板欠了我们五六个人三个月工资，一共六万', exact(60000), null, ['六万'], 'said for the group'],
    ['我们厂欠我工资，一共八千', exact(8000), null, ['八千']],
    ['老板欠我3000', exact(3000), null, ['3000']],
    ['还差5000没给', exact(5000), null, ['5000']],
    ['工资一共拖了八千块', exact(8000), null, ['八千块']],
    ['欠了两三万', range(20000, 30000), null, ['两三万']],
    ['大概欠了2到3万', range(20000, 30000), null, ['2到3万']],
    ['差不多两万八吧', approx(28000), null, ['差不多两万八']],
    ['大概两万左右', approx(20000), null, ['大概两万左右']],
    // A hedge before the words that owe it is about the amount too; one in another clause is not.
    ['老板三个月没发工资了 差不多欠我一万五', approx(15000), null, ['一万五']],
    // Owed to 我们 (`拖了我们…`): said for the group, as `我们一共…` is (flows/parsers/mentions.ts GROUP_OBJECT).
    ['估计拖了我们三万', approx(30000), null, ['三万'], 'said for the group'],
    ['老板欠了我们十几万', range(110_000, 190_000), null, ['十几万'], 'said for the group'],
    ['大概有三个月没发，欠我8000', exact(8000), null, ['8000']],
    // A bare number with what is owed after it (没结, 没给): `还有3个月没结` and `1号没发` are not money.
    ['去年在厂里干到年底 还有8000多没结', approx(8000), null, ['8000多']],
    ['还有3000没给', exact(3000), null, ['3000']],
    // A rate, then the total after it: the total.
    ['老板欠我工资5个月了 每月3000 一共15000', exact(15000), null, ['15000']],
    ['快两万了还不给', approx(20000), null, ['快两万']],
    ['老板只给了3000块，还欠两万', exact(20000), null, ['两万']],
    ['押金500没退，工资欠了6000', exact(6000), null, ['6000']],
    ['欠了两万一直没给', exact(20000), null, ['两万']],
    ['2025年10月3号欠了八千', exact(8000), null, ['八千']],
    ['电话13800138000，欠我5000', exact(5000), null, ['5000']],
    ['欠了¥28,500', exact(28500), null, ['¥28,500']],
    ['干了三个月，老板还差我工钱7万4，我们8个人', exact(74000), null, ['7万4']],
    ['欠我２万８', exact(28000), null, ['２万８']],
    ['工资一共八千块', exact(8000), null, ['八千块']],
    ['他们欠我3万，欠老王2万', exact(30000), null, ['3万']],
    ['我老婆的工资一万二，我的两万', exact(20000), null, ['两万']],
    ['我们三个人每人欠了一万', exact(10000), null, ['一万']],
    ['老板姓万，欠我三千', exact(3000), null, ['三千']],
    // After a payment only what is said as still owed counts.
    ['欠我3万 已经给了1万 还差2万', exact(20000), null, ['2万']],
    ['给了5000 还有3000没给', exact(3000), null, ['3000']],
    ['去年国庆到现在没拿到一分钱 欠我4万多', approx(40000), null, ['4万多']],
    ['扣了我500 欠我8000', exact(8000), null, ['8000']],
    // Not received is owed (a negated 拿到 is no payment); received, then what is not, is what is owed.
    ['还没拿到8000', exact(8000), null, ['8000']],
    ['没收到3000块', exact(3000), null, ['3000块']],
    ['拿了2万 还没拿到8000', exact(8000), null, ['8000']],
    ['领到3000 还差2000', exact(2000), null, ['2000']],
    // Voice input's 三四万: a range, its span in the original text.
    ['老板欠我3 4万 拖了5 6个月了', range(30000, 40000), null, ['3 4万']],
    // The 一 of 一直 after the figure's last digit (一万五 | 一直).
    ['老板欠我一万五一直没给', exact(15000), null, ['一万五']],
    ['工钱一万二一直拖着不给', exact(12000), null, ['一万二']],
    // A space after the money's unit ends it when something else follows (2万 | 5月到现在); 2万 5千 is one figure.
    ['欠我工资 2万 5月到现在 就我自己', exact(20000), null, ['2万']],
    ['欠我2万 5千', exact(25000), null, ['2万 5千']],
    // A space after a bare figure ends it too (8000 | 拖了3个月); `8000 元` and `3 个月` stay one.
    ['欠我工资8000 拖了3个月', exact(8000), null, ['8000']],
    ['欠我 8000 元', exact(8000), null, ['8000 元']],
    // 工资 after the figure names it as wages.
    ['欠我8000工资', exact(8000), null, ['8000']],
  ])('when the sentence is %j, then own is %j and group is %j', (text, own, group, pieces, saidForGroup?: string) => {
    expect(findAmounts(text)).toEqual({ own, group, spans: pieces.map((p) => spanOf(text, p)), ...(saidForGroup ? { ownSaidForGroup: true } : {}) });
  });

  it.each([
    ['a headcount', '我们8个人'],
    ['a duration', '三个月没发工资'],
    ['a duration with 欠', '欠了三个月'],
    ['a spaced duration with 欠', '欠了 3 个月'],
    ['a date', '10月3号来的'],
    ['a year', '2025年开始干的'],
    ['a phone number', '电话13800138000'],
    ['an ID number', '身份证11010519491231002X'],
    ['a daily rate', '一天300，干了20天'],
    ['a monthly rate', '三万一个月'],
    ['a monthly rate before', '一个月5000，欠了三个月'],
    ['money paid, not owed', '老板给了我5000块'],
    ['a bare number with no money cue', '我在3栋干活'],
    ['a number in a word', '一共干了一年'],
    ['vague money', '欠了好几万'],
    ['two different own amounts', '欠了两万，另外还有五千'],
    ['a bare 一', '一直没给'],
    ['a count of days', '干了20个工'],
    ['a rate earlier in the clause', '每个月欠我3000'],
    ['yuan with the jiao cut off', '欠了两万五千三百二十一块五'],
    ['a floor number', '我在十一楼干活'],
    ['千万 as "by all means"', '千万别告诉老板'],
    ['一万 as a figure of speech with a measure word', '一万个不愿意'],
    ['months before 没结', '还有3个月没结'],
    ['a day before 没发', '1号没发'],
    // The total before a payment is not what is owed, nor is what is left worked out.
    ['a total, then what was paid', '总共3万 给了1万'],
    ['a total, then what was paid back', '老板欠我2万 上个月还了5000'],
    ['a total, then a share paid', '3万块 付了一半'],
    ['a total, then an advance', '工资2万 预支了3000'],
    ['what was received', '拿到了5000'],
    ['a month\'s pay beside the months owed', '工资4000多 欠了我5个月'],
    ['what someone else is owed', '2个 我和我媳妇 她欠8000'],
    ['nothing received', '没拿到一分钱'],
  ])('when the sentence has %s (%j), then no amount is taken', findsNothing(findAmounts, NO_AMOUNTS));

  it('when the sentence has full-width and zero-width characters, then the span is in the original text', () => {
    const text = '老板欠我\u200B３万\u200B５';
    const r = findAmounts(text);
    expect(r.own).toEqual(exact(35000));
    expect(r.spans).toEqual([[5, text.length]]);
  });

  itFindsNothingInHostileInputs(findAmounts, 'nothing is found and nothing throws', NO_AMOUNTS);

  it('when the input is not a string, then nothing is found', () => {
    expect(findAmounts(undefined as unknown as string)).toEqual(NO_AMOUNTS);
  });
});

describe('findHeadcount', () => {
  it.each([
    ['我们8个人一共欠了7万4', 8, false, '我们8个人'],
    ['班组8个人都没拿到钱', 8, false, '班组8个人'],
    ['我们班组十来个人都没拿到钱', 10, true, '我们班组十来个人', { about: true }],
    ['我们九十个人都没拿到钱', 90, false, '我们九十个人'],
    ['老板跑路了，我们厂一百来号人没发工资', 100, true, '我们厂一百来号人', { about: true }],
    ['全厂两百多人都没拿到', 200, true, '全厂两百多人'],
    ['工地上四五十个人都没拿到钱', 40, true, '工地上四五十个人', { upTo: 50 }],
    ['我们五六个人一共欠了两万', 5, true, '我们五六个人', { upTo: 6 }],
    ['一个班十几个人', 10, true, '一个班十几个人'],
    ['连我一共5个', 5, false, '连我一共5个'],
    ['加上我3个人', 3, false, '加上我3个人'],
    ['我和我老婆两个在工地干', 2, false, '我和我老婆两个'],
    ['我们俩的工钱都没给', 2, false, '我们俩'],
    ['就我自己', 1, false, '就我自己'],
    ['就我一个人被欠了', 1, false, '就我一个人'],
    ['8个兄弟都没拿到钱', 8, false, '8个兄弟'],
    ['老板欠了八个工友的钱', 8, false, '八个工友'],
    ['欠了8个人的工资', 8, false, '8个人'],
    ['我们一共二十多个人', 20, true, '我们一共二十多个人'],
    // Someone added to a count said before: the total wins (it was 8, the first count).
    ['班组长带了8个工人 加上他9个', 9, false, '加上他9个'],
    ['我们8个人 加上班组长一共9个', 9, false, '加上班组长一共9个'],
    ['包括我在内一共6个人', 6, false, '包括我在内一共6个人'],
  ] as [string, number, boolean, string, { about?: true; upTo?: number }?][])('when the sentence is %j, then the headcount is %d (approximate: %s)', (text, count, approximate, piece, hedge) => {
    expect(findHeadcount(text)).toEqual({ value: { count, approximate, ...hedge }, span: spanOf(text, piece) });
  });

  it.each([
    ['a vague count', '我们几个都没拿到'],
    ['a crowd', '一帮人'],
    ['many people', '很多人都没拿到钱'],
    ['a family size', '三口人靠我养'],
    ['children', '我有两个孩子要养'],
    ['a duration', '三个月没发'],
    ['a duration after 我们', '我们两个月没发工资'],
    ['a number of people with no collective word', '工地上来了三个人'],
    ['two different counts', '我们8个人，班组十个人'],
    ['an amount', '欠了两万'],
    ['everyone on the site (no collective word)', '工地上一共有三百多人'],
    ['the whole company', '我们公司有500个人'],
    ['the whole factory, the arrears in the next clause', '我们厂有500个人，我被拖欠了三个月'],
  ])('when the sentence has %s (%j), then no headcount is taken', findsNothing(findHeadcount));

  itFindsNothingInHostileInputs(findHeadcount, 'nothing is found');
});

describe('findPeriod', () => {
  it.each([
    ['从3月干到10月一分钱没拿到', '2026-03', '2026-10', 8, null, '从3月干到10月'],
    ['去年5月到现在没发工资', '2025-05', null, 19, null, '去年5月到现在'],
    ['欠了三个月工资', '2026-09', '2026-11', 3, null, '三个月'],
    ['一个月5000，欠了三个月', '2026-09', '2026-11', 3, null, '三个月'],
    ['在这干了两年，最近三个月没发工资了', '2026-09', '2026-11', 3, null, '最近三个月'],
    ['我们在工地干了半年没拿到钱', '2026-06', '2026-11', 6, null, '干了半年'],
    ['上半年的工资没给', '2026-01', '2026-06', 6, null, '上半年'],
    ['3月干到现在还没结', '2026-03', null, 9, null, '3月干到现在'],
    ['过完年到现在一直没发工资', '2026-03', null, 9, '过完年按2026年3月算', '过完年到现在'],
    ['春节后就没发过工资', '2026-03', null, 9, '春节后按2026年3月算', '春节后'],
    ['从正月干到中秋，老板一分钱没给', '2026-02', '2026-09', 8, '正月按2026年2月算，中秋按2026年9月算', '从正月干到中秋'],
    ['我们8个人从去年下半年到现在都没拿到钱', '2025-07', null, 17, null, '从去年下半年到现在'],
    ['我2019年就在这干了，今年3月开始没发工资', '2026-03', null, 9, null, '今年3月开始'],
    ['十一月开始没发', '2026-11', null, 1, null, '十一月开始'],
    ['去年5月到现在一直在这干，老板欠我两万', '2025-05', null, 19, null, '去年5月到现在'],
    ['春节前干到现在一分没拿', '2026-02', null, 10, '春节前按2026年2月算', '春节前干到现在'],
  ])('when the sentence is %j, then the period is %s to %s, %d months (%s)', (text, start, end, months, inferred, piece) => {
    expect(findPeriod(text, NLU_TODAY)).toEqual({ value: { start, end, months, inferred }, span: spanOf(text, piece) });
  });

  it('when the festival is in another year\'s calendar, then it follows that year', () => {
    const text = '过完年到现在一直没发工资';
    expect(findPeriod(text, SPRING_2027)?.value).toEqual({ start: '2027-02', end: null, months: 1, inferred: '过完年按2027年2月算' });
  });

  it.each([
    ['a leaving month', '10月份走的'],
    ['a pay day', '老板说10月3号发工资'],
    ['a year with no word about unpaid wages', '去年在这干过'],
    ['a duration with no word about unpaid wages', '我在这干了三年'],
    ['a monthly rate', '一个月5000'],
    ['a vague time', '好久了都没发工资'],
    ['a harvest', '秋收以后就没发钱'],
    ['a month that does not exist', '从2025年13月到现在'],
    ['a start more than ten years ago', '从2010年到现在没发工资'],
    ['only this month', '这个月的工资没发'],
    ['two different periods', '去年欠了三个月，今年又欠了两个月'],
    ['half a year before (not 上半年)', '前半年的工资没发'],
    ['an amount', '欠了两万'],
    ['a year and a duration in one run', '去年干了一年，一分钱没拿到'],
    ['a time with no word about unpaid wages', '今年在这干'],
    ['五一 inside an amount (一万五一直)', '老板欠我一万五一直没给'],
    ['a figure run into a duration (3万5个月)', '欠我3万5个月没发'],
    ['when the work ended (干到8月)', '老板欠我两万三 干到8月'],
    ['when pay was promised (说腊月二十八给结)', '老板说腊月二十八给结 到现在没给 欠一万'],
    ['a range with no word about unpaid wages', '3月干到现在'],
    ['an arrival after a festival with no word about unpaid wages', '过完年来的工地'],
    ['how long they worked, in another clause than the debt', '我干了三年，老板欠我两万'],
    ['two single months', '三月份工资没发，四月份也没发'],
    ['a promise for next month', '老板说下个月发'],
    ['十一 with no 前/后', '从十一开始就没发了'],
    ['the year worked, with what is owed after', '去年在厂里干到年底 还有8000多没结'],
  ])('when the sentence has %s (%j), then no period is taken', findsNothing((text) => findPeriod(text, NLU_TODAY)));

  itFindsNothingInHostileInputs((text) => findPeriod(text, NLU_TODAY), 'nothing is found');
});

describe('probe-wage: values taken from words', () => {
  it('a year without its months is no period (今年的工资一直没发, 去年干的活)', () => {
    expect(findPeriod('今年的工资一直没发', NLU_TODAY)).toBeNull();
    expect(findPeriod('去年干的活 到现在还没给 两万三', NLU_TODAY)).toBeNull();
    expect(findPeriod('老板欠我工资九千 前年的', NLU_TODAY)).toBeNull();
  });

  it('a duration and the months it names are one period, the months (三个月 + 今年8月到10月)', () => {
    expect(findPeriod('老板欠俺三个月工资 今年8月到10月的', NLU_TODAY)?.value).toMatchObject({ start: '2026-08', end: '2026-10', months: 3 });
    // Of different lengths they still disagree: nothing is taken.
    expect(findPeriod('老板欠俺两个月工资 今年8月到10月的', NLU_TODAY)).toBeNull();
  });

  it('two sums named by what they are for are both seen, so neither is taken alone (加班费3000和工资5000)', () => {
    expect(findAmounts('厂里欠我加班费3000和工资5000')).toEqual(NO_AMOUNTS);
  });

  it('a total said without 我们 is marked as a total; one said as the person\'s own is not', () => {
    expect(amountSaidAsTotal('5个人 一共欠了六万')).toBe(true);
    expect(amountSaidAsTotal('一共欠了我六万')).toBe(false);
    expect(amountSaidAsTotal('欠了六万')).toBe(false);
  });
});

