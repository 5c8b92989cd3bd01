import { BadRequestError } from '@tollgate/core';
import { z } from 'zod';
import { usdPerTokenToNanoUsdPerMillion } from '../units/usd-per-token.js';
import { CAPABILITY_CODES, type CapabilityCode, type CompactEntry, type CompactPrices } from './catalogue-schema.js';

/** A price as configs give it: a number (`0.0000025`) or a decimal string (`"2.5e-6"`), USD per token. */
const usdPerToken = z.union([z.number(), z.string()]);
const tokenLimit = z.number().int().nonnegative();

/**
 * Custom model data in LiteLLM's field names — what a proxy config's `model_info` (or `litellm.register_model`)
 * gives. Unknown fields (`id`, `access_groups`, ...) are allowed and ignored. Tiered prices use LiteLLM's
 * `<price field>_above_<N>k_tokens` names, e.g. `input_cost_per_token_above_200k_tokens`.
 */
export const customModelInfoSchema = z.looseObject({
  /** Provider of the model; defaults to the catalogue entry's, else the `provider/` prefix of the name. */
  litellm_provider: z.string().min(1).optional(),
  mode: z.string().min(1).optional(),
  /** Catalogue model whose data this entry starts from (LiteLLM's cost lookup for Azure deployments). */
  base_model: z.string().min(1).optional(),
  max_input_tokens: tokenLimit.optional(),
  max_output_tokens: tokenLimit.optional(),
  max_tokens: tokenLimit.optional(),
  input_cost_per_token: usdPerToken.optional(),
  output_cost_per_token: usdPerToken.optional(),
  cache_read_input_token_cost: usdPerToken.optional(),
  cache_creation_input_token_cost: usdPerToken.optional(),
  cache_creation_input_token_cost_above_1hr: usdPerToken.optional(),
  output_cost_per_reasoning_token: usdPerToken.optional(),
  input_cost_per_token_above_200k_tokens: usdPerToken.optional(),
  output_cost_per_token_above_200k_tokens: usdPerToken.optional(),
  cache_read_input_token_cost_above_200k_tokens: usdPerToken.optional(),
  cache_creation_input_token_cost_above_200k_tokens: usdPerToken.optional(),
  input_cost_per_token_above_128k_tokens: usdPerToken.optional(),
  output_cost_per_token_above_128k_tokens: usdPerToken.optional(),
  supports_function_calling: z.boolean().optional(),
  supports_parallel_function_calling: z.boolean().optional(),
  supports_tool_choice: z.boolean().optional(),
  supports_vision: z.boolean().optional(),
  supports_reasoning: z.boolean().optional(),
  supports_response_schema: z.boolean().optional(),
  supports_prompt_caching: z.boolean().optional(),
  supports_system_messages: z.boolean().optional(),
  supports_audio_input: z.boolean().optional(),
  supports_audio_output: z.boolean().optional(),
  supports_pdf_input: z.boolean().optional(),
  supports_web_search: z.boolean().optional(),
});

/** Custom model data as callers write it (LiteLLM's `model_info` field names; prices in USD per token). */
export type CustomModelInfo = z.input<typeof customModelInfoSchema>;

const PRICE_FIELDS: Readonly<Record<string, keyof CompactPrices>> = {
  input_cost_per_token: 'i',
  output_cost_per_token: 'o',
  cache_read_input_token_cost: 'cr',
  cache_creation_input_token_cost: 'cw',
  cache_creation_input_token_cost_above_1hr: 'cw1h',
  output_cost_per_reasoning_token: 'r',
};

const ABOVE_THRESHOLD = /^(.+)_above_(\d+)(k?)_tokens$/;

/** The fields a custom entry sets; merged over the catalogue entry it starts from. */
interface EntryOverride {
  provider?: string;
  fields: Omit<CompactEntry, 'p' | 'c' | 't' | 'f'>;
  prices: CompactPrices;
  tiers: Map<number, CompactPrices>;
  flags: Map<CapabilityCode, boolean>;
}

function convertPrice(value: number | string, param: string): number {
  const conversion = usdPerTokenToNanoUsdPerMillion(value);
  if (!conversion.ok) throw new BadRequestError(`${param} ${conversion.reason}`, { param });
  return conversion.nanoUsdPerMillionTokens;
}

