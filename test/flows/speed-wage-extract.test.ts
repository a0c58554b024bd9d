/*
 * Speed-ups of the wage flow's reading and of the facts found in a sentence (issue 14, item 8) change no reading:
 * what each fast path skips could never have been read. The inputs each prefilter must not skip (a digit said in
 * words, a fullwidth digit, a space inside a cue word, a mark inside a kind of evidence, traditional characters, a
 * long message) read as they did before.
 *
 * - spokenDigits: nothing to convert without a digit said in words (零〇洞令灵幺一二两三四五六七八九).
 * - findPhone (ownPhones) and the name beside a phone (keywordName): no mobile number with fewer than 11 digits,
 *   Arabic or said in words.
 * - findEmployer: a cue is tried only with its opening words in the message (spaces dropped); a unit before the wrong
 *   it did only with 欠, 拖, 给, 发 or 老板 in the words.
 * - the wage flow's extract: the monthly wage times the months only with 月 (or 半 and 年); the own figure beside a
 *   count only with 个 or 人; evidence said early only with a kind of evidence named; the unit after its township read
 *   with patterns built once per township (the same on a second message).
 */
// guard: every test here passes before and after the speed-ups (they protect readings that already work): a prefilter
// that skipped any of these inputs, or a pattern kept between messages that read differently, would fail them.
import { describe, expect, it } from 'vitest';
import { findEmployer, findPersonName, findPhone, spokenDigits } from '../../flows/nlu/facts.js';
import { findTownship } from '../../flows/places.js';
import { evidenceSaidEarly, wageFlow } from '../../flows/wage.js';
import { ctxOf } from '../nlu/evaluate.js';

const ctx = ctxOf();
const isPlace = (name: string) => findTownship(ctx, name) !== null;

describe('digits said in words (spokenDigits)', () => {
  // guard: a run of digits said in words is still converted; text with none comes back as it is.
  it.each([
    ["电话是幺三八零七七一二二三三","电话是13807712233"],
    ["一三八 零零一三 八零零零","13800138000"],
    ["abc 12-3 工资","abc 12-3 工资"],
    ["１３８００１３８０００","１３８００１３８０００"],
    ["欠了三个月 一共两万","欠了三个月 一共两万"],
    ["",""],
  ])('%j reads as %j', (text, read) => {
    expect(spokenDigits(text)).toBe(read);
  });
});

describe("the person's mobile number (findPhone)", () => {
  // guard: 11 digits, Arabic or said in words (spaced, dashed, +86), still found; fewer, or fullwidth, none.
  it.each([
    ["我电话13800138000","13800138000"],
    ["电话是幺三八零零幺三八零零零","13800138000"],
    ["一三八零零一三八零零零","13800138000"],
    ["我电话１３８００１３８０００",null],
    ["1380013800",null],
    ["138001380000",null],
    ["我的电话 138 0013 8000","13800138000"],
    ["+86 138-0013-8000","13800138000"],
    ["老板电话13912345678",null],
    ["138… 不对 13900001111","13900001111"],
    ["一二三四五六七八九十",null],
    ["电话 幺三八 零零幺三 八零零零","13800138000"],
    ["三个月工资6000块没给",null],
  ])('%j → %j', (text, phone) => {
    expect(findPhone(text)).toBe(phone);
  });
});

describe('a name beside a phone number (findPersonName)', () => {
  // guard: the name next to the one phone number in a list of keywords, the number said in words too.
  it.each([
    ["欠薪 东龙镇 宏达建筑 12000 3个月 王大军 13812345678","王大军"],
    ["宏达建筑 王大军 幺三八一二三四五六七八","王大军"],
    ["王大军 1381234567",null],
    ["张秀兰 13812345678","张秀兰"],
    ["我叫王强 老板欠我两万","王强"],
    ["何小燕 一三九零零零零一一一一",null],
  ])('%j → %j', (text, name) => {
    expect(findPersonName(text)).toBe(name);
  });
});

describe('the employer named in a sentence (findEmployer)', () => {
  // guard: each cue with a space inside its words, a unit before the wrong it did (欠, 拖, 没发, 的老板, 老板…赖),
  // traditional characters, a long message: read as before, with and without places known.
  it.each([
    ["宏达建筑欠我们工资","宏达建筑","宏达建筑"],
    ["好再来饭店的老板跑了","好再来饭店","好再来饭店"],
    ["鸿发砖厂半年没发工资","鸿发砖厂","鸿发砖厂"],
    ["青溪纺织厂拖我工资","青溪纺织厂","青溪纺织厂"],
    ["宏达建筑不給錢",null,null],
    ["宏达建筑老板赖账","宏达建筑","宏达建筑"],
    ["老 板叫刘大壮","刘大壮","刘大壮"],
    ["老板叫刘大壮 公司名字不知道","刘大壮","刘大壮"],
    ["在 宏达建筑 干活","宏达建筑","宏达建筑"],
    ["跟着张国庆干的","张国庆","张国庆"],
    ["跟 着张国庆干的","张国庆","张国庆"],
    ["公司叫宏达建筑","宏达建筑","宏达建筑"],
    ["厂 叫鑫源电子","鑫源电子","鑫源电子"],
    ["给刘先生家当保姆","刘先生家","刘先生家"],
    ["老板是好再来饭店的","好再来饭店","好再来饭店"],
    ["东龙镇宏达厂","宏达厂",null],
    ["欠薪 东龙镇 宏达建筑 12000 3个月","宏达建筑","宏达建筑"],
    ["我要反映欠薪 宏达建筑欠我8000块","宏达建筑","宏达建筑"],
    ["我在石岭镇开叉车 物流公司欠我三千",null,"石岭镇开叉车物流公司"],
    ["宏达建筑三个月没发工资","宏达建筑","宏达建筑"],
    ["2025年10月进厂的老板欠我钱",null,null],
    ["我在宏达建筑",null,null],
    ["好再来饭店",null,null],
    ["我们在那边干了很久，我们在那边干了很久，我们在那边干了很久，我们在那边干了很久，我们在那边干了很久，我们在那边干了很久，我们在那边干了很久，我们在那边干了很久，宏达建筑欠我们工资","宏达建筑","宏达建筑"],
  ])('%j → %j (places known), %j (none)', (text, withPlaces, without) => {
    expect(findEmployer(text, isPlace)).toBe(withPlaces);
    expect(findEmployer(text)).toBe(without);
  });
});

