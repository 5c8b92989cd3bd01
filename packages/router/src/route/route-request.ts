import type { ChatCompletionRequest, EmbeddingRequest, TollgateError } from '@tollgate/core';
import type { ResponsesRequest } from '@tollgate/providers';
import type { ClientCredentials } from '../call/deployment-call.js';
import type { ModelRegion } from '../deployment/deployment-region.js';

/** A request as the router routes it: the caller's params without the router's own keys, plus how to route. */
export type RouteRequest = (
  | { kind: 'completion'; params: ChatCompletionRequest }
  | { kind: 'embedding'; params: EmbeddingRequest }
  | { kind: 'responses'; params: ResponsesRequest }
) & {
  /** The model name the caller sent (a group or an alias). */
  requestedModel: string;
  stream: boolean;
  signal: AbortSignal | undefined;
  /** Per-attempt time limit overriding the configured ones. */
  timeoutMs: number | undefined;
  /** Retries per group for this request. */
  numRetries: number;
  /** The caller validated the params; a deployment that adds none of its own needs no second validation. */
  requestValidated: boolean;
  /** Only deployments in this region may serve the request (the caller's data residency). */
  allowedRegion: ModelRegion | undefined;
  /** Credentials replacing each deployment's for this request (set by the caller's code only). */
  credentials: ClientCredentials | undefined;
  /** Fallbacks sent with the request (replace the configured generic fallbacks). */
  requestFallbacks: readonly string[] | undefined;
  disableFallbacks: boolean;
  /** A failure to raise in place of calling the first group (`mock_testing_fallbacks` and friends). */
  forcedFailure: TollgateError | undefined;
};

/** Counts kept across a request's groups, reported in the result's metadata. */
export interface AttemptTracker {
  /** Attempts that were not the first of their group. */
  retries: number;
  /** Fallback groups tried. */
  fallbacks: number;
}
