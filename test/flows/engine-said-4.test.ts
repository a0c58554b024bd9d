/*
 * The engine, what the person meant (probe round 4), as transcripts on real Redis:
 *  - `先不报了`, `先不弄了` are a wish to stop, asked about as `不报了` is; `我再想想`, `先不弄了 我问问老乡再说`
 *    are a pause, as `我先想想` is; never a number, a village or a period;
 *  - the stop question is one question whose yes stops: `嗯` after `不弄了` never goes on with the form;
 *  - a "对吗？" the person went on from: nothing waiting is kept without a yes (the employer read from
 *    `原来叫鑫源…`), nothing is thrown away the first time (an amount, a change of the headcount): it is
 *    confirmed once more, then set aside; an optional question passed twice is left empty, never a loop;
 *  - `反映欠薪` while legal aid is under way picks the saved report up again;
 *  - `确认` again after a submission says it was submitted, with the case;
 *  - the summary's empty items stand where their numbers are.
 * Today is Tuesday 1 December 2026 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { coreOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';


const NOW = '2026-12-01T10:00:00+08:00';
const t = coreOnClock(NOW);

const session = (user: string) => t.chat.sessions.load(user, new Date(NOW));

/** A wage report up to the amount question (the probe's `…|`). */
const TO_AMOUNT = ['反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1', '不是', '今年8月到10月'];
/** …and on to the summary (the probe's `…T`). */
const TO_SUMMARY = [...TO_AMOUNT, '8000', '就我一个', '还在干', '都跳过', '没有', '张三', '13800138000'];

const STOP_ASKED = /要先停在这里吗？/;
const PAUSED = /不着急，弄清楚了再来/;

describe('B1: stopping for now and thinking it over are never answers', () => {
  it('先不报了 at the amount question asks whether to stop (never 不是数字); 是的 stops, the draft kept; 继续 goes on', async () => {
    await converse(t.chat, 'web:s4b1a')
      .sendAll(...TO_AMOUNT)
      .send('先不报了')
      .expectNot(/不是数字/)
      .expect(STOP_ASKED)
      .send('是的')
      .expect(/先停在这里/)
      .expectNot(/不是数字|请回复/)
      .send('继续')
      .expect(/被拖欠了多少钱/);
    expect((await session('web:s4b1a')).answers).toMatchObject({ employer: '宏达建筑公司', period: { start: '2026-08', end: '2026-10' } });
  });

  it('先不报了 at the employer question, with something filled in, is asked about (never 答不上来)', async () => {
    await converse(t.chat, 'web:s4b1b').sendAll('反映欠薪', '同意', '宏达建筑公司').send('先不报了').expectNot(/答不上来|没有叫/).expect(STOP_ASKED);
    expect((await session('web:s4b1b')).draft?.answers).toMatchObject({ employer: '宏达建筑公司' });
  });

  it('我再想想 at the village question is a pause, as 我先想想 is, never a village', async () => {
    await converse(t.chat, 'web:s4b1c').sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇').send('我再想想').expectNot(/没有叫「我再想想」/).expect(PAUSED).send('继续').expect(/哪个村或社区/);
    const s = await session('web:s4b1c');
    expect(s.answers).not.toHaveProperty('community');
  });

  it('先不弄了 我问问老乡再说 at the period question is a pause, never a period', async () => {
    await converse(t.chat, 'web:s4b1d').sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1', '不是').send('先不弄了 我问问老乡再说').expectNot(/没看明白拖欠的时间段/).expect(PAUSED);
    const s = await session('web:s4b1d');
    expect(s.draft?.answers).toMatchObject({ employer: '宏达建筑公司' });
    expect(s.draft?.answers).not.toHaveProperty('period');
  });
});

