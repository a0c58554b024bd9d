/*
 * Knowledge answers as the sixth probe asked them (B2, B3, C1, C4 and rewordings of common questions), on real
 * Redis where a chat is needed; the clock fixed at Tuesday 1 December 2026, 10:00 Beijing.
 *  - B2: how long arbitration takes (`劳动仲裁要多久`, `仲裁多久能判下来`) is answered with its 45 days (15 more
 *    at most, 《劳动争议调解仲裁法》第四十三条), not with the one-year limit; the limit's own questions keep theirs.
 *  - B3: close rewordings that got 「答不上来」: `工伤怎么算`, `工伤赔多少钱` (what a work injury brings),
 *    `没签合同怎么办`; in the middle of a wage report, `我手也被机器压伤了 工伤怎么算` is answered, says a union
 *    lawyer can help with the injury, and the report's question follows, nothing of it lost.
 *  - C1: an answer never opens with a bare 「能。」/「可以。」/「有。」 where the question asks 怎么办.
 *  - C4: `说了有用吗 上次打12333没人管` is reassured about what a report here does, not told what inspection is.
 *  - Rewordings: 没有证据能告吗, 没打欠条怎么办, 工资条没有怎么办 (little evidence) and 不给工资条怎么办 (the
 *    payslip) reach their own answers; `工钱都没给咋办` (都: at all) is one worker's arrears, not a group's;
 *    neighbours keep theirs (precision first).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { knowledgeBase } from '../../flows/knowledge/kb.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);
const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));
const entryOf = (text: string) => knowledgeBase().match(text)?.entry.id ?? null;

/** The probe's W6: a wage report about 宏达建筑 in 东龙镇, up to the question of the period owed. */
const toPeriod = (user: string) =>
  converse(t.chat, user)
    .sendAll('我要举报欠薪', '1', '宏达建筑欠我两万三 东龙镇', '对', '不清楚', '1')
    .send('不知道')
    .expect(/拖欠的是哪段时间的工资？/);

describe('B2: how long arbitration takes is not its time limit', () => {
  it.each(['劳动仲裁要多久', '仲裁多久能判下来', '仲裁一般多长时间出结果', '申请仲裁多久能有结果', '仲裁要多久开庭'])('%s → arbitration-duration', (text) => {
    expect(entryOf(text)).toBe('arbitration-duration');
  });

  it.each([
    ['仲裁时效是多久', 'arbitration-time-limit'],
    ['离职多久可以申请仲裁', 'arbitration-time-limit'],
    ['多久之内可以申请仲裁', 'arbitration-time-limit'],
    ['过了多长时间就不能告了', 'arbitration-time-limit'],
    ['仲裁的时间限制', 'arbitration-time-limit'],
    ['仲裁裁决书下来了公司不执行怎么办', 'award-not-paid'],
    ['登记以后多久有人处理', 'gongyou-timeline'],
    ['工伤认定要多久', 'work-injury-recognition'],
  ])('the limit and its neighbours keep their answers: %s → %s', (text, id) => {
    expect(entryOf(text)).toBe(id);
  });

  it('an award already made (判决下来了老板不给钱) is never told how long arbitration takes', () => {
    expect(entryOf('仲裁判决下来了老板不给钱')).not.toBe('arbitration-duration');
    expect(entryOf('仲裁赢了多久能拿到钱')).not.toBe('arbitration-duration');
  });

  it('劳动仲裁要多久 at the menu: 45 days, 15 more at most, with its article; the one-year limit only as a reminder', async () => {
    await converse(t.chat, 'web:k6b2')
      .send('劳动仲裁要多久')
      .expect(/受理后一般45天内作出裁决/)
      .expect(/最多再延15天/)
      .expect(/《劳动争议调解仲裁法》第四十三条/)
      .expectNot(/时效一般是一年，从您知道/)
      .expect(/要帮您预约工会律师/);
  });
});

