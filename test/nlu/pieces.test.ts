/**
 * Tables for the pure pieces of understanding (flows/nlu/*). The corpus
 * (corpus.test.ts) measures them together; these pin each rule, so a change
 * that breaks one says which.
 */
import { describe, expect, it } from 'vitest';
import { numberPicked, pickByMeaning } from '../../flows/nlu/choose.js';
import { describesEmployer, employerFromAnswer, findIdNumber, findPersonName, findPhone, idCardNameAnswer, isRoleWord, nameAnswer, phoneAnswer, spokenDigits } from '../../flows/nlu/facts.js';
import { commandOf, correctionOf, isQuestion, smallTalkOf, yesNo } from '../../flows/nlu/talk.js';
import { dontKnow } from '../../flows/nlu/understand.js';
import { findAmounts } from '../../flows/parsers/mentions.js';

/** The check for a table of `[text, expected]`: `read(text)` is `expected`. */
function returns<T>(read: (text: string) => T): (text: string, expected: T) => void {
  return (text, expected) => {
    expect(read(text)).toBe(expected);
  };
}

describe('yes and no', () => {
  it.each([
    ['可以撒', true],
    ['是噻', true],
    ['好嘞', true],
    ['我不太想留个人信息哦', false],
    ['身份证号就算了吧 不太放心', false],
    ['算了', false],
    ['不想给', false],
    ['想留', null],
    ['我想', null],
    ['是不是', null],
  ] as const)('%s → %s', returns(yesNo));
});

describe('commands and small talk', () => {
  it.each([
    ['取消取消', 'cancel'],
    ['人工人工', 'human'],
    ['这个咋用的', 'help'],
    ['不会弄 教我下', 'help'],
    ['我要取消', null],
  ] as const)('%s is the command %s', returns(commandOf));

  it.each([
    ['巴适得很', 'ack'],
    ['[捂脸][捂脸]', 'emoji'],
    ['哈哈哈', 'laugh'],
  ] as const)('%s is small talk (%s)', returns(smallTalkOf));

  it.each([
    ['二十几个人', false],
    ['几个人被拖欠', true],
    ['没签合同 工钱还要得到不', true],
  ] as const)('%s asks something: %s', returns(isQuestion));
});

describe('picking a choice', () => {
  const kinds = [
    { label: '常住地', value: 'residence', words: /现在住|常住|住的地方/ },
    { label: '户籍地', value: 'hukou', words: /户口|户籍|老家/ },
  ];
  it('circled numbers are numbers', () => {
    expect(numberPicked('⑤')).toBe(5);
    expect(numberPicked('②')).toBe(2);
  });
  it('a denied clause does not pick; the other one does', () => {
    expect(pickByMeaning('我户口不在这边 就按现在住的地方', kinds)?.value).toBe('residence');
    // Both named and neither denied: asked again, never guessed.
    expect(pickByMeaning('户口和现在住的地方都行', kinds)).toBeNull();
  });
  it('denials chained without a pause each deny their own thing', () => {
    const matters = [
      { label: '欠薪', value: 'wage', words: /工资|工钱|欠薪/ },
      { label: '工伤', value: 'injury', words: /工伤|受伤/ },
      { label: '其他', value: 'other', words: /押金|其他|别的/ },
    ];
    expect(pickByMeaning('不是工资也不是工伤 是房东不退押金', matters)?.value).toBe('other');
    expect(pickByMeaning('不是工伤是工资', matters)?.value).toBe('wage');
    expect(pickByMeaning('不是工资而是工伤', matters)?.value).toBe('injury');
    // Everything named is denied: nothing is picked.
    expect(pickByMeaning('不是工资也不是工伤', matters)).toBeNull();
  });
  it('what they dare not do is not what they did', () => {
    const employed = [
      { label: '还在干', value: 'yes', words: /还在干|还在/ },
      { label: '已经离开', value: 'no', words: /走了|离开|走/ },
    ];
    expect(pickByMeaning('还在干 不敢走啊', employed)?.value).toBe('yes');
  });
});

