/*
 * Misreadings found walking the web chat as a worker would (session 40), as transcripts on real Redis:
 *  1. `龙岗的一个电子厂`, `在深圳龙岗一家饭店上班` at 「欠您工资的单位叫什么名字？」: a place, then 一个/一家 and a kind of
 *     workplace — no name. The words were **stored whole as the employer, unasked** (the next question came); now which
 *     one is asked, as for `在一个电子厂上班`. In a first message (`我在深圳龙岗一个电子厂上班 …`) the words were proposed
 *     as the unit's name; now the unit is asked for at its question. Joining the union, at 「您在哪家单位工作？」, the words
 *     were stored as the unit too (`一个鞋厂`, `东龙镇的一个鞋厂` were asked already).
 *  2. A month's wage and the months owed said together at the amount question (`每月四千五 欠了三个月的`, `三个月工资
 *     每个月3000多`) with two months on record: the wage alone was taken times the two months on record (9,000 / 约6,000),
 *     proposed beside a change of the period to three months — a sum that fits neither. Now read as `一个月4500 三个月`
 *     is: more months than the period has said not to fit, and asked again; fewer (`欠了一个月`) are what is owed.
 *  3. Unpaid wages told as a story with no word for money, as a first message: `我在饭店干了两个月 只给了一千 还差七千`
 *     (part paid, the rest owed) and `老板说先给一半 剩下的年底给` (the rest put off) got 「抱歉，我没太明白」 and the
 *     menu; now the wage report's consent, and what is still owed (7,000) proposed after it.
 *  4. Others owed named by their work at the headcount question (`还有两个服务员`, `还有三个小工也没拿到`): 「请说一个大概的
 *     数字」, though a figure was said; now counted with the person (3, 4), confirmed, as `还有两个人` is (`还有两个月`
 *     is still no count).
 *  5. At 「您现在还在这家单位干吗？」: `月底就走`, `过几天就不干了` (still there, leaving soon) and `被他们赶出来了` (sent
 *     away: gone) got 「请回复1（还在干）或2（已经离开）」; now read (the first still there, the last gone, confirmed).
 *  6. `不知道地址 就在新华路上` at the unit's address: the known part was dropped with the 不知道 (the question skipped, the
 *     address left empty); now that part is proposed, for a yes.
 *  7. At the employer question: `老板娘叫张丽` was **stored as 「娘叫张丽」, unasked** (老板 taken as the frame before 娘);
 *     `老板娘管钱 她叫张丽` proposed 「娘管钱」; `在美团上接单的` proposed 「美团上接单」; `好像叫什么鑫什么的` got
 *     「这个问题我还答不上来」 (read as a question). Now 张丽 (asked which she is), 张丽 proposed, the platform noted, and
 *     the employer-not-known help.
 *  8. First messages: `我在老乡开的装修队干 欠了两万` proposed the kind 「装修队」 as the unit (now asked for at its
 *     question); `包工头老张带我们在幸福小区干了半年 一分没给` dropped the foreman named (now 老张 proposed with the rest).
 *  9. `我是东龙镇新塘村的 在村里的砖厂干活 欠钱`: 「村的在村里的砖厂」 was proposed as the unit; a kind of workplace said
 *     by where it is (村里的砖厂, 镇上的饭店) names none (a person's or a unit's, 老张的砖厂, 宏达的砖厂, still do).
 * 10. At the evidence question, `工资条在老板那` and `有个欠条 但是找不到了` got 「工作人员联系您时会跟您要」 — staff would
 *     ask the person for what the boss holds, or what is lost. Now each is said as it is (noted for staff all the same).
 * 11. At 「您在哪个镇或街道干活？」: `就在镇上`, `这边` got 「没找到「就在镇上」」 (read as a name not found); `不在你们这 在深圳`
 *     got 「没找到「不在你们这 在深圳」」. Now which one is asked, and the place outside the area is answered as `在深圳` is.
 * 12. `我们宿舍八个人 都被欠了三个月 每人五六千` as a first message: the eight dropped (only the months and the sum
 *     proposed); a dormitory's people, the next clause saying all are owed, are the count, as a crew's are.
 * 13. `我在一家物流公司 叫顺达物流 三个月没发工资了 一个月六千`: 「顺达物流三个月没发工资了一个月六千」 was proposed as the
 *     unit (the words after 叫 run together to the end); the name ends where the wrong is told (三个月, 欠, 没发, 工资).
 * 14. `单位是青溪纺织 我在车间 八月到现在没发`: 「青溪纺织我在车间八月到现在没发」 was proposed (a run-on cut only where no
 *     unit word followed: 车间); `在宏达干 宏达建筑 老板姓刘 欠了八千` proposed 「刘老板」, the unit said on its own dropped.
 * 15. `我弟弟在工地被欠了两万`, `我弟在工地被欠了两万 我帮他问` as first messages: the report went on as the person's own
 *     (「欠您工资的单位…」, the brother's 20,000 proposed as theirs); now whose wages it is, is asked first.
 * 16. Reporting for a brother, `在宏达干 宏达建筑 老板姓刘` at 「被欠工资的人叫什么名字？」 proposed 「被欠工资的人「在宏达干」」
 *     (在 read as a surname); where someone works is never a name: the unit alone is proposed.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import type { WageAnswers } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { consented, person } from '../membership/support.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const answers = async (user: string) => (await load(user)).answers as WageAnswers;
const someone = (tag: string) => `web:r40-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const EMPLOYER_ASK = /欠您工资的单位叫什么名字？/;
const PLACE_ASK = /您在哪个镇或街道干活？/;

describe('1. a place, then 一个/一家 and a kind of workplace: which one is asked', () => {
  it.each([
    ['龙岗的一个电子厂', /是哪个电子厂呢？/],
    ['在深圳龙岗一家饭店上班', /是哪个饭店呢？/],
    ['深圳那边的一个厂', /是哪个厂呢？/],
    ['富士康的一个厂', /是哪个厂呢？/],
  ])('%s at the employer question: asked which, nothing stored', async (said, which) => {
    const user = someone('kind');
    await converse(t.chat, user).sendAll('老板欠我工资', '同意').expect(EMPLOYER_ASK).send(said).expect(which).expectNot(PLACE_ASK);
    expect((await answers(user)).employer).toBeUndefined();
    // The name typed next is the employer.
    await converse(t.chat, user).send('鑫源电子厂').expect(PLACE_ASK);
    expect((await answers(user)).employer).toBe('鑫源电子厂');
  });

  // guard: a unit named after its township is the unit (proposed with the place).
  it('guard: 东龙镇宏达电子厂 is still the unit and the place', async () => {
    const user = someone('named');
    await converse(t.chat, user).sendAll('老板欠我工资', '同意').send('东龙镇宏达电子厂').expect(/用人单位「宏达电子厂」、干活的地方「东龙镇」。对吗？/).send('对');
    expect((await answers(user)).employer).toBe('宏达电子厂');
  });

  it('in a first message: never the words proposed as the unit; the unit asked for at its question', async () => {
    const user = someone('first');
    await converse(t.chat, user)
      .send('我在深圳龙岗一个电子厂上班 老板欠了两个月工资 一共一万二')
      .send('同意')
      .expect(/拖欠金额「12,000元」/)
      .expectNot(/用人单位/)
      .send('对')
      .expect(EMPLOYER_ASK);
    expect((await answers(user)).employer).toBeUndefined();
  });
});

describe('1. joining the union: a place, then 一个/一家 and a kind, at 「您在哪家单位工作？」', () => {
  it.each(['龙岗的一个电子厂', '在深圳龙岗一家饭店'])('%s: its name asked, the words never kept as the unit', async (said) => {
    const user = someone('join');
    const p = person(3, '孙大海');
    await consented(t.chat, user)
      .sendAll(p.name, p.id, p.phone)
      .expect(/您现在是怎么工作的？/)
      .send('1')
      .expect(/您在哪家单位工作？/)
      .send(said)
      .expect(/名字/)
      .expectNot(/我理解的是|在哪个镇或街道/);
    expect(((await load(user)).answers as { employer?: string }).employer).toBeUndefined();
  });

  // guard: a unit named before 一个 (`宏达建筑一个工地`) is not taken for a place.
  it('guard: 宏达建筑 before 一个工地 stays a name', async () => {
    const user = someone('join-unit');
    const p = person(4, '孙大海');
    await consented(t.chat, user).sendAll(p.name, p.id, p.phone).send('1').expect(/您在哪家单位工作？/).send('宏达建筑一个工地').expectNot(/光说/);
  });
});

describe('2. a month\'s wage and the months owed, said together at the amount question', () => {
  /** Two months on record (September and October), at the amount question. */
  const atAmount = (user: string) =>
    converse(t.chat, user)
      .sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到10月')
      .expect(/被拖欠了多少钱/);

  it.each([
    ['每月四千五 欠了三个月的', '9,000元'],
    ['三个月工资 每个月3000多', '6,000元'],
  ])('%s with two months on record: said not to fit, asked again (never the wage times the two months)', async (said, atKnown) => {
    const user = someone('rate');
    await atAmount(user).send(said).expect(/这里说的是3个月，对不上/).expect(new RegExp(`按2个月算是${atKnown}`)).expectNot(/我理解的是|您是要改成/);
    expect((await answers(user)).amount).toBeUndefined();
  });

  // guard: fewer months than on record are what is owed (so it was read before too, by another way).
  it('guard: 每月四千五 欠了一个月: the one month owed, worked out and confirmed', async () => {
    const user = someone('rate-one');
    await atAmount(user).send('每月四千五 欠了一个月').expect(/1个月.*一共(?:按)?4,500元/).expect(/这里按您说的1个月算/).expect(/我理解的是：拖欠金额「4,500元」/).send('对');
    expect((await answers(user)).amount?.yuan).toBe(4500);
  });

  // guard: a month's wage alone is times the months on record, as before.
  it('guard: 一个月4500 alone is times the two months on record', async () => {
    const user = someone('rate-alone');
    await atAmount(user).send('一个月4500').expect(/按每月4,500元、2个月算，一共9,000元/);
  });
});

