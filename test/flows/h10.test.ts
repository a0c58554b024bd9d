/**
 * Conversation mechanics after and around questions (helper h10):
 *  - a value waiting at 「…对吗？」 that the person went past twice (answering other questions) is not kept, but
 *    not lost either: named with what was understood, and offered at its question (a plain 对 takes it);
 *  - 找律师's 「这次预约律师是为了这件案子吗？」 is over once another reply was shown (`催一下`): a bare `1` later
 *    never answers it;
 *  - `催一下` before the date says under the cases what 进度 says (预约, 文书);
 *  - at 专送/众包, `不知道啥意思` is a question (both explained, nothing stored), `嗯` a polite re-ask;
 *  - a grid worker's `老板电话多少`: the boss's phone is not recorded, said plainly, with the employer known.
 */
import { describe, expect, it } from 'vitest';
import { converse, reportSubmitted } from '../support/converse.js';
import { createWageCase } from '../support/cases.js';
import { chatOnClock } from '../support/clocked.js';
import { staffChat } from '../staff/support.js';

const NOW = new Date('2026-12-01T10:00:00+08:00');
const { t, clock, session } = chatOnClock(NOW.toISOString());

const someone = (tag: string) => `web:h10-${tag}-${Math.random().toString(36).slice(2, 8)}`;

/** Up to the amount question of a wage report (three months owed). */
const TO_AMOUNT = ['老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙', '新塘', '不是'];

describe('a value went past twice at its 「对吗？」', () => {
  it('named with what was understood, offered at its question: 对 takes it; the other answers are kept', async () => {
    const user = someone('past');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('一个月4000')
      .expect(/我理解的是：拖欠金额「12,000元」。对吗？/)
      .send('就我一个')
      .expect(/被拖欠人数「1人（就您自己）」记下了/)
      .expect(/拖欠金额「12,000元」。对吗？/)
      .send('还在干')
      .expect(/是否还在职「还在干」记下了/)
      .expect(/拖欠金额「12,000元」还没跟您核对，先没有记，我再问您一次/)
      .expect(/您自己一共被拖欠了多少钱？[\s\S]*您之前说的是「12,000元」，没错的话回复「对」就行[\s\S]*1\. 12,000元/)
      .expectNot(/拖欠金额先不记/);
    expect((await session(user)).answers.amount).toBeUndefined();
    await converse(t.chat, user).send('对').expect(/单位的地址在哪里/);
    const a = (await session(user)).answers;
    expect(a.amount).toMatchObject({ yuan: 12000 });
    expect(a.stillEmployed).toBe(true);
    expect(a.headcount).toBeDefined();
  });

  it('offered again when its question comes back after another confirmation, until answered', async () => {
    const user = someone('again');
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1', '好再来饭店', '东龙', '新塘')
      .send('不是')
      .expect(/我理解的是：拖欠时间「2026年9月至2026年11月（3个月）」。对吗？/)
      .send('欠了8000')
      .expect(/拖欠时间「2026年9月至2026年11月（3个月）」还没跟您核对，先没有记，我再问您一次/)
      .expect(/1\. 2026年9月至2026年11月（3个月）/)
      .send('就我一个')
      .expect(/被拖欠人数「1人（就您自己）」。对吗？/)
      .send('对')
      .expect(/拖欠的是哪段时间的工资？[\s\S]*1\. 2026年9月至2026年11月（3个月）/)
      .send('对')
      .expect(/还在这家单位干吗/);
    expect((await session(user)).answers.period).toMatchObject({ start: '2026-09', end: '2026-11', months: 3 });
  });

  it('不对 at the value offered: asked for the right one, nothing kept; a new amount is taken', async () => {
    const user = someone('no');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT, '一个月4000', '就我一个', '还在干')
      .send('不对')
      .expect(/好的，那请直接告诉我对的是什么/)
      .expect(/您自己一共被拖欠了多少钱？/)
      .expectNot(/从下面选|名字|12,000元/);
    expect((await session(user)).answers.amount).toBeUndefined();
    await converse(t.chat, user).send('一万').expect(/单位的地址在哪里/);
    expect((await session(user)).answers.amount).toMatchObject({ yuan: 10000 });
  });
});

describe('nearby: waits, refusals, why asked, going back', () => {
  it('等会儿 at the village question is a pause (never a village); 继续 goes on', async () => {
    const user = someone('wait');
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1', '对', '好再来饭店', '东龙')
      .send('等会儿')
      .expect(/不着急/)
      .expectNot(/没有叫「等会儿」/)
      .send('继续')
      .expect(/哪个村或社区/);
    expect((await session(user)).draft?.answers.community ?? (await session(user)).answers.community).toBeUndefined();
  });

  it('先不说 at the township question: a refusal answered, never 「没找到「先不说」」', async () => {
    const user = someone('refuse');
    await converse(t.chat, user)
      .sendAll('老板拖了我三个月工资', '1', '对', '好再来饭店')
      .send('先不说')
      .expect(/理解您的顾虑/)
      .expectNot(/没找到/);
  });

  it('你问这个干嘛 at 是工程建设项目吗: why it is asked, and the question again', async () => {
    const user = someone('why');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT.slice(0, 6))
      .send('你问这个干嘛')
      .expect(/工程建设领域的欠薪有专门的处理办法/)
      .expect(/是工程建设项目吗/)
      .expectNot(/答不上来/);
  });

  it('返回 at 「拖欠金额…对吗？」: the amount named, not kept, offered at its question (never dropped in silence)', async () => {
    const user = someone('backconfirm');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT)
      .send('一个月4000')
      .expect(/拖欠金额「12,000元」。对吗？/)
      .send('返回')
      .expect(/拖欠金额「12,000元」还没跟您核对，先没有记/)
      .expect(/被拖欠了多少钱？[\s\S]*1\. 12,000元/);
    expect((await session(user)).answers.amount).toBeUndefined();
    await converse(t.chat, user).send('对').expect(/一共有多少人被拖欠/);
    expect((await session(user)).answers.amount).toMatchObject({ yuan: 12000 });
  });

  it('对 at a question asked again by 返回 keeps the answer shown and goes on', async () => {
    const user = someone('back');
    await converse(t.chat, user)
      .sendAll(...TO_AMOUNT.slice(0, 6))
      .send('返回')
      .expect(/之前填的是：新塘社区/)
      .send('对')
      .expect(/村或社区还是「新塘社区」/)
      .expect(/是工程建设项目吗/)
      .expectNot(/从下面选/);
    expect((await session(user)).answers.community).toMatchObject({ community: '新塘社区' });
  });
});

