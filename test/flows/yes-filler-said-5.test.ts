/*
 * A yes with filler after it (fifth probe, A1 and B2), as transcripts on the real chat service and real Redis:
 *  - at a 「…对吗？」, a yes followed by urging, politeness, feeling or words pointing back at what was shown
 *    (`对 快点帮我`, `对 就是这样`, `对 麻烦了`, `嗯 帮帮我`) is a plain yes: the filler is never taken as a value.
 *  - a yes with a shorter form of the value shown (`对，就是宏达` for 宏达建筑公司) keeps the fuller value;
 *    a yes with a different value is proposed with the one before (「您是要改成…对吗？」), never changed unasked.
 *  - at the name question after the phone's 「…对吗？」, `对 快点` / `对 就是这个号` is never a contact name.
 *  - at the final review, a yes or 确认 with filler (`确认提交 谢谢`, `提交 麻烦了`, `好了 就这样`) submits.
 *  - `不对不对` is a no.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

const CONFIRM_TWO = /我理解的是：用人单位「宏达建筑公司」、拖欠金额「8,000元」。对吗？/;
const TOWNSHIP = /您在哪个镇或街道干活？/;
const toConfirm = (user: string) => converse(t.chat, user).sendAll('我在宏达建筑公司干活 欠了我八千', '同意').expect(CONFIRM_TWO);
const toName = (user: string) =>
  converse(t.chat, user)
    .sendAll('我要反映欠薪', '同意', '宏达建筑公司', '东龙镇', '不清楚', '是', '青溪花园二期', '今年9月到11月', '8000', '就我一个', '还在干', '都跳过')
    .send('没有')
    .expect(/怎么称呼您？/);
const toReview = (user: string) => toName(user).sendAll('王小二', '13800138000').expect(/请核对您要反映的欠薪情况/);

describe('a yes with filler at 「…对吗？」 is a plain yes', () => {
  for (const [i, words] of ['对 快点帮我', '对 就这些', '对 就是这样', '对啊 还能有错', '对 麻烦了', '对 我很着急', '嗯 帮帮我', '对 就是这个情况'].entries()) {
    it(`${words}: both values confirmed as shown, the next question asked`, async () => {
      const user = `web:yf5a${i}`;
      await toConfirm(user).send(words).expect(TOWNSHIP).expectNot(/已改为|是哪一种|对吗/);
      const s = await session(user);
      expect(s.answers).toMatchObject({ employer: '宏达建筑公司', amount: { yuan: 8000 } });
      expect(s.pending).toBeNull();
    });
  }

  it('对，就是宏达: the yes, the fuller employer name kept', async () => {
    await toConfirm('web:yf5b1').send('对，就是宏达').expect(TOWNSHIP).expectNot(/已改为/);
    expect((await session('web:yf5b1')).answers).toMatchObject({ employer: '宏达建筑公司', amount: { yuan: 8000 } });
  });

  it('对 宏达建材公司: another employer after the yes is proposed with the one before, never changed unasked', async () => {
    await toConfirm('web:yf5b2')
      .send('对 宏达建材公司')
      .expect(/^您是要改成：用人单位「宏达建材[^」]*」，对吗？\n（之前填的是：用人单位「宏达建筑公司」）/)
      .expectNot(/已改为/);
    const s = await session('web:yf5b2');
    expect(s.answers).toMatchObject({ employer: '宏达建筑公司', amount: { yuan: 8000 } });
    expect(s.pending?.values.employer).toMatch(/^宏达建材/);
    await converse(t.chat, 'web:yf5b2').send('不对').expect(TOWNSHIP);
    expect((await session('web:yf5b2')).answers).toMatchObject({ employer: '宏达建筑公司' });
  });

  for (const [i, words] of ['对 快点', '对 就是这个号'].entries()) {
    it(`${words} at the phone's 「…对吗？」 before the name: never a contact name`, async () => {
      const user = `web:yf5c${i}`;
      await toName(user).send('13800138000').expect(/手机号「13800138000」。对吗？/).send(words).expect(/怎么称呼您？/).expectNot(/联系人「|对吗/);
      const s = await session(user);
      expect(s.answers).toMatchObject({ phone: '13800138000' });
      expect(s.answers).not.toHaveProperty('workerName');
      expect(JSON.stringify(s)).not.toMatch(/快点|这个号/);
    });
  }

  it('不对不对 is a no: asked which one is wrong', async () => {
    await converse(t.chat, 'web:yf5d1')
      .sendAll('宏达建筑 欠了我八千 三个月了', '同意')
      .send('不对不对')
      .expect(/哪一项不对/)
      .expectNot(/请回复「对」或「不对」/);
    expect((await session('web:yf5d1')).answers).not.toHaveProperty('employer');
  });
});

describe('at the final review, a yes with filler submits', () => {
  for (const [i, words] of ['确认提交 谢谢', '确认 快点', '确认 麻烦你们尽快处理', '提交 麻烦了', '嗯嗯 发吧', '好了 就这样'].entries()) {
    it(`${words} submits the report`, async () => {
      const user = `web:yf5e${i}`;
      await toReview(user).send(words).expect(/已交给东龙镇的工格员处理/).expectNot(/请回复「确认」|没能对上/);
      const [c] = await t.core.cases.listByUser(user, 10);
      expect(c?.wage).toMatchObject({ employer: '宏达建筑公司' });
      expect((await session(user)).submitted).toMatchObject({ flowId: 'wage' });
    });
  }

  it('提交 金额不对 (a yes, then what is wrong) is not taken as a submit', async () => {
    await toReview('web:yf5e9').send('提交 金额不对').expectNot(/已交给/);
    expect(await t.core.cases.listByUser('web:yf5e9', 10)).toHaveLength(0);
  });
});
