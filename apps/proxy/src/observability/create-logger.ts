import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON logger. Credentials never reach a log line: request headers are not logged at all, and any field named like a
 * secret is redacted as a second line of defence.
 */
export function createLogger(options: { level?: string; destination?: NodeJS.WritableStream } = {}): Logger {
  const redactPaths = ['api_key', 'apiKey', 'key', 'master_key', 'authorization', 'password'].flatMap((name) => [
    name,
    `*.${name}`,
    `*.*.${name}`,
  ]);
  return pino(
    {
      level: options.level ?? process.env['LOG_LEVEL'] ?? 'info',
      base: { service: 'tollgate-proxy' },
      redact: { paths: redactPaths, censor: '[redacted]' },
    },
    options.destination as pino.DestinationStream | undefined,
  );
}
