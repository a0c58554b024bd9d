/*
 * What the person said is kept, as transcripts on real Redis (the engine,
 * shared by every flow):
 *  - a "我理解的是…对吗？" nobody answered is never added to and asked again:
 *    the answer typed for the question that comes next is taken, what waited
 *    is confirmed at its own question (once), and 不知道 drops only what
 *    waited there, named; 对 with more words keeps the words;
 *  - a bare number at a confirmation raised at a question with numbered
 *    options of its own is asked about, never read as 对;
 *  - 不想填了 at the supplementary questions skips them; a wish to stop
 *    (不想告了, 我不告了 怕被开除) is asked about, with the draft kept; a
 *    refusal (不想说) is never an option;
 *  - 都对 就是… at the summary changes, never submits past the words;
 *  - the resume prompt takes an answer to the open question;
 *  - the delete question understands 好的 and never loops;
 *  - 多久能拿到钱 while reporting is answered, not read as 进度.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { unseal } from '../../core/infra/privacy.js';

const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** A wage report up to 「您现在还在这家单位干吗？」. */
const S = ['老板欠我工资', '同意', '宏达公司', '东龙镇', '不清楚', '不是', '今年9月到11月', '一万二', '就我一个'];
/** …and on to the summary. */
const R = [...S, '还在干', '都跳过', '没有', '张三', '13700003333'];

/** Nothing submitted. */
const SUBMITTED = /提交成功|案件编号/;

describe('a confirmation the person went on from', () => {
  it('wage: the unit typed while the opening facts wait is taken; they are confirmed at their own question, never piled up', async () => {
    await converse(t.chat, 'web:s1')
      .sendAll('在河西街道一个饭店当服务员 老板拖了两个月工资没发')
      .send('同意')
      .expect(/我理解的是：干活的地方「河西街道」、拖欠时间/)
      .send('好再来饭店')
      .expectNot(/请回复「对」或「不对」/)
      // The town waits for its own question, alone.
      .expect(/我理解的是：干活的地方「河西街道」。对吗？/)
      .expectNot(/拖欠时间/)
      .send('对')
      .expect(/哪个村或社区/);
    const s = await session('web:s1');
    expect(s.answers).toMatchObject({ employer: '好再来饭店', location: { townshipId: 't08' } });
    expect(s.later).toHaveProperty('period');
  });

  it('wage: 不清楚 to it drops only what waited, named; the unit typed before stays', async () => {
    await converse(t.chat, 'web:s2')
      .sendAll('在河西街道一个饭店当服务员 老板拖了两个月工资没发', '同意', '好再来饭店')
      .expect(/干活的地方「河西街道」。对吗？/)
      .send('不清楚')
      .expect(/干活的地方先不记/)
      .expectNot(/这些先不记/)
      .expect(/您在哪个镇或街道干活？/);
    const s = await session('web:s2');
    expect(s.answers).toMatchObject({ employer: '好再来饭店' });
    expect(s.answers).not.toHaveProperty('location');
  });

  it('membership: the name, ID and phone typed while 外卖配送员 waits are kept; 不知道 then drops only the work, said so', async () => {
    await converse(t.chat, 'web:s3')
      .sendAll('我是送外卖的想加入工会', '1', '1')
      .send('1')
      .expect(/我理解的是：工作方式「新就业形态劳动者」、职业「外卖配送员」。对吗？/)
      .send('李娜')
      .expect(/身份证号/)
      .expectNot(/对吗/)
      .send('450102198808081236')
      .expect(/手机号/)
      .send('13800138000')
      // At the question it answers, the work waits again, confirmed once.
      .expect(/我理解的是：工作方式「新就业形态劳动者」、职业「外卖配送员」。对吗？/)
      .expectNot(/姓名|身份证号「/)
      .send('不知道')
      .expect(/工作方式、职业先不记/)
      .expect(/您现在是怎么工作的？/);
    const s = await session('web:s3');
    expect(s.answers).toMatchObject({ name: '李娜', idNumber: { id: '450102198808081236' }, phone: '13800138000' });
    expect(s.answers).not.toHaveProperty('employment');
  });

  it('legal aid: a township typed while the way to meet waits is not added to it; the question skipped is asked', async () => {
    await converse(t.chat, 'web:s4')
      .sendAll('法律援助', '1', '工伤', '3月5号摔的', '1')
      .expect(/您想找谁帮忙？/)
      .send('电话')
      .expect(/我理解的是：方式「电话咨询」。对吗？/)
      .send('白沙镇')
      .expectNot(/方式「电话咨询」、所在镇街|所在镇街「白沙镇」。对吗/)
      .expect(/您刚才说的（所在镇街「白沙镇」）等问到时再跟您核对/)
      .expectNot(/请回复「对」或「不对」/)
      .expect(/您想找谁帮忙？/);
    const s = await session('web:s4');
    expect(s.pending).toBeNull();
    expect(s.later).toMatchObject({ mode: 'phone', place: { townshipId: 't02' } });
  });

  it('对 with more words: the yes counts, and the words are the next answer (confirmed, as a sentence)', async () => {
    await converse(t.chat, 'web:s5')
      .sendAll('在河西街道一个饭店当服务员 老板拖了两个月工资没发 一共六千 我还在干', '同意')
      .expect(/对吗？/)
      .send('对 老板叫王强')
      .expect(/用人单位「.*王强.*」/)
      .send('对');
    const s = await session('web:s5');
    expect(s.answers).toMatchObject({ location: { townshipId: 't08' }, amount: { yuan: 6000 }, stillEmployed: true });
    expect(String(s.answers.employer)).toMatch(/王强/);
  });

  it('replies that are neither: said plainly with 人工 the second time; the third, what waits is dropped (named), never a third 请回复「对」或「不对」', async () => {
    await converse(t.chat, 'web:s6')
      .sendAll('在河西街道一个饭店当服务员 老板拖了两个月工资没发', '同意')
      .send('天气不错')
      .expect(/请回复「对」或「不对」/)
      .send('蓝色的')
      .expectNot(/请回复「对」或「不对」/)
      .expect(/我是想确认有没有记错/)
      .send('绿色的')
      .expectNot(/请回复「对」或「不对」/)
      .expect(/干活的地方、拖欠时间先不记/);
  });
});

