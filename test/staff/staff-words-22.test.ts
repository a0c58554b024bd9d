/*
 * A grid worker's words about a case they hold, in WeChat:
 *  - what they learnt of the boss (`老板电话是139…`, `老板姓王 住在新塘村`, `工人说老板换号了`) and what they did
 *    (`让他去仲裁了`, `材料交给劳动监察了`): a note offered as typed, recorded on 好 — never 「没看懂这条消息」;
 *  - `这个案子我转给黄丽娟了`: handing a case on by word of mouth changes nothing, so they are told the case is still
 *    theirs and its time limit runs, with 退回 for a real hand-over; nothing is changed by it.
 *  - guards: `钱交给工人了`, `让他去仲裁了` are no hand-over; `老板电话多少` is still the answer about the boss's phone.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers.
 */
import { describe, expect, it } from 'vitest';
import { GW1, staffInWechat } from './in-wechat.js';
import { workingDayAt } from './support.js';

const { ask, get, bind, acceptedByGw1 } = staffInWechat(workingDayAt('10:00'));

describe('what a grid worker learnt and did', () => {
  it.each(['老板电话是13912345678', '包工头手机 13912345678', '老板姓王 住在新塘村', '工人说老板换号了', '让他去仲裁了', '材料交给劳动监察了'])(
    '%s: a note offered as typed, recorded on 好',
    async (said) => {
      await bind(GW1, 'gw-001');
      const c = await acceptedByGw1();
      expect(await ask(GW1, said)).toBe(`要记下办理情况，请发：备注 ${c.caseNo} ${said}\n回复「好」就这样记下。`);
      expect(await ask(GW1, '好')).toMatch(/^已记下备注（共1条）/);
      expect((await get(c)).notes.map((n: { text: string }) => n.text)).toEqual([said]);
    },
  );
});

describe('a case handed on by word of mouth', () => {
  it('这个案子我转给黄丽娟了: still theirs, 退回 shown; nothing changed', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    const said = await ask(GW1, '这个案子我转给黄丽娟了');
    expect(said).toMatch(new RegExp(`^案件 ${c.caseNo} 还在您名下，期限照算。要交给别人办，请发：退回 ${c.caseNo} 原因`));
    expect(said).not.toMatch(/回复「好」/);
    const now = await get(c);
    expect(now.status).toBe('accepted');
    expect(now.assignee?.staffId).toBe('gw-001');
  });

  it('guards: 钱交给工人了 and 让他去仲裁了 are no hand-over; 老板电话多少 is about the boss\'s phone', async () => {
    await bind(GW1, 'gw-001');
    await acceptedByGw1();
    expect(await ask(GW1, '钱交给工人了')).not.toMatch(/还在您名下/);
    expect(await ask(GW1, '让他去仲裁了')).not.toMatch(/还在您名下/);
    expect(await ask(GW1, '老板电话多少')).toMatch(/没有登记老板的电话/);
  });
});
