import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * The load generator shared by the chat endpoint and its baseline: plain
 * node:http with a keep-alive agent (one socket per simulated user), closed
 * loop (each user waits for its answer before sending the next message).
 */
export interface HttpClient {
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string; ms: number }>;
  close(): void;
}

export function httpClient(baseUrl: string, maxSockets: number): HttpClient {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  return {
    post(path, body, headers = {}) {
      const payload = Buffer.from(JSON.stringify(body));
      return new Promise((resolve, reject) => {
        const t0 = performance.now();
        const req = request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method: 'POST',
            path,
            headers: { 'content-type': 'application/json', 'content-length': String(payload.length), ...headers },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }));
            res.on('error', reject);
          },
        );
        req.setTimeout(10_000, () => req.destroy(new Error(`POST ${path}: no answer within 10s`)));
        req.on('error', reject);
        req.end(payload);
      });
    },
    close() {
      agent.destroy();
    },
  };
}

/**
 * Runs `users` simulated users at once; user `u` runs `session(u, stopped)`.
 * Resolves with the wall-clock seconds. On the first error the others are
 * told to stop (`stopped()` turns true) and are waited for, so nothing is in
 * flight when the caller cleans up; then that first error is thrown.
 */
export async function closedLoop(users: number, session: (u: number, stopped: () => boolean) => Promise<void>): Promise<number> {
  let failed = false;
  const stopped = () => failed;
  const t0 = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: users }, (_, u) =>
      session(u, stopped).catch((err: unknown) => {
        failed = true;
        throw err;
      }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  const firstError = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (firstError) throw firstError.reason;
  return seconds;
}
