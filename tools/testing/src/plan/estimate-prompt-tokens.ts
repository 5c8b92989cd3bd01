import type { WireFormat } from '../http/recorded-request.js';

/** The body fields that hold the prompt, per wire format. */
const PROMPT_FIELDS: Readonly<Record<WireFormat, readonly string[]>> = {
  openai: ['messages', 'instructions', 'input'],
  anthropic: ['system', 'messages'],
  gemini: ['systemInstruction', 'contents'],
};

/**
 * A deterministic prompt token count: a quarter of the characters in every string value of the prompt fields
 * (OpenAI `messages`, or Responses `instructions` + `input`; Anthropic `system` + `messages`; Gemini `systemInstruction` + `contents`; role names
 * included), rounded up, at least 1. Tests can compute the same number with this function.
 */
export function estimatePromptTokens(body: unknown, format: WireFormat): number {
  if (typeof body !== 'object' || body === null) return 1;
  let characters = 0;
  for (const field of PROMPT_FIELDS[format]) characters += countCharacters((body as Record<string, unknown>)[field]);
  return Math.max(1, Math.ceil(characters / 4));
}

/** Token estimate of one piece of text (embeddings input): a quarter of its characters, at least 1. */
export function estimateTextTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function countCharacters(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (typeof value !== 'object' || value === null) return 0;
  let total = 0;
  if (Array.isArray(value)) {
    for (const item of value) total += countCharacters(item);
  } else {
    for (const key in value) total += countCharacters((value as Record<string, unknown>)[key]);
  }
  return total;
}
