import pino, { type Logger } from 'pino';

export type { Logger };

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** pino level (`fatal` … `trace`, or `silent`); default `info`. */
  level?: string;
  /** Where lines go; default stdout. */
  destination?: NodeJS.WritableStream;
}

/**
 * JSON logger of the worker. Spend events carry only key hashes, but any field named like a secret is redacted
 * anyway, as a second line of defence (a connection URL with a password, for one).
 */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const redactPaths = ['password', 'authorization', 'redisUrl', 'databaseUrl'].flatMap((name) => [name, `*.${name}`]);
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'tollgate-worker' },
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    options.destination as pino.DestinationStream | undefined,
  );
}