describe('B2: the stop question is one question; its yes stops', () => {
  it.each(['嗯', '好'])('不弄了 then %s: stopped, the draft kept, the form not gone on with', async (nod) => {
    const user = `web:s4b2-${nod}`;
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('不弄了')
      .expect(STOP_ASKED)
      .expectNot(/要接着填吗/)
      .check((replies) => {
        const last = replies.at(-1);
        expect(last?.type === 'text' ? last.options?.map((o) => o.label) : null).toEqual(['先停下，以后再填', '接着填', '不填了，放弃']);
      })
      .send(nod)
      .expectNot(/我们接着填|被拖欠了多少钱/)
      .expect(/先停在这里/);
    const s = await session(user);
    expect(s.flowId).toBeNull();
    expect(s.draft?.answers).toMatchObject({ employer: '宏达建筑公司' });
  });

  it('算了 then 接着填 goes on; 放弃 throws the draft away', async () => {
    await converse(t.chat, 'web:s4b2c').sendAll(...TO_AMOUNT).send('算了').expect(STOP_ASKED).send('接着填').expect(/我们接着填/).expect(/被拖欠了多少钱/);
    await converse(t.chat, 'web:s4b2c').send('算了').expect(STOP_ASKED).send('放弃').expect(/已取消/);
    const s = await session('web:s4b2c');
    expect(s.flowId).toBeNull();
    expect(s.draft).toBeNull();
  });
});

describe('A5 + B17: a "对吗？" the person went on from', () => {
  it('the employer read from 原来叫鑫源… is never kept unconfirmed: the town is taken, the employer asked about again', async () => {
    await converse(t.chat, 'web:s4a5a')
      .sendAll('反映欠薪', '同意', '原来叫鑫源 后来改名叫鑫达了')
      .expect(/我理解的是：用人单位「.+」。对吗？/)
      .send('东龙镇')
      .expect(/干活的地方「东龙镇」记下了/)
      .expect(/我理解的是：用人单位「.+」。对吗？/);
    const s = await session('web:s4a5a');
    expect(s.answers).toMatchObject({ location: { townshipId: 't01' } });
    expect(s.answers).not.toHaveProperty('employer');
  });

  it('gone on from twice: the employer is not kept, and its question is asked plainly', async () => {
    await converse(t.chat, 'web:s4a5b')
      .sendAll('反映欠薪', '同意', '原来叫鑫源 后来改名叫鑫达了', '东龙镇')
      .expect(/用人单位「.+」。对吗？/)
      .send('不清楚')
      .expect(/先不记/)
      .expect(/欠您工资的单位叫什么名字/);
    expect((await session('web:s4a5b')).answers).not.toHaveProperty('employer');
  });

  it('B17: an amount read from 工资加提成一共一万二 is confirmed again after the headcount, then asked plainly; the answers given are kept', async () => {
    await converse(t.chat, 'web:s4b17a')
      .sendAll(...TO_AMOUNT)
      .send('工资加提成一共一万二')
      .expect(/拖欠金额「12,000元」。对吗？/)
      .send('就我一个')
      .expect(/被拖欠人数「1人（就您自己）」记下了/)
      .expect(/拖欠金额「12,000元」。对吗？/)
      .send('还在干')
      .expect(/拖欠金额「12,000元」还没跟您核对，先没有记/)
      .expect(/被拖欠了多少钱/)
      .send('一万二')
      .expectNot(/对吗？/);
    expect((await session('web:s4b17a')).answers).toMatchObject({ amount: { yuan: 12000 }, headcount: { count: 1 }, stillEmployed: true });
  });

  it('B17: a period said at the project question, then the amount: the project is left empty (said), never asked in a loop', async () => {
    const seen: string[] = [];
    await converse(t.chat, 'web:s4b17b')
      .sendAll('反映欠薪', '同意', '宏达建筑公司', '东龙镇', '1', '是')
      .expect(/项目或工地叫什么名字/)
      .send('今年8月到10月')
      .expect(/拖欠时间「2026年8月至2026年10月（3个月）」。对吗？/)
      .send('8000')
      .expect(/项目名称先空着/)
      .expect(/拖欠金额「8,000元」记下了/)
      .check((_r, text) => seen.push(text))
      .send('就我一个')
      .check((_r, text) => seen.push(text))
      .send('今年8月到10月')
      .check((_r, text) => seen.push(text))
      .expect(/还在这家单位干吗/);
    expect(seen.join('\n')).not.toMatch(/项目或工地叫什么名字/);
    expect((await session('web:s4b17b')).answers).toMatchObject({ project: null, amount: { yuan: 8000 }, headcount: { count: 1 }, period: { start: '2026-08', end: '2026-10' } });
  });

  it('A1: a headcount change waiting is not thrown away by the next answer: asked again once, and 对 makes it', async () => {
    await converse(t.chat, 'web:s4a1')
      .sendAll(...TO_AMOUNT, '8000', '三个人')
      .expect(/你们3个人一共被拖欠多少钱/)
      .send('就我一个')
      .expect(/您是要改成：被拖欠人数「1人（就您自己）」，对吗？/)
      .send('还在干')
      .expectNot(/没有改|先空着/)
      .expect(/是否还在职「还在干」记下了/)
      .expect(/您是要改成：被拖欠人数「1人（就您自己）」，对吗？/)
      .send('对')
      .expect(/单位的地址/);
    const s = await session('web:s4a1');
    expect(s.answers).toMatchObject({ headcount: { count: 1 }, stillEmployed: true });
    expect(s.answers).not.toHaveProperty('groupAmount');
  });

  it('A1: gone on from twice, the change is not made, said so; never a third time', async () => {
    await converse(t.chat, 'web:s4a1b')
      .sendAll(...TO_AMOUNT, '8000', '三个人', '就我一个', '还在干')
      .expect(/您是要改成：被拖欠人数「1人（就您自己）」，对吗？/)
      .send('都跳过')
      .expect(/被拖欠人数没有改/)
      .expectNot(/对吗？/);
    expect((await session('web:s4a1b')).answers).toMatchObject({ headcount: { count: 3 } });
  });
});

