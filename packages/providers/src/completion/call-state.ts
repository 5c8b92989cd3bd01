import type { ChatCompletionRequest, OpenAIUsage } from '@tollgate/core';
import type { PriceableUsage } from '@tollgate/pricing';
import type { AdapterCallContext } from '../adapter/adapter-call-context.js';
import type { HttpRequestSpec } from '../adapter/http-request-spec.js';
import type { ProviderAdapter } from '../adapter/provider-adapter.js';
import type { TransportRequest } from '../transport/transport-options.js';
import type { UpstreamErrorResponse } from '../adapter/upstream-error-response.js';
import type { CallMetadata } from './call-metadata.js';
import type { CallOptions } from './call-options.js';
import { computeCost, type CallCost } from './compute-cost.js';

/** Default per-attempt time limit: LiteLLM's 600 s. */
export const DEFAULT_TIMEOUT_MS = 600_000;
/** Default first backoff step. */
export const DEFAULT_RETRY_BASE_DELAY_MS = 500;

/** Everything resolved about a call before it is sent. */
export interface CallState {
  readonly adapter: ProviderAdapter;
  readonly context: AdapterCallContext;
  readonly options: CallOptions;
  /** Warnings gathered so far (dropped params). */
  readonly warnings: readonly string[];
}

/** The chat call: the state plus the validated request. */
export interface ChatCallState extends CallState {
  readonly request: ChatCompletionRequest;
}

/** The retry settings of a call. */
export function retryOptionsOf(options: CallOptions): { numRetries: number; baseDelayMs: number; signal: AbortSignal | undefined } {
  return {
    numRetries: Math.max(0, Math.floor(options.numRetries ?? 0)),
    baseDelayMs: options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS,
    signal: options.signal,
  };
}

/** The transport request for an adapter's spec, with the caller's extra headers on top. */
export function transportRequestOf(state: CallState, spec: HttpRequestSpec): TransportRequest {
  const { options, adapter, context } = state;
  let headers = spec.headers;
  if (options.headers) {
    const extra: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.headers)) extra[name.toLowerCase()] = value;
    headers = { ...headers, ...extra };
  }
  return {
    spec: { ...spec, headers },
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    signal: options.signal,
    toError: (response: UpstreamErrorResponse) => adapter.toError(response, context),
    providerId: context.providerId,
    model: context.model,
    dispatcher: options.dispatcher,
  };
}

/**
 * The metadata of a finished call. Its cost (and the warning an unpriced call adds) is computed on first read, once:
 * a gateway that prices calls with its own rates never pays for it. The lazy fields are own enumerable getters, so
 * the object reads, spreads and serialises like a plain one.
 */
export function buildCallMetadata(
  state: CallState,
  result: {
    usage: OpenAIUsage | null;
    priceableUsage?: PriceableUsage | null;
    usageEstimated: boolean;
    reportedModel: string | undefined;
    attempts: number;
    responseHeaders: Readonly<Record<string, string>>;
  },
): CallMetadata {
  const { adapter, context } = state;
  let priced: CallCost | undefined;
  const cost = (): CallCost =>
    (priced ??= computeCost({
      provider: context.providerId,
      model: context.model,
      pricingModel: adapter.pricingModel?.(context.model),
      reportedModel: result.reportedModel,
      usage: result.priceableUsage ?? result.usage,
    }));
  let warnings: string[] | undefined;
  const metadata = {
    provider: context.providerId,
    model: context.model,
    requestId: context.requestId,
    usage: result.usage,
    usageEstimated: result.usageEstimated,
    attempts: result.attempts,
    responseHeaders: result.responseHeaders,
  };
  return Object.defineProperties(metadata, {
    costUsd: { enumerable: true, get: () => cost().costUsd },
    costNanoUsd: { enumerable: true, get: () => cost().costNanoUsd },
    cost: { enumerable: true, get: () => cost().cost },
    warnings: {
      enumerable: true,
      get: () => {
        if (warnings !== undefined) return warnings;
        warnings = [...state.warnings];
        const note = cost().warning;
        if (note) warnings.push(note);
        if (result.usageEstimated) warnings.push(`${context.providerId} reported no usage; Tollgate counted it (an estimate).`);
        return warnings;
      },
    },
  }) as CallMetadata;
}
