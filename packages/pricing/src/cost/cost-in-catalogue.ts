import type { ModelCatalogue } from '../catalogue/model-catalogue.js';
import type { CostResult } from './cost-result.js';
import { priceUsage } from './price-usage.js';
import { toBucketedUsage, type PriceableUsage } from './priceable-usage.js';

/**
 * The exact cost of one call priced by the given catalogue (see `completionCost`): an unknown or ambiguous model is
 * `{priced: false, reason}`, never a silent 0. Throws BadRequestError for malformed usage.
 */
export function costInCatalogue(catalogue: ModelCatalogue, model: string, priceable: PriceableUsage): CostResult {
  const usage = toBucketedUsage(priceable);
  const lookup = catalogue.findModel(model);
  if (!lookup.found) {
    const ambiguous = lookup.reason === 'ambiguous';
    return {
      priced: false,
      model,
      reason: ambiguous ? 'ambiguous_model' : 'unknown_model',
      message: ambiguous
        ? `Model "${model}" is listed under several providers (${lookup.candidates.join(', ')}); name one.`
        : `Model "${model}" is not in the price catalogue and has no registered price.`,
    };
  }
  return priceUsage(lookup.info, usage);
}
