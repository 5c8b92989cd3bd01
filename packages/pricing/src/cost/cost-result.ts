/** The priced buckets of a request; every token is in exactly one. */
export type CostBucket = 'uncachedInput' | 'cacheRead' | 'cacheWrite' | 'cacheWriteOneHour' | 'textOutput' | 'reasoning';

/** One bucket of a priced request. */
export interface CostLine {
  bucket: CostBucket;
  tokens: number;
  /** The rate applied, nano-USD per 1M tokens (tier and fallbacks resolved). */
  nanoUsdPerMillionTokens: number;
  /** tokens × rate, exact, in femto-USD (1e-15 USD): nano-USD per 1M tokens × tokens. */
  costFemtoUsd: bigint;
}

/** A request that could be priced. */
export interface PricedCost {
  priced: true;
  /** The catalogue key (or custom name) whose prices were used. */
  model: string;
  provider: string;
  /** Total cost in integer nano-USD: the exact total rounded once, half up. The unit stored by the ledger. */
  costNanoUsd: number;
  /** `costNanoUsd` in USD, for display and LiteLLM-compatible fields. */
  costUsd: number;
  /** The exact total before rounding, femto-USD. */
  costFemtoUsd: bigint;
  /** Threshold of the long-context tier that applied, or null for base prices. */
  tierAboveInputTokens: number | null;
  /** Buckets with at least one token. */
  breakdown: CostLine[];
}

/** Why a request could not be priced. */
export type UnpricedReason = 'unknown_model' | 'ambiguous_model' | 'no_price';

/** A request that could not be priced: an explicit state, never a cost of 0. */
export interface UnpricedCost {
  priced: false;
  /** The model name as given. */
  model: string;
  reason: UnpricedReason;
  /** Human-readable explanation, fit for a log line or a warning header. */
  message: string;
}

/** The result of the cost functions. */
export type CostResult = PricedCost | UnpricedCost;
