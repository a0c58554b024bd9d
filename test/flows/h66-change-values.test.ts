/*
 * A value typed where the item to change is asked (helper h66), as transcripts on real Redis.
 *  - At the wage summary, `改一下` asks 「好的，哪一项要改？回复序号即可：」. Words that name an item and say its new
 *    value (`金额是8000`, `拖欠金额8000`, `人数5个`) were dropped and the summary's hint said again; now the new value
 *    is proposed (「您是要改成：拖欠金额「8,000元」，对吗？」) and kept only on a yes.
 *  - A value alone that one item takes (`凤栖街道`, a township in the directory): proposed for that item; one that
 *    several take (`8000`: an amount or a number of people): which one is asked; a township not in the directory
 *    (`河东街道`): the township question, saying it was not found. An item named alone (`金额`): its question.
 *  - Words that say neither: how to answer (序号, or 「拖欠金额改成……」), and the second time other words with 人工;
 *    never the summary's 「请回复「确认」提交」 again and again. The same at the summary itself, and at the
 *    legal-aid and membership summaries.
 *  - guards: `6`, `改 6`, `改金额`, `确认`, `单位是宏达电子厂`, `凤栖街道`, `白沙镇` (membership) keep working.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { SUBMITTED_REPORT } from '../support/wage-script.js';

const NOW = '2026-12-01T10:00:00+08:00';
const { t, session } = chatOnClock(NOW);

const someone = (tag: string) => `web:h66-${tag}-${Math.random().toString(36).slice(2, 8)}`;
/** The script's report (好再来饭店, 河西街道, 6,000元, 王芳), at its summary. */
const TO_SUMMARY = SUBMITTED_REPORT.slice(0, -1);
const TO_LEGAL_SUMMARY = ['预约律师', '1', '1', '还在干', '1', '东龙镇', '1', '1', '李明', '13800138000'];
const TO_MEMBER_SUMMARY = ['我要入会', '1', '1', '1', '张伟', '11010519491231002X', '13812345678', '2', '快递员', '顺丰', '1', '1', '东龙镇'];

const WHICH = /好的，哪一项要改？回复序号即可：/;
const SUMMARY_HINT = /请回复「确认」提交，或回复「改」加序号修改/;
const SIX_THOUSAND = { yuan: 6000, approx: false, upTo: null };
const atWhich = (user: string) => converse(t.chat, user).sendAll(...TO_SUMMARY).send('改一下').expect(WHICH);

describe('an item and its new value at 「哪一项要改？」', () => {
  it('金额是8000: the new amount proposed, kept only on a yes; then the summary with it', async () => {
    const user = someone('amount');
    await atWhich(user).send('金额是8000').expect(/您是要改成：拖欠金额「8,000元」，对吗？/).expect(/之前填的是：拖欠金额「6,000元」/).expectNot(SUMMARY_HINT);
    expect((await session(user)).answers.amount).toEqual(SIX_THOUSAND);
    await converse(t.chat, user).send('对').expect(/6\. 拖欠金额：8,000元/).expect(/请核对以上信息/);
    expect((await session(user)).answers.amount).toEqual({ yuan: 8000, approx: false, upTo: null });
  });

  it('拖欠金额8000 proposed the same; 不对 keeps 6,000元', async () => {
    const user = someone('label');
    await atWhich(user).send('拖欠金额8000').expect(/您是要改成：拖欠金额「8,000元」，对吗？/).send('不对').expectNot(/已改为/);
    expect((await session(user)).answers.amount).toEqual(SIX_THOUSAND);
  });

  it('人数5个: the new headcount proposed, nothing changed before the yes', async () => {
    const user = someone('headcount');
    await atWhich(user).send('人数5个').expect(/您是要改成：被拖欠人数「5人」，对吗？/).expectNot(SUMMARY_HINT);
    expect((await session(user)).answers.headcount).toMatchObject({ count: 1 });
  });

  it('金额是6000, the amount already: said so, and what is wrong with it asked', async () => {
    await atWhich(someone('same')).send('金额是6000').expect(/拖欠金额现在填的就是「6,000元」/).expect(/被拖欠了多少钱/);
  });

  it('金额 alone: the amount question, its answer shown', async () => {
    await atWhich(someone('name')).send('金额').expect(/被拖欠了多少钱/).expect(/之前填的是：6,000元/).expectNot(SUMMARY_HINT);
  });

  // guard: a unit named with its new name was proposed already.
  it('单位是宏达电子厂: the new unit proposed', async () => {
    await atWhich(someone('unit')).send('单位是宏达电子厂').expect(/您是要改成：用人单位「宏达电子厂」，对吗？/);
  });
});

