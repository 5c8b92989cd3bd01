import { assertTimeZone } from '../budget-window/zoned-time.js';

/** Options every store takes. */
export interface StoreOptions {
  /** The clock (tests pass a fixed one); default `() => new Date()`. */
  clock?: () => Date;
  /** IANA zone for budget windows (LiteLLM's `litellm_settings.timezone`); default UTC. */
  timezone?: string;
}

/** Store options with defaults filled in. */
export interface ResolvedStoreOptions {
  clock: () => Date;
  timezone: string;
}

/** Fills in defaults and checks the zone once, at construction. */
export function resolveStoreOptions(options: StoreOptions = {}): ResolvedStoreOptions {
  const timezone = options.timezone ?? 'UTC';
  assertTimeZone(timezone);
  return { clock: options.clock ?? (() => new Date()), timezone };
}
