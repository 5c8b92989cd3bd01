import { defaultCatalogue } from './default-catalogue.js';
import type { ModelCatalogue } from './model-catalogue.js';
import type { ModelCapabilities } from './model-info.js';

/**
 * LiteLLM semantics: a capability is supported only when the data says so; an unknown model or a missing flag
 * reads as false (so callers never assume a feature that may not be there).
 */
function supports(model: string, capability: keyof ModelCapabilities, catalogue: ModelCatalogue): boolean {
  return catalogue.findModelInfo(model)?.capabilities[capability] === true;
}

/** Whether the model accepts `tools` (function calling). False for unknown models. */
export function supportsFunctionCalling(model: string, catalogue: ModelCatalogue = defaultCatalogue): boolean {
  return supports(model, 'functionCalling', catalogue);
}

/** Whether the model can return several tool calls in one turn. False for unknown models. */
export function supportsParallelFunctionCalling(model: string, catalogue: ModelCatalogue = defaultCatalogue): boolean {
  return supports(model, 'parallelFunctionCalling', catalogue);
}

/** Whether the model accepts image input. False for unknown models. */
export function supportsVision(model: string, catalogue: ModelCatalogue = defaultCatalogue): boolean {
  return supports(model, 'vision', catalogue);
}

/** Whether the model reasons/thinks (`reasoning_effort`, Anthropic `thinking`). False for unknown models. */
export function supportsReasoning(model: string, catalogue: ModelCatalogue = defaultCatalogue): boolean {
  return supports(model, 'reasoning', catalogue);
}

/** Whether the model honours `response_format: json_schema`. False for unknown models. */
export function supportsResponseSchema(model: string, catalogue: ModelCatalogue = defaultCatalogue): boolean {
  return supports(model, 'responseSchema', catalogue);
}

/** Whether the provider caches prompts for this model. False for unknown models. */
export function supportsPromptCaching(model: string, catalogue: ModelCatalogue = defaultCatalogue): boolean {
  return supports(model, 'promptCaching', catalogue);
}

/**
 * Max output tokens, LiteLLM's `get_max_tokens`: `max_output_tokens`, else the legacy `max_tokens`; undefined when
 * the data has neither. Throws UnknownModelError for an unknown model.
 */
export function getMaxTokens(model: string, catalogue: ModelCatalogue = defaultCatalogue): number | undefined {
  const info = catalogue.getModelInfo(model);
  return info.maxOutputTokens ?? info.maxTokens;
}

/** Context window (`max_input_tokens`); undefined when unknown. Throws UnknownModelError for an unknown model. */
export function getContextWindow(model: string, catalogue: ModelCatalogue = defaultCatalogue): number | undefined {
  return catalogue.getModelInfo(model).maxInputTokens;
}
