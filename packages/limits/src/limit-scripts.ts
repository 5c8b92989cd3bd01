import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';

/** Return codes of `scripts/admit.lua` (first element of its reply). */
export enum AdmitCode {
  Admitted = 0,
  BudgetExceeded = 1,
  ParallelExceeded = 2,
  RpmExceeded = 3,
  TpmExceeded = 4,
  NeedsSeed = 5,
  Duplicate = 6,
}

/** Return codes of `scripts/settle.lua` (first element of its reply). */
export enum SettleCode {
  Settled = 0,
  AlreadySettled = 1,
  Unknown = 2,
  Held = 3,
}

/** Script files (beside the compiled code in `scripts/`) and the command names they are defined under. */
const LIMIT_SCRIPTS = {
  admit: { file: 'admit.lua', command: 'tollgateLimitsAdmit' },
  settle: { file: 'settle.lua', command: 'tollgateLimitsSettle' },
  seedBudget: { file: 'seed-budget-1.lua', command: 'tollgateLimitsSeedBudget' },
  readBudget: { file: 'read-budget-2.lua', command: 'tollgateLimitsReadBudget' },
} as const;

export type LimitScriptName = keyof typeof LIMIT_SCRIPTS;

export const LIMIT_SCRIPT_NAMES = Object.keys(LIMIT_SCRIPTS) as LimitScriptName[];

/** Runs one script in one round trip (EVALSHA; ioredis falls back to EVAL on NOSCRIPT). */
export type LimitScriptCall = (keys: string[], args: string[]) => Promise<unknown>;

const sources = new Map<string, string>();

/** A script's Lua source, read once (at first use, not at import) from `scripts/` beside this file. */
export function limitScriptSource(name: LimitScriptName): string {
  const file = LIMIT_SCRIPTS[name].file;
  let source = sources.get(file);
  if (source === undefined) {
    source = readFileSync(join(__dirname, 'scripts', file), 'utf8');
    sources.set(file, source);
  }
  return source;
}

/** Defines the limiter's scripts as commands on a connection (local only: no I/O until one runs). */
export function defineLimitScripts(redis: Redis): Record<LimitScriptName, LimitScriptCall> {
  const calls = {} as Record<LimitScriptName, LimitScriptCall>;
  for (const name of Object.keys(LIMIT_SCRIPTS) as LimitScriptName[]) {
    const { command } = LIMIT_SCRIPTS[name];
    redis.defineCommand(command, { lua: limitScriptSource(name) });
    const method = (redis as unknown as Record<string, (...args: (string | number)[]) => Promise<unknown>>)[command]!;
    calls[name] = (keys, args) => method.call(redis, keys.length, ...keys, ...args);
  }
  return calls;
}
