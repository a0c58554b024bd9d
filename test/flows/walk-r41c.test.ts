/*
 * A worker who does not read 「我理解的是：…。对吗？」 and types on (session 41c), as transcripts on real Redis:
 *  1. `新塘社区` (a community of 东龙镇) typed at 「干活的地方「东龙镇」。对吗？」: read only as the township said again (a
 *     slip for it), so the township was kept and the community lost without a word; the village question came back
 *     later. Now the township and the community are both kept, said so (as the village question would have taken it).
 *  2. `是王建国` at 「用人单位「王建军（包工头）」。对吗？」 got 「请回复「对」或「不对」」 while `王建国` alone was proposed in its
 *     place. Now the same: 「用人单位「王建国」。对吗？」 (never kept unasked).
 *  3. Joining the union, `李明` (the applicant's name, the question right after) at 「工作方式「单位职工」、工作单位「鑫源厂」、
 *     单位所在地「青溪区东龙镇」。对吗？」 was proposed as 工作单位「李明」, and a `对` (typed for the name, unread) kept it.
 *     Now it is the name, as at 「职业「外卖配送员」。对吗？」 it was; what waited is asked at its turn.
 *  4. `美团` at 「工作方式「新就业形态劳动者」、职业「外卖配送员」。对吗？」 was proposed as 姓名「美团」 (the question after them).
 *     Now the platform, one of the options the values waiting bring in, is confirmed with them.
 *  5. The phone typed again at 「联系人「李明」、手机号「13812345678」。对吗？」 got the same confirmation again, while the name
 *     typed again kept the name and asked about the phone alone. Now the phone is kept the same way, the name asked alone.
 *  6. `新塘社区` at 「用人单位「王建军」。对吗？」 once `东龙镇` typed there was held for its question: 「请回复「对」或「不对」」, the
 *     village not taken (lost the third time). Now held with its township, said so, and both confirmed at their question.
 *  7. `王建军` (the boss, the answer to the question asked) at 「干活的地方「东龙镇」。对吗？」, raised at the employer question by
 *     `东龙镇` typed there: 「请回复「对」或「不对」」 twice, then the township dropped, the name never taken. Now the name is
 *     taken as at the employer question (which kind asked), and the township confirmed in its turn.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import type { WageAnswers } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const answers = async (user: string) => (await load(user)).answers as WageAnswers;
const someone = (tag: string) => `web:r41c-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const EMPLOYER_ASK = /欠您工资的单位叫什么名字？/;
const VILLAGE_ASK = /的哪个村或社区？/;

describe('1. the village typed at the confirmation of its township', () => {
  it.each(['新塘社区', '新塘社区。'])('%s at 「干活的地方「东龙镇」。对吗？」: both kept, said so; the village never asked again', async (said) => {
    const user = someone('village');
    await converse(t.chat, user)
      .sendAll('王建军欠我工资', '同意')
      .expect(EMPLOYER_ASK)
      .send('东龙镇')
      .expect(/干活的地方「东龙镇」。对吗？/)
      .send(said)
      .expect(/干活的地方「东龙镇」、村或社区「新塘社区」记下了/)
      .expect(EMPLOYER_ASK);
    expect((await answers(user)).community?.community).toBe('新塘社区');
    await converse(t.chat, user).send('好再来饭店').expectNot(VILLAGE_ASK).expect(/工程建设项目吗？/);
  });

  // guard: it was so before; a slip for the township itself stays the township alone.
  it('guard: `和西街道` at 「干活的地方「河西街道」。对吗？」 is the township, no village taken', async () => {
    const user = someone('slip');
    await converse(t.chat, user)
      .sendAll('王建军欠我工资', '同意')
      .send('河西街道')
      .expect(/干活的地方「河西街道」。对吗？/)
      .send('和西街道')
      .expect(/干活的地方「河西街道」记下了/)
      .expectNot(/村或社区「/);
    expect((await answers(user)).community).toBeUndefined();
  });
});

describe('2. the right one said with a 是 before it at a confirmation', () => {
  it.each(['是王建国', '就是王建国'])('%s at 「用人单位「王建军（包工头）」。对吗？」: proposed in its place, as `王建国` alone is', async (said) => {
    const user = someone('shi');
    await converse(t.chat, user)
      .sendAll('包工头王建军欠我工资', '同意')
      .expect(/用人单位「王建军（包工头）」。对吗？/)
      .send(said)
      .expect(/用人单位「王建国」。对吗？/)
      .expectNot(/请回复「对」或「不对」/);
    expect((await answers(user)).employer).toBeUndefined();
    // As after `王建国` alone: kept on the yes, and which kind of employer he is asked.
    await converse(t.chat, user).send('对').expect(/「王建国」是哪一种？/);
    expect((await answers(user)).employer).toBe('王建国');
  });

  // guard: a yes with 是 is a yes.
  it.each(['是的', '是'])('guard: %s is the yes', async (said) => {
    const user = someone('yes');
    await converse(t.chat, user).sendAll('包工头王建军欠我工资', '同意').send(said).expect(/您在哪个镇或街道干活？/);
    expect((await answers(user)).employer).toBeDefined();
  });
});

const JOIN = ['同意', '同意', '1'];
const someAnswers = async (user: string) => (await load(user)).answers as Record<string, unknown>;

describe('3. joining: the applicant\'s name typed at the confirmation of the work', () => {
  it('李明 at 「…工作单位「鑫源厂」…对吗？」: the name (never the unit), the work asked in its turn', async () => {
    const user = someone('join-name');
    await converse(t.chat, user)
      .sendAll('我在东龙镇的鑫源厂上班 想入工会', ...JOIN)
      .expect(/工作单位「鑫源厂」.*对吗？/)
      .send('李明')
      .expectNot(/工作单位「李明」/)
      .expect(/身份证号码/);
    const a = await someAnswers(user);
    expect(a.name).toBe('李明');
    expect(a.employer).toBeUndefined();
    await converse(t.chat, user).send('11010519491231002X').send('13812345678').expect(/工作单位「鑫源厂」.*对吗？/);
  });

  // guard: a unit's name there is still proposed in its place.
  it('guard: 鑫源电子厂 at 「…工作单位「鑫源厂」…对吗？」 is proposed as the unit', async () => {
    const user = someone('join-unit');
    await converse(t.chat, user)
      .sendAll('我在东龙镇的鑫源厂上班 想入工会', ...JOIN)
      .send('鑫源电子厂')
      .expect(/工作单位「鑫源电子厂」。对吗？/);
  });
});

describe('4. joining: the platform typed at the confirmation of the work', () => {
  it.each(['美团', '饿了么'])('%s at 「…职业「外卖配送员」。对吗？」: confirmed with them, never as the name', async (said) => {
    const user = someone('join-platform');
    await converse(t.chat, user)
      .sendAll('我是送外卖的 想入工会', ...JOIN)
      .expect(/职业「外卖配送员」。对吗？/)
      .send(said)
      .expect(new RegExp(`职业「外卖配送员」、接单平台「${said}」。对吗？`))
      .expectNot(/姓名「/)
      .send('对')
      .expect(/请输入您的姓名/);
    const a = await someAnswers(user);
    expect(a.platform).toBe(said);
    expect(a.name).toBeUndefined();
  });
});

const TO_CONTACT = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有'];

describe('5. the phone said again at the confirmation of the contact', () => {
  it('13812345678 at 「联系人「李明」、手机号「13812345678」。对吗？」: the phone kept, the name asked alone', async () => {
    const user = someone('phone');
    await converse(t.chat, user)
      .sendAll(...TO_CONTACT)
      .expect(/怎么称呼您？/)
      .send('我叫李明 电话13812345678')
      .expect(/联系人「李明」、手机号「13812345678」。对吗？/)
      .send('13812345678')
      .expect(/手机号记下了/)
      .expect(/联系人「李明」。对吗？/)
      .expectNot(/手机号「/);
    expect((await answers(user)).phone).toBe('13812345678');
    expect((await answers(user)).contactName).toBeUndefined();
    await converse(t.chat, user).send('对').expect(/请核对您要反映的欠薪情况/);
  });

  // guard: it was so before; the name again keeps the name.
  it('guard: 李明 there keeps the name, the phone asked alone', async () => {
    const user = someone('name');
    await converse(t.chat, user)
      .sendAll(...TO_CONTACT, '我叫李明 电话13812345678')
      .send('李明')
      .expect(/手机号「13812345678」。对吗？/);
    expect((await answers(user)).contactName).toBe('李明');
  });
});

describe('6. the village typed at a confirmation after its township was held there', () => {
  it('东龙镇 then 新塘社区 at 「用人单位「王建军」。对吗？」: both held, confirmed together at their question', async () => {
    const user = someone('held-village');
    await converse(t.chat, user)
      .sendAll('老板王建军欠我工资', '同意')
      .expect(/用人单位「王建军」。对吗？/)
      .send('东龙镇')
      .expect(/干活的地方「东龙镇」）等问到时再跟您核对/)
      .send('新塘社区')
      .expect(/村或社区「新塘社区」）等问到时再跟您核对/)
      .expect(/用人单位「王建军」。对吗？/)
      .expectNot(/请回复「对」或「不对」/);
    expect((await answers(user)).community).toBeUndefined();
    await converse(t.chat, user).send('对').expect(/是哪一种？/).send('1').expect(/干活的地方「东龙镇」、村或社区「新塘社区」。对吗？/).send('对').expect(/工程建设项目吗？/);
    expect((await answers(user)).community?.community).toBe('新塘社区');
  });
});

describe('7. the boss named at the confirmation of a township typed at the employer question', () => {
  it('王建军 at 「干活的地方「东龙镇」。对吗？」: the employer, as at its question; the township confirmed in its turn', async () => {
    const user = someone('boss');
    await converse(t.chat, user)
      .sendAll('王建军欠我工资', '同意')
      .expect(EMPLOYER_ASK)
      .send('东龙镇')
      .expect(/干活的地方「东龙镇」。对吗？/)
      .send('王建军')
      .expect(/「王建军」是哪一种？/)
      .expectNot(/请回复「对」或「不对」/);
    expect((await answers(user)).employer).toBe('王建军');
    expect((await answers(user)).location).toBeUndefined();
    await converse(t.chat, user).send('1').expect(/干活的地方「东龙镇」。对吗？/).send('对').expect(VILLAGE_ASK);
  });

  // guard: it was so before; a reaction there is no boss's name.
  it('guard: 天气不错 there is no employer', async () => {
    const user = someone('no-boss');
    await converse(t.chat, user).sendAll('王建军欠我工资', '同意', '东龙镇').send('天气不错').expectNot(/是哪一种？/);
    expect((await answers(user)).employer).toBeUndefined();
  });
});