describe('3. pay held back told as a story, with no word for money, at the menu', () => {
  it('我在饭店干了两个月 只给了一千 还差七千: the wage report, with what is still owed proposed', async () => {
    const user = someone('story');
    await converse(t.chat, user).send('我在饭店干了两个月 只给了一千 还差七千').expect(/反映欠薪前/).expectNot(/没太明白/).send('同意').expect(/我理解的是：拖欠金额「7,000元」/);
  });

  it('老板说先给一半 剩下的年底给 一共一万二: the wage report (the sum never taken as what is owed)', async () => {
    const user = someone('story-rest');
    await converse(t.chat, user).send('老板说先给一半 剩下的年底给 一共一万二').expect(/反映欠薪前/).expectNot(/没太明白/).send('同意').expectNot(/12,000/);
    expect((await answers(user)).amount).toBeUndefined();
  });
});

describe('4. others owed named by their work, at the headcount question', () => {
  const atHeadcount = (user: string) =>
    converse(t.chat, user).sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到10月', '8000').expect(/一共有多少人被拖欠/);

  it.each([
    ['还有两个服务员', 3],
    ['还有三个小工也没拿到', 4],
  ])('%s: counted with the person (%i), confirmed', async (said, n) => {
    const user = someone('head');
    await atHeadcount(user).send(said).expect(new RegExp(`连您自己算上，一共${n}人`)).expect(new RegExp(`被拖欠人数「${n}人」。对吗？`)).send('对');
    expect((await answers(user)).headcount?.count).toBe(n);
  });

  // guard: a time is never a count of people.
  it('guard: 还有两个月 is no count', async () => {
    const user = someone('head-time');
    await atHeadcount(user).send('还有两个月').expect(/不是人数/);
    expect((await answers(user)).headcount).toBeUndefined();
  });
});

