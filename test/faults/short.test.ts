/*
 * The fault suite's short form (`npm run faults -- --short`, bench/faults.ts)
 * as part of `npm test`: real worker and API processes on private
 * redis-servers of its own, a worker and a redis-server killed with SIGKILL,
 * every message sent twice, bursts over three API processes. Each scenario's
 * line of figures must end in ✓ (its invariants held); the whole run exits 0.
 */
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
let output = '';
let code: number | null = null;

beforeAll(async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/faults.ts', '--short'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  code = await new Promise<number | null>((res) => child.once('exit', res));
  console.log(output);
}, 150_000);

const scenario = (tag: string) => output.split('\n').find((l) => l.startsWith(`(${tag}) `)) ?? `(${tag}) did not run:\n${output.slice(-3000)}`;

describe('fault suite (short)', () => {
  it('(a) a worker killed with SIGKILL during 100 routings: all routed, none assigned twice, no notice twice, its jobs done again (how soon is printed; the full npm run faults holds it to 10 s)', () => {
    expect(scenario('a')).toMatch(/ ✓$/);
  });
  it('(b) redis-server killed with SIGKILL and restarted (AOF, appendfsync always): no acknowledged case lost', () => {
    expect(scenario('b')).toMatch(/ 0 lost;.* ✓$/);
  });
  it('(c) every message delivered twice at once and once later: no duplicate case, no message handled twice', () => {
    expect(scenario('c')).toMatch(/ 0 duplicate cases, 0 messages handled twice.* ✓$/);
  });
  it('(d) ten messages per person over three API processes: handled in the order sent', () => {
    expect(scenario('d')).toMatch(/ ✓$/);
  });
  it('the run exits 0', () => {
    expect(code, output.slice(-3000)).toBe(0);
  });
});
