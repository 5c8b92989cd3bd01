import type { EncodingName } from './encoding-for-model.js';

/** Counts the tokens of a plain string. */
export type StringTokenCounter = (text: string) => number;

type EncodingModule = typeof import('gpt-tokenizer/encoding/o200k_base');

const counters = new Map<EncodingName, StringTokenCounter>();

/** Special-token markers (`<|endoftext|>`) inside user text are counted as the text they are, as tiktoken does. */
const AS_TEXT = { disallowedSpecial: new Set<string>() };

function requireEncoding(encoding: EncodingName): EncodingModule {
  // Each encoding is 1-2 MB of rank data: loaded on first use, not at import. Literal paths keep bundlers working.
  if (encoding === 'o200k_base') return require('gpt-tokenizer/encoding/o200k_base') as EncodingModule;
  return require('gpt-tokenizer/encoding/cl100k_base') as EncodingModule;
}

/** A string token counter for the encoding, loading it on first use. */
export function tokenCounterFor(encoding: EncodingName): StringTokenCounter {
  const cached = counters.get(encoding);
  if (cached !== undefined) return cached;
  const module = requireEncoding(encoding);
  const counter: StringTokenCounter = (text) => (text.length === 0 ? 0 : module.countTokens(text, AS_TEXT));
  counters.set(encoding, counter);
  return counter;
}
