import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/**
 * Starts a fixture (a test core, the HTTP app, the bot on mock WeChat…)
 * before each test of the file or `describe` block it is called in, or once
 * before all of them with `scope: 'all'`, and stops it afterwards.
 *
 * `start` runs anew each time, so a manual clock made inside it is fresh
 * for every test: `useFixture(() => startTestCore({ clock: manualClock(NOW) }))`.
 *
 * Returns a stand-in that is given the running fixture's properties as soon
 * as it has started, so tests read `t.chat`, `app.w`… as usual. Setup that
 * needs the fixture goes in a `beforeEach`/`beforeAll` registered after this
 * call: hooks run in the order they are registered.
 */
export function useFixture<T extends { stop(): Promise<void> }>(start: () => Promise<T>, scope: 'each' | 'all' = 'each'): T {
  const live = {} as T;
  let running: T | undefined;
  (scope === 'each' ? beforeEach : beforeAll)(async () => {
    running = await start();
    Object.assign(live, running);
  });
  (scope === 'each' ? afterEach : afterAll)(async () => {
    await running?.stop();
    running = undefined;
  });
  return live;
}
