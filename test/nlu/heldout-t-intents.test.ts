/**
 * Set T (test/nlu/heldout-t): picks, yes and no, commands and small talk said with feeling. Words of feeling around a
 * pick or a command (`1 快点`, `8 烦不烦`, `呵呵 对`, `不入了 退出 麻烦死了`) are no part of it (flows/nlu/feeling.ts);
 * a choice said first then why (`常住地 户口那边早没人了`) is that choice; a no said with a worry (`不同意 信息给你们被卖了
 * 咋办`) is the no, the worry answered. Pure readers (no Redis, no engine); the fixed clock of the labels (evaluate.ts).
 */
import { describe, expect, it } from 'vitest';
import { numberPicked } from '../../flows/nlu/choose.js';
import { withoutFeelingParts as withoutFeeling } from '../../flows/nlu/feelings.js';
import { commandOf, smallTalkOf, yesNo } from '../../flows/nlu/talk.js';
import { dontKnow, understandConfirm } from '../../flows/nlu/understand.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const WAGE_KNOWN = { consent: true, employer: '张德贵', location: 't01', community: '上坪村', construction: true, project: '上坪安置房', period: { start: '2026-09', end: '2026-11' } };
const LEGAL_KNOWN = { consent: true, matter: 'wage', limit: { leftOn: '2026-11-03' } };
const MEMBER_KNOWN = { consent: true, idConsent: true, name: '韦秀英', idNumber: '450122197506221089', phone: '13877123456' };

describe('the reader of feeling words', () => {
  it.each([
    ['1 快点', '1'],
    ['8 烦不烦', '8'],
    ['欠薪！！！还能是啥', '欠薪'],
    ['不入了 退出 麻烦死了', '不入了 退出'],
    ['艹 上一步填错了 退回去', '上一步填错了 退回去'],
    ['14天？？我等不了 返回', '我等不了 返回'],
    ['没有 谁给你整名单', '没有'],
  ])('「%s」 is read as 「%s」', (text, calm) => {
    expect(withoutFeeling(text)).toBe(calm);
  });

  it.each([
    // guard: no piece of a word is feeling, nor a data part; a message of feeling alone stays as it is.
    ['快递 1'],
    ['草莓'],
    ['王大军 12000'],
    ['我快点到了'],
    ['烦死了'],
    // guard: a question closed by ？？ is no echo of ours.
    ['要这么多信息干什么？？？我就想要回我的血汗钱'],
  ])('「%s」 keeps every word', (text) => {
    expect(withoutFeeling(text)).toBe(text);
  });

  it('a number with feeling is the number picked (as the chat reads its options)', () => {
    expect(numberPicked('1 快点')).toBe(1);
    expect(numberPicked('8 烦不烦')).toBe(8);
    // guard: a number with other words is no pick.
    expect(numberPicked('1 快递')).toBeNull();
  });
});

describe('set T: picks with feeling', () => {
  it('a number or a choice, with urging or a rhetorical 还能是啥', () => {
    expect(read('legal', 'matter', '1 快点', { consent: true }).direct.matter).toBe('wage');
    expect(read('legal', 'matter', '欠薪！！！还能是啥', { consent: true }).direct.matter).toBe('wage');
    expect(read('legal', 'help', '2 快点', LEGAL_KNOWN).direct.help).toBe('procurator');
    expect(read('wage', 'location', '8 烦不烦', { consent: true, employer: '张德贵' }).direct.location).toBe('t08');
    expect(read('membership', 'employment', '1 在厂里 还能是啥', MEMBER_KNOWN).direct.employment).toBe('employee');
  });

  it('a figure with venting beside it', () => {
    const known = { ...WAGE_KNOWN, amount: { yuan: 20000, approx: false, upTo: null } };
    expect(taken(read('wage', 'headcount', '二十多个！全被坑了', known)).headcount).toEqual({ count: 20, approximate: true });
  });

  it('a choice said first, then why', () => {
    const known = { ...MEMBER_KNOWN, employment: 'new_form', occupation: 'food_delivery', platform: '美团' };
    expect(taken(read('membership', 'placeKind', '常住地 户口那边早没人了', known)).placeKind).toBe('residence');
    expect(taken(read('membership', 'placeKind', '户籍地 我在这租房 说不定哪天就被赶走', known)).placeKind).toBe('hukou');
    expect(read('legal', 'help', '律师 随便哪个 能帮我要钱就行', LEGAL_KNOWN).direct.help).toBe('lawyer');
    // guard: a choice named by its words with a reason naming the other is not guessed between.
    expect(taken(read('legal', 'help', '律师 检察官也行', LEGAL_KNOWN)).help).toBeUndefined();
    // guard: a question about a choice is no pick of it.
    expect(taken(read('legal', 'help', '律师靠谱不 别是骗子', LEGAL_KNOWN)).help).toBeUndefined();
  });

  it('still there, with what leaving would bring', () => {
    const known = { ...WAGE_KNOWN, amount: { yuan: 20000, approx: false, upTo: null }, headcount: { count: 8, approximate: false } };
    expect(read('wage', 'stillEmployed', '还在 不敢走 走了更拿不到', known).direct.stillEmployed).toBe(true);
  });

  it('not known, and why', () => {
    expect(dontKnow('鬼知道 村里的路都没名字')).toBe(true);
    expect(read('wage', 'community', '鬼知道 村里的路都没名字', { consent: true, employer: '张德贵', location: 't06' }).direct.community).toBeNull();
    // guard: a village named is no 不知道.
    expect(dontKnow('不知道 是茶园村')).toBe(false);
  });

  it('a plain no with a retort', () => {
    expect(read('wage', 'roster', '没有 谁给你整名单', WAGE_KNOWN).direct.roster).toBeNull();
  });

  it('how two choices differ, asked, is no hotline entry', () => {
    expect(read('legal', 'mode', '电话还是当面 有区别吗 烦', { ...LEGAL_KNOWN, help: 'lawyer' }).intent).toBe('unclear');
  });
});

