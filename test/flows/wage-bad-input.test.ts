import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { converse } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { manualClock } from '../../core/infra/clock.js';

const START = new Date('2026-11-21T10:00:00+08:00');
let clock = manualClock(START);
const t = useFixture(async () => {
  clock = manualClock(START);
  return startTestCore({ clock });
});

/** Consent given, employer and place answered: now at the construction question. */
function started(user: string) {
  return converse(t.chat, user)
    .send('2')
    .expect(/同意吗/)
    .sendAll('同意', '青溪宏达建筑工程有限公司', '东龙镇', '不清楚')
    .expect(/工程建设项目/);
}

async function noCase(user: string) {
  expect(await t.core.cases.listByUser(user)).toEqual([]);
}

describe('bad answers in the wage flow get a specific re-prompt and keep the other answers', () => {
  it.each([
    ['empty text', '', /没有输入内容/],
    ['only spaces', '   ', /没有输入内容/],
    ['10,000 characters', '欠'.repeat(10_000), /10000个字，太长了/],
    ['emoji only', '😀😀😀', /单位/],
    ['a number', '12345', /不是数字|单位名称/],
    ['hostile markup', '<script>alert(1)</script>', /单位/],
  ])('when the employer is %s, then it asks again', async (_name, answer, reply) => {
    await converse(t.chat, 'web:e1')
      .send('2')
      .send('1')
      .expect(/单位叫什么/)
      .send(answer)
      .expect(reply)
      .send('青溪宏达建筑工程有限公司')
      .expect(/哪个镇或街道/);
  });

  it.each([
    ['-5', /负/],
    ['abc', /金额|数字/],
    ['0元', /0|零|大于/],
    ['一亿', /1000万|一千万|超过/],
    ['20000000元', /1000万|一千万|超过/],
  ])('when the amount is %s, then it says why and asks again, keeping earlier answers', async (answer, reply) => {
    await started('web:a1')
      .send('2')
      .send('三个月')
      .expect(/多少钱/)
      .send(answer)
      .expect(reply)
      .expect(/[，。]/)
      .send('3.5万')
      .expect(/多少人/)
      .sendAll('1', '还在干', '都跳过', '没有', '李四', '13800138000')
      .expect(/用人单位：青溪宏达建筑工程有限公司/)
      .expect(/拖欠金额：35,000元/);
    await noCase('web:a1');
  });

  it('when the period ends before it starts or starts in the future, then it explains and asks again', async () => {
    await started('web:p1')
      .send('2')
      .expect(/哪段时间/)
      .send('2025年8月至2025年5月')
      .expect(/早于|晚于|之前|之后|先后/)
      .send('2027年1月到现在')
      .expect(/不能晚于这个月/)
      .send('去年5月到现在')
      // A long period: when the work started is asked, to check the period against it.
      .expect(/您是从什么时候开始在这里干的/)
      .send('不记得')
      .expect(/多少钱/);
  });

  it('when the township is unknown, then it lists the townships served; a misspelling offers numbered choices', async () => {
    await converse(t.chat, 'web:l1')
      .sendAll('2', '1', '青溪宏达', '火星镇')
      .expect(/没找到「火星镇」/)
      .expect(/东龙镇/)
      .send('东笼镇')
      .expect(/没找到「东笼镇」。您是说「东龙镇」吗？/)
      .check((replies) => {
        const opts = replies.at(-1)!.type === 'text' ? (replies.at(-1) as { options?: { label: string }[] }).options : [];
        expect(opts?.map((o) => o.label)).toEqual(['东龙镇']);
      })
      .send('1')
      .expect(/东龙镇的哪个村或社区/);
  });

  it('when the one near miss is offered, then a plain yes takes it, and anything more is read as an answer', async () => {
    await converse(t.chat, 'web:l2').sendAll('2', '1', '青溪宏达', '东笼镇').expect(/您是说「东龙镇」吗/).send('是的').expect(/东龙镇的哪个村或社区/);
    await converse(t.chat, 'web:l3').sendAll('2', '1', '青溪宏达', '东笼镇').expect(/您是说「东龙镇」吗/).send('对，白沙镇').expect(/白沙镇的哪个村或社区/);
    await converse(t.chat, 'web:l4')
      .sendAll('2', '1', '青溪宏达', '东笼镇')
      .expect(/您是说「东龙镇」吗/)
      .send('不是')
      .expect(/^好的，那请从下面选/)
      .expect(/您在哪个镇或街道干活/)
      .check((replies) => {
        const opts = (replies.at(-1) as { options?: { label: string }[] }).options;
        expect(opts?.map((o) => o.label)).toContain('白沙镇');
      })
      // With the whole list shown, a yes names nothing: asked again, nothing taken.
      .send('是的')
      .expect(/我们服务的镇街有：东龙镇、白沙镇/);
    const s = await t.chat.sessions.load('web:l4', clock.now());
    expect(s.answers.location).toBeUndefined();
  });

  it('when a community is a near miss, then a plain yes takes the one offered', async () => {
    await converse(t.chat, 'web:l5')
      .sendAll('2', '1', '青溪宏达', '东龙镇')
      .expect(/东龙镇的哪个村或社区/)
      .send('新堂社区')
      .expect(/您是说「新塘社区」吗/)
      .send('嗯')
      .expect(/工程建设项目/);
    const s = await t.chat.sessions.load('web:l5', clock.now());
    expect(s.answers.community).toMatchObject({ community: '新塘社区' });
  });

  it('when a file of an unsupported type or a 50 MB file is sent, then it says so and stores nothing', async () => {
    await started('web:f1')
      .sendAll('2', '三个月', '28500', '就我一个', '1', '都跳过')
      .expect(/证据/)
      .sendFile('virus.exe', Buffer.from('MZ...'), 'application/x-msdownload')
      .expect(/virus\.exe」这种文件暂时收不了/)
      .sendFile('big.jpg', Buffer.alloc(50 * 1048576, 1), 'image/jpeg')
      .expect(/文件太大了（50\.0MB）/)
      .sendFile('pay.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), 'image/jpeg')
      .expect(/收到「pay\.jpg」，共1份/)
      .sendAll('完成', '王五', '13800138000')
      .expect(/证据材料：1份（pay\.jpg）/)
      .send('确认')
      .expect(/提交成功/);
    const [c] = await t.core.cases.listByUser('web:f1');
    expect(c!.evidence.map((e) => e.name)).toEqual(['pay.jpg']);
  });

  it('when a file is sent where a text answer is expected, then it asks for text and stores nothing', async () => {
    await converse(t.chat, 'web:f2')
      .send('2')
      .send('1')
      .sendFile('pay.jpg', Buffer.from([0xff, 0xd8]), 'image/jpeg')
      .expect(/需要文字回答/)
      .expect(/单位叫什么/);
  });

  it('when a wrong answer is given three times, then a person is offered', async () => {
    await started('web:s1')
      .send('也许')
      .expectNot(/人工/)
      .send('不好说')
      .expectNot(/人工/)
      .send('看情况')
      .expect(/回复「人工」/);
  });

  it('when the mobile number is a landline or too short, then it asks for a mobile number', async () => {
    await started('web:m1')
      .sendAll('2', '三个月', '28500', '1', '1', '都跳过', '没有', '赵六', '021-12345678')
      .expect(/手机/)
      .send('1380013')
      .expect(/11位|位数/)
      .send('+86 139 1234 5678')
      .expect(/请核对/)
      .expect(/手机号：13912345678/);
  });

  it('when consent is refused, then nothing is kept and the menu returns', async () => {
    await converse(t.chat, 'web:c1').send('老板欠我两万块钱').expect(/同意吗/).send('2').expect(/不会收集任何信息/).expect(/反映欠薪/);
    const s = await t.chat.sessions.load('web:c1', clock.now());
    expect(s.answers).toEqual({});
    expect(s.flowId).toBeNull();
    await noCase('web:c1');
  });
});

describe('global commands work at every step', () => {
  it('菜单 keeps a draft that can be resumed where it stopped', async () => {
    await started('web:g1')
      .send('菜单')
      .expect(/已保存/)
      .expect(/加入工会/)
      .send('2')
      .expect(/还没填完/)
      .send('1')
      .expect(/工程建设项目/);
  });

  it('取消 abandons the flow and submits nothing', async () => {
    await started('web:g2').send('取消').expect(/已取消/).send('进度').expect(/还没有提交过案件/);
    await noCase('web:g2');
  });

  it('返回 goes to the previous question and shows the earlier answer', async () => {
    await started('web:g3')
      .send('返回')
      .expect(/哪个村或社区/)
      .expect(/之前填的是：不清楚/)
      .send('新塘社区')
      .expect(/工程建设项目/);
  });

  it('返回 at the first question says so', async () => {
    await converse(t.chat, 'web:g3b').send('2').send('返回').expect(/第一个问题/).expect(/同意吗/);
  });

  it('帮助 explains the current question and lists the commands', async () => {
    await started('web:g4').send('帮助').expect(/专门的处理办法/).expect(/「菜单」/).expect(/工程建设项目/);
  });

  it('人工 asks what the problem is, hands it over with the words, and lets the worker carry on', async () => {
    await started('web:g5')
      .send('人工')
      .expect(/说说您遇到的问题/)
      .expect(/回复「取消」就不转了/)
      .send('老板跑了电话也打不通 我的手机13800138000')
      .expect(/已为您转人工，求助编号 QX\d{8}-\d{4}/)
      .expect(/我们接着填「反映欠薪」/)
      .expect(/工程建设项目/);
    const [c] = await t.core.cases.listByUser('web:g5');
    // The staff member reads the problem; the phone number in it is masked.
    expect(c).toMatchObject({ kind: 'enquiry', location: { townshipId: 't01' }, enquiry: { question: '老板跑了电话也打不通 我的手机138****8000', fromStep: 'construction' } });
    // Asking again in the same flow does not open a second request; the new words join the first.
    await converse(t.chat, 'web:g5').send('人工，工地在新塘社区').expect(/已为您转人工/);
    const cases = await t.core.cases.listByUser('web:g5');
    expect(cases).toHaveLength(1);
    expect(cases[0]!.enquiry!.question).toBe('老板跑了电话也打不通 我的手机138****8000\n工地在新塘社区');
  });

  it('人工 then 取消 goes back to the question without a request', async () => {
    await started('web:g8').send('人工').expect(/说说您遇到的问题/).send('取消').expect(/工程建设项目/);
    expect(await t.core.cases.listByUser('web:g8')).toEqual([]);
  });

  it('进度 shows the cases and then returns to the question', async () => {
    await started('web:g6').send('进度').expect(/您这次填的还没有提交/).expect(/工程建设项目/);
  });

  it('a number outside the options says which numbers are valid', async () => {
    await started('web:g7').send('7').expect(/请回复1到2之间的数字/);
  });
});

describe('review and editing', () => {
  function toReview(user: string) {
    return started(user)
      .sendAll('不是', '三个月', '28500', '就我一个', '还在干', '都跳过', '没有', '张三', '13800138000')
      .expect(/请核对/);
  }

  it('改 N edits that field and comes back to the summary', async () => {
    await toReview('web:r1').send('改 6').expect(/多少钱/).send('两万八千五').expect(/请核对/).expect(/拖欠金额：28,500元/);
  });

  it('changing the township asks the community again, then returns to the summary', async () => {
    await toReview('web:r2')
      .send('改2')
      .expect(/哪个镇或街道/)
      .send('白沙镇')
      .expect(/白沙镇的哪个村或社区/)
      .send('沙湾村')
      .expect(/请核对/)
      .expect(/干活的地方：白沙镇/)
      .expect(/村或社区：沙湾村/);
  });

  it('改 with a field that does not exist says which fields exist', async () => {
    await toReview('web:r3').send('改 99').expect(/没有第99项/);
  });

  it('at the summary, 好像不对 asks which item to change; anything else says how to pick one (序号, or the item and its value)', async () => {
    await toReview('web:r4').send('好像不对').expect(/哪一项要改/).expect(/1\. 用人单位/).send('蓝色').expect(/没看明白要改哪一项。请回复要改的那一项的序号/);
    await noCase('web:r4');
  });
});

describe('sessions', () => {
  it('when the same person sends two messages at once, then they are handled in order', async () => {
    const [a, b] = await Promise.all([
      t.chat.handle('web:o1', { kind: 'text', text: '2' }),
      t.chat.handle('web:o1', { kind: 'text', text: '1' }),
    ]);
    expect(JSON.stringify(a)).toMatch(/同意吗/);
    expect(JSON.stringify(b)).toMatch(/单位叫什么/);
  });

  it('when the same clientMsgId arrives twice, then it acts once and answers the same', async () => {
    const first = await t.chat.handle('web:o2', { kind: 'text', text: '2' }, 'm1');
    const again = await t.chat.handle('web:o2', { kind: 'text', text: '2' }, 'm1');
    expect(again).toEqual(first);
    const s = await t.chat.sessions.load('web:o2', clock.now());
    expect(s.fieldId).toBe('consent');
    expect(s.version).toBe(1);
  });

  it('when a person comes back after 30 idle minutes, then the flow is paused and offered for resumption', async () => {
    await started('web:i1');
    clock.advance(31 * 60_000);
    await converse(t.chat, 'web:i1')
      .send('是')
      .expect(/欢迎回来！您上次的「反映欠薪」还没填完/)
      .send('1')
      .expect(/工程建设项目/)
      .send('是')
      .expect(/项目或工地/);
  });

  it('when a session was saved under an older flow version, then it restarts politely', async () => {
    await started('web:v1');
    const saved = await t.chat.sessions.load('web:v1', clock.now());
    await t.chat.sessions.save({ ...saved, flowVersion: 0 });
    await converse(t.chat, 'web:v1').send('是').expect(/系统刚刚更新过/).expect(/加入工会/);
  });

  it('menu choice 1 starts joining the union (every menu choice is built now)', async () => {
    await converse(t.chat, 'web:n1').send('1').expect(/加入工会后，您可以/).expect(/您同意吗/);
  });
});
