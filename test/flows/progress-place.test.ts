/*
 * 进度 names each case with its kind and, when it is known, its place: a request for a person made before
 * any place was said reads 「（人工求助）」, never 「（人工求助，未说明）」 (as if the problem had not been said);
 * a wage report keeps its township. A second request while the first is open goes to the same case.
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../core/infra/clock.js';
import { converse, reportSubmitted } from '../support/converse.js';
import { startTestCore } from '../support/core.js';
import { useFixture } from '../support/fixture.js';

const clock = manualClock('2026-12-01T10:00:00+08:00');
const t = useFixture(() => startTestCore({ clock }));
const someone = (tag: string) => `web:pp-${tag}-${Math.random().toString(36).slice(2, 8)}`;

describe('进度: the place of a case', () => {
  it('a request for a person with no place: the kind alone; asked again, the same case', async () => {
    const user = someone('help');
    const chat = converse(t.chat, user);
    await chat.send('人工服务').expect(/请用一两句话说说您遇到的问题/);
    await chat.send('我想问下工伤怎么办').expect(/已为您转人工，求助编号 QX\d{8}-\d{4}/);
    const first = (await t.core.cases.listByUser(user, 10)).map((c) => c.caseNo);
    expect(first).toHaveLength(1);
    await chat.send('人工服务');
    await chat.send('工伤认定要多久').expect(new RegExp(`求助编号 ${first[0]}`));
    expect((await t.core.cases.listByUser(user, 10)).map((c) => c.caseNo)).toEqual(first);
    await chat.send('查询进度').expect(new RegExp(`${first[0]}（人工求助）`)).expectNot(/未说明/);
  });

  it('a wage report: its township is shown', async () => {
    const user = someone('wage');
    const { chat, c } = await reportSubmitted(t, user);
    await chat.send('进度').expect(new RegExp(`${c.caseNo}（反映欠薪，河西街道）`));
  });
});
