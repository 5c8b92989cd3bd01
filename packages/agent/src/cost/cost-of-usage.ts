import type { OpenAIUsage } from '@tollgate/core';
import { completionCost, type ModelCatalogue } from '@tollgate/pricing';

/**
 * A call's cost from its usage and the catalogue, in nano-USD: priced with the first of `pricingModels` the
 * catalogue prices, or null when none does (or there is no usage). For calls whose client reported no cost.
 */
export function costOfUsage(options: {
  usage: OpenAIUsage | null;
  pricingModels: readonly string[];
  catalogue: ModelCatalogue;
}): number | null {
  if (!options.usage) return null;
  for (const model of options.pricingModels) {
    try {
      const cost = completionCost({ model, usage: options.usage, catalogue: options.catalogue });
      if (cost.priced) return cost.costNanoUsd;
    } catch {
      // Malformed usage from an endpoint: the call stays unpriced, which the run reports.
      return null;
    }
  }
  return null;
}
