import type { ResponseToolCall } from '@tollgate/core';
import type { GeminiResponsePart } from './gemini-api.js';
import { toGeminiToolCallId } from './gemini-tool-call-id.js';

/** The parts of a Gemini candidate (or of one stream event's candidate), in OpenAI terms. */
export interface MappedGeminiParts {
  /** Answer text. */
  readonly content: string;
  /** Thought summaries (`thought: true` parts). */
  readonly reasoning: string;
  /** Function calls, with ids that carry their thought signatures. */
  readonly toolCalls: ResponseToolCall[];
}

/**
 * Splits parts into answer text, thought text and tool calls. Function-call `args` (an object) become the
 * compact JSON string OpenAI's `arguments` is.
 */
export function mapGeminiParts(parts: readonly GeminiResponsePart[]): MappedGeminiParts {
  let content = '';
  let reasoning = '';
  const toolCalls: ResponseToolCall[] = [];
  for (const part of parts) {
    if (part.functionCall) {
      toolCalls.push({
        id: toGeminiToolCallId({ id: part.functionCall.id, thoughtSignature: part.thoughtSignature }),
        type: 'function',
        function: { name: part.functionCall.name ?? '', arguments: JSON.stringify(part.functionCall.args ?? {}) },
      });
    } else if (part.text != null) {
      if (part.thought) reasoning += part.text;
      else content += part.text;
    }
  }
  return { content, reasoning, toolCalls };
}
