/*
 * Staff words that are no figure, numbers typed out of place, two commands at once, and the API's side of the same
 * intents (helper h61):
 *  - a grid worker's `办结 QX… 追回一半` (`三分之一`, `50%`, `百分之五十`): was told 「没看懂追回金额后面的话」 (the 一 read
 *    as 1元, the rest not understood); now the share of a one-figure claim is worked out and offered in the message that
 *    records it, nothing recorded; `追回大部分`, `追回一点`, `一半左右`, a group's claim: the figure asked for;
 *  - `办结 追回28500 QX…` (the number last): was read with the number left in the words (asked, or the cases listed
 *    with a broken example); now the case typed;
 *  - `备注 QX… 打了电话 办结 QX… 追回28500`, `详情 QX…⏎办结 QX… …`: only the first ran (the 办结 kept in the note, or
 *    dropped unsaid); now neither runs and both are spelled out;
 *  - the staff reader of amounts (core/infra/money.ts) reads `2万八`, `一点五万`, `贰万捌仟伍佰` as the chat's reader does;
 *  - the staff API: `full: true` well below the claim was recorded as all paid (WeChat's 办结 asks it back); a
 *    liaison's outcome `全部追回` was recorded as progress and sent to the reporter (WeChat offers the figure): now 400,
 *    nothing recorded.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../core/cases/store.js';
import { parseClose } from '../../core/cases/closing.js';
import { manualClock } from '../../core/infra/clock.js';
import { leadingAmount } from '../../core/infra/money.js';
import { parseChineseNumber } from '../../flows/parsers/chinese-number.js';
import { useFixture } from '../support/fixture.js';
import { GW1, LIAISON, staffInWechat } from './in-wechat.js';
import { A_WORKING_DAY, routeTo, staffChat, startStaffApi, wageCase } from './support.js';

describe('in WeChat', () => {
  const s = staffInWechat(A_WORKING_DAY);
  const outcome = async (c: { id: string }) => (await s.get(c)).outcome ?? null;

  describe('a share of the claim in 办结', () => {
    it('办结 QX… 追回一半: half the claim offered, nothing recorded; the offered message records it as part', async () => {
      await s.bind(GW1, 'gw-001');
      const c = await s.acceptedByGw1();
      expect(await s.ask(GW1, `办结 ${c.caseNo} 追回一半`)).toBe(
        [
          '是追回了14,250元（反映金额28,500元的一半）吗？还没有记录。',
          `是的话，请发：办结 ${c.caseNo} 追回 14250 还欠 14250`,
          `不是的话，请写上实际追回的金额：办结 ${c.caseNo} 追回 金额`,
        ].join('\n'),
      );
      expect([(await s.get(c)).status, await outcome(c)]).toEqual(['accepted', null]);
      expect(await s.ask(GW1, `办结 ${c.caseNo} 追回 14250 还欠 14250`)).toContain('记录的结果：追回14,250元（部分，报告人反映欠28,500元）');
      expect(await outcome(c)).toMatchObject({ recovered: 14250, full: false });
    });

    it.each([
      ['追回三分之一', '9,500元', '三分之一', 'QX 追回 9500 还欠 19000'],
      ['追回了十分之三的工资', '8,550元', '十分之三', 'QX 追回 8550 还欠 19950'],
      ['追回50%', '14,250元', '50%', 'QX 追回 14250 还欠 14250'],
      ['已追回百分之五十', '14,250元', '百分之五十', 'QX 追回 14250 还欠 14250'],
      ['追回一半 下一步 仲裁', '14,250元', '一半', 'QX 追回 14250 还欠 14250 下一步 仲裁'],
    ])('办结 QX… %s: %s offered, nothing recorded', async (words, amount, share, offered) => {
      await s.bind(GW1, 'gw-001');
      const c = await s.acceptedByGw1();
      const said = await s.ask(GW1, `办结 ${c.caseNo} ${words}`);
      expect(said).toMatch(new RegExp(`^是追回了${amount}（反映金额28,500元的${share}）吗？还没有记录。\n`));
      expect(said).toContain(`是的话，请发：办结 ${offered.replace('QX', c.caseNo)}\n`);
      expect([(await s.get(c)).status, await outcome(c)]).toEqual(['accepted', null]);
    });

    it.each(['追回大部分', '追回一点', '追回一半左右', '追回一部分工资'])('办结 QX… %s: the figure asked for, nothing recorded', async (words) => {
      await s.bind(GW1, 'gw-001');
      const c = await s.acceptedByGw1();
      expect(await s.ask(GW1, `办结 ${c.caseNo} ${words}`)).toBe(
        `报告人反映欠28,500元，您写的是${words.replace(/^追回/, '追回')}，具体追回了多少钱？还没有记录。\n请写上实际追回的金额：办结 ${c.caseNo} 追回 金额`.replace('追回一部分工资，', '追回一部分，'),
      );
      expect([(await s.get(c)).status, await outcome(c)]).toEqual(['accepted', null]);
    });

    it('办结 QX… 追回一半 on a group\'s report: the figure asked for, nothing worked out', async () => {
      await s.bind(GW1, 'gw-001');
      await s.app.t.core.redis.hSet(s.app.t.core.cases.keys.load(), { 'gw-001': 0 });
      const c = await s.routedCase({ headcount: 3, amount: 9000 });
      expect(c.assignee?.staffId).toBe('gw-001');
      expect(await s.ask(GW1, `接单 ${c.caseNo}`)).toMatch(/^已接单。/);
      const said = await s.ask(GW1, `办结 ${c.caseNo} 追回一半`);
      expect(said).toMatch(/^报告人反映欠.*您写的是追回一半，具体追回了多少钱？还没有记录。\n/);
      expect([(await s.get(c)).status, await outcome(c)]).toEqual(['accepted', null]);
    });

    it('parseClose (any caller): 追回一半 / 追回大部分 said back as no figure (was 「没看懂追回金额后面的话」)', () => {
      expect(() => parseClose('追回一半', '2026-12-01')).toThrow('「一半」不是一个准确的金额，还没有记录。');
      expect(() => parseClose('追回三分之一', '2026-12-01')).toThrow('「三分之一」不是一个准确的金额，还没有记录。');
      expect(() => parseClose('追回大部分', '2026-12-01')).toThrow('「大部分」不是一个准确的金额，还没有记录。');
    });
  });

  describe('numbers typed out of place', () => {
    it('办结 追回28500 QX… (the number last) with another case held: that case closed', async () => {
      await s.bind(GW1, 'gw-001');
      const other = await s.acceptedByGw1();
      const c = await s.acceptedByGw1();
      expect(await s.ask(GW1, `办结 追回28500 ${c.caseNo}`)).toMatch(new RegExp(`^已办结。案件 ${c.caseNo} 现在是「已办结」。`));
      expect(await outcome(c)).toMatchObject({ recovered: 28500, full: true });
      expect((await s.get(other)).status).toBe('accepted');
    });

    it('结果 追回 28500 QX… from a liaison (the number last): recorded on that referral', async () => {
      await s.bind(GW1, 'gw-001');
      await s.bind(LIAISON, 'liaison-1');
      const c = await s.acceptedByGw1();
      expect(await s.ask(GW1, `转检察 ${c.caseNo} 老板跑了`)).toMatch(/^已转给检察联络员/);
      expect(await s.ask(LIAISON, `受理 ${c.caseNo}`)).toMatch(/^已受理。/);
      expect(await s.ask(LIAISON, `结果 追回 28500 ${c.caseNo}`)).toMatch(/^已记录结果/);
      expect((await s.get(c)).outcome?.recovered).toBe(28500);
    });

    it('guard: 备注 with another case\'s number last is not moved onto that case', async () => {
      // guard: a note's words may mention a case; the number typed last is never taken as the case noted.
      await s.bind(GW1, 'gw-001');
      const a = await s.acceptedByGw1();
      const b = await s.acceptedByGw1();
      const notes = (await s.get(b)).notes.length;
      await s.ask(GW1, `备注 老板和这件是同一个 ${b.caseNo}`);
      expect((await s.get(b)).notes.length).toBe(notes);
      expect((await s.get(a)).notes.length).toBe(0);
    });

    it('guard: ｑｘ／lower case numbers and 办结QX… with no space close the case typed', async () => {
      // guard: numbers as typed on a phone keep working (full width, lower case, glued to the command).
      await s.bind(GW1, 'gw-001');
      const fw = (no: string) => no.replace(/[A-Z0-9-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
      for (const typed of [(no: string) => `办结 ${fw(no)} 追回 ２８５００`, (no: string) => `办结 ${no.toLowerCase()} 追回 28500`, (no: string) => `办结${no}追回28500`]) {
        const c = await s.acceptedByGw1();
        expect(await s.ask(GW1, typed(c.caseNo))).toMatch(/^已办结。/);
        expect(await outcome(c)).toMatchObject({ recovered: 28500 });
      }
    });
  });

  describe('two commands in one message', () => {
    it.each([
      ['备注 {no} 打了电话 办结 {no} 追回 28500', '备注', '办结', '备注 {no} 打了电话', '办结 {no} 追回 28500'],
      ['详情 {no}\n办结 {no} 追回 28500', '详情', '办结', '详情 {no}', '办结 {no} 追回 28500'],
      ['办结 {no} 追回 28500\n备注 {no} 老板给的现金', '办结', '备注', '办结 {no} 追回 28500', '备注 {no} 老板给的现金'],
    ])('%s: neither done, both spelled out', async (typed, first, second, one, two) => {
      await s.bind(GW1, 'gw-001');
      const c = await s.acceptedByGw1();
      const n = (t: string) => t.replaceAll('{no}', c.caseNo);
      expect(await s.ask(GW1, n(typed))).toBe(`一次只能办一条指令：这条消息里有「${first}」和「${second}」，都还没有办理。请分开发：\n${n(one)}\n${n(two)}`);
      const now = await s.get(c);
      expect([now.status, now.notes.length, now.outcome ?? null]).toEqual(['accepted', 0, null]);
    });

    it('guard: 备注 QX… 老板说下周办结 (a command word with no number after it) is a note as typed', async () => {
      // guard: only a second command with its own record number is taken as one.
      await s.bind(GW1, 'gw-001');
      const c = await s.acceptedByGw1();
      expect(await s.ask(GW1, `备注 ${c.caseNo} 老板说下周 办结 结果再说`)).toMatch(/^已记下备注/);
      expect((await s.get(c)).notes.at(-1)?.text).toBe('老板说下周 办结 结果再说');
    });
  });

  describe('numerals as the chat reads them', () => {
    it.each([
      ['追回2万八', 28000, '（部分，报告人反映欠28,500元）'],
      ['追回一点五万', 15000, '（部分，报告人反映欠28,500元）'],
      ['追回贰万捌仟伍佰', 28500, '（全额）'],
    ])('办结 QX… %s: recorded as %d (was asked)', async (words, amount, mark) => {
      await s.bind(GW1, 'gw-001');
      const c = await s.acceptedByGw1();
      expect(await s.ask(GW1, `办结 ${c.caseNo} ${words}`)).toContain(`记录的结果：追回${amount.toLocaleString('en-US')}元${mark}`);
      expect((await outcome(c))?.recovered).toBe(amount);
    });

    it('结果 QX… 追回一点五万 from a liaison: recorded as 15,000 (was progress)', async () => {
      await s.bind(GW1, 'gw-001');
      await s.bind(LIAISON, 'liaison-1');
      const c = await s.acceptedByGw1();
      await s.ask(GW1, `转检察 ${c.caseNo} 老板跑了`);
      await s.ask(LIAISON, `受理 ${c.caseNo}`);
      expect(await s.ask(LIAISON, `结果 ${c.caseNo} 追回一点五万`)).toContain('记录的结果：追回15,000元（部分');
      expect((await s.get(c)).outcome?.recovered).toBe(15000);
    });
  });
});

describe('the staff reader and the chat\'s read the same figures alike', () => {
  it('every figure either reads whole is the same number', () => {
    const figures = [
      '两万八', '2万8', '2万八', '二万八', '三千五百', '1.5万', '一点五万', '二点八五万', '两千五', '十万', '一万零五百', '两万八千五',
      '2万8千5', '2万八千5百', '一千零五', '一百二', '十二万五', '12万5', '一万二', '三万零五百', '2.85万', '28k', '6千5', '28500',
      '28,500', '２８５００', '壹万', '贰万捌仟伍佰', '兩萬八', '三千二', '三千零二', '十万八千', '一万二千三百四十五', '二十八万五', '3w5',
    ];
    const differ = figures.flatMap((f) => {
      const staff = leadingAmount(f);
      const chat = parseChineseNumber(f);
      return staff?.rest === '' && staff.n === chat ? [] : [`${f}: staff ${staff ? `${staff.n}+「${staff.rest}」` : null}, chat ${chat}`];
    });
    expect(differ).toEqual([]);
  });

  it('guard: what neither reads as one figure stays unread by the staff reader', () => {
    // guard: ranges and hedges are never read whole (the close asks for the figure).
    for (const f of ['一万二三', '两三万', '两万八九千']) expect(leadingAmount(f)).toBeNull();
    for (const f of ['一万多', '2万八九', '一点']) expect(leadingAmount(f)?.rest).not.toBe('');
  });
});

describe('the staff API: the same intents as in WeChat', () => {
  const GW = 'gw-001';
  const api = useFixture(() => startStaffApi({ workers: true, clock: manualClock(A_WORKING_DAY) }), 'all');
  let gw: (text: string) => Promise<string>;
  beforeAll(async () => {
    gw = await staffChat(api.core, GW);
  });
  const post = async (c: Case, action: string, staffId: string, json?: unknown) => api.req('POST', `/api/v1/staff/cases/${c.caseNo}/${action}`, { token: await api.staff(staffId), json });
  const get = async (c: Case) => (await api.core.cases.get(c.id))!;
  async function accepted(): Promise<Case> {
    const c = await routeTo(api.core, await wageCase(api.core, { gridId: 't01-g1' }), GW);
    expect(await gw(`接单 ${c.caseNo}`)).toMatch(/^已接单/);
    return get(c);
  }

  it('resolve {recovered: 3000, full: true} on 28,500元: 400, nothing recorded (WeChat asks it back); confirmed records it', async () => {
    const c = await accepted();
    const before = await get(c);
    const r = await post(c, 'resolve', GW, { recovered: 3000, full: true });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ field: 'recovered', message: expect.stringContaining('追回3,000元记为全部追回，但报告人反映欠28,500元，还没有记录。') });
    const after = await get(c);
    expect([after.status, after.history.length]).toEqual(['accepted', before.history.length]);
    const ok = await post(c, 'resolve', GW, { recovered: 3000, full: true, confirmed: true });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.case.outcome).toMatchObject({ recovered: 3000, full: true });
  });

  it('guard: resolve {recovered: 26000, full: true} (within a tenth of the claim) is recorded at once', async () => {
    // guard: deductions and rounding are not asked about, as in WeChat.
    const c = await accepted();
    const r = await post(c, 'resolve', GW, { recovered: 26000, full: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.case.outcome).toMatchObject({ recovered: 26000, full: true });
  });

  it('referral/outcome {outcome: 全部追回}: 400 with the figure to write, nothing recorded (was progress sent to the reporter)', async () => {
    const c = await accepted();
    expect(await gw(`转检察 ${c.caseNo} 老板跑了`)).toMatch(/^已转给检察联络员/);
    expect((await post(c, 'referral/accept', 'liaison-1')).status).toBe(200);
    const before = await get(c);
    for (const outcome of ['全部追回', '追回全款']) {
      const r = await post(c, 'referral/outcome', 'liaison-1', { outcome });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ field: 'outcome', message: '您是说报告人反映的28,500元全部追回了吗？还没有记录。是的话，请写「追回 28500」；只追回了一部分的，请写上追回的金额。' });
    }
    const after = await get(c);
    expect([after.status, after.referral?.status, after.notes.length, after.history.length]).toEqual(['referred', 'accepted', before.notes.length, before.history.length]);
    const ok = await post(c, 'referral/outcome', 'liaison-1', { outcome: '追回 28500' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect((await get(c)).outcome?.recovered).toBe(28500);
  });
});
