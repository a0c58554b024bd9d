import { describe, expect, it } from 'vitest';
import type { Directory } from '../../core/directory/schema.js';
import { suiteDirectory } from '../support/core.js';
import { useMiniprogram } from './support/app.js';
import { until, type Page } from './support/harness.js';

/** The demo directory, with the first service point's coordinates taken away. */
function directory(): Directory {
  const d = structuredClone(suiteDirectory());
  delete (d.districts[0]!.servicePoints[0] as { location?: unknown }).location;
  return d;
}

const mp = useMiniprogram(() => ({ directory: directory() }));

function points() {
  return mp.http.t.core.directory.index().directory.districts.flatMap((d) => d.servicePoints);
}

async function openPoints(): Promise<{ page: Page; app: ReturnType<typeof mp.launch> }> {
  // No sign-in: service points are public.
  const app = mp.launch();
  const page = app.open('points');
  await until(() => !page.data.loading, 'the service points', page);
  return { page, app };
}

describe('服务点', () => {
  it('lists every service point, without asking anyone to sign in', async () => {
    const { page, app } = await openPoints();
    const all = points();
    expect(all.length).toBeGreaterThan(1);
    expect(page.all('.point')).toHaveLength(all.length);
    for (const p of all) expect(page.text()).toContain(p.name);
    expect(app.fake.callsOf('login')).toHaveLength(0);
    expect(app.fake.http.map((h) => h.url)).toEqual(['/api/v1/service-points']);
  });

  it('tapping a point opens the map at its coordinates, with its name and address', async () => {
    const { page, app } = await openPoints();
    const all = points();
    const i = all.findIndex((p) => p.location);
    const p = all[i]!;
    await page.tap('.point', i);
    expect(app.fake.callsOf('openLocation')).toEqual([
      { latitude: p.location!.latitude, longitude: p.location!.longitude, name: p.name, address: p.address, scale: 17 },
    ]);
  });

  it('a point without coordinates says so instead of opening a wrong map', async () => {
    const { page, app } = await openPoints();
    expect(points()[0]!.location).toBeUndefined();
    await page.tap('.point', 0);
    expect(app.fake.callsOf('openLocation')).toEqual([]);
    expect(app.fake.callsOf('showToast')).toEqual([{ title: '这个服务点还没有地图位置，请按地址前往' }]);
  });

  it('打电话 calls the point, and does not open the map', async () => {
    const { page, app } = await openPoints();
    const all = points();
    const withPhone = all.filter((p) => p.phone);
    expect(withPhone.length).toBeGreaterThan(0);
    await page.tap('.call', 0);
    expect(app.fake.callsOf('makePhoneCall')).toEqual([{ phoneNumber: withPhone[0]!.phone }]);
    expect(app.fake.callsOf('openLocation')).toEqual([]);
  });
});