describe('B3: close rewordings of questions the knowledge base answers', () => {
  it.each([
    ['工伤怎么算', 'work-injury-benefits'],
    ['工伤赔多少钱', 'work-injury-benefits'],
    ['工伤怎么赔', 'work-injury-benefits'],
    ['工伤赔偿怎么算', 'work-injury-benefits'],
    ['干活摔伤了谁负责', 'work-injury-benefits'],
    ['没签合同怎么办', 'no-contract-double-wage'],
    ['没签劳动合同怎么办', 'no-contract-double-wage'],
    ['没有合同怎么办', 'no-contract-evidence'],
  ])('%s → %s', (text, id) => {
    expect(entryOf(text)).toBe(id);
  });

  it.each([
    ['怎么算工伤', 'work-injury-recognition'],
    ['工伤怎么认定', 'work-injury-recognition'],
    ['上班路上被撞了能赔多少', 'work-injury-commute'],
    ['骑手摔伤了能赔多少', 'platform-injury'],
    ['没交工伤保险受伤了谁赔', 'work-injury-no-insurance'],
    ['退休了受伤能赔吗', 'over-age-injury'],
    ['被开除了赔多少钱', 'dismissal-compensation'],
    ['没签合同能要双倍工资吗', 'no-contract-double-wage'],
  ])('neighbours keep their own answers: %s → %s', (text, id) => {
    expect(entryOf(text)).toBe(id);
  });

  it('工伤怎么算 at the menu: recognition first, then what is paid, and a union lawyer offered', async () => {
    await converse(t.chat, 'web:k6b3a')
      .send('工伤怎么算')
      .expect(/工伤要先认定/)
      .expect(/一次性伤残补助金，一级27个月本人工资，十级7个月/)
      .expect(/《工伤保险条例》/)
      .expectNot(/答不上来/)
      .expect(/要帮您预约工会律师吗？/);
  });

  it('没签合同怎么办 at the menu is answered: the double pay, and wages can still be had', async () => {
    await converse(t.chat, 'web:k6b3b')
      .send('没签合同怎么办')
      .expectNot(/答不上来/)
      .expect(/每月应付您两倍工资/)
      .expect(/被欠的工资一样能要/);
  });

  it('an injury told in the middle of a wage report: answered, a lawyer named, and the period asked again', async () => {
    await toPeriod('web:k6b3c')
      .send('我手也被机器压伤了 工伤怎么算')
      .expectNot(/答不上来/)
      .expect(/工伤要先认定/)
      .expect(/工会律师/)
      .expect(/我们接着填「反映欠薪」：\n---\n拖欠的是哪段时间的工资？/)
      .send('今年6月到11月')
      .expectNot(/没看明白/);
    const s = await session('web:k6b3c');
    expect(s.flowId).toBe('wage');
    expect(s.answers).toMatchObject({ employer: '宏达建筑', amount: { yuan: 23000 } });
  });
});

describe('C1: the answer fits a question that asks what to do', () => {
  it('没有合同怎么办 is not answered 「能。」', async () => {
    await converse(t.chat, 'web:k6c1')
      .send('没有合同怎么办')
      .expect(/^没签合同，只要您确实给他干了活，工资一样能要/)
      .expectNot(/^能。/)
      .expect(/单位还要按月付两倍工资/);
  });

  it.each([
    ['不会打字怎么办', 'cannot-read-or-type'],
    ['带薪年假有几天', 'annual-leave'],
    ['小时工能要加班费吗', 'temp-worker-rights'],
    ['试用期没有社保怎么办', 'probation-social-insurance'],
    ['怎么退出工会', 'leave-union'],
    ['工会只帮会员吗', 'union-help-nonmember'],
    ['仲裁要去哪个地方的仲裁委', 'arbitration-outsider'],
    ['从来不发工资条正常吗', 'payslip'],
    ['欠条怎么写才有效', 'iou-note'],
  ])('%s (%s) opens with no bare yes or no', (text, id) => {
    const e = knowledgeBase().match(text)?.entry;
    expect(e?.id).toBe(id);
    expect(e!.answer).not.toMatch(/^(?:能|可以|可以要|有|有用|不可以|不合法)[。，]/);
  });
});

describe('C4: a complaint that came to nothing elsewhere', () => {
  it.each(['说了有用吗 上次打12333没人管', '打12333没人管怎么办', '找劳动局没人管', '劳动局投诉了没下文怎么办'])('%s → does-reporting-help', (text) => {
    expect(entryOf(text)).toBe('does-reporting-help');
  });

  it('what inspection is, asked, is still inspection', () => {
    expect(entryOf('12333有用吗')).toBe('labour-inspection');
    expect(entryOf('12333投诉有用吗')).toBe('labour-inspection');
    expect(entryOf('劳动监察是干什么的')).toBe('labour-inspection');
  });

  it('说了有用吗 上次打12333没人管 in a wage report: what happens to a report here, then the question again', async () => {
    await toPeriod('web:k6c4')
      .send('说了有用吗 上次打12333没人管')
      .expect(/登记了不会没人管/)
      .expectNot(/劳动保障监察是人社部门/)
      .expect(/我们接着填「反映欠薪」：\n---\n拖欠的是哪段时间的工资？/);
  });
});