describe('names and phones as answered', () => {
  it.each([
    ['我系陆美玲', '陆美玲'],
    ['李秀兰 兰花的兰', '李秀兰'],
    ['张伟 弓长张', '张伟'],
    ['我叫王秀英', '王秀英'],
  ])('%s → %s', (text, expected) => {
    expect(nameAnswer(text)).toEqual({ ok: true, value: expected });
  });
  it('a sentence about oneself is not a name', () => {
    expect(nameAnswer('我不想说').ok).toBe(false);
  });
  it.each(['不想说', '是的', '马上', '打工的', '工地', '河南人', '没有单位', '外地人', '你们几点下班', '不用叫名字'])('%s is not a name', (text) => {
    expect(nameAnswer(text).ok).toBe(false);
  });
  it.each([
    ['李四 不对 是李思', '李思'],
    ['大名王建军 小名狗蛋', '王建军'],
    ['王有才', '王有才'],
    ['欧阳建平', '欧阳建平'],
  ])('%s → %s, taken as said', (text, expected) => {
    expect(nameAnswer(text)).toEqual({ ok: true, value: expected });
  });
  it.each([
    ['就叫我老李吧', '老李'],
    ['操大海', '操大海'],
  ])('%s → %s, a name without a known surname, confirmed', (text, expected) => {
    expect(nameAnswer(text)).toEqual({ ok: true, value: expected, confirm: true });
  });
  it.each([
    ['我叫王强 老板欠我两万', '王强'],
    ['我叫王强老板欠我两万', '王强'],
    ['老板叫李明 我叫张大伟', '张大伟'],
    ['我 叫 王强', '王强'],
  ])('the name in %s is %s, without the words after it', (text, expected) => {
    expect(findPersonName(text)).toBe(expected);
  });
  it.each([
    ['老板电话13912345678 欠我1万', null],
    ['包工头叫刘德明 电话15812345678 他欠我们工资', null],
    ['宏达建筑 老板叫陈志强 手机18812345678', null],
    ['他的手机号是 13912345678', null],
    ['老板电话13912345678 我的是13800138000', '13800138000'],
    ['老板欠我钱 电话13800138000', '13800138000'],
    ['我电话13912345678', '13912345678'],
  ])("someone else's phone is not the person's own: %s → %s", (text, expected) => {
    expect(findPhone(text)).toBe(expected);
  });
  it.each(['没有手机号', '就打这个微信'])('%s gets what to do without a phone of their own, not a format error', (text) => {
    expect(phoneAnswer(text)).toEqual({ ok: false, error: expect.stringMatching(/^需要一个能打通的手机号，方便联系您。自己没有的话，家人或工友的也可以/) });
  });
  it('a mobile number spoken in Chinese digits inside a sentence', () => {
    // Read from words, so said back to be confirmed (h23).
    expect(phoneAnswer('电话是幺三八零七七一二二三三')).toEqual({ ok: true, value: '13807712233', confirm: true });
    // Only a run as long as a mobile number is read: 一二三 in words stays words.
    expect(spokenDigits('一二三木头人')).toBe('一二三木头人');
  });
});

describe('names meant, and names not meant', () => {
  it.each([
    ['刘德华 男', '刘德华'],
    ['是王芳', '王芳'],
    ['我是张三他媳妇 叫刘梅', '刘梅'],
    ['刘梅 电话同上', '刘梅'],
    ['王晓明 不是王小明', '王晓明'],
    ['不是王小明 是王晓明', '王晓明'],
    ['王五 不是 是王武', '王武'],
  ])('%s → %s: the name alone, never the one denied', (text, expected) => {
    expect(nameAnswer(text)).toEqual({ ok: true, value: expected });
  });
  it('叫我小李就行 → 小李, confirmed (a contact may be called so)', () => {
    expect(nameAnswer('叫我小李就行')).toEqual({ ok: true, value: '小李', confirm: true });
  });
  it.each(['同意', '确认', '焊工', '我是焊工', '我是老师', '临时工', '我是张三他媳妇'])('%s is not a name', (text) => {
    expect(nameAnswer(text).ok).toBe(false);
  });
  it.each(['王师傅', '小王', '老李', '刘姐', '张总', '叫我小李就行'])('%s is a form of address, not the name on an ID card', (text) => {
    expect(idCardNameAnswer(text)).toEqual({ ok: false, error: expect.stringMatching(/像是称呼.*身份证上的姓名/) });
  });
  it.each([
    ['王小明', '王小明'],
    ['欧阳建平', '欧阳建平'],
    ['买买提·艾力', '买买提·艾力'],
    ['刘德华 男', '刘德华'],
  ])('%s is a name on an ID card: %s', (text, expected) => {
    expect(idCardNameAnswer(text)).toMatchObject({ ok: true, value: expected });
  });
  it.each(['我是焊工', '我是老师', '我是厨师', '我是临时工', '我是小工', '我是保安', '我是车工', '我是农民工'])('%s says a job, never a name', (text) => {
    expect(findPersonName(text)).toBe(null);
  });
  it('我是王强 is still a name', () => {
    expect(findPersonName('我是王强')).toBe('王强');
  });
  it.each([
    ['焊工', true],
    ['收银员', true],
    ['木匠', true],
    ['建筑工人', true],
    ['司机', true],
    ['王强', false],
    ['青溪化工', false],
    ['宏达建筑', false],
  ])('a job: %s → %s', (word, expected) => {
    expect(isRoleWord(word)).toBe(expected);
  });
});

