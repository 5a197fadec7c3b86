import { pino, type Logger, type LoggerOptions } from 'pino';

/** Paths whose values never reach a log line, wherever they appear in a logged object. */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  '*.*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  '*.*.secret',
  'privateKey',
  '*.privateKey',
  '*.*.privateKey',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'body',
  '*.body',
  'mime',
  '*.mime',
];

export interface LoggerSettings {
  service: string;
  level?: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to read them back. */
  destination?: pino.DestinationStream;
}

/** The one way every service gets its logger: JSON lines, service name bound, secrets redacted. */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? process.env.LOG_LEVEL ?? 'info',
    base: { service: settings.service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return settings.destination ? pino(options, settings.destination) : pino(options);
}

export interface JobLogContext {
  jobId: string | undefined;
  mailbox?: string;
  objectType?: string;
  correlationId?: string;
}

/** A child logger bound to one job, so every line of its processing can be found together. */
export function jobLogger(parent: Logger, context: JobLogContext): Logger {
  return parent.child(context);
}

export type { Logger };