describe('B18: back to the saved report from legal aid', () => {
  it('反映欠薪 at the legal-aid confirmation picks the saved report up again; legal aid is saved in its place', async () => {
    await converse(t.chat, 'web:s4b18')
      .sendAll(...TO_AMOUNT)
      .send('我还是想先问问律师')
      .send('同意')
      .expect(/对吗？/)
      .send('反映欠薪')
      .expectNot(/咨询的事记下了/)
      .expect(/我们接着填「反映欠薪」/)
      .expect(/被拖欠了多少钱/)
      .send('8000')
      .expect(/多少人被拖欠/);
    const s = await session('web:s4b18');
    expect(s.flowId).toBe('wage');
    expect(s.answers).toMatchObject({ employer: '宏达建筑公司', amount: { yuan: 8000 } });
    expect(s.draft?.flowId).toBe('legal');
  });
});

describe('C3 and C5: after the summary', () => {
  it('确认 again right after submitting says it was submitted, with the case number', async () => {
    await converse(t.chat, 'web:s4c3').sendAll(...TO_SUMMARY).send('确认').expect(/案件编号是 QX/).send('确认').expectNot(/没太明白/).expect(/已经提交了/).expect(/QX\d{8}-\d{4}/);
  });

  it('the empty items stand where their numbers are (8, 未填写：9…12, 13), and 改 13 still changes the name', async () => {
    await converse(t.chat, 'web:s4c5')
      .sendAll(...TO_SUMMARY)
      .expect(/8\. 是否还在职：还在干\n未填写：9 单位地址、10 工种、11 事情经过、12 证据材料\n13\. 联系人：张三/)
      .send('改 13 王大君')
      .expect(/13\. 联系人：王大君/);
  });
});

describe('a skip typed instead of 对/不对', () => {
  it('「都跳过」 while 「是否还在职「还在干」。对吗？」 waits: the skipped question is said left empty, never 「未填写」 taken down; nothing is stored for it', async () => {
    await converse(t.chat, 'web:skip4')
      .sendAll('我要反映欠薪 宏达建筑欠我8000块', '同意', '对', '东龙镇', '不清楚', '不是', '今年9月到11月', '十来个')
      .send('还在干')
      .expect(/我理解的是：是否还在职「还在干」。对吗？/)
      .send('都跳过')
      .expect(/好的，单位地址先空着，最后核对时可以再补。/)
      .expectNot(/「未填写」记下了/);
    const s = await t.chat.sessions.load('web:skip4', new Date(NOW));
    expect(s.answers.employerAddress ?? null).toBeNull();
  });
});
