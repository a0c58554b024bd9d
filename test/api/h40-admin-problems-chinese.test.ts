/*
 * The admin edits the directory and the holiday calendar as JSON; a refused
 * edit lists every problem as `path: reason`. The admin is union staff, so
 * each reason is short Chinese: zod's own reasons and the schemas' checks
 * alike. Only the path and what is quoted from the input (ids, values,
 * field names in quotes) stay as written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFixture } from '../support/fixture.js';
import { loadDirectoryFile } from '../../core/directory/load.js';
import { manualClock } from '../../core/infra/clock.js';
import { rawDemoDirectory } from '../support/directory.js';
import { TEST_ENV } from '../support/core.js';
import { startHttp } from '../support/http.js';
import { launchConsoleBrowser, type ConsoleBrowser } from '../console/support.js';

const admin = { authorization: `Bearer ${TEST_ENV.ADMIN_TOKEN}`, 'content-type': 'application/json' };

// The calendar years below are fixed, so is the clock (the API's calendar view reads today).
const http = useFixture(() => startHttp({ clock: manualClock('2026-12-01T09:00:00+08:00') }));

async function put(path: string, body: unknown): Promise<{ status: number; error: { code: string; message: string; problems: string[] } }> {
  const res = await fetch(`${http.base}${path}`, { method: 'PUT', headers: admin, body: JSON.stringify(body) });
  return { status: res.status, error: ((await res.json()) as { error: { code: string; message: string; problems: string[] } }).error };
}

/**
 * The English words in a problem's reason: what is left after its path, the
 * values quoted from the input ("gw-001", "extra") and other paths it names
 * (`districts[0].servicePoints[0].hours.tue[1]`).
 */
function englishWords(problem: string): string[] {
  const at = problem.indexOf(': ');
  expect(at, problem).toBeGreaterThan(0);
  const reason = problem
    .slice(at + 2)
    .replace(/"(?:[^"\\]|\\.)*"/g, ' ')
    .replace(/[A-Za-z_]\w*(?:\[\d+\]|\.\w+)+/g, ' ');
  return reason.match(/[A-Za-z]{2,}/g) ?? [];
}

function expectChinese(problems: string[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(englishWords(p), p).toEqual([]);
    expect(p, p).toMatch(/[\u4e00-\u9fff]/);
  }
}

