/**
 * After a wage report is sent, what workers ask in their own words
 * (probe round 9): evidence they may send, the documents by name, a wish
 * to stop said at the question about another note, and knowledge answers
 * that used to offer the report they had just sent.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { createWageCase } from '../support/cases.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';
import { SUBMITTED_REPORT } from '../support/wage-script.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ clock });
});

const someone = (tag: string) => `web:as9-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('evidence asked about in a sentence', () => {
  it.each(['我有微信聊天记录可以发给你们吗', '跟老板的聊天截图要不要发过去', '我有工资条，能发给你吗', '聊天截图可以发吗'])('%s is told to send it here, for the case', async (said) => {
    const user = someone('ev');
    const c = await createWageCase(t.core, { userKey: user, amount: 8000, employer: '青溪宏达建筑工程有限公司' });
    await converse(t.chat, user)
      .send(said)
      .expect(new RegExp(`直接发过来就行，会补充到案件 ${c.caseNo}`))
      .expectNot(/答不上来|登记欠薪|没太明白/);
  });
});

describe('the documents asked for by name', () => {
  it.each(['能帮我写个仲裁申请吗', '起诉状怎么写', '我要一份仲裁申请书', '帮我写一下起诉状', '仲裁申请书怎么填', '起诉状要怎么填写'])('%s gives the filled-in documents to someone with a case', async (said) => {
    const user = someone('doc');
    const c = await createWageCase(t.core, { userKey: user, amount: 8000, employer: '青溪宏达建筑工程有限公司' });
    await converse(t.chat, user)
      .send(said)
      .expect(new RegExp(`${c.caseNo}（青溪宏达建筑工程有限公司）的法律文书`))
      .expect(/劳动仲裁申请书\s+http/)
      .expectNot(/预约工会律师/);
  });

  it('someone without a case gets how to apply, not an empty list', async () => {
    await converse(t.chat, someone('nodoc'))
      .send('仲裁申请书怎么写')
      .expect(/劳动人事争议仲裁委员会/)
      .expectNot(/还没有可以生成法律文书的案件|documents\//);
  });
});

describe('a wish to stop said at the question about another note', () => {
  it('不想搞了 is asked about as a withdrawal, not taken as a no to the first note', async () => {
    const user = someone('wd');
    const c = await createWageCase(t.core, { userKey: user, amount: 8000, employer: '青溪宏达建筑工程有限公司' });
    await converse(t.chat, user)
      .send('老板说下个月给')
      .expect(/把这条消息转给负责您案件/)
      .send('不想搞了')
      .expect(/^刚才那条没有转。撤回要由工作人员跟您确认后再办/)
      .expect(/您要转告的话：「不想搞了」/)
      .send('转给工作人员')
      .expect(/已转给负责您案件/);
    const notes = (await t.core.cases.get(c.id))!.reporterNotes;
    expect(notes.map((n) => [n.kind, n.text])).toEqual([['withdraw', '不想搞了']]);
  });

  it('a plain no still passes nothing', async () => {
    const user = someone('no');
    const c = await createWageCase(t.core, { userKey: user, amount: 8000, employer: '青溪宏达建筑工程有限公司' });
    await converse(t.chat, user).send('老板说下个月给').expect(/转给负责您案件/).send('不用了').expect(/^好的，这条没有转。$/);
    expect((await t.core.cases.get(c.id))!.reporterNotes).toEqual([]);
  });
});

describe('a knowledge question right after sending a report', () => {
  it('is answered without offering to register the wages again', async () => {
    const user = someone('kb');
    const chat = converse(t.chat, user);
    for (const said of SUBMITTED_REPORT) chat.send(said);
    await chat
      .expect(/提交成功/)
      .send('证据怎么收集')
      .expect(/考勤打卡截图/)
      .expect(/您反映的欠薪已经在办理了/)
      .expectNot(/要我帮您登记欠薪/);
  });

  it('someone who has sent nothing is still offered the report', async () => {
    await converse(t.chat, someone('kb0')).send('证据怎么收集').expect(/要我帮您登记欠薪/);
  });
});
