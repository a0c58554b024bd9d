import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger } from 'pino';

export type { Logger };

/** What every log line written while handling one HTTP request carries. */
export interface RequestScope {
  requestId: string;
}

const scope = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `fn` (the rest of a request's handling) in `s`: every log line it
 * writes — in api/, flows/ or deep in core — carries `requestId`.
 */
export function inRequest<T>(s: RequestScope, fn: () => T): T {
  return scope.run(s, fn);
}

/** The id of the request being handled here, if any. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/**
 * One logger for the app. Personal numbers never reach it by design (we log
 * ids, not answers); the redact list is a second line of defence for fields
 * that might be passed by mistake. Lines written while a request is handled
 * carry its `requestId` (child loggers too).
 */
export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      mixin() {
        const s = scope.getStore();
        return s ? { requestId: s.requestId } : {};
      },
      redact: {
        paths: ['phone', 'idNumber', 'text', '*.phone', '*.idNumber', '*.text', 'answers', '*.answers', 'req.headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
