import { synthesizeToolCallId } from '../../adapter/synthesize-tool-call-id.js';

/**
 * Gemini 2.x function calls have no id, and Gemini 3 rejects a follow-up turn whose function calls lack the
 * `thoughtSignature` they came with (https://ai.google.dev/gemini-api/docs/thought-signatures). OpenAI clients
 * keep nothing of a tool call but its id, type and function, so the signature rides in the id:
 * `<id>__thought__<signature>` — the same convention as LiteLLM, so histories move between the two.
 */
export const THOUGHT_SIGNATURE_SEPARATOR = '__thought__';

/** The OpenAI tool-call id for a Gemini function call: Gemini's id (or a synthesized one) plus its signature. */
export function toGeminiToolCallId(options: {
  readonly id: string | null | undefined;
  readonly thoughtSignature: string | null | undefined;
}): string {
  const baseId = options.id || synthesizeToolCallId();
  return options.thoughtSignature ? `${baseId}${THOUGHT_SIGNATURE_SEPARATOR}${options.thoughtSignature}` : baseId;
}

/** A tool-call id split back into the id Gemini knows and the signature to echo. */
export function parseGeminiToolCallId(toolCallId: string): { baseId: string; thoughtSignature: string | undefined } {
  const separatorAt = toolCallId.indexOf(THOUGHT_SIGNATURE_SEPARATOR);
  if (separatorAt === -1) return { baseId: toolCallId, thoughtSignature: undefined };
  return {
    baseId: toolCallId.slice(0, separatorAt),
    thoughtSignature: toolCallId.slice(separatorAt + THOUGHT_SIGNATURE_SEPARATOR.length) || undefined,
  };
}

/**
 * The id to echo in `functionCall.id` / `functionResponse.id`, so Gemini 3 can pair parallel calls and results.
 * Gemini 2.x sends no ids but accepts them back (fantasy's recorded gemini-2.5-flash tool loop does so).
 */
export function geminiEchoId(toolCallId: string): string | undefined {
  return parseGeminiToolCallId(toolCallId).baseId || undefined;
}
