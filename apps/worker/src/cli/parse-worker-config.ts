import type { z } from 'zod';
import { workerSettingsSchema, type WorkerConfig, type WorkerSettingName } from './worker-config-schema.js';

/** Flags and the setting (environment variable) each one sets. */
export const WORKER_FLAGS = {
  '--redis-url': 'REDIS_URL',
  '--database-url': 'DATABASE_URL',
  '--database-schema': 'DATABASE_SCHEMA',
  '--db': 'TOLLGATE_DB',
  '--port': 'WORKER_PORT',
  '--host': 'WORKER_HOST',
  '--queue': 'SPEND_QUEUE_NAME',
  '--maintenance-queue': 'MAINTENANCE_QUEUE_NAME',
  '--batch-size': 'BATCH_SIZE',
  '--concurrency': 'WORKER_CONCURRENCY',
  '--lock-duration': 'WORKER_LOCK_DURATION',
  '--log-level': 'LOG_LEVEL',
  '--retention': 'RETENTION',
  '--retention-interval': 'RETENTION_INTERVAL',
  '--budget-reset-interval': 'BUDGET_RESET_INTERVAL',
  '--timezone': 'BUDGET_TIMEZONE',
} as const satisfies Record<string, WorkerSettingName>;

export const WORKER_USAGE = [
  'usage: tollgate-worker [--flag value]...   (every flag also reads from its environment variable)',
  ...Object.entries(WORKER_FLAGS).map(([flag, name]) => `  ${flag.padEnd(24)} ${name}`),
].join('\n');

/** A setting is missing or malformed; the message names each bad setting, its flag and the expected value. */
export class WorkerConfigError extends Error {
  override readonly name = 'WorkerConfigError';
}

const FLAG_OF = Object.fromEntries(Object.entries(WORKER_FLAGS).map(([flag, name]) => [name, flag])) as Record<WorkerSettingName, string>;

/** Options of {@link parseWorkerConfig}. */
export interface ParseWorkerConfigOptions {
  /** Command-line arguments after the program name: `--flag value` or `--flag=value`. */
  argv: readonly string[];
  env: Record<string, string | undefined>;
}

function describeIssue(issue: z.core.$ZodIssue, settings: Record<string, string | undefined>): string {
  const name = String(issue.path[0] ?? 'settings') as WorkerSettingName;
  // URLs may carry passwords: never echo them.
  const value = name.endsWith('_URL') ? undefined : settings[name];
  const flag = FLAG_OF[name] === undefined ? '' : ` (${FLAG_OF[name]})`;
  return `  ${name}${flag}: ${issue.message}${value === undefined ? '' : `, got ${JSON.stringify(value)}`}`;
}

/**
 * Reads the worker's settings: a flag wins over its environment variable; an empty variable counts as unset. Throws
 * {@link WorkerConfigError} listing every bad setting at once.
 */
export function parseWorkerConfig(options: ParseWorkerConfigOptions): WorkerConfig {
  const settings: Record<string, string | undefined> = {};
  for (const name of Object.values(WORKER_FLAGS)) {
    const value = options.env[name];
    if (value !== undefined && value.trim() !== '') settings[name] = value.trim();
  }
  for (let index = 0; index < options.argv.length; index += 1) {
    const argument = options.argv[index] as string;
    const [flag, inline] = argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    const name = (WORKER_FLAGS as Record<string, WorkerSettingName>)[flag];
    if (name === undefined) throw new WorkerConfigError(`unknown argument ${argument}\n${WORKER_USAGE}`);
    const value = inline ?? options.argv[(index += 1)];
    if (value === undefined) throw new WorkerConfigError(`${flag} needs a value\n${WORKER_USAGE}`);
    settings[name] = value;
  }
  const parsed = workerSettingsSchema.safeParse(settings);
  if (!parsed.success) {
    throw new WorkerConfigError(`invalid worker settings:\n${parsed.error.issues.map((issue) => describeIssue(issue, settings)).join('\n')}`);
  }
  return parsed.data;
}
