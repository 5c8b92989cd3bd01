/** The BPE encodings this package counts with. */
export type EncodingName = 'o200k_base' | 'cl100k_base';

/** Which encoding counts a model's tokens, and whether that count is the provider's own. */
export interface ModelEncoding {
  encoding: EncodingName;
  /** True for OpenAI models (their own tokenizer); false for the documented estimate used for every other model. */
  exact: boolean;
}

/** OpenAI models on o200k_base: GPT-4o, 4.1, 4.5, GPT-5, the o-series, gpt-oss and their relatives. */
const O200K_MODELS = /^(ft:)?(gpt-4o|chatgpt-4o|gpt-4\.[1-9]|gpt-5|o[1-9]|gpt-oss|codex-mini|computer-use|gpt-realtime|gpt-audio|omni-moderation)/;
/** OpenAI models on cl100k_base: GPT-4 (incl. turbo), GPT-3.5 and the text-embedding models. */
const CL100K_MODELS = /^(ft:)?(gpt-4|gpt-3\.5|gpt-35|text-embedding-3|text-embedding-ada-002|davinci-002|babbage-002)/;

/**
 * Picks the encoding by the model id (the part after the last `/`, so `openai/gpt-4o` and `azure/gpt-4o` match too).
 * Every other model — Anthropic, Gemini, DeepSeek, Z.ai, Llama, ... whose tokenizers are not public in JS or differ —
 * is estimated with o200k_base, unscaled: for English and code it lands within roughly ±20% of those tokenizers
 * (Anthropic's usually counts more). Treat it as an estimate for budget reservations and context checks, not a bill.
 */
export function encodingForModel(model: string): ModelEncoding {
  const id = (model.split('/').pop() ?? model).toLowerCase();
  if (O200K_MODELS.test(id)) return { encoding: 'o200k_base', exact: true };
  if (CL100K_MODELS.test(id)) return { encoding: 'cl100k_base', exact: true };
  return { encoding: 'o200k_base', exact: false };
}
