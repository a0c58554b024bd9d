import { describe, it } from 'vitest';
import { parseOrgName, parsePersonName } from '../../../flows/parsers/index.js';
import { asksAgain, itRefusesHostileInputs, parsesTo } from './helpers.js';

describe('parsePersonName', () => {
  it.each([
    ['张三', '张三'],
    ['  张三  ', '张三'],
    ['张三。', '张三'],
    ['“张三”', '张三'],
    ['张 三', '张三'],
    ['欧阳娜娜', '欧阳娜娜'],
    ['买买提·艾力', '买买提·艾力'],
    ['买买提.艾力', '买买提·艾力'],
    ['买买提・艾力', '买买提·艾力'],
    ['买买提•艾力', '买买提·艾力'],
    ['阿卜杜拉·买买提·艾力', '阿卜杜拉·买买提·艾力'],
    ['John Smith', 'John Smith'],
    ['John   Smith', 'John Smith'],
    ['Ｊｏｈｎ', 'John'],
    ['我叫李四', '李四'],
    ['一二三四五六七八九十一二三四五六七八九十', '一二三四五六七八九十一二三四五六七八九十'],
  ])('when the name is %j, then it is %j', parsesTo(parsePersonName));

  it.each([
    ['empty', '', '还没有输入姓名'],
    ['only punctuation', '。。。', '还没有输入姓名'],
    ['only symbols', '#@%', '请输入您的姓名'],
    ['one character', '张', '至少要2个字'],
    ['21 characters', '张'.repeat(21), '最多20个字'],
    ['digits', '张三1', '数字'],
    ['an emoji', '张三😀', '表情'],
    ['only emoji', '😀😀', '表情'],
    ['punctuation inside', '张三!李四', '只能包含汉字、字母'],
    ['a leading interpunct', '·张三', '间隔号'],
    ['a double interpunct', '买买提··艾力', '间隔号'],
  ])('when the name is %s (%j), then it asks again explaining the problem', asksAgain(parsePersonName));

  itRefusesHostileInputs(parsePersonName);
});

describe('parseOrgName', () => {
  it.each([
    ['深圳市某某建筑工程有限公司', '深圳市某某建筑工程有限公司'],
    ['某某劳务公司（深圳）', '某某劳务公司（深圳）'],
    ['某某劳务公司(深圳)', '某某劳务公司（深圳）'],
    ['某某劳务公司（深圳）。', '某某劳务公司（深圳）'],
    ['A&B Co. Ltd', 'A&B Co. Ltd'],
    ['中建三局', '中建三局'],
    ['123工厂', '123工厂'],
    ['华为', '华为'],
    ['某某-某某联合体', '某某-某某联合体'],
    ['某'.repeat(60), '某'.repeat(60)],
  ])('when the employer is %j, then it is %j', parsesTo(parseOrgName));

  it.each([
    ['empty', '', '还没有输入单位名称'],
    ['only digits', '12345', '请输入单位名称，不是数字'],
    ['only emoji', '😀😀', '不要只发表情'],
    ['an emoji inside', '某公司😀', '表情'],
    ['one character', '某', '太短'],
    ['61 characters', '某'.repeat(61), '最多60个字'],
    ['disallowed symbols', '某公司<b>', '只能包含'],
    ['only symbols', '&&&', '请输入单位名称'],
  ])('when the employer is %s (%j), then it asks again explaining the problem', asksAgain(parseOrgName));

  itRefusesHostileInputs(parseOrgName);
});

describe('parsePersonName, framing words before the name', () => {
  it.each([
    ['是王芳', '王芳'],
    ['就是王芳', '王芳'],
    ['叫刘梅', '刘梅'],
    ['名叫刘梅', '刘梅'],
  ])('when the answer is %j, then the name is %j', parsesTo(parsePersonName));
});