/** Validates custom model data and converts its prices exactly. Errors name the field (`<param>.<field>`). */
export function parseCustomModelInfo(input: unknown, param: string): EntryOverride & { baseModel?: string } {
  const parsed = customModelInfoSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = [param, ...(issue?.path ?? []).map(String)].join('.');
    throw new BadRequestError(`${path}: ${issue?.message ?? 'invalid'}`, { param: path });
  }
  const info = parsed.data;
  const override: EntryOverride & { baseModel?: string } = { fields: {}, prices: {}, tiers: new Map(), flags: new Map() };
  if (info.litellm_provider !== undefined) override.provider = info.litellm_provider;
  if (info.base_model !== undefined) override.baseModel = info.base_model;
  if (info.mode !== undefined) override.fields.m = info.mode;
  if (info.max_input_tokens !== undefined) override.fields.mi = info.max_input_tokens;
  if (info.max_output_tokens !== undefined) override.fields.mo = info.max_output_tokens;
  if (info.max_tokens !== undefined) override.fields.mt = info.max_tokens;

  for (const [field, value] of Object.entries(info)) {
    if (value === undefined || value === null) continue;
    const base = PRICE_FIELDS[field];
    const tiered = ABOVE_THRESHOLD.exec(field);
    const tierPrice = tiered === null ? undefined : PRICE_FIELDS[tiered[1] ?? ''];
    if (base === undefined && tierPrice === undefined) continue;
    const fieldParam = `${param}.${field}`;
    if (typeof value !== 'number' && typeof value !== 'string') {
      throw new BadRequestError(`${fieldParam} must be a number of USD per token`, { param: fieldParam });
    }
    const converted = convertPrice(value, fieldParam);
    if (base !== undefined) {
      override.prices[base] = converted;
    } else if (tiered !== null && tierPrice !== undefined) {
      const threshold = Number(tiered[2]) * (tiered[3] === 'k' ? 1000 : 1);
      const tier = override.tiers.get(threshold) ?? {};
      tier[tierPrice] = converted;
      override.tiers.set(threshold, tier);
    }
  }
  for (const [code, field] of Object.entries(CAPABILITY_CODES) as [CapabilityCode, string][]) {
    const value = (info as Record<string, unknown>)[field];
    if (typeof value === 'boolean') override.flags.set(code, value);
  }
  return override;
}

function parseFlags(flags: string | undefined): Map<CapabilityCode, boolean> {
  const result = new Map<CapabilityCode, boolean>();
  for (const token of flags === undefined ? [] : flags.split(' ')) {
    const negated = token.startsWith('!');
    result.set((negated ? token.slice(1) : token) as CapabilityCode, !negated);
  }
  return result;
}

/**
 * Lays an override over the entry it starts from: fields and prices it sets win, the rest is kept (LiteLLM's
 * `register_model` merges the same way). Throws when a tier ends up without an input price.
 */
export function mergeEntry(
  base: CompactEntry | undefined,
  override: EntryOverride,
  options: { defaultProvider: string; param: string },
): CompactEntry {
  const entry: CompactEntry = { p: override.provider ?? base?.p ?? options.defaultProvider };
  const mode = override.fields.m ?? base?.m;
  if (mode !== undefined) entry.m = mode;
  const maxInput = override.fields.mi ?? base?.mi;
  if (maxInput !== undefined) entry.mi = maxInput;
  const maxOutput = override.fields.mo ?? base?.mo;
  if (maxOutput !== undefined) entry.mo = maxOutput;
  const legacyMax = override.fields.mt ?? base?.mt;
  if (legacyMax !== undefined && maxOutput === undefined) entry.mt = legacyMax;

  const prices = { ...base?.c, ...override.prices };
  if (Object.keys(prices).length > 0) entry.c = prices;

  const tiers = new Map((base?.t ?? []).map((tier) => [tier.a, tier.c]));
  for (const [threshold, tierPrices] of override.tiers) tiers.set(threshold, { ...tiers.get(threshold), ...tierPrices });
  if (tiers.size > 0) {
    entry.t = [...tiers].sort((a, b) => a[0] - b[0]).map(([threshold, tierPrices]) => ({ a: threshold, c: tierPrices }));
    const incomplete = entry.t.find((tier) => tier.c.i === undefined);
    if (incomplete !== undefined) {
      const threshold = incomplete.a % 1000 === 0 ? `${incomplete.a / 1000}k` : String(incomplete.a);
      const param = `${options.param}.input_cost_per_token_above_${threshold}_tokens`;
      throw new BadRequestError(`${param} is required: a price tier applies only when its input price is set`, { param });
    }
  }

  const flags = parseFlags(base?.f);
  for (const [code, value] of override.flags) flags.set(code, value);
  if (flags.size > 0) entry.f = [...flags].map(([code, value]) => (value ? code : `!${code}`)).join(' ');
  return entry;
}
