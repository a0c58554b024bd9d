/*
 * Part of the money back, said in a grid worker's own words (`老板说下周一给一半`): the note is offered as typed and
 * a `好` that comes next records it, as a note's own hint does; the close beside it is never run on 好 (a close is
 * always typed out). Any other message in between drops the offer.
 * The real GongyouBot plugin on wechaty-puppet-mock, real Redis and workers.
 */
import { describe, expect, it } from 'vitest';
import { GW1, staffInWechat } from './in-wechat.js';
import { workingDayAt } from './support.js';

const { ask, get, bind, acceptedByGw1 } = staffInWechat(workingDayAt('10:00'));

describe('part of the money back', () => {
  it('老板说下周一给一半, then 好: the note recorded as typed; the case still open', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    expect(await ask(GW1, '老板说下周一给一半')).toMatch(/先记下：备注 \S+ 老板说下周一给一半\n回复「好」就这样记下。/);
    expect(await ask(GW1, '好')).toMatch(/已记下备注/);
    const now = await get(c);
    expect(now.notes.map((x: { text: string }) => x.text)).toEqual(['老板说下周一给一半']);
    expect(now.status).toBe('accepted');
    expect(now.outcome).toBeNull();
  });

  it('another message in between: the offer dropped, 好 records nothing', async () => {
    await bind(GW1, 'gw-001');
    const c = await acceptedByGw1();
    await ask(GW1, '老板给了一半');
    await ask(GW1, '我的案件');
    expect(await ask(GW1, '好')).not.toMatch(/已记下/);
    expect((await get(c)).notes).toEqual([]);
  });
});
