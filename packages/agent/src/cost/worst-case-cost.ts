import type { ChatMessage, ChatTool } from '@tollgate/core';
import { completionCost, countTokens, type BucketedUsage, type ModelCatalogue } from '@tollgate/pricing';

/** The most one call could cost, and what the bound is made of. */
export interface WorstCaseCost {
  /** Upper bound of the call's cost, integer nano-USD. */
  readonly costNanoUsd: number;
  /** The catalogue name whose prices gave the bound. */
  readonly pricingModel: string;
  /** Prompt tokens assumed (counted, plus a margin when the count is an estimate). */
  readonly promptTokens: number;
  /** Output tokens assumed: the call's max tokens, else the model's output limit. */
  readonly maxOutputTokens: number;
}

/** A call whose cost cannot be bounded, and why. */
export interface UnboundedCost {
  readonly pricingModel: string;
  readonly reason: string;
}

/**
 * Token counts of models without their own tokenizer here are o200k estimates, typically within ±20 % (see
 * @tollgate/pricing); the bound takes 25 % more so that an under-count cannot let a call pass the cap.
 */
const ESTIMATED_COUNT_MARGIN = 1.25;

/** What a worst-case estimate needs. */
export interface WorstCaseInput {
  readonly pricingModel: string;
  readonly catalogue: ModelCatalogue;
  readonly messages: readonly ChatMessage[];
  readonly tools: readonly ChatTool[];
  /** The call's own output limit (`max_completion_tokens` / `max_tokens`), when it sets one. */
  readonly maxOutputTokens: number | undefined;
}

/** The output limit of a call: its own, else the catalogue's for the model; undefined when neither is known. */
export function outputLimitOf(input: Pick<WorstCaseInput, 'pricingModel' | 'catalogue' | 'maxOutputTokens'>): number | undefined {
  if (input.maxOutputTokens !== undefined) return input.maxOutputTokens;
  const info = input.catalogue.findModelInfo(input.pricingModel);
  return info?.maxOutputTokens ?? info?.maxTokens;
}

/**
 * The worst-case cost of the next call: prompt tokens counted × input price + max output tokens × output price,
 * with the catalogue's long-context tiers, the dearer of text and reasoning output rates, and cache-write rates
 * when the prompt asks for caching. Returns `UnboundedCost` when the model has no input or output price or no
 * known output limit, since then no bound exists.
 */
export function worstCaseCost(input: WorstCaseInput): WorstCaseCost | UnboundedCost {
  const { pricingModel, catalogue } = input;
  const info = catalogue.findModelInfo(pricingModel);
  const prices = info?.nanoUsdPerMillionTokens;
  if (!info || prices?.input === undefined || prices.output === undefined) {
    return { pricingModel, reason: `the catalogue has no input and output price for "${pricingModel}"` };
  }
  const maxOutputTokens = outputLimitOf(input);
  if (maxOutputTokens === undefined) {
    return { pricingModel, reason: `no output limit is known for "${pricingModel}"; set modelSettings.max_tokens` };
  }
  const tools = input.tools.map((tool) => ({
    type: tool.type,
    function: { name: tool.function.name, description: tool.function.description ?? undefined, parameters: tool.function.parameters ?? undefined },
  }));
  const count = countTokens({ model: pricingModel, messages: input.messages, tools });
  const promptTokens = count.estimated ? Math.ceil(count.tokens * ESTIMATED_COUNT_MARGIN) : count.tokens;
  const writesCache = JSON.stringify(input.messages).includes('"cache_control"');
  const empty: BucketedUsage = { uncachedInputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, textOutputTokens: 0, reasoningTokens: 0 };
  const prompts: BucketedUsage[] = [{ ...empty, uncachedInputTokens: promptTokens }];
  if (writesCache) prompts.push({ ...empty, cacheWriteTokens: promptTokens, cacheWriteOneHourTokens: promptTokens });
  let costNanoUsd = 0;
  for (const prompt of prompts) {
    for (const output of [{ textOutputTokens: maxOutputTokens }, { reasoningTokens: maxOutputTokens }]) {
      const cost = completionCost({ model: pricingModel, usage: { ...prompt, ...output }, catalogue });
      if (!cost.priced) return { pricingModel, reason: cost.message };
      costNanoUsd = Math.max(costNanoUsd, cost.costNanoUsd);
    }
  }
  return { costNanoUsd, pricingModel, promptTokens, maxOutputTokens };
}
