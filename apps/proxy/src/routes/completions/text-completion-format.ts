import type { ChatCompletion, ChatCompletionChunk } from '@tollgate/core';
import type { ChatAnswerFormat } from '../chat-call/chat-answer-format.js';

const sse = (payload: unknown) => `data: ${JSON.stringify(payload)}\n\n`;

function textCompletionOf(result: ChatCompletion) {
  return {
    id: result.id,
    object: 'text_completion',
    created: result.created,
    model: result.model,
    choices: result.choices.map((choice) => ({ text: choice.message.content ?? '', index: choice.index, logprobs: null, finish_reason: choice.finish_reason })),
    ...(result.usage ? { usage: result.usage } : {}),
    ...(result.system_fingerprint ? { system_fingerprint: result.system_fingerprint } : {}),
  };
}

function textChunkOf(chunk: ChatCompletionChunk) {
  const choices = chunk.choices
    .filter((choice) => (choice.delta.content ?? '') !== '' || choice.finish_reason != null)
    .map((choice) => ({ text: choice.delta.content ?? '', index: choice.index, logprobs: null, finish_reason: choice.finish_reason ?? null }));
  return choices.length === 0 ? undefined : { id: chunk.id, object: 'text_completion', created: chunk.created, model: chunk.model, choices };
}

/** `POST /v1/completions`' format: `text_completion` objects, streamed as SSE frames ending in `[DONE]`. */
export function textCompletionFormat(options: { includeUsage: boolean }): ChatAnswerFormat {
  return {
    completion: (result) => textCompletionOf(result),
    openStream: () => ({
      chunk: (chunk) => {
        const text = textChunkOf(chunk);
        return text === undefined ? '' : sse(text);
      },
      end: ({ settlement, usageChunk }) => {
        const usage =
          options.includeUsage && usageChunk
            ? sse({ id: usageChunk.id, object: 'text_completion', created: usageChunk.created, model: usageChunk.model, choices: [], usage: { ...usageChunk.usage, cost: settlement.costUsd } })
            : '';
        return `${usage}data: [DONE]\n\n`;
      },
      error: (error) => sse(error.toJSON()),
    }),
  };
}
