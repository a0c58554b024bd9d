/**
 * Held-out set T (h204): upset people answering a question of free words (a name, the unit, the project, the trade,
 * an address) with their feelings around the answer or in place of it. One reader (flows/nlu/vent.ts) cuts venting:
 * the value is what is left, asked first unless only a tail of feeling was cut; venting alone is no answer (a kind
 * word, and the question again). The words here are other people's. Each test failed before its fix; `guard:` lines
 * keep what already worked. Today is Tuesday 1 December 2026, 10:00 (a fixed clock).
 */
import { describe, expect, it } from 'vitest';
import { ventedFrom } from '../../flows/nlu/vent.js';
import { selfHarm } from '../../flows/safety.js';
import { chatOnClock } from '../support/clocked.js';
import { converse } from '../support/converse.js';
import { readAt as read, takenBy as taken } from './evaluate.js';

const { t } = chatOnClock('2026-12-01T10:00:00+08:00');
const someone = (tag: string) => `web:h204-${tag}-${Math.random().toString(36).slice(2, 8)}`;

const JOIN_NAME = { consent: true, idConsent: true };
const JOIN_ID = { ...JOIN_NAME, name: '韦秀英' };
const JOIN_WORK = { ...JOIN_ID, idNumber: '450122197506221089', phone: '13877123456', employment: 'employee' };
const JOIN_OTHER = { ...JOIN_WORK, employment: 'new_form', occupation: 'other' };
const WAGE = { consent: true };
const WAGE_SITE = { ...WAGE, employer: '张德贵', location: 't01', community: '上坪村', construction: true };
const WAGE_LATER = {
  ...WAGE_SITE,
  project: '上坪安置房',
  period: { start: '2026-09', end: '2026-11' },
  amount: { yuan: 20000, approx: false, upTo: null },
  headcount: { count: 8, approximate: false },
  groupAmount: { yuan: 150000, approx: true, upTo: null },
  stillEmployed: false,
  leftSince: '2026-11',
};
const WAGE_CHAIN = { ...WAGE_LATER, employerAddress: null, projectAddress: null, generalContractor: null };
const WAGE_TRADE = { ...WAGE_CHAIN, subcontractor: null, labourContractor: null };
const WAGE_ACCOUNT = { ...WAGE_TRADE, trade: null, roster: null };
const LEGAL_NAME = { consent: true, matter: 'wage', limit: { leftOn: '2026-11-03' }, help: 'lawyer', mode: 'in_person', place: 't01' };

