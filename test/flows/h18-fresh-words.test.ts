/*
 * Workers' own words where nobody had looked (helper h18), on real Redis:
 *  - Joining: a hedged unit's name (`应该是好再来饭店吧`, `好像是好再来饭店`) is stored without the hedge, and
 *    `应该是青溪纺织有限公司` at the unit question is its answer (never 工作方式 asked again).
 *  - Joining: a unit named at the work question (`1 好再来饭店`, `单位职工 好再来饭店`, `我在富士康上班`,
 *    `好再来饭店`) or in the opening message (`我想入会 我在富士康上班`) is offered, never asked again; where
 *    (`在外面上班`, `在我叔那干活`) or a person's name (`1 张伟`) never is a unit.
 *  - Joining: `我不想填这个` at the ID question says why the number is needed (not 「只能包含数字」); at the name
 *    question it is a refusal (not 「答不上来」).
 *  - Joining: `身份证上叫张伟` at the name question is 张伟; `九零年的` at the ID question asks for the number plainly.
 *  - `怎么样了` after an application to join shows it; `有人管吗` with nothing sent says how a report is handled.
 *  - After a report: `我要投诉那个工作人员` goes to the union's supervisor (one report and two); `怎么样了`,
 *    `饭店那个怎么样了` show the case (not 「答不上来」).
 *  - A first message with two things: `我想入会 顺便问下老板欠钱怎么办` answers the question and keeps joining;
 *    `老板欠钱不给 我想入工会` begins the report of pay and keeps joining for after; `我想入工会 也想找个律师` keeps both, the one named first begun.
 * The clock stands at Tuesday 1 December 2026 (injected).
 */
import { describe, it } from 'vitest';
import { chatOnClock } from '../support/clocked.js';
import { converse, reportSubmitted } from '../support/converse.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');

const someone = (tag: string) => `web:h18-${tag}-${Math.random().toString(36).slice(2, 8)}`;
/** Up to the question of how the person works. */
const TO_WORK = ['我想入会', '同意', '同意', '确认', '张伟', '440111199003071232', '13800138000'];
/** Up to the unit question (单位职工 chosen). */
const TO_UNIT = [...TO_WORK, '1'];

describe('joining: the unit as said', () => {
  it('应该是好再来饭店吧 at the unit question: 好再来饭店, never with the hedge', async () => {
    await converse(t.chat, someone('hedge-1'))
      .sendAll(...TO_UNIT)
      .send('应该是好再来饭店吧')
      .expect(/「好再来饭店」在哪个镇或街道/)
      .expectNot(/好再来饭店吧|应该是/);
  });

  it('好像是好再来饭店 at the unit question: 好再来饭店', async () => {
    await converse(t.chat, someone('hedge-2'))
      .sendAll(...TO_UNIT)
      .send('好像是好再来饭店')
      .expect(/「好再来饭店」在哪个镇或街道/)
      .expectNot(/好像是/);
  });

  it('应该是青溪纺织有限公司 at the unit question: that unit, never 工作方式 asked again', async () => {
    await converse(t.chat, someone('hedge-3'))
      .sendAll(...TO_UNIT)
      .send('应该是青溪纺织有限公司')
      .expect(/青溪纺织有限公司工会审核/)
      .expectNot(/您现在是怎么工作的|工作方式现在填的/);
  });

  it('1 好再来饭店 at the work question: 单位职工 and the unit, confirmed', async () => {
    await converse(t.chat, someone('work-1'))
      .sendAll(...TO_WORK)
      .send('1 好再来饭店')
      .expect(/工作方式「单位职工」、工作单位「好再来饭店」。对吗/)
      .send('对')
      .expect(/「好再来饭店」在哪个镇或街道/);
  });

  it('单位职工 好再来饭店 at the work question: the unit offered, not asked again', async () => {
    await converse(t.chat, someone('work-2'))
      .sendAll(...TO_WORK)
      .send('单位职工 好再来饭店')
      .expect(/工作单位「好再来饭店」。对吗/)
      .expectNot(/您在哪家单位工作/);
  });

  it('好再来饭店 alone at the work question: 单位职工 and the unit, confirmed', async () => {
    await converse(t.chat, someone('work-3'))
      .sendAll(...TO_WORK)
      .send('好再来饭店')
      .expect(/工作方式「单位职工」、工作单位「好再来饭店」。对吗/);
  });

  it('我在富士康上班 at the work question: 富士康 offered; 对 goes on to where it is', async () => {
    await converse(t.chat, someone('work-4'))
      .sendAll(...TO_WORK)
      .send('我在富士康上班')
      .expect(/工作单位「富士康」。对吗/)
      .send('对')
      .expect(/「富士康」在哪个镇或街道/);
  });

  it('where, or whose, at the work question is never a unit (在外面上班, 在我叔那干活, 在人家家里干活, 在开发区上班)', async () => {
    for (const said of ['在外面上班', '在我叔那干活', '在人家家里干活', '在开发区上班', '在镇上上班']) {
      await converse(t.chat, someone('work-where'))
        .sendAll(...TO_WORK)
        .send(said)
        .expectNot(/工作单位「/);
    }
  });

  it('1 张伟 at the work question: a name is never taken for the unit', async () => {
    await converse(t.chat, someone('work-name'))
      .sendAll(...TO_WORK)
      .send('1 张伟')
      .expectNot(/工作单位「张伟」/);
  });

  it('我想入会 我在富士康上班 as the opening message: 富士康 offered after the consents', async () => {
    await converse(t.chat, someone('open-unit'))
      .sendAll('我想入会 我在富士康上班', '同意', '同意')
      .send('确认')
      .expect(/工作方式「单位职工」、工作单位「富士康」。对吗/);
  });

  it('我老婆在富士康上班 我能入会吗: the wife\'s unit is never the asker\'s', async () => {
    await converse(t.chat, someone('open-wife'))
      .sendAll('我老婆在富士康上班 我能入会吗', '同意', '同意')
      .send('确认')
      .expectNot(/富士康/);
  });
});

