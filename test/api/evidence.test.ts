import { suiteNow } from '../support/clock.js';
import { describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { routeCase } from '../../core/cases/routing.js';
import { signToken } from '../../core/infra/tokens.js';
import { converse } from '../support/converse.js';
import { TEST_ENV } from '../support/core.js';
import { startHttp } from '../support/http.js';
import { manualClock } from '../../core/infra/clock.js';

const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 0xff, 0xd9]);
const staff = (id: string) => ({ authorization: `Bearer ${signToken(TEST_ENV.TOKEN_SECRET, { sub: id, role: 'staff' }, 600, suiteNow().getTime())}` });

const http = useFixture(() => startHttp({ clock: manualClock(new Date('2026-11-21T10:00:00+08:00')) }), 'all');

describe('evidence files for staff', () => {
  it('the assignee downloads the file the worker sent, decrypted; others may not', async () => {
    await converse(http.t.chat, 'web:ev1')
      .send('2').send('1').send('青溪宏达').send('东龙镇').send('新塘社区').send('不是').send('三个月').send('28500').send('就我一个').send('还在干').send('都跳过')
      .sendFile('工资条.jpg', JPG, 'image/jpeg')
      .send('完成').send('张三').send('13800138000').send('确认')
      .expect(/提交成功/);
    const [c] = await http.t.core.cases.listByUser('web:ev1');
    const d = await routeCase(http.t.core, c!.id);
    const view = (await (await fetch(`${http.base}/api/v1/staff/cases/${c!.caseNo}`, { headers: staff(d!.staffId) })).json()) as {
      case: { evidence: { name: string; url: string }[] };
    };
    expect(view.case.evidence).toHaveLength(1);
    const url = view.case.evidence[0]!.url;

    const ok = await fetch(`${http.base}${url}`, { headers: staff(d!.staffId) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await ok.arrayBuffer()).equals(JPG)).toBe(true);

    const other = ['gw-001', 'gw-002', 'gw-003'].find((x) => x !== d!.staffId)!;
    expect((await fetch(`${http.base}${url}`, { headers: staff(other) })).status).toBe(403);
    expect((await fetch(`${http.base}${url}`)).status).toBe(401);
    expect((await fetch(`${http.base}/api/v1/staff/cases/${c!.caseNo}/evidence/00000000-0000-0000-0000-000000000000`, { headers: staff(d!.staffId) })).status).toBe(404);
    // Supervisors of the township may see it too.
    expect((await fetch(`${http.base}${url}`, { headers: staff('sup-t01') })).status).toBe(200);
  });
});
