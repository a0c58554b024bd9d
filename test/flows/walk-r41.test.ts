/*
 * Misreadings found walking the web chat as a worker would (session 41), as transcripts on real Redis:
 *  1. A foreman named with his surname first (`包工头姓王 叫王建军`) or the role after (`王建军 他是包工头`) at the
 *     employer question: the first was proposed as the unit 「王建军」 and then 「「王建军」是哪一种？」 asked (单位 or 个人),
 *     though the person had said he is a 包工头; the second asked that question at once. Now both are read as
 *     `包工头王建军` is: the foreman kept, and whom he works for asked. At another question (the confirmation of the
 *     building work read from the first message), a foreman named alone was proposed as the unit 「王建军」 too; now
 *     as the foreman who owes, 「王建军（包工头）」 (no 哪一种 asked after the yes).
 *  2. A building site said once the one who owes is named (`就在新塘村那个安置房工地` at the village question): a change
 *     of the unit to 「安置房工地」 was proposed, the foreman named before to be dropped; now the site is the project
 *     (工程建设项目「是」、项目名称「安置房」 proposed), the unit kept.
 *  3. `老板姓李 饭店叫李记饭庄` at the employer question proposed 「饭店叫李记饭庄」 (the unit's clause kept with its frame, as
 *     `饭店叫李记饭庄` alone never was); now 李记饭庄.
 *  4. `想入` to 「要现在申请入会吗？」 (offered after `我是送外卖的 能入工会吗`), and `想`, `想的` there, got 「抱歉，我没太明白」
 *     and the menu; `想入` at the menu too. Now joining starts (its consent first), as `好的`, `要入会` did.
 *  5. `一万二 扣了社保还剩一万出头` at the amount question: **12,000 stored unasked**, though another sum (about 10,000, what
 *     was left after a deduction) was said beside it and either may be what is owed. Now the sum read is confirmed.
 *  6. After the report is sent, `名字错了 我叫王小芳` and `人数不对 是三个人` got 「抱歉，我没太明白」 and the menu, though
 *     `金额写错了 应该是8000` was offered to the case worker as a correction; now these are offered the same way.
 *  7. `我想催一下` after the report got 「没太明白」 and the menu (`催一下`, `帮我催一下` were heard); now heard the same way.
 *  8. Evidence said to be with the boss or lost was shown on the summary as 「证据材料：手上有：有考勤表 但是在老板那」
 *     (and to staff as 「手上有但没发来的证据」): now as said, never 「手上有」.
 *  9. `能不能不写手机号` at the summary got 「这个问题我还答不上来」 and the summary again (at the phone question it was
 *     answered); now why the phone is needed and who sees it. `入会一定要写真名吗` got the wage report's answer and
 *     the offer to report wages; now joining's.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import type { WageAnswers } from '../../flows/wage.js';
import { chatOnClock } from '../support/clocked.js';
import { converse, reportSubmitted } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const answers = async (user: string) => (await load(user)).answers as WageAnswers;
const someone = (tag: string) => `web:r41-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const EMPLOYER_ASK = /欠您工资的单位叫什么名字？/;
const PLACE_ASK = /您在哪个镇或街道干活？/;
const KIND_ASK = /是哪一种？/;
const WHOM_FOR = /包工头是「王建军」，记下了。他是带您给哪家公司、哪个工地干活的？/;

describe('1. a foreman named with his surname first, or the role after his name', () => {
  it.each(['包工头姓王 叫王建军', '包工头姓王，王建军', '工头姓王 他叫王建军', '王建军 他是包工头', '王建军就是包工头'])(
    '%s at the employer question: the foreman kept, whom he works for asked (never 哪一种)',
    async (said) => {
      const user = someone('foreman');
      await converse(t.chat, user).sendAll('老板欠我工资', '同意').expect(EMPLOYER_ASK).send(said).expect(WHOM_FOR).expectNot(KIND_ASK);
      expect((await answers(user)).labourContractor).toBe('王建军');
      expect((await answers(user)).employer).toBeUndefined();
      // The unit he works for, typed next, is the employer; he stays its 包工头.
      await converse(t.chat, user).send('宏达建筑').expect(PLACE_ASK);
      expect((await answers(user)).employer).toBe('宏达建筑');
      expect((await answers(user)).labourContractor).toBe('王建军');
    },
  );

  // guard: it was so before; the longer pattern must not make it a foreman.
  it('guard: a surname that does not begin the name said (`包工头姓王 叫李强`) is no foreman read: confirmed, never kept unasked', async () => {
    const user = someone('mismatch');
    await converse(t.chat, user).sendAll('老板欠我工资', '同意').send('包工头姓王 叫李强').expect(/对吗？/).expectNot(/包工头是「/);
    expect((await answers(user)).labourContractor).toBeUndefined();
    expect((await answers(user)).employer).toBeUndefined();
  });

  it.each(['包工头叫王建军', '包工头姓王 叫王建军'])('%s at the confirmation of building work: proposed as the foreman who owes, no 哪一种 after', async (said) => {
    const user = someone('at-confirm');
    await converse(t.chat, user)
      .sendAll('我在工地干活 包工头欠了我们工钱', '同意')
      .expect(/工程建设项目「是」。对吗？/)
      .send(said)
      .expect(/用人单位「王建军（包工头）」。对吗？/)
      .send('对')
      .expect(PLACE_ASK)
      .expectNot(KIND_ASK);
    expect((await answers(user)).employer).toBe('王建军（包工头）');
  });

  // guard: named alone at the employer question, the foreman is kept and whom he works for asked, as before.
  it('guard: 包工头王建军 at the employer question, then 不知道: the foreman proposed as the one who owes', async () => {
    const user = someone('alone');
    await converse(t.chat, user).sendAll('我在工地干活 包工头欠了我们工钱', '同意', '对').expect(EMPLOYER_ASK).send('包工头王建军').expect(WHOM_FOR).send('不知道').expect(/用人单位「王建军（包工头）」。对吗？/);
  });
});

describe('2. a building site said once the one who owes is named: the project, never another unit', () => {
  it('就在新塘社区那个安置房工地 at the village question: the village and the project proposed, the unit kept', async () => {
    const user = someone('site');
    await converse(t.chat, user)
      .sendAll('我在工地干活 包工头欠了我们工钱', '同意', '包工头姓王 叫王建军', '对')
      .expect(PLACE_ASK)
      .send('东龙镇')
      .expect(/东龙镇的哪个村或社区/)
      .send('就在新塘社区那个安置房工地')
      .expect(/村或社区「新塘社区」、(?:工程建设项目「是」、)?项目名称「安置房」。对吗？/)
      .expectNot(/改成|用人单位「安置房/)
      .send('对');
    const a = await answers(user);
    expect(a.employer).toBe('王建军（包工头）');
    expect(a.project).toBe('安置房');
    expect(a.construction).toBe(true);
  });

  it('就在新塘村那个安置房工地 (a village not in the directory): the project proposed, never a change of the unit', async () => {
    const user = someone('site2');
    await converse(t.chat, user)
      .sendAll('我在工地干活 包工头欠了我们工钱', '同意', '包工头姓王 叫王建军', '对', '东龙镇')
      .send('就在新塘村那个安置房工地')
      .expect(/项目名称「安置房」/)
      .expectNot(/改成|用人单位「安置房/)
      .send('对');
    expect((await answers(user)).employer).toBe('王建军（包工头）');
    expect((await answers(user)).project).toBe('安置房');
  });
});

describe('3. the boss by surname, then the unit by 叫: the unit without its frame', () => {
  it.each([
    ['老板姓李 饭店叫李记饭庄', '李记饭庄'],
    // guard: a factory's clause was read right before; it must stay so.
    ['老板姓李，厂叫鑫源电子', '鑫源电子'],
  ])('%s → %s proposed (the second a guard)', async (said, unit) => {
    const user = someone('frame');
    await converse(t.chat, user).sendAll('老板欠我工资', '同意').send(said).expect(new RegExp(`用人单位「${unit}」。对吗？`)).send('对').expect(PLACE_ASK);
    expect((await answers(user)).employer).toBe(unit);
  });

  it('in a first message (老板姓李 饭店叫李记饭庄 欠我三个月工资): 李记饭庄 proposed, never 李老板', async () => {
    const user = someone('frame-first');
    await converse(t.chat, user).send('老板姓李 饭店叫李记饭庄 欠我三个月工资').send('同意').expect(/用人单位「李记饭庄」/).expectNot(/李老板/);
  });
});

describe('4. 想入, 想 to the offer to join; 想入 at the menu', () => {
  it.each(['想入', '想', '想的', '嗯想啊', '我想入'])('%s at 「要现在申请入会吗？」: joining begins', async (said) => {
    const user = someone('offer');
    await converse(t.chat, user).send('我是送外卖的 能入工会吗').expect(/要现在申请入会吗？/).send(said).expect(/加入工会后，您可以/).expect(/您同意吗？/).expectNot(/没太明白/);
  });

  it.each(['不想', '想想'])('guard: %s at the offer is no yes', async (said) => {
    const user = someone('offer-no');
    await converse(t.chat, user).send('我是送外卖的 能入工会吗').send(said).expectNot(/加入工会后，您可以/);
  });

  it.each(['想入', '要入'])('%s at the menu: joining', async (said) => {
    const user = someone('menu');
    await converse(t.chat, user).send('你好').send(said).expect(/加入工会后，您可以/).expectNot(/没太明白/);
  });

  // guard: 入 in other words is no wish to join.
  it('guard: 想入股 is not joining', async () => {
    const user = someone('share');
    await converse(t.chat, user).send('你好').send('想入股').expectNot(/加入工会后，您可以/);
  });
});

describe('5. a sum at the amount question with another sum in another clause: confirmed', () => {
  const toAmount = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月'];
  it('一万二 扣了社保还剩一万出头: 12,000 proposed, nothing kept before the yes', async () => {
    const user = someone('two-sums');
    await converse(t.chat, user).sendAll(...toAmount).expect(/多少钱/).send('一万二 扣了社保还剩一万出头').expect(/拖欠金额「12,000元」。对吗？/);
    expect((await answers(user)).amount).toBeUndefined();
    await converse(t.chat, user).send('对').expect(/多少人/);
    expect((await answers(user)).amount?.yuan).toBe(12000);
  });

  // guard: one sum with words beside it that hold no other sum is taken as said.
  it('guard: 一万二 我算过了 is taken', async () => {
    const user = someone('one-sum');
    await converse(t.chat, user).sendAll(...toAmount).send('一万二 我算过了').expect(/多少人/);
    expect((await answers(user)).amount?.yuan).toBe(12000);
  });
});

describe('6. after the report: a name or a headcount said wrong is a correction for the case worker', () => {
  it.each(['名字错了 我叫王小芳', '人数不对 是三个人', '单位名字不对 是好运来饭店'])('%s: offered to the case worker, never 没太明白', async (said) => {
    const user = someone('after');
    const { chat } = await reportSubmitted(t, user);
    await chat.send(said).expect(/原来的内容改不了，我可以把更正转给工作人员/).expect(/转给工作人员/).expectNot(/没太明白/).send('1').expect(/已转给负责您案件/);
  });
});

describe('7. 我想催一下 after the report: pressing, heard', () => {
  it.each(['我想催一下', '我要催一下', '再催一下'])('%s: the promised date and the case, never 没太明白', async (said) => {
    const user = someone('press');
    const { chat } = await reportSubmitted(t, user);
    await chat.send(said).expect(/知道您着急/).expect(/QX\d{8}-\d{4}/).expectNot(/没太明白/);
  });
});

describe('8. the summary: evidence not held is never called 手上有', () => {
  const toSummary = ['老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过'];

  it('有考勤表 但是在老板那: the summary says it as said, never 手上有', async () => {
    const user = someone('held');
    await converse(t.chat, user)
      .sendAll(...toSummary)
      .expect(/证据/)
      .send('有考勤表 但是在老板那')
      .sendAll('王芳', '13700001111')
      .expect(/证据材料：未发送（您说：有考勤表 但是在老板那）/)
      .expectNot(/手上有/);
  });
});

describe('9. whether the phone or the real name must be given, asked in other words', () => {
  it('能不能不写手机号 at the summary: why it is needed and who sees it, then the summary', async () => {
    const user = someone('no-phone');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意', '好再来饭店', '河西街道', '不清楚', '不是', '今年9月到11月', '6000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111')
      .expect(/请核对/)
      .send('能不能不写手机号')
      .expect(/要留姓名和手机号，工作人员才能联系您/)
      .expect(/请核对/)
      .expectNot(/答不上来/);
  });

  // guard: 入会能不能不写真名 was joining's already; with 能不能不写 now a must-give word, it must stay so.
  it.each(['入会一定要写真名吗', '入会能不能不写真名'])('%s at the menu: joining\'s answer, never the wage report offered', async (said) => {
    const user = someone('join-name');
    await converse(t.chat, user).send('你好').send(said).expect(/入会的信息只有审核您申请的工会工作人员能看到/).expectNot(/登记欠薪/);
  });
});
