import type { ResponseToolCall } from '@tollgate/core';
import { synthesizeToolCallId } from '../../adapter/synthesize-tool-call-id.js';
import type { OllamaToolCall } from './ollama-api.js';

/**
 * Ollama tool calls → OpenAI's: an id is synthesized when Ollama gives none (most versions), and object
 * `arguments` become their compact JSON string.
 */
export function fromOllamaToolCalls(toolCalls: readonly OllamaToolCall[]): ResponseToolCall[] {
  return toolCalls.map((toolCall) => {
    const input = toolCall.function.arguments;
    return {
      id: toolCall.id || synthesizeToolCallId(),
      type: 'function',
      function: {
        name: toolCall.function.name ?? '',
        arguments: typeof input === 'string' ? input : JSON.stringify(input ?? {}),
      },
    };
  });
}

/** `created_at` (RFC 3339) in Unix seconds, or undefined when absent or unparseable. */
export function ollamaCreatedSeconds(createdAt: string | null | undefined): number | undefined {
  const milliseconds = createdAt ? Date.parse(createdAt) : Number.NaN;
  return Number.isNaN(milliseconds) ? undefined : Math.floor(milliseconds / 1000);
}
