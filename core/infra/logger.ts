import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * One logger for the app. Personal numbers never reach it by design (we log
 * ids, not answers); the redact list is a second line of defence for fields
 * that might be passed by mistake.
 */
export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ['phone', 'idNumber', 'text', '*.phone', '*.idNumber', '*.text', 'answers', '*.answers', 'req.headers.authorization'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
