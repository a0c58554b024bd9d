import { suiteNow } from '../support/clock.js';
import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { routeCase } from '../../core/cases/routing.js';
import { acceptCase, referCase, resolveCase } from '../../core/cases/work.js';
import { createStaffDesk } from '../../core/staff/desk.js';
import { createWageCase } from '../support/cases.js';
import { startTestCore } from '../support/core.js';

const t = useFixture(() => startTestCore());

const ctxOf = (id: string) => ({ core: t.core, staff: t.core.directory.index().staffById.get(id)! });

describe('small review fixes', () => {
  it('while the procuratorate reviews a referral, the grid worker cannot close the case', async () => {
    const c = await createWageCase(t.core);
    const d = await routeCase(t.core, c.id);
    await acceptCase(ctxOf(d!.staffId), c.caseNo);
    await referCase(ctxOf(d!.staffId), c.caseNo, '调解不成，农民工');
    await expect(resolveCase(ctxOf(d!.staffId), c.caseNo, { recovered: 100, reason: null })).rejects.toThrow(/正在检察机关审查/);
    expect((await t.core.cases.get(c.id))!).toMatchObject({ status: 'referred', outcome: null });
  });

  it('a worker writing 绑定手机号 is not taken for a staff binding', async () => {
    const desk = createStaffDesk(t.core);
    expect(await desk.handle('web:w1', '绑定手机号')).toBeNull();
    expect(await desk.handle('web:w1', '绑定 12ab')).toMatch(/6位数字/);
    expect(await desk.handle('web:w1', '绑定 000000')).toMatch(/不对或已失效/);
  });
});

describe('authenticated reads are rate-limited per token', () => {
  it('past READ_RATE_PER_MINUTE calls a minute, /api/v1/me answers 429 with a Chinese message', async () => {
    const { startHttp } = await import('../support/http.js');
    const { signToken } = await import('../../core/infra/tokens.js');
    const { TEST_ENV } = await import('../support/core.js');
    const http = await startHttp({ env: { READ_RATE_PER_MINUTE: '3' } });
    try {
      const url = `${http.base}/api/v1/me/cases`;
      const headers = { authorization: `Bearer ${signToken(TEST_ENV.TOKEN_SECRET, { sub: 'web:r1', role: 'user' }, 600, suiteNow().getTime())}` };
      if (Date.now() % 60_000 > 55_000) await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 100));
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(url, { headers })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const other = { authorization: `Bearer ${signToken(TEST_ENV.TOKEN_SECRET, { sub: 'web:r2', role: 'user' }, 600, suiteNow().getTime())}` };
      expect((await fetch(url, { headers: other })).status).toBe(200);
    } finally {
      await http.stop();
    }
  });
});
