import type { LatencySample } from '../state/deployment-state.js';
import { z } from 'zod';

/** The reply elements the sync script gives per deployment read, in order; `remoteStateFromReplies` reads them. */
export const REPLIES_PER_DEPLOYMENT = 6;

/** One deployment's state as Redis holds it (the cooldown end as stored, even when already past). */
export interface RemoteDeploymentState {
  cooldownUntilMs: number | undefined;
  inFlight: number;
  requestsThisMinute: number;
  tokensThisMinute: number;
  responseLatencies: LatencySample[];
  firstChunkLatencies: LatencySample[];
}

const numericString = z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number);
const repliesSchema = z.tuple([
  /** ZSCORE cooldown `until`. */
  numericString.nullable(),
  /** ZCOUNT in-flight (now, +inf]. */
  z.number().int().nonnegative(),
  /** HMGET minute `requests`, `tokens`. */
  numericString.nullable(),
  numericString.nullable(),
  /** LRANGE response latencies. */
  z.array(z.unknown()),
  /** LRANGE first-chunk latencies. */
  z.array(z.unknown()),
]);
const SAMPLE = /^(\d+(?:\.\d+)?):(-?\d+)$/;

/** Encodes a latency sample as one list element (the inverse of `samplesOf`). */
export function encodeLatencySample(sample: LatencySample): string {
  return `${sample.latencyMs}:${Math.floor(sample.atMs)}`;
}

/**
 * One deployment's state from its replies: cooldown end, calls in flight, requests and tokens this minute, response
 * and first-chunk latency samples. Throws when the replies are not what was asked for (someone else wrote under our
 * keys); the store then treats the read as failed, like any Redis error.
 */
export function remoteStateFromReplies(replies: readonly unknown[]): RemoteDeploymentState {
  const [cooldown, inFlight, requests, tokens, response, firstChunk] = repliesSchema.parse(replies);
  return {
    cooldownUntilMs: cooldown ?? undefined,
    inFlight,
    requestsThisMinute: requests ?? 0,
    tokensThisMinute: tokens ?? 0,
    // A malformed element is skipped rather than failing the whole read: one bad sample says nothing about the rest.
    responseLatencies: samplesOf(response),
    firstChunkLatencies: samplesOf(firstChunk),
  };
}

function samplesOf(elements: readonly unknown[]): LatencySample[] {
  const samples: LatencySample[] = [];
  for (const element of elements) {
    const match = typeof element === 'string' ? SAMPLE.exec(element) : null;
    if (match) samples.push({ latencyMs: Number(match[1]), atMs: Number(match[2]) });
  }
  return samples;
}
