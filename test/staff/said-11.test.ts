/*
 * Staff in WeChat, probe 11: an employer shaped as one (`华联超市`) on none of the person's open cases
 * (nor another's) is said so and nothing is stored, whether one case is held or several.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers.
 */
import { describe, expect, it } from 'vitest';
import { GW1, staffInWechat } from './in-wechat.js';
import { workingDayAt } from './support.js';

const T0 = workingDayAt('10:00');
const { app, ask, get, bind, acceptedByGw1 } = staffInWechat(T0);

describe('备注 with an employer on none of the open cases (2)', () => {
  it('备注 华联超市 老板说下周给: said clearly, nothing stored', async () => {
    await bind(GW1, 'gw-001');
    const first = await acceptedByGw1();
    const second = await app.routedCase({ employer: '青溪鑫源餐饮管理有限公司' });
    const answer = await ask(GW1, '备注 华联超市 老板说下周给');
    expect(answer).toContain('您负责的案件里没有用人单位有「华联超市」的，这条还没有办理。');
    expect((await get(first)).notes).toEqual([]);
    expect((await get(second)).notes).toEqual([]);
  });
  it('备注 华联超市 老板说下周给, one case held: said clearly, nothing stored', async () => {
    await bind(GW1, 'gw-001');
    const first = await acceptedByGw1();
    const answer = await ask(GW1, '备注 华联超市 老板说下周给');
    expect(answer).toContain('您负责的案件里没有用人单位有「华联超市」的，这条还没有办理。');
    expect((await get(first)).notes).toEqual([]);
    // A word not shaped as an employer's name is the note's own, as before.
    expect(await ask(GW1, '备注 工程款 还没结算')).toMatch(new RegExp(`^您手上只有一件案件，按 ${first.caseNo} 办理：`));
  });
});
