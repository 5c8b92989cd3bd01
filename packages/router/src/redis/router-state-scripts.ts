import type { Redis } from 'ioredis';

/**
 * The router state's Redis operations, one Lua script each, so every operation is one command with one reply, and
 * all keys share the `{tg:<prefix>}` hash tag so every script runs in one Redis Cluster slot. The sources live here
 * rather than in `.lua` files because the proxy's build copies no assets beside its compiled code.
 */

/**
 * sync: applies calls' starts and ends buffered by the proxy (in order), then reads the state of n deployments.
 * KEYS: per buffered write, 3: in-flight (zset), minute counters (hash), latency samples of the call's kind (list);
 *   then per deployment read, 5: cooldown (zset), in-flight (zset), minute counters (hash), response latencies
 *   (list), first-chunk latencies (list).
 * ARGV: [1] now (epoch ms) for the reads, [2] number of writes, [3] in-flight lease ms, [4] minute counters' ttl ms,
 *   [5] samples kept per list, [6] samples' ttl ms; then per write 4 elements:
 *   's', start time (epoch ms), member, lease end (epoch ms)        a call started
 *   'e', member or '', tokens (integer) or '', latency sample or ''  a call ended
 * Returns 6 elements per deployment read: cooldown end or nil, calls in flight with a lease ending after now,
 *   requests this minute or nil, tokens this minute or nil, response samples, first-chunk samples.
 * Leases that ended (their proxy died, or the call outlived its lease) are swept by whoever starts a call.
 */
const SYNC = `
local writes = tonumber(ARGV[2])
for write = 0, writes - 1 do
  local inFlight, minute, samples = KEYS[3 * write + 1], KEYS[3 * write + 2], KEYS[3 * write + 3]
  local at = 7 + 4 * write
  if ARGV[at] == 's' then
    redis.call('ZREMRANGEBYSCORE', inFlight, '-inf', ARGV[at + 1])
    redis.call('ZADD', inFlight, ARGV[at + 3], ARGV[at + 2])
    redis.call('PEXPIRE', inFlight, ARGV[3])
    redis.call('HINCRBY', minute, 'requests', 1)
    redis.call('PEXPIRE', minute, ARGV[4])
  else
    if ARGV[at + 1] ~= '' then
      redis.call('ZREM', inFlight, ARGV[at + 1])
    end
    if ARGV[at + 2] ~= '' then
      redis.call('HINCRBY', minute, 'tokens', ARGV[at + 2])
      redis.call('PEXPIRE', minute, ARGV[4])
    end
    if ARGV[at + 3] ~= '' then
      redis.call('RPUSH', samples, ARGV[at + 3])
      redis.call('LTRIM', samples, 0 - tonumber(ARGV[5]), -1)
      redis.call('PEXPIRE', samples, ARGV[6])
    end
  end
end

local now = ARGV[1]
local result = {}
for base = 3 * writes, #KEYS - 5, 5 do
  result[#result + 1] = redis.call('ZSCORE', KEYS[base + 1], 'until')
  result[#result + 1] = redis.call('ZCOUNT', KEYS[base + 2], '(' .. now, '+inf')
  local minute = redis.call('HMGET', KEYS[base + 3], 'requests', 'tokens')
  result[#result + 1] = minute[1]
  result[#result + 1] = minute[2]
  result[#result + 1] = redis.call('LRANGE', KEYS[base + 4], 0, -1)
  result[#result + 1] = redis.call('LRANGE', KEYS[base + 5], 0, -1)
end
return result
`;

/**
 * record-failure-1: counts a failure in the current minute.
 * KEYS: [1] minute counters (hash). ARGV: [1] the counters' ttl ms.
 * Returns the minute's failure count, this one included.
 */
const RECORD_FAILURE = `
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return failures
`;

/**
 * set-cooldown-1: raises a cooldown's end, never lowers it.
 * KEYS: [1] cooldown (zset with the one member 'until'). ARGV: [1] cooldown end (epoch ms), [2] ttl ms.
 * Returns 0. NX gives a new key its lifetime; GT extends it, never shortens it (a shorter cooldown changed nothing).
 */
const SET_COOLDOWN = `
redis.call('ZADD', KEYS[1], 'GT', ARGV[1], 'until')
redis.call('PEXPIRE', KEYS[1], ARGV[2], 'NX')
redis.call('PEXPIRE', KEYS[1], ARGV[2], 'GT')
return 0
`;

const SCRIPTS = {
  sync: { lua: SYNC, command: 'tollgateRouterSync' },
  recordFailure: { lua: RECORD_FAILURE, command: 'tollgateRouterRecordFailure' },
  setCooldown: { lua: SET_COOLDOWN, command: 'tollgateRouterSetCooldown' },
} as const;

export type RouterStateScriptName = keyof typeof SCRIPTS;

/** Runs one script in one round trip (EVALSHA; ioredis falls back to EVAL on NOSCRIPT). */
export type RouterStateScriptCall = (keys: readonly string[], args: readonly (string | number)[]) => Promise<unknown>;

/** Defines the scripts as commands on a connection (local only: no I/O until one runs). */
export function defineRouterStateScripts(redis: Redis): Record<RouterStateScriptName, RouterStateScriptCall> {
  const calls = {} as Record<RouterStateScriptName, RouterStateScriptCall>;
  for (const name of Object.keys(SCRIPTS) as RouterStateScriptName[]) {
    const { lua, command } = SCRIPTS[name];
    redis.defineCommand(command, { lua });
    const method = (redis as unknown as Record<string, (...args: (string | number)[]) => Promise<unknown>>)[command]!;
    calls[name] = (keys, args) => method.call(redis, keys.length, ...keys, ...args);
  }
  return calls;
}