describe('找律师 asked about the open case, then something else', () => {
  it('a bare 1 after 催一下 never answers 「为了这件案子吗？」', async () => {
    const user = someone('stale');
    const { chat } = await reportSubmitted(t, user);
    await chat.send('找律师').expect(/这次预约律师是为了这件案子吗/);
    await chat.send('催一下').expect(/知道您着急/);
    await chat.send('1').expectNot(/预约律师或检察官|预约法律援助前/);
    const s = await session(user);
    expect(s.flowId).not.toBe('legal');
    expect(s.answers.linkedCaseNo).toBeUndefined();
  });
});

describe('催一下 before the date', () => {
  it('says what 进度 says under the case: 预约 for it, 文书', async () => {
    const user = someone('press');
    const { chat, c } = await reportSubmitted(t, user);
    await chat.send('进度').expect(new RegExp(`回复「预约 ${c.caseNo}」`)).expect(/回复「文书」/);
    await chat
      .send('催一下')
      .expect(/知道您着急/)
      .expect(new RegExp(`回复「预约 ${c.caseNo}」可以为这件案子预约法律援助`))
      .expect(/回复「文书」可以下载/);
  });
});

describe('how it goes, asked plainly', () => {
  it.each(['现在办得怎么样了', '办得咋样了'])('%s: the progress (never 答不上来, never 知道您着急)', async (said) => {
    const user = someone('how');
    const { chat, c } = await reportSubmitted(t, user);
    await chat.send(said).expect(new RegExp(c.caseNo)).expect(/状态：/).expectNot(/答不上来|知道您着急/);
  });
});

describe('joining the union: 专送 or 众包', () => {
  const TO_RIDER = ['我送外卖的想入会', '1', '1', '1', '对', '张伟', '110101199003071233', '13800001111', '美团'];

  it('不知道啥意思: both explained, asked again, nothing stored', async () => {
    const user = someone('rider');
    await converse(t.chat, user)
      .sendAll(...TO_RIDER)
      .expect(/是专送还是众包/)
      .send('不知道啥意思')
      .expect(/专送一般由站点/)
      .expect(/众包是自己在App上注册抢单/)
      .expectNot(/按哪里登记/);
    const s = await session(user);
    expect(s.answers.riderType).toBeUndefined();
    expect(s.fieldId).toBe('riderType');
  });

  it('嗯: asked again politely (never 「我们接着填」), a person offered the second time; nothing stored', async () => {
    const user = someone('ack');
    await converse(t.chat, user)
      .sendAll(...TO_RIDER)
      .send('嗯')
      .expect(/这一项还需要您选一下，回复数字就行：[\s\S]*是专送还是众包/)
      .expectNot(/接着填/)
      .send('嗯')
      .expect(/回复「人工」/)
      .expect(/是专送还是众包/);
    expect((await session(user)).answers.riderType).toBeUndefined();
  });
});

describe('staff: the boss’s phone asked for', () => {
  it('老板电话多少: not recorded, said so; the phone in 详情 is the reporter’s; the employer known', async () => {
    const c0 = await createWageCase(t.core, { employer: '青溪宏达建筑工程有限公司' });
    await t.core.cases.update(c0.id, 'test', (cur) => ({
      record: { ...cur, status: 'accepted', assignee: { staffId: 'gw-001', level: 'grid', assignedAt: clock.now().toISOString() } },
      action: 'test',
      detail: '',
    }));
    const say = await staffChat(t.core, 'gw-001');
    const answer = await say(`${c0.caseNo} 老板电话多少`);
    expect(answer).toMatch(new RegExp(`^案件 ${c0.caseNo} 没有登记老板的电话`));
    expect(answer).toMatch(/详情里的电话是报告人张三的/);
    expect(answer).toMatch(/已知的用人单位：青溪宏达建筑工程有限公司/);
    expect(answer).not.toMatch(/联系人、电话、地点和期限都在详情里/);
    expect(await say('好')).toMatch(new RegExp(`^案件编号：${c0.caseNo}`));
    // Without a number (the case not known here): said plainly all the same, never the reporter's phone as the boss's.
    expect(await say('老板电话多少')).toMatch(/^没有登记老板的电话：反映欠薪时不填老板的电话，详情里的电话是报告人的。/);
  });
});
