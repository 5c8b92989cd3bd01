import { countTokens, defaultCatalogue, nanoUsdPerMillionToUsdPerToken, type ModelCatalogue } from '@tollgate/pricing';
import type { RouterCatalogue } from './router-catalogue.js';

const usdPerToken = (price: number | undefined) => (price === undefined ? undefined : nanoUsdPerMillionToUsdPerToken(price));

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
        inputCostPerToken: usdPerToken(prices?.input),
        outputCostPerToken: usdPerToken(prices?.output),
      };
    },
    countPromptTokens({ model, messages }) {
      return countTokens({ model, messages }).tokens;
    },
  };
}