describe('5. still there or gone, in a worker\'s words', () => {
  const atStill = (user: string) =>
    converse(t.chat, user).sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到10月', '8000', '就我一个').expect(/您现在还在这家单位干吗？/);

  it.each(['月底就走', '过几天就不干了'])('%s: still there (leaving soon is no leaving yet)', async (said) => {
    const user = someone('still');
    await atStill(user).send(said).expectNot(/请回复1（还在干）或2（已经离开）/);
    const a = await answers(user);
    if (a.stillEmployed === undefined) await converse(t.chat, user).send('对');
    expect((await answers(user)).stillEmployed).toBe(true);
  });

  it('被他们赶出来了: gone, confirmed, then when asked', async () => {
    const user = someone('gone');
    await atStill(user).send('被他们赶出来了').expect(/是否还在职「已经离开」。对吗？/).send('对').expect(/什么时候离开的/);
    expect((await answers(user)).stillEmployed).toBe(false);
  });
});

describe('6. not knowing the whole, then the part known', () => {
  const atAddress = (user: string) =>
    converse(t.chat, user).sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到10月', '8000', '就我一个', '还在干').expect(/单位的地址在哪里？/);

  it.each([
    ['不知道地址 就在新华路上', '新华路上'],
    ['不知道 好像在工业园那边', '工业园那边'],
  ])('%s at the address question: 「%s」 proposed', async (said, part) => {
    const user = someone('addr');
    await atAddress(user).send(said).expect(new RegExp(`我理解的是：单位地址「${part}」。对吗？`)).send('对').expect(/工种/);
    expect((await answers(user)).employerAddress).toBe(part);
  });

  // guard: 不知道 alone still leaves it empty and goes on.
  it('guard: 不知道 alone: the next question, the address empty', async () => {
    const user = someone('addr-none');
    await atAddress(user).send('不知道').expect(/工种/);
    expect((await answers(user)).employerAddress ?? null).toBeNull();
  });
});

