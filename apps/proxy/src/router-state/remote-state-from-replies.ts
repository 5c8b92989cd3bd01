import type { LatencySample } from '@tollgate/router';

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

const NUMERIC = /^-?\d+(\.\d+)?$/;
const SAMPLE = /^(\d+(?:\.\d+)?):(-?\d+)$/;

/** Encodes a latency sample as one list element (the inverse of `samplesOf`). */
export function encodeLatencySample(sample: LatencySample): string {
  return `${sample.latencyMs}:${Math.floor(sample.atMs)}`;
}

/**
 * One deployment's state from its replies: cooldown end, calls in flight, requests and tokens this minute, response
 * and first-chunk latency samples. Read by hand, not with a schema: it runs on every refresh. Throws when the replies
 * are not what was asked for (someone else wrote under our keys); the store then treats the read as failed, like
 * any Redis error.
 */
export function remoteStateFromReplies(replies: readonly unknown[]): RemoteDeploymentState {
  if (replies.length !== REPLIES_PER_DEPLOYMENT) throw new TypeError(`router state: expected ${REPLIES_PER_DEPLOYMENT} replies, got ${replies.length}`);
  const [cooldown, inFlight, requests, tokens, response, firstChunk] = replies;
  if (typeof inFlight !== 'number' || !Number.isInteger(inFlight) || inFlight < 0) {
    throw new TypeError(`router state: calls in flight is ${String(inFlight)}, not a count`);
  }
  return {
    cooldownUntilMs: optionalNumber(cooldown, 'cooldown'),
    inFlight,
    requestsThisMinute: optionalNumber(requests, 'requests') ?? 0,
    tokensThisMinute: optionalNumber(tokens, 'tokens') ?? 0,
    // A malformed element is skipped rather than failing the whole read: one bad sample says nothing about the rest.
    responseLatencies: samplesOf(response),
    firstChunkLatencies: samplesOf(firstChunk),
  };
}

/** A number Redis returned as a string, or undefined for an absent value (nil). */
function optionalNumber(reply: unknown, what: string): number | undefined {
  if (reply === null) return undefined;
  if (typeof reply !== 'string' || !NUMERIC.test(reply)) throw new TypeError(`router state: ${what} is ${String(reply)}, not a number`);
  return Number(reply);
}

function samplesOf(elements: unknown): LatencySample[] {
  if (!Array.isArray(elements)) throw new TypeError('router state: latency samples are not a list');
  const samples: LatencySample[] = [];
  for (const element of elements) {
    const match = typeof element === 'string' ? SAMPLE.exec(element) : null;
    if (match) samples.push({ latencyMs: Number(match[1]), atMs: Number(match[2]) });
  }
  return samples;
}
