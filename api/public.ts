import { Router } from '@koa/router';
import type { Core } from '../core/context.js';
import type { ServicePoint } from '../core/directory/index.js';
import { POINT_KIND_NAMES } from '../core/legal-aid/index.js';
import { limited } from './http.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const DAY_NAMES: Record<(typeof DAYS)[number], string> = { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五' };

/** Opening hours in words: days with the same hours together, `周一至周五 9:00-12:00、14:00-17:30`. */
export function hoursText(hours: ServicePoint['hours']): string {
  const groups: { days: (typeof DAYS)[number][]; ranges: string }[] = [];
  for (const day of DAYS) {
    const ranges = hours[day].map((r) => r.replace(/(^|-)0(\d)/g, '$1$2')).join('、');
    if (!ranges) continue;
    const last = groups.at(-1);
    if (last && last.ranges === ranges && DAYS.indexOf(last.days.at(-1)!) === DAYS.indexOf(day) - 1) last.days.push(day);
    else groups.push({ days: [day], ranges });
  }
  if (groups.length === 0) return '请先电话联系';
  const span = (d: (typeof DAYS)[number][]) => (d.length === 1 ? DAY_NAMES[d[0]!] : `${DAY_NAMES[d[0]!]}至${DAY_NAMES[d.at(-1)!]}`);
  return groups.map((g) => `${span(g.days)} ${g.ranges}`).join('；');
}

/**
 * What anyone may read without signing in: the client's settings before
 * sign-in (is development sign-in on, which subscribe messages to ask for)
 * and the service points. Limited per address like every public route.
 */
export function publicRoutes(core: Core): Router {
  const router = new Router({ prefix: '/api/v1' });
  const perAddress = limited(core, (ctx) => `public:${ctx.ip}`, 120, '请求太频繁了，请稍等一分钟再试。');
  const { config } = core;
  const ids = (...t: (string | undefined)[]) => t.filter((x): x is string => !!x);

  router.get('/client-config', perAddress, (ctx) => {
    ctx.body = {
      devLogin: config.DEV_LOGIN,
      subscribe: {
        afterReport: ids(config.WECHAT_TEMPLATE_CASE),
        afterBooking: ids(config.WECHAT_TEMPLATE_BOOKING),
        afterMembership: ids(config.WECHAT_TEMPLATE_MEMBERSHIP),
      },
    };
  });

  router.get('/service-points', perAddress, (ctx) => {
    const index = core.directory.index();
    ctx.body = {
      servicePoints: index.directory.districts.flatMap((d) =>
        d.servicePoints.map((p) => ({
          id: p.id,
          name: p.name,
          kind: p.kind,
          kindText: POINT_KIND_NAMES[p.kind],
          district: d.name,
          township: p.townshipId ? index.townshipById.get(p.townshipId)?.township.name ?? null : null,
          address: p.address,
          phone: p.phone ?? null,
          hours: hoursText(p.hours),
          location: p.location ?? null,
        })),
      ),
    };
  });
  return router;
}
