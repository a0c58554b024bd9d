import type { Logger } from './logger.js';

/**
 * Graceful shutdown for an entry point: on SIGINT/SIGTERM run `stop` once,
 * then exit (code 1 if stopping failed or took longer than `graceMs`).
 */
export function onShutdown(log: Logger, stop: () => Promise<void>, graceMs = 15_000): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, graceMs);
    timer.unref();
    stop().then(
      () => process.exit(0),
      (err: Error) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => handle('SIGINT'));
  process.on('SIGTERM', () => handle('SIGTERM'));
}