describe('a bare number at a confirmation raised at a numbered question', () => {
  // The confirmation is the latest question shown, with its own numbered options (1. 对 2. 不对): a number is its
  // option, as the person sees it (never asked whether it was the question's above; engine-said-8).
  it('legal aid: 1 after 电话 at 想找谁帮忙 is 对 (the way of consulting taken), never the question\'s option', async () => {
    await converse(t.chat, 'web:d1')
      .sendAll('法律援助', '1', '工伤', '3月5号摔的', '1', '电话')
      .expect(/方式「电话咨询」。对吗？\n1\. 对\n2\. 不对/)
      .send('1')
      .expectNot(/是选上面问题/);
    const s = await session('web:d1');
    expect(s.answers).toMatchObject({ mode: 'phone' });
    expect(s.answers).not.toHaveProperty('help');
  });

  it('2 there is 不对: nothing taken, never the question\'s second option', async () => {
    await converse(t.chat, 'web:d2')
      .sendAll('法律援助', '1', '工伤', '3月5号摔的', '1', '电话')
      .expect(/方式「电话咨询」。对吗？/)
      .send('2')
      .expectNot(/是选上面问题/);
    const s = await session('web:d2');
    expect(s.answers).not.toHaveProperty('mode');
    expect(s.answers).not.toHaveProperty('help');
  });

  it('a phone typed at 还在干吗, then 1 at its 对吗: the phone taken, the question again; probe 6 A3', async () => {
    await converse(t.chat, 'web:d3')
      .sendAll('我想找律师', '1', '老板欠我工资三个月了')
      .expect(/还在干就回复1/)
      .send('13912345678')
      .expect(/手机号「13912345678」。对吗？/)
      .send('1')
      .expect(/还在干就回复1/);
    const s = await session('web:d3');
    expect(s.answers).not.toHaveProperty('limit');
  });
});

describe('wishes to stop and refusals', () => {
  it('不想填了 at a supplementary question skips them all, after 都不想填就回复都跳过; nothing is thrown away', async () => {
    await converse(t.chat, 'web:w1')
      .sendAll(...S, '还在干')
      .expect(/都不想填就回复「都跳过」/)
      .send('不想填了')
      .expectNot(/已取消|已清除/)
      .expect(/证据/);
    const s = await session('web:w1');
    expect(s.flowId).toBe('wage');
    expect(s.answers).toMatchObject({ employer: '宏达公司', employerAddress: null, trade: null, account: null });
  });

  it('算了 不要了 at a required question asks whether to go on, the draft kept; 接着填 goes on', async () => {
    await converse(t.chat, 'web:w2')
      .sendAll(...S)
      .send('算了 不要了')
      .expect(/要先停在这里吗？/)
      .expectNot(/已取消|已清除/)
      .send('接着填')
      .expect(/您现在还在这家单位干吗？/);
    const s = await session('web:w2');
    expect(s.answers).not.toHaveProperty('stillEmployed');
    expect(s.answers).toMatchObject({ employer: '宏达公司' });
  });

  it('我不告了 怕被开除: reassured and asked, never 已经离开', async () => {
    await converse(t.chat, 'web:w3')
      .sendAll(...S)
      .send('我不告了 怕被开除')
      .expect(/单位不能因为这个辞退您/)
      .expect(/要先停在这里吗？/)
      .expectNot(/什么时候离开/);
    const s = await session('web:w3');
    expect(s.mode).toBe('resume');
    expect(s.draft?.answers).not.toHaveProperty('stillEmployed');
    expect(s.draft?.answers).toMatchObject({ amount: { yuan: 12000 } });
  });

  it('不想告了 / 不方便说 at 还在干吗 store nothing', async () => {
    for (const [user, said] of [['web:w4', '不想告了'], ['web:w5', '不方便说'], ['web:w6', '不想说']] as const) {
      await converse(t.chat, user).sendAll(...S).send(said).expectNot(/什么时候离开/);
      const s = await session(user);
      expect(s.answers.stillEmployed ?? s.draft?.answers.stillEmployed).toBeUndefined();
    }
  });

  it('不想说 at the construction question is not 不是', async () => {
    await converse(t.chat, 'web:w7').sendAll('老板欠我工资', '同意', '宏达公司', '东龙镇', '不清楚').send('不想说').expect(/是工程建设项目吗？|1\. 是/);
    const s = await session('web:w7');
    expect(s.answers).not.toHaveProperty('construction');
  });
});

