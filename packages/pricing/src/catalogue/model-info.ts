import { CAPABILITY_CODES, type CapabilityCode, type CompactEntry, type CompactPrices } from './catalogue-schema.js';
import { providerOf } from './provider-family.js';

/** Prices of one model (or one tier), each in integer **nano-USD per 1M tokens**. Absent = the data has none. */
export interface TokenPrices {
  /** Uncached prompt tokens. */
  readonly input?: number;
  /** Completion (text) tokens. */
  readonly output?: number;
  /** Prompt tokens read from the provider's cache. */
  readonly cacheRead?: number;
  /** Prompt tokens written to the cache (Anthropic: 5-minute TTL). */
  readonly cacheWrite?: number;
  /** Prompt tokens written to the cache with a 1-hour TTL (Anthropic). */
  readonly cacheWriteOneHour?: number;
  /** Reasoning/thinking output tokens, where they are priced apart from output. */
  readonly reasoning?: number;
}

/** A long-context price tier: once a request's prompt exceeds `aboveInputTokens`, every token uses these rates. */
export interface PriceTier {
  /** The tier applies when prompt tokens (cached included) are strictly more than this. */
  readonly aboveInputTokens: number;
  /** The tier's rates; a bucket it does not list keeps the model's base rate. */
  readonly nanoUsdPerMillionTokens: TokenPrices;
}

/** What the data says a model can do: `true`, `false`, or `undefined` when it says nothing. */
export interface ModelCapabilities {
  readonly functionCalling?: boolean;
  readonly parallelFunctionCalling?: boolean;
  readonly toolChoice?: boolean;
  readonly vision?: boolean;
  readonly reasoning?: boolean;
  readonly responseSchema?: boolean;
  readonly promptCaching?: boolean;
  readonly systemMessages?: boolean;
  readonly audioInput?: boolean;
  readonly audioOutput?: boolean;
  readonly pdfInput?: boolean;
  readonly webSearch?: boolean;
}

/** Everything the catalogue knows about one model. Frozen: share it, do not change it. */
export interface ModelInfo {
  /** The catalogue key that matched, e.g. `claude-sonnet-4-5` when `anthropic/claude-sonnet-4-5` was asked for. */
  readonly key: string;
  /** Provider id used for routing (`openai`, `anthropic`, `vertex_ai`, `zai`, ...). */
  readonly provider: string;
  /** The model id without the provider prefix, as the provider's API names it. */
  readonly model: string;
  /** LiteLLM's `litellm_provider` as the data gives it (e.g. `vertex_ai-language-models`). */
  readonly litellmProvider: string;
  /** `chat`, `embedding`, `completion`, `responses`, `image_generation`, ... when known. */
  readonly mode: string | undefined;
  /** Context window: the most prompt tokens the model accepts. */
  readonly maxInputTokens: number | undefined;
  /** The most completion tokens the model produces. */
  readonly maxOutputTokens: number | undefined;
  /** LiteLLM's legacy `max_tokens`, kept only where `maxOutputTokens` is unknown. */
  readonly maxTokens: number | undefined;
  /** Base prices in nano-USD per 1M tokens, or undefined when the data has no token price for this model. */
  readonly nanoUsdPerMillionTokens: TokenPrices | undefined;
  /** Long-context tiers, ascending by threshold. */
  readonly tiers: readonly PriceTier[];
  /** Capability flags. */
  readonly capabilities: ModelCapabilities;
  /** `catalogue` for bundled data, `custom` for prices registered with `registerModel`. */
  readonly origin: 'catalogue' | 'custom';
}

const CAPABILITY_NAMES: Readonly<Record<CapabilityCode, keyof ModelCapabilities>> = {
  fc: 'functionCalling',
  pfc: 'parallelFunctionCalling',
  tc: 'toolChoice',
  vis: 'vision',
  rsn: 'reasoning',
  rs: 'responseSchema',
  pc: 'promptCaching',
  sys: 'systemMessages',
  ain: 'audioInput',
  aout: 'audioOutput',
  pdf: 'pdfInput',
  web: 'webSearch',
};

function toTokenPrices(prices: CompactPrices): TokenPrices {
  const result: { -readonly [K in keyof TokenPrices]: TokenPrices[K] } = {};
  if (prices.i !== undefined) result.input = prices.i;
  if (prices.o !== undefined) result.output = prices.o;
  if (prices.cr !== undefined) result.cacheRead = prices.cr;
  if (prices.cw !== undefined) result.cacheWrite = prices.cw;
  if (prices.cw1h !== undefined) result.cacheWriteOneHour = prices.cw1h;
  if (prices.r !== undefined) result.reasoning = prices.r;
  return Object.freeze(result);
}

function toCapabilities(flags: string | undefined): ModelCapabilities {
  const result: { -readonly [K in keyof ModelCapabilities]: ModelCapabilities[K] } = {};
  for (const token of flags === undefined ? [] : flags.split(' ')) {
    const negated = token.startsWith('!');
    const code = (negated ? token.slice(1) : token) as CapabilityCode;
    if (Object.hasOwn(CAPABILITY_CODES, code)) result[CAPABILITY_NAMES[code]] = !negated;
  }
  return Object.freeze(result);
}

/** The model id a provider's API expects: the key without a leading `provider/` segment. */
function modelIdOf(key: string, litellmProvider: string): string {
  const slash = key.indexOf('/');
  if (slash < 0) return key;
  const prefix = key.slice(0, slash);
  return prefix === litellmProvider || prefix === providerOf(litellmProvider) ? key.slice(slash + 1) : key;
}

/** Expands a compact catalogue entry into the public, frozen ModelInfo. */
export function toModelInfo(key: string, entry: CompactEntry, origin: ModelInfo['origin']): ModelInfo {
  return Object.freeze({
    key,
    provider: providerOf(entry.p),
    model: modelIdOf(key, entry.p),
    litellmProvider: entry.p,
    mode: entry.m,
    maxInputTokens: entry.mi,
    maxOutputTokens: entry.mo,
    maxTokens: entry.mo === undefined ? entry.mt : undefined,
    nanoUsdPerMillionTokens: entry.c === undefined ? undefined : toTokenPrices(entry.c),
    tiers: Object.freeze(
      (entry.t ?? []).map((tier) =>
        Object.freeze({ aboveInputTokens: tier.a, nanoUsdPerMillionTokens: toTokenPrices(tier.c) }),
      ),
    ),
    capabilities: toCapabilities(entry.f),
    origin,
  });
}