describe('rewordings of common questions', () => {
  it.each([
    ['仲裁要钱吗', 'arbitration-cost'],
    ['老板跑了怎么办', 'boss-missing'],
    ['包工头跑路了找谁', 'contractor-ran-away'],
    ['没有证据能告吗', 'no-evidence'],
    ['没证据怎么办', 'no-evidence'],
    ['没有证据能要回工资吗', 'no-evidence'],
    ['没打欠条怎么办', 'no-evidence'],
    ['老板不写欠条怎么办', 'no-evidence'],
    ['工资条没有怎么办', 'no-evidence'],
    ['没有工资条能要工资吗', 'no-evidence'],
    ['不给工资条怎么办', 'payslip'],
    ['公司不给工资条怎么办', 'payslip'],
    // 都 as "at all" is one worker's wages, not a group's; a payslip named beside wages owed is still wages owed.
    ['工钱都没给咋办', 'unpaid-wages-options'],
    ['工资都被拖欠了怎么办', 'unpaid-wages-options'],
    ['干了三个月工资都没拿到咋办', 'unpaid-wages-options'],
    ['老板不给工资连工资条都没有怎么办', 'unpaid-wages-options'],
  ])('%s → %s', (text, id) => {
    expect(entryOf(text)).toBe(id);
  });

  it.each([
    ['欠条有用吗', 'iou-note'],
    ['证据怎么收集', 'evidence-to-keep'],
    ['有聊天记录算证据吗', 'evidence-counts'],
    ['没工资条也没合同怎么办', 'no-contract-evidence'],
    ['工资条可以要吗', 'payslip'],
    ['老板不给工资怎么办', 'unpaid-wages-options'],
    ['我们几十个人都没拿到工资咋办', 'group-arrears'],
    ['工友们的工资都被拖欠咋整', 'group-arrears'],
    ['整个班组三十几号人都被拖了工钱该咋办', 'group-arrears'],
  ])('neighbours keep their own answers: %s → %s', (text, id) => {
    expect(entryOf(text)).toBe(id);
  });

  it('没有证据能告吗 at the menu: what counts as evidence, and the report offered', async () => {
    await converse(t.chat, 'web:k6r1')
      .send('没有证据能告吗')
      .expect(/证据少也别放弃/)
      .expect(/《劳动争议调解仲裁法》第六条/)
      .expect(/要我帮您登记欠薪/);
  });
});

/*
 * Needs the proposed flows/nlu/talk.ts, flows/texts.ts and flows/engine.ts changes (/tmp/know6/proposed.diff).
 *  - C3: impatience (`怎么这么麻烦`, `能不能快点 我还要上班`) gets a sorry, how many questions are left and how to
 *    pause; distrust (`你们是骗子吧`) who we are, never an ID-format error; then the question again.
 *  - B3: an answer in a form that leads to another service says how to get there (`需要时回复「预约法律援助」`).
 */
describe('C3: impatience and distrust in the middle of a form', () => {
  const toIdNumber = (user: string) =>
    converse(t.chat, user).sendAll('我想入会', '1', '1', '1').send('张伟').expect(/请输入您的18位身份证号码/);

  it('你们是骗子吧 at the ID question: who we are, never an ID-format error; the ID question again', async () => {
    await toIdNumber('web:k6c3a')
      .send('你们是骗子吧')
      .expectNot(/身份证号只能包含数字/)
      .expect(/工会开通的线上服务/)
      .expect(/12351/)
      .expect(/我们接着填「加入工会」：\n---\n请输入您的18位身份证号码/)
      .send('110101199003071233')
      .expectNot(/身份证号只能包含数字|请输入您的18位身份证号码/);
  });

  it('怎么这么麻烦 and 能不能快点 我还要上班: sorry, how many questions are left, how to pause; never 答不上来', async () => {
    await toIdNumber('web:k6c3b')
      .send('怎么这么麻烦')
      .expect(/^抱歉，耽误您时间了。还有大约\d+个问题/)
      .expect(/回复「回头再填」，填过的都给您保存着/)
      .expectNot(/答不上来/)
      .expect(/请输入您的18位身份证号码/)
      .send('能不能快点 我还要上班')
      .expect(/^抱歉，耽误您时间了。/)
      .expectNot(/答不上来/)
      .expect(/请输入您的18位身份证号码/)
      .send('回头再填')
      .expect(/先帮您保存着/);
  });

  it('in a wage report too, and at the menu a plain sorry', async () => {
    await toPeriod('web:k6c3c')
      .send('怎么这么麻烦')
      .expect(/抱歉，耽误您时间了。还有大约\d+个问题/)
      .expect(/拖欠的是哪段时间的工资？/)
      .send('你们是骗子吧')
      .expect(/工会开通的线上服务/)
      .expectNot(/没看明白拖欠的时间段/);
    await converse(t.chat, 'web:k6c3d').send('怎么这么麻烦').expect(/^抱歉，耽误您时间了。/).expectNot(/答不上来/);
  });
});

describe('B3: an answer in a form that leads to another service says how to get there', () => {
  it('工伤怎么算 while reporting wages: 需要时回复「预约法律援助」, and the report waits', async () => {
    await toPeriod('web:k6b3d')
      .send('我手也被机器压伤了 工伤怎么算')
      .expect(/需要时回复「预约法律援助」/)
      .expect(/拖欠的是哪段时间的工资？/);
  });

  it('a wage question while reporting wages adds nothing', async () => {
    await toPeriod('web:k6b3e').send('没有合同怎么办').expectNot(/需要时回复/).expect(/拖欠的是哪段时间的工资？/);
  });
});
