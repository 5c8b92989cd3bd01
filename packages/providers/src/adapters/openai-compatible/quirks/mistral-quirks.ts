import { createHash } from 'node:crypto';
import type { OpenAIWireMessage } from '../../openai/openai-api.js';
import type { OpenAIDialectQuirks } from '../../openai/openai-dialect.js';

const MISTRAL_TOOL_CALL_ID = /^[a-zA-Z0-9]{9}$/;
const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * Mistral (https://docs.mistral.ai/api/#tag/chat).
 * - Tool-call ids it accepts back are exactly 9 alphanumerics; ids from other providers (`call_…`, `toolu_…`) are
 *   mapped to a stable 9-character hash, the same in the assistant's call and the tool's answer.
 * - `seed` is `random_seed`; `tool_choice: "required"` is `"any"`.
 * - Usage always arrives on the last chunk and `stream_options` is not part of its API, so it is not sent.
 * - Reasoning models (magistral) answer with content blocks `{type: "thinking", thinking: [{type: "text"}]}` and
 *   `{type: "text"}`; the thinking goes to `reasoning_content`.
 * - Finish reason `model_length` means the context window filled up; `error` ends a reply on their side.
 */
export const mistralQuirks: OpenAIDialectQuirks = {
  finishReasons: { model_length: 'length', error: 'stop' },
  streamOptions: false,
  prepareBody(body) {
    if (body['seed'] !== undefined) {
      body['random_seed'] = body['seed'];
      delete body['seed'];
    }
    if (body['tool_choice'] === 'required') body['tool_choice'] = 'any';
    const messages = body['messages'];
    if (Array.isArray(messages)) body['messages'] = messages.map(withMistralToolCallIds);
  },
  normalizeMessage(message) {
    return Array.isArray(message.content) ? splitThinkingBlocks(message) : message;
  },
};

function withMistralToolCallIds(message: unknown): unknown {
  if (typeof message !== 'object' || message === null) return message;
  const record = message as Record<string, unknown>;
  if (record['role'] === 'tool' && typeof record['tool_call_id'] === 'string') {
    return { ...record, tool_call_id: mistralToolCallId(record['tool_call_id']) };
  }
  if (record['role'] === 'assistant' && Array.isArray(record['tool_calls'])) {
    return {
      ...record,
      tool_calls: record['tool_calls'].map((call: Record<string, unknown>) =>
        typeof call['id'] === 'string' ? { ...call, id: mistralToolCallId(call['id']) } : call,
      ),
    };
  }
  return message;
}

/** A foreign tool-call id as 9 alphanumerics, stable so the call and its result still match. */
export function mistralToolCallId(id: string): string {
  if (MISTRAL_TOOL_CALL_ID.test(id)) return id;
  const digest = createHash('sha256').update(id).digest();
  let mapped = '';
  for (let index = 0; index < 9; index++) mapped += ALPHANUMERIC[digest[index]! % ALPHANUMERIC.length]!;
  return mapped;
}

function splitThinkingBlocks(message: OpenAIWireMessage): OpenAIWireMessage {
  let text = '';
  let reasoning = '';
  for (const block of message.content as unknown[]) {
    if (typeof block !== 'object' || block === null) continue;
    const typed = block as { type?: unknown; text?: unknown; thinking?: unknown };
    if (typed.type === 'text' && typeof typed.text === 'string') text += typed.text;
    if (typed.type === 'thinking' && Array.isArray(typed.thinking)) {
      for (const part of typed.thinking as { text?: unknown }[]) {
        if (typeof part?.text === 'string') reasoning += part.text;
      }
    }
  }
  const normalized: OpenAIWireMessage = { ...message, content: text };
  if (reasoning) normalized.reasoning_content = (message.reasoning_content ?? '') + reasoning;
  return normalized;
}
