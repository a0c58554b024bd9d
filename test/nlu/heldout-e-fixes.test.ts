/**
 * Misreadings found by held-out set E (test/nlu/heldout-e, measured once on first sight, /tmp/h131/first-sight.txt),
 * fixed in the readers for the class of words, never the one sentence. Pure (no Redis, no engine): each line here was
 * read wrongly before.
 */
import { describe, expect, it } from 'vitest';
import { readAt as read, takenBy as taken } from './evaluate.js';


describe('held-out set E: what a worker did not mean is never kept', () => {
  it('two townships weighed against each other (X还是Y) are neither kept', () => {
    for (const t of ['马坪还是柳溪来着 就两个镇交界那', '白沙还是石岭 记不清', '东龙还是石岭吧']) expect(taken(read('wage', 'location', t)).location).toBeUndefined();
    // guard: one township chosen (还是 as "rather"), or one taken back, is still the answer.
    expect(taken(read('wage', 'location', '还是白沙吧')).location).toBe('t02');
    expect(taken(read('wage', 'location', '石岭 不对 是梅岗')).location).toBe('t05');
  });

  it('thinking it over, asking someone first, or a moment asked for is no answer (never an employer or a name)', () => {
    for (const t of ['我想想啊', '让我想一下', '等下我问问工友', '问问我老公再说']) {
      const p = read('wage', 'employer', t);
      expect(taken(p)).toEqual({});
      expect(p.intent).toBe('unclear');
    }
    const wait = read('membership', 'name', '稍等一下');
    expect(taken(wait)).toEqual({});
    expect(wait.intent).toBe('smalltalk');
    // guard: a correction that starts with 等一下 is still a correction.
    expect(read('wage', 'project', '等一下 上面那个说错了', { construction: true }).intent).toBe('correction');
  });

  it('the thing named, then not to be said (单位名字不好讲), is a refusal, not a unit', () => {
    for (const [flow, t] of [['membership', '单位名字不好讲'], ['membership', '厂名不方便说'], ['wage', '老板名字不便透露']] as const) {
      const p = read(flow, 'employer', t, flow === 'membership' ? { employment: 'employee' } : {});
      expect(taken(p)).toEqual({});
    }
  });

  it('coming about the pay inside another flow is a switch; legal aid turned down is not asked for', () => {
    const p = read('membership', 'employer', '我其实是来讨薪的', { employment: 'employee' });
    expect(p.intent).toBe('wage');
    expect(taken(p).employer).toBeUndefined();
    const q = read('legal', 'help', '我不约律师了 直接报欠薪');
    expect(q.intent).toBe('wage');
    expect(taken(q).matter).toBeUndefined();
    // guard: the matter of the booking said plainly stays the matter.
    expect(taken(read('legal', 'matter', '讨薪')).matter).toBe('wage');
  });

  it('a project said not to be known, or as 那个盘叫…, is no name with the words kept', () => {
    const known = { construction: true };
    expect(taken(read('wage', 'project', '晓不得 就是修学校', known)).project).toBeNull();
    expect(taken(read('wage', 'project', '项目名字记不住了 好像叫什么花园', known)).project).toBeNull();
    expect(taken(read('wage', 'project', '那个盘叫阳光水岸', known)).project).toBe('阳光水岸');
    // guard: a plain project name stays.
    expect(taken(read('wage', 'project', '青溪花园二期', known)).project).toBe('青溪花园二期');
  });

  it('the surname said first, then the whole name, is the whole name once', () => {
    expect(taken(read('wage', 'contactName', '韦 韦金凤')).contactName).toBe('韦金凤');
    expect(taken(read('membership', 'name', '欧阳 欧阳娜娜')).name).toBe('欧阳娜娜');
    // guard: a name typed with a space stays whole.
    expect(taken(read('wage', 'contactName', '王 芳')).contactName).toBe('王芳');
  });

  it('加一块 (together) before a figure is no 1 yuan; 工支 is 工资', () => {
    const p = read('wage', 'groupAmount', '加在一块有三万', { amount: { yuan: 5000, approx: false, upTo: null } });
    expect(taken(p).groupAmount).toEqual({ yuan: 30000, approx: false, upTo: null });
    const q = read('wage', 'groupAmount', '大家加一块二十万', { amount: { yuan: 5000, approx: false, upTo: null } });
    expect(taken(q).groupAmount).toEqual({ yuan: 200000, approx: false, upTo: null });
    expect(taken(q).amount).toBeUndefined();
    expect(read(null, null, '老板拖欠工支三个月了').intent).toBe('wage');
  });

  it('an employer answer: a unit with its boss by surname is the unit; the boss described, then named, is the name', () => {
    expect(taken(read('wage', 'employer', '我在天成鞋业做了三年 老板姓林')).employer).toBe('天成鞋业');
    expect(read('wage', 'employer', '我在天成鞋业做了三年 老板姓林').direct.employer).toBeUndefined();
    expect(taken(read('wage', 'employer', '东北那嘎达的老板 叫赵大军')).employer).toBe('赵大军');
    expect(taken(read('wage', 'employer', '就是镇上开砖厂的刘老三')).employer).toBe('刘老三');
    const addr = taken(read('wage', 'employer', '厂名不记得了 就在河西街道滨江路18号'));
    expect(addr.employer).toBeUndefined();
    // guard: a unit's boss keeps the unit; a person's crew stays whole.
    expect(taken(read('wage', 'employer', '宏达公司的老板')).employer).toBe('宏达公司');
    expect(taken(read('wage', 'employer', '老张的装修队')).employer).toBe('老张的装修队');
  });

  it('commands said in other words, or in two parts, and greetings or thanks in dialect, are what they are (never data)', () => {
    expect(read('wage', 'employer', '我不会弄 怎么用').intent).toBe('help');
    expect(taken(read('wage', 'employer', '我不会弄 怎么用'))).toEqual({});
    expect(read('wage', 'period', '退回主页面').intent).toBe('menu');
    expect(read(null, null, '有真人吗').intent).toBe('human');
    expect(read(null, null, '不想要你们存我的资料了 都删了').intent).toBe('forget');
    for (const t of ['有人在不', '大家好', '多谢晒']) expect(read(null, null, t).intent).toBe('smalltalk');
    expect(read('wage', 'confirm', '莫问题 就是这个', { location: 't05' }).intent).toBe('yes');
    // guard: 你们是真人吗 asks who answers (small talk), not for a person.
    expect(read(null, null, '你们是真人吗').intent).toBe('smalltalk');
  });

  it('a unit or a platform said where the person’s name is asked is never a name', () => {
    for (const t of ['顺丰快递', '宏达公司']) expect(taken(read('membership', 'name', t)).name).toBeUndefined();
    // guard: a given name that is also a word (建设) stays a name.
    expect(taken(read('membership', 'name', '王建设')).name).toBe('王建设');
  });

  it('how many: 自个儿, a hedge (好像), 俩 without 人; a count under 100 with no 块 or 元 is no money', () => {
    expect(taken(read('wage', 'headcount', '就俺自个儿')).headcount).toEqual({ count: 1, approximate: false });
    expect(taken(read('wage', 'headcount', '好像十个左右')).headcount).toEqual({ count: 10, approximate: true, about: true });
    const p = taken(read('wage', 'headcount', '还有我兄弟 一共俩'));
    expect(p.headcount).toEqual({ count: 2, approximate: false });
    expect(p.amount).toBeUndefined();
    expect(taken(read('wage', 'headcount', '总共3')).amount).toBeUndefined();
    // guard: a small sum with 块 is still money.
    expect(taken(read('wage', 'amount', '一共50块')).amount).toEqual({ yuan: 50, approx: false, upTo: null });
  });

  it('building railways, tunnels and dams is construction; 给吧 gives the ID number; months listed with 的 are the period', () => {
    expect(taken(read('wage', 'construction', '是修高铁的')).construction).toBe(true);
    expect(taken(read('wage', 'construction', '修隧道的')).construction).toBe(true);
    expect(taken(read('membership', 'idConsent', '给吧 没事', { consent: true })).idConsent).toBe(true);
    // guard: 不给 stays a no.
    expect(taken(read('membership', 'idConsent', '不给', { consent: true })).idConsent).toBe(false);
    expect(taken(read('wage', 'period', '十月份的和十一月份的')).period).toEqual({ start: '2026-10', end: '2026-11' });
  });

  it('a township: 那旮旯 after it is a place word; a space after it ends it (在柳溪 厂叫…, never 柳溪厂)', () => {
    expect(taken(read('wage', 'location', '东龙那旮旯')).location).toBe('t01');
    const p = taken(read(null, null, '我们厂欠工资两个月了 在柳溪 厂叫宏利五金'));
    expect(p.location).toBe('t06');
    expect(p.employer).toBe('宏利五金');
    // guard: a unit named after its place is still no place.
    expect(taken(read(null, null, '河西物业欠我工资')).location).toBeUndefined();
  });

  it('the work: 其他的 picks 其他; a platform with 跑单/接单 names the work and the platform', () => {
    const nf = { employment: 'new_form' };
    expect(taken(read('membership', 'occupation', '7 其他的', nf)).occupation).toBe('other');
    expect(taken(read('membership', 'occupation', '其他的', nf)).occupation).toBe('other');
    const p = taken(read('membership', 'employment', '在饿了么跑单'));
    expect(p.occupation).toBe('food_delivery');
    expect(p.platform).toBe('饿了么');
    expect(taken(read('membership', 'employment', '开车拉货 用货拉拉接单')).platform).toBe('货拉拉');
  });

  it('how people call someone (覃师傅), then the whole name with that surname, is the whole name', () => {
    expect(taken(read('legal', 'contactName', '我是覃师傅 覃国强')).contactName).toBe('覃国强');
    // guard: two different people are still asked about.
    expect(taken(read('legal', 'contactName', '王师傅 李国强')).contactName).toBeUndefined();
  });

  it('a consent run on into the facts (voice, no pause) is the consent and the facts; 同意吗 is not', () => {
    const p = read('wage', 'consent', '好嘞同意老板欠我三千五');
    expect(p.direct.consent).toBe(true);
    expect(taken(p).amount).toEqual({ yuan: 3500, approx: false, upTo: null });
    expect(taken(read('wage', 'consent', '同意之后会怎样')).consent).toBeUndefined();
    expect(taken(read('wage', 'consent', '同意吗')).consent).toBeUndefined();
  });

  it('the person’s own name beside the unit, at the unit’s question while joining: the unit, never the name as the unit', () => {
    const p = taken(read('membership', 'employer', '我叫黄丽 在天成鞋业', { employment: 'employee' }));
    expect(p.employer).toBe('天成鞋业');
    expect(p.name).toBe('黄丽');
    expect(taken(read('membership', 'employer', '我叫黄丽', { employment: 'employee' })).employer).toBeUndefined();
  });

  it('come about the pay, said at the employer question of the wage report itself, is no employer', () => {
    for (const t of ['我其实是来讨薪的', '我是来要工资的']) expect(taken(read('wage', 'employer', t)).employer).toBeUndefined();
    // guard: a unit with a name stays.
    expect(taken(read('wage', 'employer', '好再来饭店')).employer).toBe('好再来饭店');
  });

  // guard: `河西那个` is not read as the township itself (a fact said besides the question): at 「您想怎么咨询？」 it
  // means face to face near it, which that question proposes (test/legal-aid/aid-place-words-r28.test.ts); at the
  // place question the conversation proposes 「您是说「河西街道」吗？」 for a yes. A unit named after its place is no place.
  it('a township pointed at (河西那个) is never taken as said besides the question', () => {
    expect(taken(read('legal', 'place', '河西那个吧 近', { mode: 'in_person' })).place).toBeUndefined();
    expect(taken(read(null, null, '河西物业欠我工资')).location).toBeUndefined();
  });
});

