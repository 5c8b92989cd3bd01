import type { RateLimitInfo, RateLimitWindowInfo } from './admission-result.js';
import type { PlannedLimit } from './admission-plan.js';

/** One sliding log's state as a backend reports it. */
export interface RateLogStat {
  /** Requests or tokens in the window. */
  used: number;
  /** Admission instant of the newest entry (epoch ms), or null when the log is empty. */
  newestMs: number | null;
}

/** The numbers of the scope with the least room left (ties: the smaller limit), or undefined without limits. */
function mostRestrictive(options: {
  limits: PlannedLimit[];
  stats: RateLogStat[];
  nowMs: number;
  windowMs: number;
}): RateLimitWindowInfo | undefined {
  let best: RateLimitWindowInfo | undefined;
  options.limits.forEach((planned, index) => {
    const stat = options.stats[index] ?? { used: 0, newestMs: null };
    const candidate: RateLimitWindowInfo = {
      scope: planned.scope,
      limit: planned.limit,
      remaining: Math.max(0, planned.limit - stat.used),
      resetMs: stat.newestMs === null ? 0 : Math.max(0, stat.newestMs + options.windowMs - options.nowMs),
    };
    const better =
      best === undefined ||
      candidate.remaining < best.remaining ||
      (candidate.remaining === best.remaining && candidate.limit < best.limit);
    if (better) best = candidate;
  });
  return best;
}

/** Header data from the rpm and tpm logs of an admission, in plan order. */
export function rateLimitInfoOf(options: {
  rpm: PlannedLimit[];
  rpmStats: RateLogStat[];
  tpm: PlannedLimit[];
  tpmStats: RateLogStat[];
  nowMs: number;
  windowMs: number;
}): RateLimitInfo {
  const info: RateLimitInfo = {};
  const { nowMs, windowMs } = options;
  const requests = mostRestrictive({ limits: options.rpm, stats: options.rpmStats, nowMs, windowMs });
  const tokens = mostRestrictive({ limits: options.tpm, stats: options.tpmStats, nowMs, windowMs });
  if (requests) info.requests = requests;
  if (tokens) info.tokens = tokens;
  return info;
}

/** OpenAI's duration style for `x-ratelimit-reset-*`: `120ms`, `1.5s`, `6m0s`. */
export function formatResetDuration(durationMs: number): string {
  const ms = Math.max(0, Math.ceil(durationMs));
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(3))}s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m${Number(((ms - minutes * 60_000) / 1000).toFixed(3))}s`;
}

/** The `x-ratelimit-*` headers for a response (absent kinds are left out). */
export function rateLimitHeaders(info: RateLimitInfo): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [kind, window] of [
    ['requests', info.requests],
    ['tokens', info.tokens],
  ] as const) {
    if (!window) continue;
    headers[`x-ratelimit-limit-${kind}`] = String(window.limit);
    headers[`x-ratelimit-remaining-${kind}`] = String(window.remaining);
    headers[`x-ratelimit-reset-${kind}`] = formatResetDuration(window.resetMs);
  }
  return headers;
}