describe('7. the employer in a worker\'s words', () => {
  const atEmployer = (user: string) => converse(t.chat, user).sendAll('老板欠我工资', '同意').expect(EMPLOYER_ASK);

  it('老板娘叫张丽: never 「娘叫张丽」 stored; 张丽 is the one named', async () => {
    const user = someone('laobanniang');
    await atEmployer(user).send('老板娘叫张丽').expect(/张丽/).expectNot(/娘叫/);
    expect((await answers(user)).employer ?? null).not.toBe('娘叫张丽');
  });

  it('老板娘管钱 她叫张丽: 张丽 proposed (never 「娘管钱」 or 「管钱」)', async () => {
    const user = someone('guanqian');
    await atEmployer(user).send('老板娘管钱 她叫张丽').expect(/我理解的是：用人单位「张丽」。对吗？/).expectNot(/管钱」/);
  });

  it('老板娘管钱 alone: no name, asked again', async () => {
    const user = someone('guanqian-alone');
    await atEmployer(user).send('老板娘管钱').expect(/还不是单位或老板的名字/).expectNot(PLACE_ASK);
    expect((await answers(user)).employer).toBeUndefined();
  });

  it('在美团上接单的: the platform noted, never 「美团上接单」', async () => {
    const user = someone('meituan');
    await atEmployer(user).send('在美团上接单的').expect(/先记下这个平台/).expectNot(/上接单」/);
  });

  it('好像叫什么鑫什么的: not knowing it all, what will do is said (never 「答不上来」)', async () => {
    const user = someone('xin');
    await atEmployer(user).send('好像叫什么鑫什么的').expect(/不知道全称也没关系/).expectNot(/答不上来/);
    expect((await answers(user)).employer).toBeUndefined();
  });
});

describe('8. first messages: a crew\'s kind, a foreman who brought them', () => {
  it('我在老乡开的装修队干 欠了两万: 「装修队」 never proposed as the unit', async () => {
    const user = someone('crew');
    await converse(t.chat, user).send('我在老乡开的装修队干 欠了两万').send('同意').expect(/拖欠金额「20,000元」/).expectNot(/用人单位「装修队」/);
  });

  it('包工头老张带我们在幸福小区干了半年 一分没给: 老张 proposed with the months', async () => {
    const user = someone('foreman-brought');
    await converse(t.chat, user).send('包工头老张带我们在幸福小区干了半年 一分没给').send('同意').expect(/用人单位「老张」/).send('对');
    expect((await answers(user)).employer).toBe('老张');
  });
});

describe('9. a kind of workplace said by where it is', () => {
  it('我是东龙镇新塘村的 在村里的砖厂干活 欠钱: no unit proposed; asked for at its question', async () => {
    const user = someone('village');
    await converse(t.chat, user).send('我是东龙镇新塘村的 在村里的砖厂干活 欠钱').expect(/同意吗/).send('1').expect(/我理解的是：/).expectNot(/用人单位「/).send('对').expect(EMPLOYER_ASK);
    expect((await answers(user)).employer).toBeUndefined();
  });

  // guard: a unit's or a person's works before 的 still names it.
  it.each(['宏达的砖厂欠我钱', '老张的砖厂欠我钱'])('guard: %s proposes the unit', async (said) => {
    const user = someone('owned');
    await converse(t.chat, user).send(said).send('同意').expect(new RegExp(`用人单位「${said.replace('欠我钱', '')}」`));
  });
});

