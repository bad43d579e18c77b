/** The app's structured logger: one JSON object per line (pino), on stdout unless told otherwise. */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config/config.js';

export type { Logger };

/**
 * Writes synchronously by default: a line is out before the next one (or a plain console line, or
 * process.exit) — a back-office's request rate does not need pino's asynchronous buffering.
 */
export function createLogger(
  level: LogLevel,
  destination: DestinationStream = pino.destination({ dest: 1, sync: true }),
): Logger {
  return pino({ level, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}