describe('a value alone at 「哪一项要改？」', () => {
  // guard: a township typed at the summary was proposed already (read as the answer it is).
  it('凤栖街道 (a township served): proposed for 干活的地方', async () => {
    const user = someone('town');
    await atWhich(user);
    const before = (await session(user)).answers.location;
    await converse(t.chat, user).send('凤栖街道').expect(/您是要改成：干活的地方「凤栖街道」，对吗？/);
    expect((await session(user)).answers.location).toEqual(before);
    await converse(t.chat, user).send('不对').expectNot(/已改为/);
    expect((await session(user)).answers.location).toEqual(before);
  });

  it('河东街道 (no such township): the township question, saying so; never the summary hint', async () => {
    await atWhich(someone('unknown-town')).send('河东街道').expect(/改干活的地方/).expect(/没找到/).expect(/河西街道、凤栖街道/).expectNot(SUMMARY_HINT);
  });

  it('8000 (an amount or a number of people): which one is asked; 1 changes the amount', async () => {
    const user = someone('digits');
    await atWhich(user)
      .send('8000')
      .expect(/「8000」是要改哪一项？/)
      .check((replies) => {
        const last = replies.at(-1);
        expect(last?.type === 'text' ? last.options?.map((o) => o.label) : null).toEqual(['拖欠金额', '被拖欠人数']);
      })
      .send('1')
      .expect(/拖欠金额已改为「8,000元」/);
    expect((await session(user)).answers.amount).toEqual({ yuan: 8000, approx: false, upTo: null });
  });
});

describe('words that say no item', () => {
  it('at 「哪一项要改？」: how to answer; the second time other words and 人工; a number still picks', async () => {
    const { transcript } = await atWhich(someone('unclear'))
      .send('随便吧')
      .expect(/没看明白要改哪一项。请回复要改的那一项的序号，例如「6」；也可以直接说“拖欠金额改成……”/)
      .expectNot(SUMMARY_HINT)
      .send('不知道')
      .expect(/还是没看明白要改哪一项/)
      .expect(/人工/)
      .send('6')
      .expect(/被拖欠了多少钱/);
    expect(transcript[3]).not.toBe(transcript[5]);
  });

  it('at the summary: the hint, then other words with 人工 (never the same forever)', async () => {
    await converse(t.chat, someone('summary'))
      .sendAll(...TO_SUMMARY)
      .send('随便吧')
      .expect(SUMMARY_HINT)
      .send('不知道')
      .expect(/还是没看明白/)
      .expect(/人工/)
      .expect(/拖欠金额改成……/);
  });

  it('at the legal-aid summary: 「哪一项要改？」 answered unclearly, how to answer, then 人工', async () => {
    await converse(t.chat, someone('legal'))
      .sendAll(...TO_LEGAL_SUMMARY)
      .send('改一下')
      .expect(WHICH)
      .send('随便')
      .expect(/没看明白要改哪一项。请回复要改的那一项的序号/)
      .expect(/手机号改成……/)
      .send('还是不懂')
      .expect(/人工/);
  });

  it('at the membership summary: 「哪一项要改？」 answered unclearly, how to answer, then 人工', async () => {
    await converse(t.chat, someone('member-unclear'))
      .sendAll(...TO_MEMBER_SUMMARY)
      .send('改一下')
      .expect(WHICH)
      .send('乱说')
      .expect(/没看明白要改哪一项。请回复要改的那一项的序号，例如「3」；也可以直接说“手机号改成……”/)
      .send('乱说')
      .expect(/还是没看明白要改哪一项/)
      .expect(/人工/);
  });

  // guard: a township typed there was proposed already.
  it('at the membership summary: 白沙镇 at 「哪一项要改？」 proposed for the address', async () => {
    await converse(t.chat, someone('member'))
      .sendAll(...TO_MEMBER_SUMMARY)
      .send('改一下')
      .expect(WHICH)
      .send('白沙镇')
      .expect(/您是要改成：地址「青溪区白沙镇」，对吗？/);
  });
});

describe('at the summary itself', () => {
  it('金额是8000 at 「请核对…」: proposed, never the hint', async () => {
    await converse(t.chat, someone('at-summary')).sendAll(...TO_SUMMARY).send('金额是8000').expect(/您是要改成：拖欠金额「8,000元」，对吗？/).expectNot(SUMMARY_HINT);
  });
});

describe('the ways that worked keep working', () => {
  // guard
  it('6, 改 6 and 改金额 at 「哪一项要改？」 ask the amount; 确认 at the summary submits', async () => {
    await atWhich(someone('six')).send('6').expect(/被拖欠了多少钱/);
    await atWhich(someone('gai6')).send('改 6').expect(/被拖欠了多少钱/);
    await atWhich(someone('gaijine')).send('改金额').expect(/被拖欠了多少钱/);
    await converse(t.chat, someone('yes')).sendAll(...TO_SUMMARY).send('确认').expect(/提交成功/);
  });
});
