import type { ChatAnswerFormat } from './chat-answer-format.js';

const sse = (payload: unknown) => `data: ${JSON.stringify(payload)}\n\n`;

/** `POST /chat/completions`' own format: the completion as is; chunks as SSE `data:` frames ending in `[DONE]`. */
export function openAiChatFormat(options: { includeUsage: boolean }): ChatAnswerFormat {
  return {
    completion: (result) => result,
    openStream: () => ({
      chunk: (chunk) => sse(chunk),
      end: ({ settlement, usageChunk }) => {
        // The upstream's usage report, with what the call cost, when the client asked for usage.
        const usage = options.includeUsage && usageChunk ? sse({ ...usageChunk, usage: { ...usageChunk.usage, cost: settlement.costUsd } }) : '';
        return `${usage}data: [DONE]\n\n`;
      },
      error: (error) => sse(error.toJSON()),
    }),
  };
}
