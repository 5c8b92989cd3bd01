import type { DeploymentState, LatencySample } from '@tollgate/router';
import { z } from 'zod';

/** The replies `getStates` asks for per deployment, in order; `deploymentStateFromReplies` reads them. */
export const REPLIES_PER_DEPLOYMENT = 5;

const numericString = z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number);
const repliesSchema = z.tuple([
  /** ZSCORE cooldown `until`. */
  numericString.nullable(),
  /** ZCOUNT in-flight (now, +inf]. */
  z.number().int().nonnegative(),
  /** HMGET minute requests tokens. */
  z.tuple([numericString.nullable(), numericString.nullable()]),
  /** LRANGE response latencies. */
  z.array(z.string()),
  /** LRANGE first-chunk latencies. */
  z.array(z.string()),
]);

const sampleSchema = z
  .string()
  .regex(/^\d+(\.\d+)?:-?\d+$/)
  .transform((sample): LatencySample => {
    const [latencyMs, atMs] = sample.split(':');
    return { latencyMs: Number(latencyMs), atMs: Number(atMs) };
  });

/** Encodes a latency sample as one list element (the inverse of the parsing above). */
export function encodeLatencySample(sample: LatencySample): string {
  return `${sample.latencyMs}:${Math.floor(sample.atMs)}`;
}

/**
 * One deployment's state from its pipeline replies. Throws when the replies are not what was asked for (someone
 * else wrote under our keys); the store then treats the read as failed, like any Redis error.
 */
export function deploymentStateFromReplies(replies: readonly unknown[], options: { nowMs: number }): DeploymentState {
  const [cooldownUntilMs, inFlight, [requests, tokens], response, firstChunk] = repliesSchema.parse(replies);
  return {
    cooldownUntilMs: cooldownUntilMs !== null && cooldownUntilMs > options.nowMs ? cooldownUntilMs : undefined,
    inFlight,
    requestsThisMinute: requests ?? 0,
    tokensThisMinute: tokens ?? 0,
    // A malformed element is skipped rather than failing the whole read: one bad sample says nothing about the rest.
    responseLatencies: samplesOf(response),
    firstChunkLatencies: samplesOf(firstChunk),
  };
}

function samplesOf(elements: readonly string[]): LatencySample[] {
  return elements.flatMap((element) => {
    const parsed = sampleSchema.safeParse(element);
    return parsed.success ? [parsed.data] : [];
  });
}
