import { defaultCatalogue } from '../catalogue/default-catalogue.js';
import type { ModelCatalogue } from '../catalogue/model-catalogue.js';
import { countTokens, tokenUpperBound, type CountTokensOptions } from '../tokens/count-tokens.js';
import type { CountableMessage, CountableTool } from '../tokens/countable-message.js';
import { promptWritesCache } from './prompt-writes-cache.js';
import { outputChoicesOf, worstCaseCost, type BoundedWorstCase, type UnboundedWorstCase } from './worst-case-cost.js';

/**
 * How prompt tokens are found: `counted` runs each model's tokenizer (+25 % in the bound when it is an estimate);
 * `upper-bound` runs no tokenizer (text counted as its UTF-8 bytes, never fewer than its tokens), for a first,
 * cheap admission try.
 */
export type PromptMeasure = 'counted' | 'upper-bound';

/** A call's prompt: chat messages (and tools), or the text of an embedding request (which generates no output). */
export type WorstCasePrompt =
  | { messages: readonly CountableMessage[]; tools?: readonly CountableTool[] | null; text?: undefined }
  | { text: string; messages?: undefined; tools?: undefined };

/** Options of {@link callWorstCase}. */
export interface CallWorstCaseOptions {
  /** Catalogue to price with; default: the bundled one plus registered custom prices. */
  catalogue?: ModelCatalogue;
  /** Catalogue names that may price the call (one per deployment that may serve it): the dearest counts. */
  pricingModels: readonly string[];
  prompt: WorstCasePrompt;
  /** Default `counted`. */
  promptMeasure?: PromptMeasure;
  /** The call's own output limit per choice (`max_completion_tokens ?? max_tokens`; see {@link worstCaseParamsOf}). */
  maxOutputTokens: number | undefined;
  /** Choices generated, `max(n, best_of)`; default 1. */
  choices?: number;
  /** The prompt asks for a cache write; default: read from the prompt's `cache_control` marks. */
  writesCache?: boolean;
}

/** The worst case of a call over every model that may price it. */
export interface CallWorstCase {
  /** The dearest bound over the models that have one, integer nano-USD; 0 when none has (see `unbounded`). */
  costNanoUsd: number;
  /** The dearest model's bound (its prompt and output tokens); undefined when no model has a bound. */
  dearest: BoundedWorstCase | undefined;
  /** Prompt tokens: the most any model assumes (what a tokens-per-minute limit reserves). */
  promptTokens: number;
  /** Output tokens over all choices: the most any model may write, known limits of unbounded models included. */
  maxOutputTokens: number;
  /** Models whose cost has no bound, each with why (no price, or no output limit). */
  unbounded: UnboundedWorstCase[];
}

/** A model used to measure the prompt when no deployment names one (the bound needs some tokenizer). */
const FALLBACK_TOKENIZER_MODEL = 'gpt-4o';

/** The request params a worst case reads: output limit per choice, choices, and whether the prompt writes a cache. */
export function worstCaseParamsOf(request: {
  max_completion_tokens?: unknown;
  max_tokens?: unknown;
  n?: unknown;
  best_of?: unknown;
  messages?: readonly unknown[] | null;
  tools?: readonly unknown[] | null;
}): { maxOutputTokens: number | undefined; choices: number; writesCache: boolean } {
  const limit = typeof request.max_completion_tokens === 'number' ? request.max_completion_tokens : request.max_tokens;
  return {
    maxOutputTokens: typeof limit === 'number' && Number.isFinite(limit) && limit >= 0 ? Math.floor(limit) : undefined,
    choices: outputChoicesOf(request),
    writesCache: promptWritesCache(request),
  };
}

/** Prompt tokens of a call for one model, and whether they are a tokenizer estimate (never, for an upper bound). */
export function measurePromptTokens(options: { model: string; prompt: WorstCasePrompt; measure: PromptMeasure }): {
  tokens: number;
  estimated: boolean;
} {
  const { model, prompt } = options;
  const counted: CountTokensOptions =
    prompt.text !== undefined ? { model, text: prompt.text } : { model, messages: prompt.messages, tools: prompt.tools ?? null };
  if (options.measure === 'upper-bound') return { tokens: tokenUpperBound(counted), estimated: false };
  const count = countTokens(counted);
  return { tokens: count.tokens, estimated: count.estimated };
}

/**
 * The worst case of one call — the one rule the gateway's budget reservations and the agent's cost cap share:
 * {@link worstCaseCost} (prompt at the dearer of input and cache-write rates, every choice's output at the dearer of
 * text and reasoning rates, output limited by the call, else the model, else its context window) at the dearest
 * model that may price the call. An embedding request (a `text` prompt) generates no output. Models without a bound
 * are listed in `unbounded`: a caller that must enforce a cap refuses them.
 */
export function callWorstCase(options: CallWorstCaseOptions): CallWorstCase {
  const catalogue = options.catalogue ?? defaultCatalogue;
  const { prompt, pricingModels } = options;
  const measure = options.promptMeasure ?? 'counted';
  const embedding = prompt.text !== undefined;
  const choices = options.choices ?? 1;
  const writesCache = options.writesCache ?? (embedding ? false : promptWritesCache(prompt));
  // An upper bound does not depend on the tokenizer much: one measure serves every model.
  const shared =
    measure === 'upper-bound' ? measurePromptTokens({ model: pricingModels[0] ?? FALLBACK_TOKENIZER_MODEL, prompt, measure }) : undefined;
  const result: CallWorstCase = { costNanoUsd: 0, dearest: undefined, promptTokens: 0, maxOutputTokens: 0, unbounded: [] };
  for (const model of pricingModels) {
    const measured = shared ?? measurePromptTokens({ model, prompt, measure });
    const bound = worstCaseCost({
      model,
      catalogue,
      promptTokens: measured.tokens,
      promptTokensEstimated: measured.estimated,
      maxOutputTokens: embedding ? 0 : options.maxOutputTokens,
      choices,
      writesCache,
    });
    if (bound.bounded) {
      result.promptTokens = Math.max(result.promptTokens, bound.promptTokens);
      result.maxOutputTokens = Math.max(result.maxOutputTokens, bound.outputTokens);
      if (result.dearest === undefined || bound.costNanoUsd > result.dearest.costNanoUsd) result.dearest = bound;
      continue;
    }
    result.unbounded.push(bound);
    result.promptTokens = Math.max(result.promptTokens, measured.tokens);
    // No cost bound, but the output a token limit must reserve is still known when the call or model gives it.
    const info = catalogue.findModelInfo(model);
    const perChoice = options.maxOutputTokens ?? info?.maxOutputTokens ?? info?.maxTokens ?? 0;
    result.maxOutputTokens = Math.max(result.maxOutputTokens, embedding ? 0 : perChoice * choices);
  }
  if (pricingModels.length === 0) result.promptTokens = (shared ?? measurePromptTokens({ model: FALLBACK_TOKENIZER_MODEL, prompt, measure })).tokens;
  result.costNanoUsd = result.dearest?.costNanoUsd ?? 0;
  return result;
}