describe('whose phone, and which', () => {
  it.each([
    ['他没告诉我名字 电话是13512345678', null],
    ['老板没告诉我名字 电话是13512345678', null],
    ['他是我老板 电话13512345678', null],
    ['他欠我钱 我电话13800138000', '13800138000'],
    ['电话13800138000 他欠我钱', '13800138000'],
    ['我不会填 你们打电话给我吧 13700005555', '13700005555'],
    ['13800138000 不对 13900001111', '13900001111'],
    ['13800138000 13900001111', null],
  ])('%s → %s', (text, expected) => {
    expect(findPhone(text)).toBe(expected);
  });
  it('two numbers typed at the phone question: which one is asked, not "22位数字"', () => {
    expect(phoneAnswer('13800138000 13900001111')).toEqual({ ok: false, error: expect.stringMatching(/^您发了两个号码（13800138000、13900001111）/) });
  });
  it("someone else's number at the phone question: whose it is is asked", () => {
    expect(phoneAnswer('他没告诉我名字 电话是13512345678')).toEqual({ ok: false, error: expect.stringMatching(/像是别人的.*直接回复这个号码/) });
  });
  it('an ID number corrected in the same message is the new one', () => {
    expect(findIdNumber('450102198808081236 不对 是45010219850315123X', new Date('2026-12-01T10:00:00+08:00'))?.id).toBe('45010219850315123X');
    expect(findIdNumber('450102198808081236 45010219850315123X', new Date('2026-12-01T10:00:00+08:00'))).toBe(null);
  });
  it('a job or a refusal at the employer question is not an employer', () => {
    expect(employerFromAnswer('我是焊工')).toBe(null);
    expect(describesEmployer('我是焊工')).toBe(true);
    expect(describesEmployer('青溪化工')).toBe(false);
    expect(employerFromAnswer('他没告诉我名字 电话是13512345678')).toBe(null);
    expect(describesEmployer('他没告诉我名字')).toBe(true);
  });
});

describe('corrections said in other words', () => {
  it.each([
    ['等下 刚才金额打错了 应该是一万三', '金额 一万三'],
    ['身份证号输错一位 应该是450122199208170622', '身份证号 450122199208170622'],
    ['第3条错了 金额是4万', '金额是4万'],
  ])('%s', (text, rest) => {
    expect(correctionOf(text)?.rest).toBe(rest);
  });
});

describe('not knowing', () => {
  it.each([['项目名字不清楚'], ['公司叫啥记不得了'], ['不晓得']])('%s is not knowing', (text) => {
    expect(dontKnow(text)).toBe(true);
  });
  it('a name with 不清楚 after it is still a value', () => {
    expect(dontKnow('宏达公司 地址不清楚')).toBe(false);
  });
});

describe("someone else's money", () => {
  it('what the boss is owed by his client is not what the worker is owed', () => {
    expect(findAmounts('老板说甲方还欠他两百万没给').own).toBeNull();
    expect(findAmounts('老板还欠我两万没给').own?.yuan).toBe(20000);
  });
});

describe('what is not a value', () => {
  it.each([['不方便说'], ['要跟真人讲'], ['公司名字不晓得'], ['不想说'], ['跟着老乡干'], ['问一下']])('%s is no employer', (text) => {
    expect(employerFromAnswer(text)).toBeNull();
  });
  it('the employer without the site it was tied to', () => {
    expect(employerFromAnswer('在宏达建筑的工地上搬砖')).toBe('宏达建筑');
  });
  it('the name of what the boss runs, without 开了个', () => {
    expect(employerFromAnswer('老板姓刘 开了个青溪饭店')).toBe('青溪饭店');
  });
  it('一块 after 那 is a place, not a yuan', () => {
    expect(findAmounts('老城区那一块').own).toBeNull();
    expect(findAmounts('还差一块钱').own?.yuan).toBe(1);
  });
});

