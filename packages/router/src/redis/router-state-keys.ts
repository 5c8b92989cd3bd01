/**
 * Names of the Redis keys the router state uses. They share the hash tag `{tg:<prefix>}` of the limiter's keys, so
 * one proxy's Redis data sits in one Redis Cluster slot and one `SCAN MATCH` pattern finds all of it.
 */
export interface RouterStateKeys {
  /** Sorted set with one member, `until`, scored by the cooldown's end (epoch ms); `ZADD GT` never lowers it. */
  cooldown(deploymentId: string): string;
  /** Sorted set of calls in flight: members `<instanceId>:<sequence>`, scored by the end of their lease. */
  inFlight(deploymentId: string): string;
  /** Hash of one minute's counters (`requests`, `tokens`, `failures`); `minute` is epoch ms / 60 000, floored. */
  minute(deploymentId: string, minute: number): string;
  /** List of recent latency samples of one kind, oldest first, each `<latencyMs>:<atMs>`. */
  latencies(deploymentId: string, kind: 'response' | 'first-chunk'): string;
  /** `SCAN MATCH` pattern for every router-state key under the prefix (tests clean up with it). */
  pattern: string;
}

const MINUTE_MS = 60_000;

/** The minute (epoch ms / 60 000, floored) whose counters a time belongs to. */
export function minuteOf(nowMs: number): number {
  return Math.floor(nowMs / MINUTE_MS);
}

/** Letters, digits and `_.:-`; braces would break the hash tag (same rule as the limiter's prefix). */
export const ROUTER_STATE_KEY_PREFIX_PATTERN = /^[\w.:-]{1,100}$/;

export function routerStateKeys(keyPrefix: string): RouterStateKeys {
  if (!ROUTER_STATE_KEY_PREFIX_PATTERN.test(keyPrefix)) {
    throw new RangeError(
      `router state: keyPrefix ${JSON.stringify(keyPrefix)} must match ${ROUTER_STATE_KEY_PREFIX_PATTERN}`,
    );
  }
  const base = `{tg:${keyPrefix}}:router`;
  // Deployment ids are config-derived strings; encoding keeps a `:` in one from colliding with our separators.
  const of = (deploymentId: string) => `${base}:${encodeURIComponent(deploymentId)}`;
  return {
    cooldown: (deploymentId) => `${of(deploymentId)}:cooldown`,
    inFlight: (deploymentId) => `${of(deploymentId)}:in-flight`,
    minute: (deploymentId, minute) => `${of(deploymentId)}:minute:${minute}`,
    latencies: (deploymentId, kind) => `${of(deploymentId)}:latency:${kind}`,
    pattern: `${base}:*`,
  };
}
