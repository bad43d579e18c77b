/**
 * The app's logger (pino). JSON lines for machines — production, tests, log collectors — or, for a
 * person at a terminal, one readable line per entry through pino-pretty (LOG_FORMAT; see
 * docs/decisions/018-development-log-format.md). The entries are the same in both forms.
 */
import { createRequire } from 'node:module';
import { pino, type DestinationStream, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';
import type { LogFormat, LogLevel } from './config/config.js';

export type { Logger };

export interface LoggerOptions {
  /** `json` (the default) or `pretty`. */
  format?: LogFormat;
  /** Where the lines go: standard output unless told otherwise. */
  destination?: DestinationStream;
  /** Pretty lines in colour; by default when the terminal supports it. */
  colorize?: boolean;
}

/** The fields of a request entry (src/http/request-log.ts), which the pretty form writes as one phrase. */
const REQUEST_FIELDS = ['requestId', 'method', 'path', 'status', 'responseTime'];

/**
 * Writes synchronously in both forms: a line is out before the next one (or a plain console line, or
 * process.exit) — a back-office's request rate does not need pino's asynchronous buffering.
 */
export function createLogger(level: LogLevel, { format = 'json', destination, colorize }: LoggerOptions = {}): Logger {
  const stream =
    format === 'pretty'
      ? prettyStream(destination ?? 1, colorize)
      : (destination ?? pino.destination({ dest: 1, sync: true }));
  return pino({ level, timestamp: pino.stdTimeFunctions.isoTime }, stream);
}

/** `12:04:31.207 INFO: GET /admin/resources/Customer 200 14 ms`; other fields follow as JSON on the line. */
function prettyStream(destination: DestinationStream | number, colorize: boolean | undefined): DestinationStream {
  // Loaded only for the pretty form: production writes JSON and never needs it.
  const pretty = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
  return pretty.build({
    destination,
    sync: true,
    ...(colorize === undefined ? {} : { colorize }),
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: ['pid', 'hostname', ...REQUEST_FIELDS].join(','),
    messageFormat: (log, messageKey) => requestPhrase(log) ?? messageOf(log[messageKey]),
  });
}

const messageOf = (message: unknown) => (typeof message === 'string' ? message : (JSON.stringify(message) ?? ''));

/** `GET /admin 302 3 ms` for a request entry; null for any other entry. */
function requestPhrase(log: Record<string, unknown>): string | null {
  if (typeof log.requestId !== 'string' || typeof log.method !== 'string') return null;
  const phrase = `${log.method} ${String(log.path)} ${String(log.status)} ${Math.round(Number(log.responseTime))} ms`;
  return log.msg === 'request aborted' ? `${phrase} (aborted)` : phrase;
}
