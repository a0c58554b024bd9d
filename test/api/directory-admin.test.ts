import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { loadDemoDirectory } from '../../core/directory/load.js';
import { createWageCase } from '../support/cases.js';
import { TEST_ENV } from '../support/core.js';
import { startHttp } from '../support/http.js';
import { routeCase } from '../../core/cases/routing.js';

const admin = { authorization: `Bearer ${TEST_ENV.ADMIN_TOKEN}`, 'content-type': 'application/json' };

const http = useFixture(() => startHttp(), 'all');

const put = (body: unknown, headers: Record<string, string> = admin) =>
  fetch(`${http.base}/api/v1/admin/directory`, { method: 'PUT', headers, body: JSON.stringify(body) });

describe('admins edit the directory', () => {
  it('a broken directory is refused with every problem and its path, and nothing changes', async () => {
    const d = loadDemoDirectory();
    const w = d.districts[0]!.townships[0]!.grids[0]!.workers[0]!;
    (w as { role: string }).role = 'township_supervisor';
    d.districts[0]!.townships[1]!.id = d.districts[0]!.townships[0]!.id;
    const res = await put({ directory: d });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; field: string; problems: string[] } };
    expect(body.error.code).toBe('invalid_directory');
    expect(body.error.message).toMatch(/未作任何修改/);
    expect(body.error.problems.length).toBeGreaterThanOrEqual(2);
    expect(body.error.problems.join('\n')).toMatch(/districts\[0\]\.townships\[0\]\.grids\[0\]\.workers\[0\]/);
    expect(http.t.core.directory.index().staffById.get(w.id)!.staff.role).toBe('grid_worker');
    expect((await put({ nope: 1 })).status).toBe(400);
  });

  it('needs the admin token', async () => {
    expect((await put({ directory: loadDemoDirectory() }, { 'content-type': 'application/json' })).status).toBe(401);
    expect((await put({ directory: loadDemoDirectory() }, { authorization: 'Bearer wrong-token-0123456789', 'content-type': 'application/json' })).status).toBe(403);
  });

  it('a valid edit takes effect for routing at once (a grid worker taken off duty gets no new cases)', async () => {
    const d = loadDemoDirectory();
    const grid = d.districts[0]!.townships[0]!.grids[1]!; // 东龙镇第二网格: gw-004, gw-005
    grid.workers.find((x) => x.id === 'gw-004')!.onDuty = false;
    const res = await put({ directory: d });
    expect(res.status).toBe(200);
    for (let i = 0; i < 3; i++) {
      const c = await createWageCase(http.t.core, { gridId: 't01-g2' });
      const decision = await routeCase(http.t.core, c.id);
      expect(decision!.staffId).toBe('gw-005');
    }
  });
});
