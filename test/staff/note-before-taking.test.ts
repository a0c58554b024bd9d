/*
 * A grid worker who works on a case before taking it (`打了电话没人接`, `备注 QX… 老板说月底给` on a case still
 * 待接单): the note is recorded, and they are told the case still waits for 接单 and goes to someone else when its
 * time runs out; 接单 is offered on 好, also right after a note itself taken with 好. Once taken, no such line.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers.
 */
import { describe, expect, it } from 'vitest';
import { GW1, staffInWechat } from './in-wechat.js';
import { workingDayAt } from './support.js';

const { ask, get, bind, routedToGw1, acceptedByGw1 } = staffInWechat(workingDayAt('10:00'));

describe('a note on a case not yet taken', () => {
  it('备注 typed out: recorded, 接单 said and offered; 好 takes the case', async () => {
    await bind(GW1, 'gw-001');
    const c = await routedToGw1();
    const said = await ask(GW1, `备注 ${c.caseNo} 老板说月底给`);
    expect(said).toMatch(/^已记下备注（共1条）。/);
    expect(said).toMatch(new RegExp(`这件还没接单，\\d+月\\d+日 \\d\\d:\\d\\d前不接单会改派给别人。请发：接单 ${c.caseNo}\n回复「好」就接单。$`));
    expect((await get(c)).status).toBe('assigned');
    expect(await ask(GW1, '好')).toMatch(/^已接单。/);
    const now = await get(c);
    expect(now.status).toBe('accepted');
    expect(now.notes.map((n: { text: string }) => n.text)).toEqual(['老板说月底给']);
  });

  it('a note offered from their own words and taken with 好: the 接单 offered next', async () => {
    await bind(GW1, 'gw-001');
    const c = await routedToGw1();
    expect(await ask(GW1, '打了电话没人接')).toMatch(/回复「好」就这样记下。$/);
    expect(await ask(GW1, '好')).toMatch(/这件还没接单[\s\S]*回复「好」就接单。$/);
    expect(await ask(GW1, '好')).toMatch(/^已接单。/);
    expect((await get(c)).status).toBe('accepted');
  });

  it('a case already taken: the note alone', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    const said = await ask(GW1, `备注 ${c.caseNo} 又打了一次`);
    expect(said).toBe(`已记下备注（共1条）。案件 ${c.caseNo} 现在是「办理中」。`);
  });
});
