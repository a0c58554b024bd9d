/*
 * Held-out set P (test/nlu/heldout-p): global commands said in the middle of a form with a reason or a farewell around
 * them were not understood, or were kept as the answer:
 *  1. `退回去上一步` kept as the name; `返回上一步 选错了`, `返回上一步 老板名字要改` read as a village or nothing.
 *  2. `不填了 下次再说` kept as the platform; `先不填了 我再想想` as refusing the consent; `不弄了 拜拜`,
 *     `我不弄了 先这样吧`, `先不填了 身份证没带`, `不报了不报了 烦死`, `先不提交 算了不弄了` not understood.
 *  3. `回主菜单 我搞错了`, `选错了 从头来吧`, `乱了 从头来吧`: the menu (the draft kept).
 *  4. `有真人吗 这个选项不对` kept as the occupation; `找个真人跟我说吧 机器人说的看不懂`, `找个工作人员打给我`,
 *     `找个真人核对一下吧` not understood.
 *  5. `我不想你们留我资料 全部删掉` read as refusing the ID consent; `我不想你们留我资料` not understood.
 *  6. `看不懂啥叫新就业形态` picked 新就业形态 unasked; `专送是啥意思 看不懂`, `两个有啥区别 看不懂`, `看不懂这个问题`,
 *     `这个干嘛用的 看不懂`, `怎么加别人 看不懂`: the question's help.
 * Commands are read by the same readers (flows/nlu/talk.ts commandOf); a command word inside an answer is still an answer.
 * Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import type { MembershipAnswers } from '../../flows/membership.js';
import type { WageAnswers } from '../../flows/wage.js';
import { readAt as read, takenBy as taken } from '../nlu/evaluate.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';

const { t, session: load } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:hp-cmd-${tag}-${Math.random().toString(36).slice(2, 8)}`;
const JOIN = ['我要入工会', '同意', '同意', '1', '王小明', '450103199003071234'] as const;

describe('1. back, said with why', () => {
  it('is back, never a name or a place', () => {
    for (const [flow, asking, said] of [
      ['membership', 'name', '退回去上一步'],
      ['membership', 'name', '回去上一步 名字写错了'],
      ['membership', 'residence', '返回上一步 选错了'],
      ['wage', 'location', '返回上一步 老板名字要改'],
      ['wage', 'employer', '返回上一题 我填错了'],
    ] as const) {
      const p = read(flow, asking, said);
      expect(p.intent, said).toBe('back');
      expect(taken(p), said).toEqual({});
    }
  });

  it('in the chat: `返回上一步 老板名字要改` at the township question goes back to the unit', async () => {
    const user = someone('back');
    await converse(t.chat, user)
      .sendAll('老板欠我工资', '同意', '宏达建筑')
      .expect(/镇或街道/)
      .send('返回上一步 老板名字要改')
      .expect(/单位叫什么名字/)
      .expect(/之前填的是：宏达建筑/)
      .expectNot(/没找到/);
    expect(((await load(user)).answers as WageAnswers).location).toBeUndefined();
  });

  it('in the chat: `退回去上一步` at the name goes back, no name kept', async () => {
    const user = someone('back-name');
    await converse(t.chat, user)
      .sendAll(...JOIN.slice(0, 4))
      .expect(/姓名/)
      .send('退回去上一步')
      .expect(/入会声明/);
    expect(((await load(user)).answers as MembershipAnswers).name).toBeUndefined();
  });
});

describe('2. stopping, said with why or a farewell', () => {
  it('is a wish to stop (asked about), never an answer', () => {
    for (const [flow, asking, said] of [
      ['legal', 'phone', '不弄了 拜拜'],
      ['membership', 'phone', '不弄了 再见'],
      ['membership', 'idNumber', '先不填了 身份证没带'],
      ['membership', 'employment', '我不弄了 先这样吧'],
      ['membership', 'platform', '不填了 下次再说'],
      ['membership', 'platform', '不填了 以后再说'],
      ['membership', 'review', '先不提交 算了不弄了'],
      ['membership', 'review', '先不提交了 算了'],
      ['wage', 'consent', '先不填了 我再想想'],
      ['wage', 'period', '不报了不报了 烦死'],
      ['wage', 'review', '先不提交了 算了'],
    ] as const) {
      const p = read(flow, asking, said);
      expect(p.intent, said).toBe('cancel');
      expect(taken(p), said).toEqual({});
    }
    // guard: `先别提交` alone at the summary is not yet, no wish to stop (test/flows/talk.test.ts: the summary stays).
    expect(read('wage', 'review', '先别提交').intent).not.toBe('cancel');
  });

  it('in the chat: `不填了 下次再说` at the platform is no platform: asked whether to stop, the draft kept', async () => {
    const user = someone('stop-platform');
    await converse(t.chat, user)
      .sendAll(...JOIN, '13977112233', '2')
      .send('我送外卖')
      .send('不填了 下次再说')
      .expect(/先帮您保存着/)
      .expect(/要先停在这里吗/);
    expect(((await load(user)).answers as MembershipAnswers).platform).toBeUndefined();
  });

  it('in the chat: `先不填了 身份证没带` at the ID number: asked whether to stop, then back to the question', async () => {
    const user = someone('stop-id');
    await converse(t.chat, user)
      .sendAll(...JOIN.slice(0, 5))
      .expect(/身份证号码/)
      .send('先不填了 身份证没带')
      .expect(/要先停在这里吗/)
      .send('继续')
      .expect(/身份证号码/);
  });

  // guard: the chat already paused here (engine stopWish); only the reading (consent=false, unconfirmed) was wrong.
  it('in the chat: `先不填了 我再想想` at the consent is no refusal: a pause, nothing kept', async () => {
    const user = someone('stop-consent');
    await converse(t.chat, user).send('老板欠我工资').expect(/您同意吗/).send('先不填了 我再想想').expect(/不着急/).expectNot(/请回复1/);
    expect(((await load(user)).answers as WageAnswers).consent).toBeUndefined();
  });
});

describe('3. the menu, said with why', () => {
  it('is the menu', () => {
    for (const [flow, asking, said] of [
      ['membership', 'phone', '回主菜单 我搞错了'],
      ['membership', 'occupation', '选错了 从头来吧'],
      ['wage', 'community', '乱了 从头来吧'],
      ['wage', 'community', '选错了 重新来'],
    ] as const) {
      const p = read(flow, asking, said);
      expect(p.intent, said).toBe('menu');
      expect(taken(p), said).toEqual({});
    }
  });

  it('in the chat: `乱了 从头来吧` at the village: the menu, the report kept as a draft', async () => {
    await converse(t.chat, someone('menu'))
      .sendAll('老板欠我工资', '同意', '宏达建筑', '东龙')
      .expect(/哪个村或社区/)
      .send('乱了 从头来吧')
      .expect(/已回到主菜单/)
      .expect(/已保存/)
      .expectNot(/没有叫/);
  });
});

describe('4. a person asked for, with why', () => {
  it('is a person asked for, never an answer', () => {
    for (const [flow, asking, said] of [
      ['membership', 'occupationOther', '有真人吗 这个选项不对'],
      ['membership', 'occupationOther', '有没有真人 这个选项不对'],
      ['wage', 'consent', '找个真人跟我说吧 机器人说的看不懂'],
      ['wage', 'projectAddress', '找个工作人员打给我'],
      ['wage', 'projectAddress', '叫个工作人员给我打电话'],
      ['wage', 'confirm', '找个真人核对一下吧'],
      ['wage', 'confirm', '找个工作人员核实一下'],
    ] as const) {
      const p = read(flow, asking, said);
      expect(p.intent, said).toBe('human');
      expect(taken(p), said).toEqual({});
    }
    // guard: a command word inside an answer is still the answer.
    expect(taken(read('wage', 'employer', '人工智能科技')).employer).toBe('人工智能科技');
  });

  it('in the chat: `找个真人跟我说吧 机器人说的看不懂` at the consent: a person, never the consent asked again', async () => {
    await converse(t.chat, someone('human'))
      .send('老板欠我工资')
      .send('找个真人跟我说吧 机器人说的看不懂')
      .expect(/转给工作人员/)
      .expectNot(/请回复1/);
  });
});

describe('5. not wanting the data kept', () => {
  it('is the wish to be forgotten, never a no to the ID consent', () => {
    for (const [flow, asking, said] of [
      ['membership', 'idConsent', '我不想你们留我资料 全部删掉'],
      ['membership', 'idConsent', '不要留我的资料 都删了'],
      ['wage', 'contactName', '我不想你们留我资料'],
      ['wage', 'contactName', '不想让你们保存我的信息'],
    ] as const) {
      const p = read(flow, asking, said);
      expect(p.intent, said).toBe('forget');
      expect(taken(p), said).toEqual({});
    }
    // guard: 删掉 alone after a value is not the wish to be forgotten.
    expect(read('wage', 'contactName', '电话不要了 删掉').intent).not.toBe('forget');
  });

  it('in the chat: asked before anything is deleted; 不删除 keeps the draft', async () => {
    const user = someone('forget');
    await converse(t.chat, user)
      .sendAll('我要入工会', '同意')
      .expect(/同意提供身份证号吗/)
      .send('我不想你们留我资料 全部删掉')
      .expect(/确定要删除您的个人信息吗/)
      .send('不删除')
      .expect(/没有删除任何信息/);
    expect(((await load(user)).answers as MembershipAnswers).idConsent).toBeUndefined();
  });
});

describe('6. the question not understood', () => {
  it('is the question’s help, never the option named', () => {
    for (const [flow, asking, said] of [
      ['legal', 'limit', '这个干嘛用的 看不懂'],
      ['legal', 'limit', '这个是干嘛用的'],
      ['membership', 'employment', '看不懂啥叫新就业形态'],
      ['membership', 'placeKind', '两个有啥区别 看不懂'],
      ['membership', 'placeKind', '这两个有什么区别'],
      ['membership', 'riderType', '专送是啥意思 看不懂'],
      ['membership', 'riderType', '众包是什么意思 看不懂'],
      ['wage', 'construction', '看不懂这个问题'],
      ['wage', 'construction', '看不懂这个'],
      ['wage', 'roster', '怎么加别人 看不懂'],
    ] as const) {
      const p = read(flow, asking, said);
      expect(p.intent, said).toBe('help');
      expect(taken(p), said).toEqual({});
    }
    // guard: the word asked alone is read with the choices (what tells them apart), as before; the knowledge base
    // still answers its own terms.
    expect(read('membership', 'employment', '什么是新就业形态？').intent).toBe('unclear');
    expect(read('legal', 'help', '支持起诉是啥意思').intent).toBe('question');
    expect(read('membership', 'employment', '新就业形态').direct.employment).toBe('new_form');
  });

  it('in the chat: `看不懂啥叫新就业形态` at the kind of work: what tells them apart, nothing picked', async () => {
    const user = someone('help');
    await converse(t.chat, user)
      .sendAll(...JOIN, '13977112233')
      .expect(/怎么工作的/)
      .send('看不懂啥叫新就业形态')
      .expect(/选1/)
      .expect(/选2/)
      .expect(/怎么工作的/);
    expect(((await load(user)).answers as MembershipAnswers).employment).toBeUndefined();
  });
});
