import type { FallbackList, RouterSettings } from '../config/router-settings-schema.js';

/** `router_settings` with LiteLLM's defaults applied and durations in milliseconds. */
export interface RouterPolicy {
  /** Retries per model group after the first attempt. */
  numRetries: number;
  /** Minimum wait before a retry. */
  retryAfterMs: number;
  /** Time limit of a non-streamed attempt. */
  timeoutMs: number;
  /** Time limit of a streamed attempt until its first chunk. */
  streamTimeoutMs: number;
  /** Failures in a minute a deployment may have before it cools down (the next one starts the cooldown). */
  allowedFails: number;
  /** How long a deployment cools down. */
  cooldownMs: number;
  cooldownsEnabled: boolean;
  /** Group → fallback groups, in order. */
  fallbacks: ReadonlyMap<string, readonly string[]>;
  contextWindowFallbacks: ReadonlyMap<string, readonly string[]>;
  contentPolicyFallbacks: ReadonlyMap<string, readonly string[]>;
  /** Fallbacks of any group without an entry in `fallbacks`. */
  defaultFallbacks: readonly string[];
  maxFallbacks: number;
  preCallChecks: boolean;
}

/** LiteLLM's `Router` default (openai's DEFAULT_MAX_RETRIES); its docs table says 3, its code uses 2. */
const DEFAULT_NUM_RETRIES = 2;
const DEFAULT_TIMEOUT_SECONDS = 600;
const DEFAULT_ALLOWED_FAILS = 3;
const DEFAULT_COOLDOWN_SECONDS = 5;
const DEFAULT_MAX_FALLBACKS = 5;

/** Applies defaults to validated `router_settings`. */
export function resolveRouterPolicy(settings: RouterSettings): RouterPolicy {
  const timeoutMs = (settings.timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
  return {
    numRetries: settings.num_retries ?? DEFAULT_NUM_RETRIES,
    retryAfterMs: (settings.retry_after ?? 0) * 1000,
    timeoutMs,
    streamTimeoutMs: settings.stream_timeout !== undefined ? settings.stream_timeout * 1000 : timeoutMs,
    allowedFails: settings.allowed_fails ?? DEFAULT_ALLOWED_FAILS,
    cooldownMs: (settings.cooldown_time ?? DEFAULT_COOLDOWN_SECONDS) * 1000,
    cooldownsEnabled: settings.disable_cooldowns !== true,
    fallbacks: toFallbackMap(settings.fallbacks),
    contextWindowFallbacks: toFallbackMap(settings.context_window_fallbacks),
    contentPolicyFallbacks: toFallbackMap(settings.content_policy_fallbacks),
    defaultFallbacks: settings.default_fallbacks ?? [],
    maxFallbacks: settings.max_fallbacks ?? DEFAULT_MAX_FALLBACKS,
    preCallChecks: settings.enable_pre_call_checks === true,
  };
}

/** LiteLLM's list of one-key objects as a map; a group listed twice keeps its fallbacks in listing order. */
function toFallbackMap(list: FallbackList | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const entry of list ?? []) {
    for (const [group, targets] of Object.entries(entry)) map.set(group, [...(map.get(group) ?? []), ...targets]);
  }
  return map;
}
