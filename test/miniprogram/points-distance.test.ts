import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Directory, ServicePoint } from '../../core/directory/schema.js';
import { suiteDirectory } from '../support/core.js';
import { useMiniprogram } from './support/app.js';
import { MINIPROGRAM_DIR } from './support/build.js';
import { until, type App, type Page } from './support/harness.js';

/**
 * 服务点 by distance (issue 9): the location is asked only when 按距离排序 is
 * tapped (wx.getLocation, GCJ-02), the list is then nearest first with
 * `约1.2公里`, and without permission it keeps its order with a polite note.
 * WeChat's answer to wx.getLocation is played by the test.
 */

/** The demo directory, with the first service point's coordinates taken away. */
function directory(): Directory {
  const d = structuredClone(suiteDirectory());
  delete (d.districts[0]!.servicePoints[0] as { location?: unknown }).location;
  return d;
}

const mp = useMiniprogram(() => ({ directory: directory() }));

function points(): ServicePoint[] {
  return mp.http.t.core.directory.index().directory.districts.flatMap((d) => d.servicePoints);
}

type Where = { latitude: number; longitude: number };

/** What WeChat answers to wx.getLocation in this test: a place, or a failure's errMsg. */
function answerLocation(app: App, answer: () => Where | { errMsg: string }) {
  app.fake.wx.getLocation = (opts: { type?: string; success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void }) => {
    app.fake.calls.push({ name: 'getLocation', args: { type: opts.type } });
    const a = answer();
    setTimeout(() => {
      if ('errMsg' in a) opts.fail?.(a);
      else opts.success?.({ ...a, speed: -1, accuracy: 30, altitude: 0, verticalAccuracy: 0, horizontalAccuracy: 30, errMsg: 'getLocation:ok' });
      opts.complete?.(a);
    }, 5);
  };
}

/** Independent of the page's code: the haversine distance in metres. */
function metres(a: Where, b: Where): number {
  const r = (x: number) => (x * Math.PI) / 180;
  const s = Math.sin(r(b.latitude - a.latitude) / 2) ** 2 + Math.cos(r(a.latitude)) * Math.cos(r(b.latitude)) * Math.sin(r(b.longitude - a.longitude) / 2) ** 2;
  return 12_742_000 * Math.asin(Math.sqrt(s));
}

async function open(where: () => Where | { errMsg: string }): Promise<{ app: App; page: Page }> {
  const app = mp.launch();
  answerLocation(app, where);
  const page = app.open('points');
  await until(() => !page.data.loading, 'the service points', page);
  return { app, page };
}

const names = (page: Page) => page.data.points.map((p: { name: string }) => p.name);