describe('yes, but… at the summary', () => {
  it('都对 就是老板名字应该叫宏达建材公司: the change is asked about, never submitted past', async () => {
    await converse(t.chat, 'web:r1')
      .sendAll(...R)
      .expect(/请核对/)
      .send('都对 就是老板名字应该叫宏达建材公司')
      .expectNot(SUBMITTED)
      .expect(/用人单位「宏达建材公司」/)
      .send('对')
      .expect(/请核对/)
      .expectNot(SUBMITTED);
    const s = await session('web:r1');
    expect(s.answers).toMatchObject({ employer: '宏达建材公司' });
  });

  it('对 老板电话是13512345678: not submitted, and the worker\'s phone is not changed', async () => {
    await converse(t.chat, 'web:r2').sendAll(...R).send('对 老板电话是13512345678').expectNot(SUBMITTED).expect(/还没有提交/);
    const s = await session('web:r2');
    expect(s.mode).toBe('review');
    expect(s.answers).toMatchObject({ phone: '13700003333' });
  });

  it('对的 谢谢 is still a yes', async () => {
    await converse(t.chat, 'web:r3').sendAll(...R).send('对的 谢谢').expect(SUBMITTED);
  });
});

describe('the resume prompt', () => {
  it('an ID number typed at 继续填写/重新开始/放弃 when the ID was asked: going on, with it', async () => {
    await converse(t.chat, 'web:u1')
      .sendAll('入会', '1', '1', '1', '王小明', '菜单', '1')
      .expect(/还没填完/)
      .send('450102198808081236')
      .expect(/我们接着填/)
      .expect(/手机号/);
    const s = await session('web:u1');
    expect(s.answers).toMatchObject({ name: '王小明', idNumber: { id: '450102198808081236' } });
  });
});

describe('the delete question', () => {
  it('好的 is yes', async () => {
    await converse(t.chat, 'web:f1').sendAll('老板欠我工资', '同意', '宏达公司').send('删除我的信息').expect(/确定要删除/).send('好的').expect(/已删除您的个人信息/);
  });

  it('算了不删了 is no; two replies that are neither delete nothing and never loop', async () => {
    await converse(t.chat, 'web:f2').send('删除我的信息').send('算了不删了').expect(/没有删除任何信息/);
    await converse(t.chat, 'web:f3')
      .send('删除我的信息')
      .send('你删了案子还办吗')
      .expect(/已提交的案件会继续办理/)
      .send('蓝色')
      .expect(/先不删除/)
      .expectNot(/已删除/);
  });
});

describe('questions while reporting', () => {
  it('多久能拿到钱 is answered from the knowledge base, not 您还没有提交过案件', async () => {
    await converse(t.chat, 'web:q1').sendAll(...S).send('多久能拿到钱').expect(/工作日内/).expectNot(/还没有提交过/).expect(/还在这家单位干吗/);
  });
});

describe('人工 with a phone number', () => {
  it('the number typed with the request goes with it, sealed on the case, and is not in its words', async () => {
    await converse(t.chat, 'web:h1')
      .sendAll('老板欠我工资', '同意', '宏达公司', '东龙镇', '不清楚', '不是', '今年9月到11月')
      .send('人工')
      .send('我不会填 你们打电话给我吧 13700005555')
      .expect(/已为您转人工/);
    const [c] = (await t.core.cases.listByUser('web:h1', 5)).filter((x) => x.kind === 'enquiry');
    expect(unseal(t.core.config.DATA_KEY, c!.reporter.phoneSealed!)).toBe('13700005555');
    expect(JSON.stringify(c!.enquiry)).not.toContain('13700005555');
  });
});
