// Catalogue: model info, capabilities and limits, custom prices.
export {
  ModelCatalogue,
  type ModelCatalogueOptions,
  type ModelLookup,
  type ListModelsFilter,
} from './catalogue/model-catalogue.js';
export { defaultCatalogue } from './catalogue/default-catalogue.js';
export { createModelCatalogue } from './catalogue/create-model-catalogue.js';
export type { ModelInfo, TokenPrices, PriceTier, ModelCapabilities } from './catalogue/model-info.js';
export { getModelInfo, resolveBareModel, listModels } from './catalogue/model-lookup.js';
export {
  supportsFunctionCalling,
  supportsParallelFunctionCalling,
  supportsVision,
  supportsReasoning,
  supportsResponseSchema,
  supportsPromptCaching,
  getMaxTokens,
  getContextWindow,
} from './catalogue/model-capabilities.js';
export { registerModel, registerModels, unregisterModel } from './catalogue/register-model.js';
export { customModelInfoSchema, type CustomModelInfo } from './catalogue/custom-model-info.js';
export { UnknownModelError, type UnknownModelErrorOptions, type UnknownModelReason } from './catalogue/unknown-model-error.js';
export { providerOf } from './catalogue/provider-family.js';

// Cost: exact, per token bucket, in nano-USD.
export { completionCost, type CompletionCostOptions } from './cost/completion-cost.js';
export { costPerToken, type CostPerTokenOptions, type PricedTokenCost } from './cost/cost-per-token.js';
export type { CostResult, PricedCost, UnpricedCost, UnpricedReason, CostLine, CostBucket } from './cost/cost-result.js';
export type { PriceableUsage, BucketedUsage, EmbeddingUsage } from './cost/priceable-usage.js';
export {
  worstCaseCost,
  outputChoicesOf,
  boundedPromptTokens,
  ESTIMATED_PROMPT_MARGIN,
  type WorstCaseCostOptions,
  type WorstCaseCost,
  type BoundedWorstCase,
  type UnboundedWorstCase,
  type UnboundedReason,
  type OutputLimitSource,
} from './cost/worst-case-cost.js';
export {
  callWorstCase,
  worstCaseParamsOf,
  measurePromptTokens,
  type CallWorstCaseOptions,
  type CallWorstCase,
  type WorstCasePrompt,
  type PromptMeasure,
} from './cost/call-worst-case.js';
export { promptWritesCache } from './cost/prompt-writes-cache.js';
export { affordableOutputTokens, type AffordableOutputTokensOptions } from './cost/affordable-output-tokens.js';

// Units.
export { usdPerTokenToNanoUsdPerMillion, nanoUsdPerMillionToUsdPerToken, type PriceConversion } from './units/usd-per-token.js';
export { formatNanoUsd, formatUsdPerMillionTokens } from './units/format-decimal.js';

// Token counting.
export { countTokens, tokenUpperBound, type CountTokensOptions, type TokenCount } from './tokens/count-tokens.js';
export { encodingForModel, type EncodingName, type ModelEncoding } from './tokens/encoding-for-model.js';
export type { CountableMessage, CountableContentPart, CountableTool, ToolSchemaNode } from './tokens/countable-message.js';