describe('服务点 by distance', () => {
  it('opening the page never asks for the location; the list is in the directory’s order with 按距离排序 offered', async () => {
    const { app, page } = await open(() => ({ latitude: 0, longitude: 0 }));
    expect(app.fake.callsOf('getLocation')).toEqual([]);
    expect(names(page)).toEqual(points().map((p) => p.name));
    expect(page.text()).toContain('按距离排序');
    expect(page.text()).not.toMatch(/约[\d.]+(?:公里|米)/);
  });

  it('tapping 按距离排序 asks once (gcj02), then lists the nearest first with 约…公里, points without coordinates last', async () => {
    const all = points();
    const target = all.find((p) => p.location && all.indexOf(p) > 1)!;
    // About 1.2 km north of a point that is not first in the list.
    const here = { latitude: target.location!.latitude + 1200 / 111_195, longitude: target.location!.longitude };
    const { app, page } = await open(() => here);
    await page.tap('.sort');
    await until(() => page.data.sorted, 'the list sorted by distance', page);
    expect(app.fake.callsOf('getLocation')).toEqual([{ type: 'gcj02' }]);

    const located = all.filter((p) => p.location).map((p) => ({ p, m: metres(here, p.location!) }));
    located.sort((a, b) => a.m - b.m);
    const expected = [...located.map((x) => x.p.name), ...all.filter((p) => !p.location).map((p) => p.name)];
    expect(names(page)).toEqual(expected);
    expect(names(page)[0]).toBe(target.name);
    expect(page.data.points[0].distance).toBe('约1.2公里');
    for (const x of located) {
      const km = x.m / 1000;
      const text = x.m < 1000 ? `约${Math.max(10, Math.round(x.m / 10) * 10)}米` : km < 10 ? `约${km.toFixed(1)}公里` : `约${Math.round(km)}公里`;
      expect(page.data.points.find((c: { name: string }) => c.name === x.p.name).distance, x.p.name).toBe(text);
    }
    // The one without coordinates is last and shows no distance.
    expect(page.data.points.at(-1)).toMatchObject({ name: all[0]!.name, distance: '' });
    const firstCard = page.all('.point')[0]!;
    expect((firstCard.dom.textContent ?? '').replace(/\s+/g, '')).toContain('约1.2公里');
    expect(page.text()).toContain('已按离您的距离从近到远排列');
    expect(page.text()).toContain('重新定位');
    expect(page.data.note).toBe('');

    // Tapping a card still opens that point's map (the list moved, the ids did not).
    await page.tap('.point', 0);
    expect(app.fake.callsOf('openLocation')[0]).toMatchObject({ name: target.name, latitude: target.location!.latitude });

    // A pull-down refresh keeps the order without asking again.
    await page.it.onPullDownRefresh();
    expect(names(page)).toEqual(expected);
    expect(app.fake.callsOf('getLocation')).toHaveLength(1);
  });

  it('without permission the list keeps its order, with a polite note on how to allow it', async () => {
    const { app, page } = await open(() => ({ errMsg: 'getLocation:fail auth deny' }));
    const before = names(page);
    await page.tap('.sort');
    await until(() => page.data.note, 'the note', page);
    expect(app.fake.callsOf('getLocation')).toEqual([{ type: 'gcj02' }]);
    expect(names(page)).toEqual(before);
    expect(page.data.sorted).toBe(false);
    expect(page.data.locating).toBe(false);
    expect(page.text()).toContain('没有获得您的位置，服务点仍按原来的顺序排列。想按距离排序，可以点右上角「···」→「设置」，允许使用位置信息后再试。');
    expect(page.text()).not.toMatch(/约[\d.]+(?:公里|米)/);
    expect(page.text()).toContain('按距离排序');
    expect(app.fake.callsOf('showToast')).toEqual([]);
  });

  it('with the phone’s location off the note says so; a later tap that succeeds sorts and clears the note', async () => {
    let answer: Where | { errMsg: string } = { errMsg: 'getLocation:fail system permission denied' };
    const { app, page } = await open(() => answer);
    await page.tap('.sort');
    await until(() => page.data.note, 'the note', page);
    expect(page.text()).toContain('手机的定位没有打开，或没有允许微信使用位置信息，服务点仍按原来的顺序排列');
    const p = points().find((x) => x.location)!;
    answer = { latitude: p.location!.latitude, longitude: p.location!.longitude };
    await page.tap('.sort');
    await until(() => page.data.sorted, 'sorted', page);
    expect(page.data.note).toBe('');
    expect(names(page)[0]).toBe(p.name);
    expect(page.data.points[0].distance).toBe('约10米');
    expect(app.fake.callsOf('getLocation')).toHaveLength(2);
  });

  it('app.json declares getLocation and says why the location is asked', () => {
    const app = JSON.parse(readFileSync(join(MINIPROGRAM_DIR, 'app.json'), 'utf8')) as {
      requiredPrivateInfos?: string[];
      permission?: Record<string, { desc: string }>;
    };
    expect(app.requiredPrivateInfos).toContain('getLocation');
    const desc = app.permission?.['scope.userLocation']?.desc ?? '';
    expect(desc).toMatch(/服务点/);
    expect([...desc].length).toBeLessThanOrEqual(30);
  });
});