describe('evidence said before its question (evidenceSaidEarly)', () => {
  // guard: a kind of evidence named (a mark inside it: 欠、条) is still read; none named, nothing.
  it.each([
    ["我有欠条",{"kinds":["欠条"],"words":"我有欠条","inferred":false}],
    ["我有欠、条",{"kinds":["欠条"],"words":"我有欠、条","inferred":false}],
    ["有 聊天记录",null],
    ["老板给我打了欠条",{"kinds":["欠条"],"words":"老板给我打了欠条","inferred":true}],
    ["我有工资条和考勤",{"kinds":["工资条","考勤记录"],"words":"我有工资条和考勤","inferred":false}],
    ["我手机里有微信聊天记录",{"kinds":["聊天记录"],"words":"我手机里有微信聊天记录","inferred":false}],
    ["欠条丢了",null],
    ["老板欠我6000",null],
    ["有欠条吗",null],
    ["我有借條",null],
  ])('%j → %j', (text, said) => {
    expect(evidenceSaidEarly(text)).toEqual(said);
  });
});

describe('the wage flow reads a message as before (extract)', () => {
  // guard: a monthly wage times the months (半年 too), the own figure beside a count, evidence beside the wages, a
  // unit after its township (twice: the patterns kept for the township read the same), a report typed as keywords.
  it.each([
    ["拖了我两个月工资 每个月六千",{"consent":true},{"amount":{"yuan":12000,"approx":false,"upTo":null,"how":"6,000元×2个月","monthly":{"rate":6000,"months":2}},"period":{"start":"2026-10","end":"2026-11","months":2}}],
    ["欠我半年工资 每月3000",{"consent":true},{"amount":{"yuan":18000,"approx":false,"upTo":null,"how":"3,000元×6个月","monthly":{"rate":3000,"months":6}},"period":{"start":"2026-06","end":"2026-11","months":6}}],
    ["老板欠薪欠了三个月了 两千五百块一个月",{"consent":true},{"amount":{"yuan":7500,"approx":false,"upTo":null,"how":"2,500元×3个月","monthly":{"rate":2500,"months":3}},"period":{"start":"2026-09","end":"2026-11","months":3}}],
    ["我一万五 三个人",{"consent":true},{"amount":{"yuan":15000,"approx":false,"upTo":null},"headcount":{"count":3,"approximate":false}}],
    ["我一万五 3人",{"consent":true},{}],
    ["我一万五，三个人",{"consent":true},{"amount":{"yuan":15000,"approx":false,"upTo":null},"headcount":{"count":3,"approximate":false}}],
    ["我有欠条 老板欠我6000",{"consent":true},{"amount":{"yuan":6000,"approx":false,"upTo":null},"evidenceSaid":{"kinds":["欠条"],"words":"我有欠条","inferred":false}}],
    ["在东龙镇的鑫源厂",{"consent":true},{"location":{"districtId":"qingxi","townshipId":"t01"},"employer":"鑫源厂"}],
    ["在东龙工业园的鑫源厂",{"consent":true},{"location":{"districtId":"qingxi","townshipId":"t01"},"employer":"鑫源厂"}],
    ["在东龙镇的鑫源厂",{"consent":true},{"location":{"districtId":"qingxi","townshipId":"t01"},"employer":"鑫源厂"}],
    ["王小二 13800138000 宏达建筑 8000 3个月",{"consent":true},{"amount":{"yuan":8000,"approx":false,"upTo":null,"readTotal":3},"period":{"start":"2026-09","end":"2026-11","months":3},"employer":"宏达建筑","phone":"13800138000","contactName":"王小二"}],
    ["王小二 13800138000 宏达建筑 8000 3个月",{"consent":true},{"amount":{"yuan":8000,"approx":false,"upTo":null,"readTotal":3},"period":{"start":"2026-09","end":"2026-11","months":3},"employer":"宏达建筑","phone":"13800138000","contactName":"王小二"}],
    ["我叫王强 电话幺三八零零幺三八零零零 宏达建筑欠我8000",{"consent":true},{"amount":{"yuan":8000,"approx":false,"upTo":null},"employer":"宏达建筑","phone":"13800138000","contactName":"王强"}],
    ["一天两百 干了四十天 没给",{"consent":true},{"amount":{"yuan":8000,"approx":false,"upTo":null,"how":"200元×40天"}}],
  ] as [string, Record<string, unknown>, Record<string, unknown>][])('%j → %j', (text, known, read) => {
    expect(wageFlow.extract!(text, known as never, ctx)).toEqual(read);
  });
});
