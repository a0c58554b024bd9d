/*
 * What anyone may read without signing in: the client's settings and the
 * service points with their map coordinates (the mini-program opens the map
 * with wx.openLocation).
 */
import { describe, expect, it } from 'vitest';
import { ClientConfigSchema, ServicePointsSchema } from '../../api/contract.js';
import { hoursText } from '../../api/public.js';
import { parseDirectory } from '../../core/directory/index.js';
import { useFixture } from '../support/fixture.js';
import { startHttp } from '../support/http.js';
import { suiteDirectory } from '../support/core.js';

const http = useFixture(() => startHttp({ env: { DEV_LOGIN: '' } }), 'all');

describe('public routes', () => {
  it('when a client starts, then it learns that dev login is off and that no templates are configured', async () => {
    const r = await fetch(`${http.base}/api/v1/client-config`);
    expect(r.status).toBe(200);
    expect(ClientConfigSchema.parse(await r.json())).toEqual({ devLogin: false, subscribe: { afterReport: [], afterBooking: [], afterMembership: [] } });
  });

  it('when the service points are listed, then each comes with its district, township, hours in words and map position', async () => {
    const r = await fetch(`${http.base}/api/v1/service-points`);
    const { servicePoints } = ServicePointsSchema.parse(await r.json());
    const directory = suiteDirectory();
    expect(servicePoints.map((p) => p.id)).toEqual(directory.districts.flatMap((d) => d.servicePoints.map((p) => p.id)));
    const station = servicePoints.find((p) => p.id === 'sp-t01-station')!;
    expect(station).toMatchObject({ name: '东龙镇工会驿站', kindText: '工会驿站', district: '青溪区', township: '东龙镇', hours: '周一至周五 9:00-12:00、14:00-17:00' });
    for (const p of servicePoints) {
      expect(p.location, p.id).not.toBeNull();
      expect(p.location!.latitude).toBeGreaterThan(18);
      expect(p.location!.longitude).toBeGreaterThan(73);
    }
  });

  it('when opening hours differ by day, then days with the same hours are grouped in order', () => {
    const empty: string[] = [];
    expect(hoursText({ mon: ['09:00-12:00'], tue: ['09:00-12:00'], wed: empty, thu: ['14:00-17:30'], fri: ['14:00-17:30'] })).toBe('周一至周二 9:00-12:00；周四至周五 14:00-17:30');
    expect(hoursText({ mon: empty, tue: empty, wed: ['08:30-11:00'], thu: empty, fri: empty })).toBe('周三 8:30-11:00');
    expect(hoursText({ mon: empty, tue: empty, wed: empty, thu: empty, fri: empty })).toBe('请先电话联系');
  });

  it('when a directory gives a position off the globe, then it is refused with the path', () => {
    const d = structuredClone(suiteDirectory());
    d.districts[0]!.servicePoints[0]!.location = { latitude: 123, longitude: 108 };
    expect(() => parseDirectory(d)).toThrow(/servicePoints\[0\]\.location\.latitude/);
  });
});
