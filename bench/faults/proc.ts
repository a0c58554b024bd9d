/**
 * A child process of the fault suite (bench/faults.ts), built from the real
 * core: `tsx bench/faults/proc.ts worker|writer`, configured by the env
 * loadConfig reads.
 *
 * - `worker`: the production worker process (workers/main.ts: routing,
 *   time limits, reminders, outbound) with one messenger in front of the
 *   inbox that appends every message it sends to a list (one Redis write,
 *   as the inbox is one), so the suite can count what reached whom — the
 *   inbox itself is capped and cannot be counted. Each send takes SEND_MS,
 *   as a call to WeChat does, and is counted in flight (under FAULTS_NAME)
 *   meanwhile, so the suite can kill a worker mid-send.
 * - `writer`: creates wage cases as fast as it can (8 at a time) until a
 *   line `stop` on stdin (FAULTS_WRITE_MS at most), printing `ack <id>` the moment each create call
 *   resolves (acknowledged) and counting the calls that failed; it starts
 *   on a line on stdin.
 *
 * Prints `ready` once it runs. Never run by the app.
 */
import { randomBytes } from 'node:crypto';
import { createCore, loadDirectory } from '../../core/context.js';
import { loadConfig, processEnv } from '../../core/infra/config.js';
import { createLogger } from '../../core/infra/logger.js';
import type { Messenger } from '../../core/infra/messenger.js';
import { renderText } from '../../core/infra/replies.js';
import { startWorkers } from '../../workers/index.js';
import { inFlightKey, SEND_MS, sentList } from './keys.js';
import { benchReporter, benchWageCase } from '../cases.js';


/** One sent message: `to|who|case number named|its first 24 characters` (the same notice sent twice gives the same line). */
const entry = (to: string, who: string, text: string) => `${to}|${who}|${/[A-Z]{2}\d{8}-\d{4,}/.exec(text)?.[0] ?? ''}|${text.slice(0, 24).replace(/\n/g, ' ')}`;

const role = process.argv[2];
const config = loadConfig(processEnv());
const core = await createCore(config, { log: createLogger(config.LOG_LEVEL) });
await loadDirectory(core);

if (role === 'worker') {
  const list = sentList(config.REDIS_PREFIX);
  const inFlight = inFlightKey(config.REDIS_PREFIX, process.env.FAULTS_NAME ?? 'worker');
  /** A send as WeChat's takes (SEND_MS), counted in flight meanwhile, then listed. */
  const send = async (line: string) => {
    await core.redis.incr(inFlight);
    await new Promise((r) => setTimeout(r, SEND_MS));
    await core.redis.multi().rPush(list, line).decr(inFlight).exec();
  };
  const recorder: Messenger = {
    name: 'faults-recorder',
    canReachUser: () => true,
    canReachStaff: () => true,
    sendToUser: (userKey, replies) => send(entry('user', userKey, replies.map(renderText).join('\n'))),
    sendToStaff: (staff, replies) => send(entry('staff', staff.id, replies.map(renderText).join('\n'))),
  };
  core.messengers.unshift(recorder);
  const workers = startWorkers(core, { routing: true, sla: true, reminders: true, outbound: true });
  await Promise.all(workers.workers.map((w) => w.waitUntilReady()));
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => {
    void workers.close().finally(() => core.close().finally(() => process.exit(0)));
  });
} else if (role === 'writer') {
  const reporter = benchReporter(config);
  let failed = 0;
  process.stdout.write('ready\n');
  // Started ahead of its scenario: writes from the line `go` on stdin.
  await new Promise<void>((res) => process.stdin.once('data', () => res()));
  // Until the next line (`stop`: the suite saw writes after the restart), FAULTS_WRITE_MS at most.
  let stopped = false;
  process.stdin.once('data', () => (stopped = true));
  const until = performance.now() + Number(process.env.FAULTS_WRITE_MS ?? 5000);
  await Promise.all(
    Array.from({ length: 8 }, async (_, lane) => {
      for (let n = 0; !stopped && performance.now() < until; n++) {
        const id = `f${randomBytes(9).toString('base64url')}`;
        try {
          await core.cases.create(
            benchWageCase({
              id,
              userKey: `web:faults-${lane}-${n}`,
              createdAt: core.clock.now().toISOString(),
              reporter,
              location: { districtId: 'qingxi', townshipId: 't01', gridId: 't01-g1', community: null },
            }),
            `web:faults-${lane}-${n}`,
            '已受理',
          );
          process.stdout.write(`ack ${id}\n`);
        } catch {
          failed += 1;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    }),
  );
  process.stdout.write(`failed ${failed}\n`);
  // Its figures are out: closing connections that lived through a restart must not keep the suite waiting.
  await Promise.race([core.close().catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
  process.exit(0);
} else {
  console.error(`unknown role ${role}`);
  process.exit(2);
}