describe('held-out set T: venting is never a value', () => {
  it('a message that only vents is no answer', () => {
    for (const [flow, asking, text, known] of [
      ['membership', 'name', '我叫天天不应 叫地地不灵', JOIN_NAME],
      ['membership', 'name', '跟机器说话真费劲 烦', JOIN_NAME],
      ['membership', 'employer', '死厂子 我都不想提它', JOIN_WORK],
      ['wage', 'employer', '八辈子倒了血霉碰上这种老板', WAGE],
      ['wage', 'employer', '叫什么来着 气得我脑子都空了', WAGE],
      ['wage', 'employer', '累死了 能不能明天再说', WAGE],
      ['wage', 'workerName', '问这个干嘛 反正是我爸', { consent: true, onBehalf: { relation: '爸' } }],
      ['wage', 'contactName', '我叫天天不应', WAGE_ACCOUNT],
      ['wage', 'contactName', '你管我叫什么 先把钱要回来再说', WAGE_ACCOUNT],
      ['legal', 'contactName', '不告诉你 先说能不能帮', LEGAL_NAME],
    ] as const) {
      const p = read(flow, asking, text, known as Record<string, unknown>);
      expect(p.intent, text).toBe('unclear');
      expect(taken(p), text).toEqual({});
    }
  });

  it('insults are never names', () => {
    for (const text of ['狗老板', '黑心老板', '畜生', '死老板']) expect(taken(read('wage', 'employer', text, WAGE)), text).toEqual({});
    expect(taken(read('membership', 'name', '畜生', JOIN_NAME))).toEqual({});
  });

  it('the answer is what is left: as typed after a tail of feeling, else asked first', () => {
    // A tail of feeling after the words: the words as typed.
    expect(read('legal', 'contactName', '郑秀梅 能不能快点安排', LEGAL_NAME).direct).toEqual({ contactName: '郑秀梅' });
    expect(read('wage', 'contactName', '覃丽娟！！我都说了三遍了', WAGE_ACCOUNT).direct).toEqual({ contactName: '覃丽娟' });
    expect(read('wage', 'trade', '木工 累得跟狗一样', WAGE_TRADE).direct).toEqual({ trade: '木工' });
    expect(read('wage', 'projectAddress', '河西街道滨江路18号 你们自己去看', { ...WAGE_LATER, employerAddress: null }).direct).toEqual({ projectAddress: '河西街道滨江路18号' });
    // Anything else cut: proposed (「…对吗？」), never kept unasked.
    const asked = (flow: 'wage' | 'membership', asking: string, text: string, known: Record<string, unknown>) => {
      const p = read(flow, asking, text, known);
      expect(p.direct, text).toEqual({});
      return p.inferred;
    };
    expect(asked('membership', 'name', '名字也要？？梁国栋', JOIN_NAME)).toEqual({ name: '梁国栋' });
    expect(asked('membership', 'occupationOther', '跑腿 半夜都得跑 腿都断了', JOIN_OTHER)).toEqual({ occupationOther: '跑腿' });
    expect(asked('membership', 'occupationOther', '网店客服 一天回八百条消息 烦死', JOIN_OTHER)).toEqual({ occupationOther: '网店客服' });
    expect(asked('wage', 'employer', '黑心老板叫刘富贵 化成灰我都认得', WAGE)).toEqual({ employer: '刘富贵' });
    expect(asked('wage', 'employer', '宏达建筑那帮畜生！！！', WAGE)).toEqual({ employer: '宏达建筑' });
    expect(asked('wage', 'project', '上坪安置房 那个烂尾的破楼', WAGE_SITE)).toEqual({ project: '上坪安置房' });
    expect(asked('wage', 'project', '青溪花园三期 你们去看看 工人都闹翻了', WAGE_SITE)).toEqual({ project: '青溪花园三期' });
    expect(asked('wage', 'employerAddress', '工业大道18号 去了也是大门紧锁', WAGE_LATER)).toEqual({ employerAddress: '工业大道18号' });
    expect(asked('wage', 'labourContractor', '黄老三 那个畜生 卷钱跑了', { ...WAGE_CHAIN, subcontractor: null })).toEqual({ labourContractor: '黄老三' });
    expect(asked('wage', 'trade', '打杂的呗 啥脏活都让我干', WAGE_TRADE)).toEqual({ trade: '杂工' });
    // The unit's words beside a complaint: never the unit (「鑫达劳务跟」 was proposed as the employer).
    expect(taken(read('wage', 'subcontractor', '劳务公司叫鑫达劳务 跟包工头穿一条裤子', WAGE_CHAIN))).toEqual({ subcontractor: '鑫达劳务' });
    // A complaint first: never a clause of it kept (「问那么多」 was proposed as the unit).
    expect(taken(read('wage', 'employer', '问那么多干嘛 包工头王建军 你们去抓他啊', WAGE)).employer).not.toBe('问那么多');
  });

  it('not knowing, or not telling, said with a complaint', () => {
    expect(read('wage', 'employerAddress', '不知道 他从来不让我们去办公室', WAGE_LATER).direct).toEqual({ employerAddress: null });
    expect(read('wage', 'account', '不想说 说了也白说', WAGE_ACCOUNT).direct).toEqual({ account: null });
    // guard: the account of what happened keeps its feelings (they are the story told).
    const story = '老板一直说下个月给 下个月又下个月 现在电话都不接了 狗东西';
    expect(read('wage', 'account', story, WAGE_ACCOUNT).direct).toEqual({ account: story });
  });

  it('venting beside a typed value or after a no is no value', () => {
    expect(taken(read('membership', 'idNumber', '45010219660101108x 烦死', JOIN_ID))).toEqual({ idNumber: '45010219660101108X' });
    expect(taken(read('wage', 'confirm', '不对！！！全错了', { employer: '张德贵', location: 't01' }))).toEqual({});
  });

  it('already a member, said with a complaint: the answer for that, never the unit', () => {
    const p = read('membership', 'employer', '我早入过会了 还要再入一遍？？', JOIN_WORK);
    expect(p.intent).toBe('question');
    expect(p.entry).toBe('already-member-join-again');
    expect(taken(p)).toEqual({});
  });

  it('venting words never eat data, and are no self-harm', () => {
    // guard: words that only look like venting.
    for (const text of ['王大军 12000', '快递', '死亡赔偿', '烂尾楼', '宏达建筑 手断了', '卷钱跑了', '老板叫刘富贵', '王气']) expect(ventedFrom(text), text).toBeNull();
    // Safety's own words are never cut.
    expect(ventedFrom('我不想活了 累死了')?.rest).toBe('我不想活了');
    // guard: tiredness and anger are no self-harm.
    for (const text of ['累死了', '气死我了', '烦死了', '累死了 能不能明天再说']) expect(selfHarm(text), text).toBe(false);
  });

  it('in the chat: a kind word and the question again, never a loop; then the name is taken', async () => {
    await converse(t.chat, someone('unit'))
      .sendAll('反映欠薪', '同意')
      .send('死厂子 我都不想提它')
      .expect(/^理解您的心情。欠您工资的单位叫什么名字/)
      .send('累死了 能不能明天再说')
      .expect(/^辛苦了。欠您工资的单位叫什么名字/)
      .send('宏达建筑那帮畜生！！！')
      .expect(/「宏达建筑」。对吗/)
      .expectNot(/那帮/);
  });
});
