/**
 * One production API process (api/main.ts, run as it is) for tests that
 * need several side by side on one Redis and prefix (test/api/chat-order.test.ts).
 * Spawned with `node --import tsx test/support/api-process.ts` and the env
 * api/main.ts reads.
 *
 * The one thing added: a test can move where this process's minutes of real
 * time begin, so a rate-limit minute (core/conversation/delivery.ts keys its
 * window by `Date.now()`) turns over at a moment the test chooses instead of
 * waiting up to a minute for it. A line `boundary <ms>` on stdin shifts
 * `Date.now()` by less than a minute so that a new minute starts at real
 * time <ms>; every process given the same line computes the same shift. The
 * process answers `shifted <shift>` on stdout. Elapsed times are unchanged
 * (lock waits use performance.now(); the business clock is `new Date()`).
 */
const realNow = Date.now.bind(Date);
let shift = 0;
Date.now = () => realNow() + shift;

let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  pending += chunk;
  for (let i = pending.indexOf('\n'); i >= 0; i = pending.indexOf('\n')) {
    const line = pending.slice(0, i).trim();
    pending = pending.slice(i + 1);
    const m = /^boundary (\d+)$/.exec(line);
    if (!m) continue;
    const at = Number(m[1]);
    shift = (60_000 - (at % 60_000)) % 60_000;
    process.stdout.write(`shifted ${shift}\n`);
  }
});
// A test that ends without closing our stdin must not leave us running.
process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));

await import('../../api/main.js');
