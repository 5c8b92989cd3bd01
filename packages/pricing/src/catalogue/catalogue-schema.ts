import { z } from 'zod';

/**
 * The compact catalogue that `tools/sync-pricing` writes to `catalogue.generated.json` (short keys keep the file
 * small; this schema is their documentation). Every price is an integer in **nano-USD per 1M tokens** — the same
 * integer as femto-USD (1e-15 USD) per token, fine enough to hold every price in LiteLLM's map exactly.
 *
 * ```
 * { version: 1, unit, source: { sha256, upstreamCommit, models }, models: { "<key>": entry } }
 * entry: p  litellm_provider            m  mode (chat, embedding, ...)
 *        mi max_input_tokens            mo max_output_tokens
 *        mt legacy max_tokens, only where max_output_tokens is absent
 *        c  base prices                 t  tiers: [{ a: threshold, c: prices }], ascending
 *        f  capability codes separated by spaces, `!code` = explicitly false (see CAPABILITY_CODES)
 * prices: i input · o output · cr cache read · cw cache write · cw1h cache write, 1-hour TTL · r reasoning output
 * ```
 */
export const CATALOGUE_VERSION = 1;

const price = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const tokenCount = z.number().int().nonnegative();

/** One bucket's price per key; all optional because the map has gaps (e.g. no cache price). */
export const compactPricesSchema = z.strictObject({
  i: price.optional(),
  o: price.optional(),
  cr: price.optional(),
  cw: price.optional(),
  cw1h: price.optional(),
  r: price.optional(),
});

export const compactTierSchema = z.strictObject({
  /** The tier applies when the request's prompt tokens exceed this many. */
  a: tokenCount,
  c: compactPricesSchema,
});

/** Capability code → the LiteLLM flag it stands for. */
export const CAPABILITY_CODES = {
  fc: 'supports_function_calling',
  pfc: 'supports_parallel_function_calling',
  tc: 'supports_tool_choice',
  vis: 'supports_vision',
  rsn: 'supports_reasoning',
  rs: 'supports_response_schema',
  pc: 'supports_prompt_caching',
  sys: 'supports_system_messages',
  ain: 'supports_audio_input',
  aout: 'supports_audio_output',
  pdf: 'supports_pdf_input',
  web: 'supports_web_search',
} as const;

export type CapabilityCode = keyof typeof CAPABILITY_CODES;

const isCapabilityCode = (code: string): code is CapabilityCode => Object.hasOwn(CAPABILITY_CODES, code);

const flagsSchema = z.string().refine(
  (flags) => flags.split(' ').every((code) => isCapabilityCode(code.startsWith('!') ? code.slice(1) : code)),
  { error: 'unknown capability code' },
);

export const compactEntrySchema = z.strictObject({
  p: z.string().min(1),
  m: z.string().min(1).optional(),
  mi: tokenCount.optional(),
  mo: tokenCount.optional(),
  mt: tokenCount.optional(),
  c: compactPricesSchema.optional(),
  t: z.array(compactTierSchema).min(1).optional(),
  f: flagsSchema.optional(),
});

export const compactCatalogueSchema = z.strictObject({
  version: z.literal(CATALOGUE_VERSION),
  unit: z.literal('nano-USD per 1M tokens'),
  source: z.strictObject({
    /** sha256 of the LiteLLM file the catalogue was generated from. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** BerriAI/litellm commit of that file, when known. */
    upstreamCommit: z.string().regex(/^[0-9a-f]{40}$/).nullable(),
    models: tokenCount,
  }),
  models: z.record(z.string().min(1), compactEntrySchema),
});

export type CompactPrices = z.infer<typeof compactPricesSchema>;
export type CompactEntry = z.infer<typeof compactEntrySchema>;
export type CompactCatalogue = z.infer<typeof compactCatalogueSchema>;
