import type { FailureFacts } from './classify-failure.js';

const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/**
 * Milliseconds to wait before retrying a deployment that just failed: the provider's `retry-after` when it sent
 * one, else exponential backoff (0.5 s, 1 s, 2 s, ... up to 8 s, minus up to 25 % jitter so that many clients
 * retrying together spread out); never less than `router_settings.retry_after`.
 */
export function retryDelayMs(options: {
  /** 0 for the first retry. */
  retryIndex: number;
  failure: FailureFacts;
  /** `router_settings.retry_after` in ms. */
  minimumMs: number;
  random: () => number;
}): number {
  const suggested =
    options.failure.retryAfterSeconds !== undefined
      ? options.failure.retryAfterSeconds * 1000
      : Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** options.retryIndex) * (1 - 0.25 * options.random());
  return Math.max(suggested, options.minimumMs);
}