describe('joining: not wanting to give an answer', () => {
  it('我不想填这个 at the ID question: why the number is needed, not 「只能包含数字」', async () => {
    await converse(t.chat, someone('refuse-id'))
      .sendAll('我想入会', '同意', '同意', '确认', '张伟')
      .send('我不想填这个')
      .expect(/入会一定要填/)
      .expectNot(/只能包含数字/);
  });

  it('我不想填这个 at the name question: a refusal answered, not 「答不上来」', async () => {
    await converse(t.chat, someone('refuse-name'))
      .sendAll('我想入会', '同意', '同意', '确认')
      .send('我不想填这个')
      .expect(/理解您的顾虑/)
      .expectNot(/答不上来/);
  });
});

describe('joining: the name and the number as said', () => {
  it('身份证上叫张伟 at the name question: 张伟, as the summary shows', async () => {
    await converse(t.chat, someone('card-name'))
      .sendAll('我想入会', '同意', '同意', '确认')
      .send('身份证上叫张伟')
      .expect(/18位身份证号码/)
      .sendAll('440111199003071232', '13800138000', '送外卖的 美团 众包', '对', '1')
      .send('东龙镇')
      .expect(/姓名：张伟\n/);
  });

  it('九零年的 at the ID question: the number asked for plainly, not 「只能包含数字」', async () => {
    await converse(t.chat, someone('born'))
      .sendAll('我想入会', '同意', '同意', '确认', '张伟')
      .send('九零年的')
      .expect(/出生年月会从身份证号里读出来/)
      .expectNot(/只能包含数字/)
      .send('440111199003071232')
      .expect(/手机号/);
  });
});

describe('after a report: asking how it stands, complaining of the staff', () => {
  it('我要投诉那个工作人员 with one report: passed to the supervisor, asked first', async () => {
    const { chat } = await reportSubmitted(t, someone('complain-1'));
    await chat
      .send('我要投诉那个工作人员')
      .expect(/您要反映的意见：「我要投诉那个工作人员」/)
      .expect(/转给河西街道总工会的负责同志吗/)
      .expectNot(/没太明白/);
  });

  it('我要投诉那个工作人员 with two reports: which case is asked', async () => {
    const user = someone('complain-2');
    await reportSubmitted(t, user);
    await converse(t.chat, user)
      .sendAll('宏达建筑欠我两个月工资', '要', '1', '对', '宏达建筑', '东龙', '新塘', '不是', '8000', '就我一个', '还在干', '都跳过', '没有', '王芳', '13700001111')
      .send('确认')
      .expect(/提交成功/)
      .send('我要投诉那个工作人员')
      .expect(/这条意见是关于哪个案件的/)
      .expect(/好再来饭店/)
      .expect(/宏达建筑/);
  });

  it('怎么样了, 饭店那个怎么样了 after a report: the case shown, not 「答不上来」', async () => {
    const { chat } = await reportSubmitted(t, someone('how-is-it'));
    await chat.send('怎么样了').expect(/已提交，正在分派/).expectNot(/答不上来/);
    await chat.send('饭店那个怎么样了').expect(/已提交，正在分派/).expectNot(/答不上来/);
  });
});

describe('asking how it stands in a word or two, with no report', () => {
  it('怎么样了 after an application to join: the application shown', async () => {
    const user = someone('how-member');
    await converse(t.chat, user)
      .sendAll(...TO_WORK, '送外卖的 美团 众包', '对', '1', '东龙镇')
      .send('确认')
      .expect(/入会申请已提交/)
      .send('怎么样了')
      .expect(/入会申请 RH\d{8}-\d{4}/)
      .expectNot(/答不上来/);
  });

  it('有人管吗 with nothing sent: how a report is handled, not 「答不上来」', async () => {
    await converse(t.chat, someone('anyone'))
      .send('有人管吗')
      .expect(/还没有提交过案件/)
      .expectNot(/答不上来/);
  });
});

describe('a first message asking two things', () => {
  it('我想入会 顺便问下老板欠钱怎么办: the question answered, joining kept and offered', async () => {
    await converse(t.chat, someone('two-1'))
      .send('我想入会 顺便问下老板欠钱怎么办')
      .expect(/劳动仲裁/)
      .expect(/您刚才还说要办「加入工会」，现在就开始吗/)
      .send('好的')
      .expect(/加入工会后，您可以/);
  });

  it('老板欠钱不给 我想入工会: the one named first (the report of pay) first, joining kept for after', async () => {
    await converse(t.chat, someone('two-2'))
      .send('老板欠钱不给 我想入工会')
      .expect(/先帮您办「反映欠薪」，「加入工会」等这件办完再接着帮您办/)
      .expect(/反映欠薪前，需要您同意/);
  });

  it('我想入工会 也想找个律师: both kept, the one named first now and the other after', async () => {
    await converse(t.chat, someone('two-4'))
      .send('我想入工会 也想找个律师')
      .expect(/「加入工会」，「预约法律援助」等这件办完再接着帮您办/);
  });

  it('想找律师 老板拖欠工资三个月: the lawyer only (the pay is what the lawyer is for)', async () => {
    await converse(t.chat, someone('two-3'))
      .send('想找律师 老板拖欠工资三个月')
      .expect(/工会律师/)
      .expectNot(/等这件办完再接着帮您办/);
  });
});