describe('set T: yes and no with feeling', () => {
  it('yes with scorn or urging, at 「…对吗？」', () => {
    expect(yesNo('呵呵 对')).toBe(true);
    expect(yesNo('嗯 没错 快点')).toBe(true);
    expect(yesNo('嗯 没错')).toBe(true);
    expect(understandConfirm('就是这个畜生')).toBe('yes');
    expect(read('wage', 'confirm', '就是这个畜生', { employer: '张德贵' }).intent).toBe('yes');
    // guard: a nod before 不在了 is still no yes.
    expect(yesNo('嗯 不在了')).toBeNull();
  });

  it('a no said with all one\'s might', () => {
    expect(read('membership', 'consent', '一万个不同意 谁知道你们拿信息干啥').direct.consent).toBe(false);
  });

  it('a no with a worry: the no, and the worry answered', () => {
    const p = read('wage', 'consent', '不同意 信息给你们被卖了咋办');
    expect(p.direct.consent).toBe(false);
  });

  it('only asking, not registering, is the answer on just asking', () => {
    const p = read('legal', 'consent', '只想问问 不想登记 登记了老板会找我麻烦');
    expect(p.intent).toBe('question');
    expect(p.entry).toBe('just-asking');
  });
});

describe('set T: commands said in anger', () => {
  it.each([
    ['约满了？？那叫人工 帮我排', 'human'],
    ['又是机器人 给我转人工', 'human'],
    ['又是机器人 我要找真人说话！！', 'human'],
    ['14天？？我等不了 返回', 'back'],
    ['点错了 退回上一步 急死人', 'back'],
    ['艹 上一步填错了 退回去', 'back'],
    ['不入了 退出 麻烦死了', 'cancel'],
    ['算了算了 不弄了 没用', 'cancel'],
    ['这个怎么用啊 看不懂 急死', 'help'],
    ['我前天报的欠薪 今天能不能给个答复', 'progress'],
    ['报了一个礼拜了 到底有没有人管？？进度呢', 'progress'],
    ['我报了半个月了都没人理 现在到底啥进度？？', 'progress'],
  ])('「%s」 is %s', (text, cmd) => {
    expect(commandOf(text)).toBe(cmd);
  });

  it('in a flow the command runs, nothing stored', () => {
    const known = { ...MEMBER_KNOWN, employment: 'employee', employer: '青溪纺织有限公司' };
    const p = read('membership', 'workplace', '点错了 退回上一步 急死人', known);
    expect(p.intent).toBe('back');
    expect(taken(p)).toEqual({});
    expect(read('wage', 'employer', '我报了半个月了都没人理 现在到底啥进度？？', { consent: true }).intent).toBe('progress');
  });

  it.each([
    // guard: command words inside a sentence about something else stay words.
    ['人工湖路 选错了'],
    ['快递 退回去了'],
  ])('「%s」 is no command', (text) => {
    expect(commandOf(text)).toBeNull();
  });
});

describe('set T: small talk and questions said upset', () => {
  it('a greeting asked again and again, thanks with doubt', () => {
    expect(smallTalkOf('在吗？？？有没有人')).toBe('greeting');
    expect(smallTalkOf('谢谢 虽然不知道有没有用')).toBe('thanks');
  });

  it('questions the knowledge base answers', () => {
    expect(read('legal', 'matter', '我要投诉上次那个律师 根本不管事', { consent: true }).entry).toBe('lawyer-complaint');
    expect(read('wage', 'consent', '要这么多信息干什么？？？我就想要回我的血汗钱').entry).toBe('why-personal-info');
    const known = { ...MEMBER_KNOWN, employment: 'employee' };
    expect(read('membership', 'employer', '我早入过会了 还要再入一遍？？', known).entry).toBe('already-member-join-again');
  });
});
