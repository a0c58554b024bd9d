import { afterAll, afterEach, beforeAll } from 'vitest';
import { scenarioClock } from '../../support/clock.js';
import { useFixture } from '../../support/fixture.js';
import { startHttp, type TestHttp } from '../../support/http.js';
import { buildMiniprogram } from './build.js';
import { launch, type App } from './harness.js';
import type { FakeWxOptions } from './wx.js';

type HttpOptions = NonNullable<Parameters<typeof startHttp>[0]>;

/** Saturday 21 November 2026, 10:00 in China: the wage script's months and dates read the same every run. */
export const scenario = () => scenarioClock('2026-11-21', '10:00');

/** Limits out of the way: a frozen clock keeps every call in one rate-limit minute. */
export const ROOMY = { CHAT_RATE_PER_MINUTE: '1000', READ_RATE_PER_MINUTE: '1000' };

/**
 * The compiled mini-program (once per file) and the real app on a free
 * port (once per file, over the real test redis-server); `launch()` starts
 * the mini-program afresh for a test and closes its pages after it.
 * `options` may be a function, read when the app starts (e.g. the fake
 * WeChat server's address, known only once it runs).
 */
export function useMiniprogram(options: HttpOptions | (() => HttpOptions) = {}) {
  let built: ReturnType<typeof buildMiniprogram>;
  beforeAll(() => {
    built = buildMiniprogram();
  });
  afterAll(() => built?.remove());
  const http: TestHttp = useFixture(() => {
    const opts = typeof options === 'function' ? options() : options;
    return startHttp({ clock: scenario(), ...opts, env: { ...ROOMY, ...opts.env } });
  }, 'all');
  const open: App[] = [];
  afterEach(() => {
    for (const a of open.splice(0)) a.close();
  });
  return {
    http,
    launch(wxOptions: FakeWxOptions = {}): App {
      const app = launch(built.dir, http.base, wxOptions);
      open.push(app);
      return app;
    },
  };
}

/**
 * Signs in the way WeChat DevTools does with the placeholder appid: the
 * client's own development sign-in (`config.devLogin`, the server's
 * DEV_LOGIN=1), under a chosen id, so the test knows the user key
 * (`web:<id>`) to arrange records for.
 */
export function devSignIn(app: App, id: string): string {
  app.config.devLogin = true;
  app.fake.wx.setStorageSync('gongyou.devUserId', id);
  return `web:${id}`;
}
