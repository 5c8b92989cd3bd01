import type { OpenAIUsage } from '@tollgate/core';
import type { CostResult } from '@tollgate/pricing';

/**
 * What Tollgate knows about a call beyond the OpenAI response: who served it, what it cost, what was dropped.
 * Exposed as the non-enumerable `tollgate` property of results (and of a stream's final usage chunk), so
 * `JSON.stringify(result)` stays OpenAI's exact wire format while code can read `result.tollgate.costUsd`.
 */
export interface CallMetadata {
  /** Provider that served the call (id, aliases resolved), e.g. `zai`. */
  readonly provider: string;
  /** The provider's model id, e.g. `glm-4.7` (for Azure, the deployment). */
  readonly model: string;
  /** Tollgate's id for the call. */
  readonly requestId: string;
  /** Cost in USD, or null when the model has no price (see `cost.message`). */
  readonly costUsd: number | null;
  /** Cost in integer nano-USD (the ledger's unit), or null when unpriced. */
  readonly costNanoUsd: number | null;
  /** The full pricing result: per-bucket breakdown, or why it could not be priced. */
  readonly cost: CostResult | null;
  /** Usage in OpenAI format (also on the response for non-streams). */
  readonly usage: OpenAIUsage | null;
  /** True when usage was counted by Tollgate because the provider reported none. */
  readonly usageEstimated: boolean;
  /** Dropped params, unpriced model and similar notes; empty when none. */
  readonly warnings: readonly string[];
  /** Attempts made (1 + retries). */
  readonly attempts: number;
  /** The provider's response headers (rate-limit headers and the like); empty for local answers. */
  readonly responseHeaders: Readonly<Record<string, string>>;
}

/** Attaches metadata as a non-enumerable, read-only `tollgate` property, so it stays out of JSON. */
export function attachMetadata<Target extends object>(target: Target, metadata: CallMetadata): Target & { readonly tollgate: CallMetadata } {
  Object.defineProperty(target, 'tollgate', { value: metadata, enumerable: false, writable: false, configurable: true });
  return target as Target & { readonly tollgate: CallMetadata };
}