describe('a refused directory or calendar edit reads in Chinese', () => {
  it('a directory of the wrong shape: every reason is Chinese, zod’s own ones too', async () => {
    const d = rawDemoDirectory();
    d.version = 0;
    d.caseNoPrefix = 'qx';
    d.extra = true;
    const t = d.districts[0].townships[0];
    t.id = 'T 01';
    t.kind = 'village';
    delete t.supervisor.name;
    t.supervisor.phone = '123';
    t.supervisor.capacity = 1.5;
    t.grids[0].communities = [];
    t.grids[0].workers[0].role = 'nobody';
    d.districts[0].servicePoints[0].location = { latitude: 100, longitude: '108.3' };
    d.districts[0].servicePoints[0].providers[0].slotMinutes = 5;
    const r = await put('/api/v1/admin/directory', { directory: d });
    expect(r.status).toBe(400);
    expect(r.error.code).toBe('invalid_directory');
    expectChinese(r.error.problems);
    expect(r.error.problems).toEqual(
      expect.arrayContaining([
        'directory.version: 不能小于 1',
        'directory.caseNoPrefix: 应是两个大写字母，例如 "QX"',
        'directory: 多了不认识的一项："extra"（请检查拼写，或删去）',
        'directory.districts[0].townships[0].id: "T 01" 不能作编号：编号只用小写字母、数字和单个短横线，例如 "gw-001"',
        'directory.districts[0].townships[0].kind: 只能是其中之一："town"、"street"',
        'directory.districts[0].townships[0].supervisor.name: 缺少这一项（应填文字）',
        'directory.districts[0].townships[0].supervisor.phone: "123" 不是手机号：应是以 1 开头的 11 位数字',
        'directory.districts[0].townships[0].supervisor.capacity: 应填整数，现在是 1.5',
        'directory.districts[0].townships[0].grids[0].communities: 一个网格至少要包含一个村或社区',
        'directory.districts[0].servicePoints[0].location.latitude: 不能大于 90',
        'directory.districts[0].servicePoints[0].location.longitude: 这里应填数字，现在是文字',
        'directory.districts[0].servicePoints[0].providers[0].slotMinutes: 不能小于 10',
      ]),
    );
    // No directory at all: the path is the body's field itself, not `directory.(root)`.
    const none = await put('/api/v1/admin/directory', { nope: 1 });
    expect(none.error.problems).toEqual(['directory: 缺少这一项（应填对象 { … }）']);
  });

  it('a directory whose parts do not fit together: ids, roles, places and on-call lists in Chinese', async () => {
    const d = rawDemoDirectory();
    const dist = d.districts[0];
    dist.townships[1].grids[0].workers[0].id = 'gw-001';
    dist.supervisors[1].wechat = dist.supervisors[0].wechat;
    dist.townships[2].supervisor.role = 'grid_worker';
    dist.townships[3].name = dist.townships[2].name;
    dist.employers[0].townshipId = 'zz';
    dist.servicePoints[0].providers[1].staffId = 'lawyer-1';
    dist.servicePoints[1].providers[0].hours = { tue: ['09:00-09:20'], thu: ['9点-12点'] };
    dist.onCall = ['nobody'];
    dist.townships[0].onCall = ['sup-t01', 'sup-t01'];
    d.workingHours = ['14:00-17:30', '08:30-12:00'];
    const r = await put('/api/v1/admin/directory', { directory: d });
    expect(r.status).toBe(400);
    expectChinese(r.error.problems);
    const all = r.error.problems.join('\n');
    expect(all).toContain('directory.districts[0].townships[1].grids[0].workers[0].id: 编号 "gw-001" 重复了（districts[0].townships[0].grids[0].workers[0].id 已经用过）');
    expect(all).toContain('directory.districts[0].supervisors[1].wechat: 微信名 "');
    expect(all).toContain('directory.districts[0].townships[2].supervisor.role: 角色 "grid_worker" 不能放在乡镇主管的位置上（这里只能是 "township_supervisor"）');
    expect(all).toContain(`directory.districts[0].townships[3].name: 区（县） "qingxi" 里已经有叫「${dist.townships[2].name}」的乡镇`);
    expect(all).toContain('directory.districts[0].employers[0].townshipId: 区（县） "qingxi" 里没有乡镇 "zz"');
    expect(all).toContain('directory.districts[0].servicePoints[0].providers[1].staffId: "lawyer-1" 不是区（县） "qingxi" 的检察联络员（应列在 "liaisons" 里）');
    expect(all).toContain('的写法不对：时间段要写成 "09:00-12:00" 这样（24 小时制）');
    expect(all).toContain('directory.districts[0].onCall[0]: "nobody" 不是区（县） "qingxi" 的网格员或工会主管');
    expect(all).toContain('directory.districts[0].townships[0].onCall[1]: "sup-t01" 重复写了两次');
    expect(all).toContain('directory.workingHours[1]: "08:30-12:00" 要在 "14:00-17:30" 结束以后开始（时间段按先后写，不能重叠）');
  });

  it('a broken calendar year: every reason is Chinese and names the day', async () => {
    const before = JSON.stringify(http.t.core.directory.index().directory);
    const r = await put('/api/v1/admin/calendar/years/2031', {
      source: '国'.repeat(201),
      holidays: [
        { name: '元旦', from: '2030-12-31', to: '2031-01-01' },
        { name: '春节', from: '2031-01-22', to: '2031-01-28' },
        { name: '重复', from: '2031-01-27', to: '2031-01-27' },
        { name: '', from: '2031-05-05', to: '2031-05-01' },
        { name: '太长', from: '2031-07-01', to: '2031-07-31' },
        { name: '国庆', from: '2031-10-32', to: '2031-10-07' },
      ],
      workdays: [
        { day: '2031-01-20', name: '春节' },
        { day: '2031-02-08', name: '春节', timetableOf: 'sat' },
      ],
      note: '多写的',
    });
    expect(r.status).toBe(400);
    expect(r.error.code).toBe('invalid_calendar');
    expectChinese(r.error.problems);
    expect(r.error.problems).toEqual(
      expect.arrayContaining([
        'calendar.years.2031.source: 来源最多 200 个字',
        'calendar.years.2031.holidays[3].name: 假期名称不能为空',
        'calendar.years.2031.holidays[3].to: 结束日期 2031-05-01 不能早于开始日期 2031-05-05',
        'calendar.years.2031.holidays[4].to: 一个假期最多 16 天，这里从 2031-07-01 到 2031-07-31 共 31 天',
        'calendar.years.2031.holidays[5].from: "2031-10-32" 不是真实的日期，请写成 2027-10-01 这样（年-月-日）',
        'calendar.years.2031.workdays[0].day: 2031-01-20 是星期一；调休上班只能安排在星期六或星期日',
        'calendar.years.2031.workdays[1].timetableOf: 只能是 "mon"、"tue"、"wed"、"thu"、"fri" 之一：这天按星期一到星期五中哪一天的时间表上班',
        'calendar.years.2031: 多了不认识的一项："note"（请检查拼写，或删去）',
      ]),
    );
    // A wrong date is one problem, not also a confusing comparison with the day after it.
    expect(r.error.problems.filter((p) => p.startsWith('calendar.years.2031.holidays[5]'))).toHaveLength(1);

    const cross = await put('/api/v1/admin/calendar/years/2031', {
      holidays: [
        { name: '元旦', from: '2030-12-31', to: '2031-01-01' },
        { name: '春节', from: '2031-01-22', to: '2031-01-28' },
        { name: '重复', from: '2031-01-27', to: '2031-01-27' },
      ],
      workdays: ['2031-01-25', '2031-02-08', '2031-02-08', '2032-02-07'].map((day) => ({ day, name: '春节' })),
    });
    expectChinese(cross.error.problems);
    expect(cross.error.problems).toEqual([
      'calendar.years.2031.holidays[0].from: 2030-12-31 不在 2031 年：这里只填 2031 年的假期',
      'calendar.years.2031.holidays[2].from: 2031-01-27 已经在「春节」里了',
      'calendar.years.2031.workdays[0].day: 2031-01-25 已是「春节」的假日，不能又是调休上班日',
      'calendar.years.2031.workdays[2].day: 2031-02-08 重复写了两次',
      'calendar.years.2031.workdays[3].day: 2032-02-07 不在 2031 年：这里只填 2031 年的调休上班日',
    ]);
    expect(JSON.stringify(http.t.core.directory.index().directory)).toBe(before);
  });

  it('a broken directory file at startup names the file and lists the same Chinese reasons, one per line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'h40-directory-'));
    try {
      const d = rawDemoDirectory();
      d.districts[0].townships[0].grids[0].workers[0].role = 'township_supervisor';
      const file = join(dir, 'directory.json');
      writeFileSync(file, JSON.stringify(d));
      expect(() => loadDirectoryFile(file)).toThrow(
        `Directory file ${file}: Invalid directory (1 problem):\n  - districts[0].townships[0].grids[0].workers[0].role: 角色 "township_supervisor" 不能放在网格员名单里（这里只能是 "grid_worker"）`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the console’s admin pages show the problems in Chinese', () => {
  let browser: ConsoleBrowser;
  beforeAll(async () => {
    browser = await launchConsoleBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('a calendar year with a JSON slip, then with wrong dates: the page says where, in Chinese', async () => {
    const admin = await browser.open(1280);
    await admin.page.goto(`${http.base}/console`);
    await admin.page.getByRole('tab', { name: '管理员' }).click();
    await admin.page.locator('#admin-token').fill(TEST_ENV.ADMIN_TOKEN);
    await admin.page.locator('#sign-in button[type=submit]').click();
    await admin.page.locator('#me[data-role=admin]').waitFor();
    await admin.page.goto(`${http.base}/console/#/calendar`);
    await admin.page.locator('#year-json').waitFor();
    await admin.page.locator('#year').fill('2031');
    // Leaving the field refills the text with that year's example; what is typed next replaces it.
    await admin.page.locator('#year').press('Tab');
    const save = admin.page.getByRole('button', { name: '保存这一年' });
    const result = admin.page.locator('#calendar-result');

    // A trailing comma on line 3: the browser's own message is English.
    await admin.page.locator('#year-json').fill('{\n  "holidays": [],\n  "workdays": [],\n}');
    await save.click();
    await result.getByText('JSON 格式不对').waitFor();
    const slip = await result.innerText();
    expect(slip).toMatch(/^JSON 格式不对：第 4 行第 1 个字符附近有错/);
    expect(slip.replace(/JSON/g, '')).not.toMatch(/[A-Za-z]{2,}/);

    await admin.page.locator('#year-json').fill(JSON.stringify({ holidays: [{ name: '春节', from: '2031-01-28', to: '2031-01-22' }], workdays: [{ day: '2031-01-20', name: '春节' }] }));
    await save.click();
    await admin.page.locator('#problems li').first().waitFor();
    const items = await admin.page.locator('#problems li').allInnerTexts();
    expect(items).toEqual([
      'calendar.years.2031.holidays[0].to 结束日期 2031-01-22 不能早于开始日期 2031-01-28',
      'calendar.years.2031.workdays[0].day 2031-01-20 是星期一；调休上班只能安排在星期六或星期日',
    ]);
    expect(await admin.problems()).toEqual([]);
  }, 60_000);
});
