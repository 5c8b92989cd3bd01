import { defaultCatalogue } from '../catalogue/default-catalogue.js';
import type { ModelCatalogue } from '../catalogue/model-catalogue.js';
import type { CostResult } from './cost-result.js';
import { costInCatalogue } from './cost-in-catalogue.js';
import type { PriceableUsage } from './priceable-usage.js';

/** Options of {@link completionCost}. */
export interface CompletionCostOptions {
  /** Model name as the request gave it (`gpt-4o`, `anthropic/claude-sonnet-4-5`, a custom name). */
  model: string;
  /** OpenAI-format usage, core's bucketed TokenUsage, or embeddings usage (`{prompt_tokens}`). */
  usage: PriceableUsage;
  /** Catalogue to price with; default: the bundled one plus registered custom prices. */
  catalogue?: ModelCatalogue;
}

/**
 * The exact cost of one call: every token bucket at its own rate (uncached input, cache read, cache write, 1-hour
 * cache write, text output, reasoning), long-context tiers applied, in integer nano-USD rounded once. An unknown or
 * unpriced model gives `{priced: false, reason}` — never a silent 0. Throws BadRequestError for malformed usage.
 */
export function completionCost(options: CompletionCostOptions): CostResult {
  return costInCatalogue(options.catalogue ?? defaultCatalogue, options.model, options.usage);
}
