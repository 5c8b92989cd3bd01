import type { ChatMessage } from '@tollgate/core';

/** What the router needs to know about a model from the catalogue; every field may be unknown. */
export interface CatalogueModelFacts {
  /** Prompt tokens the model accepts. */
  maxInputTokens?: number | undefined;
  /** USD per prompt token. */
  inputCostPerToken?: number | undefined;
  /** USD per output token. */
  outputCostPerToken?: number | undefined;
}

/**
 * The router's view of the model catalogue: context windows and prices (for pre-call checks and cost-based
 * routing) and token counting. Injectable so tests and SDK users with private models need no catalogue entry.
 */
export interface RouterCatalogue {
  /** Facts about a `provider/model` (or bare catalogue name); undefined when the catalogue does not know it. */
  lookupModel(model: string): CatalogueModelFacts | undefined;
  /** Prompt tokens of a chat request's messages for the given model. */
  countPromptTokens(options: { model: string; messages: readonly ChatMessage[] }): number;
}
