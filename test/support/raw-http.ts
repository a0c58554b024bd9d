import { connect, type Socket } from 'node:net';

/**
 * One HTTP/1.1 request over a connection opened beforehand, written at once
 * by `send()`: a test that must send many requests at chosen moments (a few
 * milliseconds apart) cannot use fetch, whose set-up per request costs
 * about that much and varies. Each request has its own connection, closed
 * after the answer.
 */
export interface PreparedRequest {
  /** Writes the request now (synchronously); the answer's status and body. */
  send(): Promise<{ status: number; body: string }>;
}

export async function prepareRequest(url: string, req: { method?: string; headers?: Record<string, string>; body?: string }): Promise<PreparedRequest> {
  const u = new URL(url);
  const body = Buffer.from(req.body ?? '');
  const head = [
    `${req.method ?? 'POST'} ${u.pathname}${u.search} HTTP/1.1`,
    `host: ${u.host}`,
    'connection: close',
    `content-length: ${body.length}`,
    ...Object.entries(req.headers ?? {}).map(([k, v]) => `${k}: ${v}`),
    '',
    '',
  ].join('\r\n');
  const bytes = Buffer.concat([Buffer.from(head), body]);
  const socket: Socket = await new Promise((resolve, reject) => {
    const s = connect(Number(u.port), u.hostname, () => resolve(s));
    s.once('error', reject);
  });
  socket.setNoDelay(true);
  socket.on('error', () => undefined);
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<Buffer>((resolve, reject) => {
    socket.once('close', () => resolve(Buffer.concat(chunks)));
    socket.once('error', reject);
  });
  // A connection reset before send() (the server went away) is that request's failure, not an unhandled one.
  ended.catch(() => undefined);
  return {
    send() {
      socket.write(bytes);
      return ended.then((raw) => {
        const text = raw.toString('utf8');
        const split = text.indexOf('\r\n\r\n');
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
        const headers = text.slice(0, split);
        let rest = text.slice(split + 4);
        // Koa answers JSON with a length; anything chunked is unchunked here.
        if (/transfer-encoding: chunked/i.test(headers)) {
          let out = '';
          const buf = raw.subarray(Buffer.byteLength(text.slice(0, split + 4)));
          let at = 0;
          for (;;) {
            const eol = buf.indexOf('\r\n', at);
            const size = parseInt(buf.subarray(at, eol).toString(), 16);
            if (!size) break;
            out += buf.subarray(eol + 2, eol + 2 + size).toString('utf8');
            at = eol + 2 + size + 2;
          }
          rest = out;
        }
        return { status, body: rest };
      });
    },
  };
}

/** Waits until `performance.now()` reaches `at`: sleeps, then spins the last few milliseconds (timers are not that precise). */
export async function until(at: number): Promise<void> {
  const sleepFor = at - performance.now() - 50;
  if (sleepFor > 0) await new Promise((r) => setTimeout(r, sleepFor));
  while (performance.now() < at) {
    // spin
  }
}