describe('10. evidence the person does not hold', () => {
  const atEvidence = (user: string) =>
    converse(t.chat, user).sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到10月', '8000', '就我一个', '还在干', '都跳过').expect(/证据/);

  it.each([
    ['工资条在老板那', /材料在单位那边也没关系/],
    ['有个欠条 但是找不到了', /找不到也没关系/],
  ])('%s: said as it is, never 「会跟您要」', async (said, reply) => {
    const user = someone('evidence');
    await atEvidence(user).send(said).expect(reply).expectNot(/会跟您要/).expect(/怎么称呼您/);
    expect((await answers(user)).evidenceHeld).toBe(said);
  });
});

describe('11. where, said vaguely or outside the area', () => {
  const atPlace = (user: string) => converse(t.chat, user).sendAll('老板欠我工资', '同意', '好再来饭店').expect(PLACE_ASK);

  it.each(['就在镇上', '这边'])('%s: which one asked (never 「没找到」)', async (said) => {
    const user = someone('vague');
    await atPlace(user).send(said).expect(/是哪个镇或街道呢？/).expectNot(/没找到/);
  });

  it('不在你们这 在深圳: answered as 在深圳 is', async () => {
    const user = someone('away');
    await atPlace(user).send('不在你们这 在深圳').expect(/深圳不在我们的服务范围/).expectNot(/没找到/);
  });
});

describe('12. a dormitory\'s people, all owed', () => {
  it('我们宿舍八个人 都被欠了三个月 每人五六千: 8 people proposed with the rest', async () => {
    const user = someone('dorm');
    await converse(t.chat, user).send('我们宿舍八个人 都被欠了三个月 每人五六千').send('同意').expect(/被拖欠人数「8人」/).send('对');
    expect((await answers(user)).headcount?.count).toBe(8);
  });

  // guard: the dormitory's size with only the person owed is no count of the owed.
  it('guard: 我们宿舍八个人 就我被欠了: no count of 8', async () => {
    const user = someone('dorm-me');
    await converse(t.chat, user).send('我们宿舍八个人 就我被欠了').send('同意').expectNot(/被拖欠人数「8人」/);
  });
});

describe('13. a unit named with 叫, the wrong told after it', () => {
  it('我在一家物流公司 叫顺达物流 三个月没发工资了 一个月六千: 顺达物流 proposed', async () => {
    const user = someone('shunda');
    await converse(t.chat, user).send('我在一家物流公司 叫顺达物流 三个月没发工资了 一个月六千').send('同意').expect(/用人单位「顺达物流」/).expectNot(/顺达物流三个月/);
  });
});

describe('14. the unit, not the words after it, nor a boss made from a surname', () => {
  it.each([
    ['单位是青溪纺织 我在车间 八月到现在没发', '青溪纺织'],
    ['在宏达干 宏达建筑 老板姓刘 欠了八千', '宏达建筑'],
  ])('%s: 「%s」 proposed', async (said, unit) => {
    const user = someone('unit');
    await converse(t.chat, user).send(said).send('同意').expect(new RegExp(`用人单位「${unit}」`));
  });
});

describe('15. a relative owed where they work', () => {
  it.each(['我弟弟在工地被欠了两万', '我弟在工地被欠了两万 我帮他问'])('%s: whose wages asked first', async (said) => {
    const user = someone('brother');
    await converse(t.chat, user).send(said).expect(/被欠工资的是您本人，还是您替弟弟反映？/);
  });

  // guard: owed together with the relative is the person's own report.
  it('guard: 我和我弟在工地被欠了两万: the person\'s own report', async () => {
    const user = someone('brother-both');
    await converse(t.chat, user).send('我和我弟在工地被欠了两万').expectNot(/还是您替弟弟反映/).expect(/同意吗/);
  });
});

describe('16. where someone works is never a name', () => {
  it('在宏达干 宏达建筑 老板姓刘 at the name of the one owed: never 「在宏达干」 as the name', async () => {
    const user = someone('zai');
    await converse(t.chat, user)
      .sendAll('我弟在工地被欠了两万 我帮他问', '2', '同意', '对')
      .expect(/被欠工资的人叫什么名字？/)
      .send('在宏达干 宏达建筑 老板姓刘')
      .expectNot(/在宏达干」/);
    expect((await answers(user)).workerName).toBeUndefined();
  });
});
