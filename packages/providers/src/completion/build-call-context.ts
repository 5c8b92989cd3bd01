import { randomUUID } from 'node:crypto';
import { AuthenticationError, BadRequestError } from '@tollgate/core';
import type { AdapterCallContext } from '../adapter/adapter-call-context.js';
import type { ProviderAdapter } from '../adapter/provider-adapter.js';
import type { CallOptions } from './call-options.js';

/** What `buildCallContext` needs besides the adapter. */
export interface BuildCallContextInput {
  readonly adapter: ProviderAdapter;
  readonly model: string;
  readonly options: CallOptions;
  readonly stream: boolean;
  readonly includeUsage: boolean;
  /** Whether a missing key or base URL should fail (false for local answers, which need neither). */
  readonly requireCredentials: boolean;
  /** Environment to read (default `process.env`), read at call time, never at import. */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * The per-call context: credentials from the options, else the adapter's env vars, else (base URL, version) its
 * defaults. A required key that is missing fails with an `AuthenticationError` naming the env var and the option;
 * a missing base URL with a `BadRequestError` naming both likewise.
 */
export function buildCallContext(input: BuildCallContextInput): AdapterCallContext {
  const { adapter, options } = input;
  const env = input.env ?? process.env;
  const apiKey = nonEmpty(options.apiKey) ?? firstSet(env, adapter.envKeys);
  if (input.requireCredentials && adapter.apiKeyRequired && apiKey === undefined) {
    throw new AuthenticationError(
      `Missing API key for ${adapter.displayName} (${adapter.id}/${input.model}): set the ` +
        `${describeNames(adapter.envKeys)} environment variable or pass the \`apiKey\` option.`,
      { provider: adapter.id, model: input.model, param: 'api_key', code: 'missing_api_key' },
    );
  }
  const apiBase = nonEmpty(options.apiBase) ?? firstSet(env, adapter.apiBaseEnv ?? []) ?? adapter.defaultApiBase;
  if (apiBase === undefined && input.requireCredentials) {
    throw new BadRequestError(
      `Missing API base URL for ${adapter.displayName} (${adapter.id}/${input.model}): set the ` +
        `${describeNames(adapter.apiBaseEnv ?? [])} environment variable or pass the \`apiBase\` option.`,
      { provider: adapter.id, model: input.model, param: 'api_base', code: 'missing_api_base' },
    );
  }
  return {
    providerId: adapter.id,
    model: input.model,
    apiKey,
    apiBase: (apiBase ?? '').replace(/\/+$/, ''),
    apiVersion: nonEmpty(options.apiVersion) ?? firstSet(env, adapter.apiVersionEnv ?? []) ?? adapter.defaultApiVersion,
    stream: input.stream,
    includeUsage: input.includeUsage,
    requestId: randomUUID(),
    created: Math.floor(Date.now() / 1000),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function firstSet(env: NodeJS.ProcessEnv, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = nonEmpty(env[name]);
    if (value !== undefined) return value;
  }
  return undefined;
}

function describeNames(names: readonly string[]): string {
  if (names.length === 0) return '(none)';
  if (names.length === 1) return `\`${names[0]!}\``;
  return `\`${names[0]!}\` (or ${names.slice(1).map((name) => `\`${name}\``).join(', ')})`;
}
