/**
 * After a wage report is sent, and while booking legal aid, what workers meant (probe round 10):
 *  - a figure or a name sent alone (`8000`, `是8000`, `我叫张三`): whether it corrects the report is asked,
 *    and only a yes passes the correction on; the case never changes, nor is the reply the fallback;
 *  - `可以吗` while a note waits for 「转给…吗？」: asking, never put with the note's words;
 *  - a bare `1` right after the receipt (no list shown): no service started, the menu shown to pick from;
 *  - `聊天记录算证据吗`: chat records are evidence, sent here for the case (not the no-contract answer);
 *  - `要不要去现场`, `要是老板换了怎么办`: a short answer, not the fallback, and nothing passed on;
 *  - booking: `我不方便过去` at the way to meet, at the service points, at the times and after booking
 *    offers what there is (a call, another time); `还在干` at the two-matter list is no matter picked,
 *    it waits for the question about still working there.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { converse, reportSubmitted } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const clock = manualClock(NOW);
const t = useFixture(() => {
  clock.set(NOW);
  return startTestCore({ clock });
});

const someone = (tag: string) => `web:as10-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const session = (user: string) => t.chat.sessions.load(user, clock.now());

const submitted = (user: string) => reportSubmitted(t, user);
const notesOf = async (id: string) => (await t.core.cases.get(id))!.reporterNotes.map((n) => [n.kind, n.text]);

describe('a figure or a name sent alone after the report', () => {
  it.each(['8000', '是8000'])('%s: whether it corrects the amount is asked; passed on only after a yes', async (said) => {
    const user = someone('sum');
    const { chat, c } = await submitted(user);
    await chat
      .send(said)
      .expect(/您是要把欠薪金额更正为8,000元吗？/)
      .expect(/转给负责您案件/)
      .expectNot(/没太明白|加入工会/);
    expect(await notesOf(c.id)).toEqual([]);
    await chat.send('转给工作人员').expect(/已转给负责您案件/);
    expect(await notesOf(c.id)).toEqual([['correction', '欠薪金额应该是8,000元']]);
    expect((await t.core.cases.get(c.id))!.wage!.amount).toBe(6000);
  });

  it('我叫张三: whether it corrects the name is asked; 不用了 passes nothing', async () => {
    const user = someone('name');
    const { chat, c } = await submitted(user);
    await chat.send('我叫张三').expect(/您是要把联系人姓名更正为「张三」吗？/).expectNot(/没太明白/);
    await chat.send('不用了').expect(/这条没有转/);
    expect(await notesOf(c.id)).toEqual([]);
  });

  it('the amount already reported needs no change', async () => {
    const { chat, c } = await submitted(someone('same'));
    await chat.send('6000').expect(/就是6,000元，不用改/).expectNot(/转给负责您案件/);
    expect(await notesOf(c.id)).toEqual([]);
  });
});

describe('可以吗 while a note waits for its yes', () => {
  it('is asking: the question stays, the words are not put with the note', async () => {
    const user = someone('ok');
    const { chat, c } = await submitted(user);
    await chat.send('老板跑了').expect(/把这条消息转给负责您案件/);
    await chat.send('可以吗').expect(/可以的。要转的话回复「转」/).expectNot(/合在一起|可以吗」/);
    await chat.send('转').expect(/已转给负责您案件/);
    expect(await notesOf(c.id)).toEqual([['absconded', '老板跑了']]);
  });
});

describe('a bare number right after the receipt', () => {
  it('1 starts no service: the menu is shown, whose 1 then works', async () => {
    const user = someone('one');
    const { chat } = await submitted(user);
    await chat.send('1').expect(/您发了「1」。要办哪件事/).expect(/加入工会/).expectNot(/办理入会需要/);
    expect((await session(user)).flowId).toBeNull();
    await chat.send('1').expect(/办理入会需要/);
  });
});

describe('questions after the report', () => {
  it('聊天记录算证据吗: chat records are evidence, to be sent here', async () => {
    const { chat } = await submitted(someone('ev'));
    await chat
      .send('聊天记录算证据吗')
      .expect(/微信聊天记录、截图/)
      .expect(/有新的材料或情况直接发给我/)
      .expectNot(/没签合同|要我帮您登记欠薪/);
  });

  it('要不要去现场: the staff call first; no fallback, nothing passed on', async () => {
    const { chat, c } = await submitted(someone('go'));
    await chat.send('要不要去现场').expect(/不用专门跑一趟/).expect(/会先打您留的电话/).expectNot(/答不上来|转给负责您案件/);
    expect(await notesOf(c.id)).toEqual([]);
  });

  it('要是老板换了怎么办: the wages still count, and a real change is to be told; nothing passed on', async () => {
    const { chat, c } = await submitted(someone('boss'));
    await chat.send('要是老板换了怎么办').expect(/欠您的工资也不会就不算了/).expect(/直接告诉我新老板是谁/).expectNot(/答不上来|转给负责您案件/);
    expect(await notesOf(c.id)).toEqual([]);
  });
});

describe('booking legal aid: cannot come in person', () => {
  it('我不方便过去 at the way to meet: phone or video offered', async () => {
    await converse(t.chat, someone('mode'))
      .sendAll('预约法律援助', '1', '1', '1', '1')
      .expect(/您想怎么咨询/)
      .send('我不方便过去')
      .expect(/不方便过去的话，可以电话咨询或视频咨询/)
      .expectNot(/请回复数字选择：1 到服务点面谈/)
      .send('1')
      .expect(/您在哪个镇或街道？我们会安排离您最近的律师/);
  });

  it('我不方便过去 at the service points: changing to a call offered and taken', async () => {
    await converse(t.chat, someone('point'))
      .sendAll('预约法律援助', '1', '1', '1', '1', '1', '东龙')
      .expect(/服务点如下/)
      .send('我不方便过去')
      .expect(/可以改成电话咨询或视频咨询/)
      .send('3')
      .expect(/好的，改为电话咨询/)
      .expect(/电话咨询最近的空闲时间/);
  });

  it('我不方便过去 at the times of a point: a call or another day said', async () => {
    await converse(t.chat, someone('slot'))
      .sendAll('预约法律援助', '1', '1', '1', '1', '1', '东龙', '1')
      .expect(/空闲时间/)
      .send('我不方便过去')
      .expect(/回复「改成电话咨询」就行/)
      .expectNot(/^请回复时间前面的数字/);
  });

  it('我不方便过去 after booking in person: another time, or a call booked instead', async () => {
    await converse(t.chat, someone('after'))
      .sendAll('预约法律援助', '1', '1', '1', '1', '1', '东龙', '1', '1', '王芳', '13700001111', '确认')
      .expect(/预约成功/)
      .send('我不方便过去')
      .expect(/可以改个时间/)
      .expect(/方式选「电话咨询」/)
      .expect(/改时间/)
      .expectNot(/没太明白/);
  });
});

describe('booking legal aid: 还在干 at the two-matter list', () => {
  it('is no matter: the list is kept, and still working there is confirmed at its own question', async () => {
    const user = someone('still');
    await converse(t.chat, user)
      .sendAll('预约法律援助', '1')
      .send('老板不给我交社保还扣我工资')
      .expect(/两件事/)
      .send('还在干')
      .expect(/记下您还在这家单位干。预约先记一件主要的/)
      .expect(/社保/)
      .expectNot(/劳动合同/)
      .send('1')
      .expect(/在职情况「还在干」。对吗？/)
      .expectNot(/您还在这家单位干吗？/);
    expect((await session(user)).answers.matter).toBe('wage');
  });
});
