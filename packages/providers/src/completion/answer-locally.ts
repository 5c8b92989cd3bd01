import type { ChatCompletion, ChatCompletionChunk, OpenAIUsage } from '@tollgate/core';
import { buildMockCompletion } from '../adapters/mock/build-mock-completion.js';
import { attachMetadata, type CallMetadata } from './call-metadata.js';
import { buildCallMetadata, type ChatCallState } from './call-state.js';
import type { ChatCompletionResult } from './chat-completion-result.js';
import { createChatCompletionStream, type ChatCompletionStream } from './chat-completion-stream.js';
import { completionToChunks } from './completion-to-chunks.js';
import { estimateUsage } from './estimate-usage.js';
import { normalizeStreamUsage } from './normalize-stream-usage.js';

/**
 * A call answered without I/O: the `mockResponse` text when given, else the adapter's `answerLocally` (the mock
 * provider). Streams replay the completion as chunks through the same usage handling as a real stream.
 */
export async function answerLocally(
  state: ChatCallState,
  mockText: string | undefined,
): Promise<ChatCompletionResult | ChatCompletionStream> {
  const { adapter, context, request } = state;
  const completion: ChatCompletion =
    mockText !== undefined || !adapter.answerLocally
      ? buildMockCompletion({ request, context, ...(mockText !== undefined ? { text: mockText } : {}) })
      : adapter.answerLocally(request, context);
  const metadataFor = (usage: OpenAIUsage | null, usageEstimated: boolean): CallMetadata =>
    buildCallMetadata(state, {
      usage,
      usageEstimated,
      reportedModel: completion.model,
      attempts: 1,
      responseHeaders: {},
    });
  if (!context.stream) return attachMetadata(completion, metadataFor(completion.usage ?? null, false));

  let metadata: CallMetadata | undefined;
  const chunks = normalizeStreamUsage(replay(completionToChunks(completion)), {
    includeUsage: context.includeUsage,
    estimateUsage: (outputText) => estimateUsage({ model: context.model, request, outputText }),
    finalize: (usage, usageEstimated) => (metadata = metadataFor(usage, usageEstimated)),
  });
  return createChatCompletionStream({
    iterator: chunks,
    first: await chunks.next(),
    responseHeaders: {},
    metadata: () => metadata,
  });
}

async function* replay(chunks: readonly ChatCompletionChunk[]): AsyncGenerator<ChatCompletionChunk> {
  yield* chunks;
}
