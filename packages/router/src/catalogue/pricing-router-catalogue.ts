import { countTokens, defaultCatalogue, type ModelCatalogue } from '@tollgate/pricing';
import type { RouterCatalogue } from './router-catalogue.js';

/** The catalogue stores prices as integer nano-USD per 1M tokens, i.e. 1e-15 USD per token. */
const NANO_USD_PER_MILLION_TOKENS_PER_USD_PER_TOKEN = 1e15;

/**
 * The router's catalogue backed by `@tollgate/pricing` (the bundled catalogue plus models registered with
 * `registerModel`). Prices are converted to USD per token only to be compared, never to be summed.
 */
export function pricingRouterCatalogue(catalogue: ModelCatalogue = defaultCatalogue): RouterCatalogue {
  return {
    lookupModel(model) {
      const info = catalogue.findModelInfo(model);
      if (!info) return undefined;
      const prices = info.nanoUsdPerMillionTokens;
      return {
        maxInputTokens: info.maxInputTokens,
        inputCostPerToken:
          prices?.input !== undefined ? prices.input / NANO_USD_PER_MILLION_TOKENS_PER_USD_PER_TOKEN : undefined,
        outputCostPerToken:
          prices?.output !== undefined ? prices.output / NANO_USD_PER_MILLION_TOKENS_PER_USD_PER_TOKEN : undefined,
      };
    },
    countPromptTokens({ model, messages }) {
      return countTokens({ model, messages }).tokens;
    },
  };
}
