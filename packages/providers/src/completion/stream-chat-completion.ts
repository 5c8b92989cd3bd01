import { sendStream } from '../transport/send-stream.js';
import type { CallMetadata } from './call-metadata.js';
import { buildCallMetadata, retryOptionsOf, transportRequestOf, type ChatCallState } from './call-state.js';
import { createChatCompletionStream, type ChatCompletionStream } from './chat-completion-stream.js';
import { decodeProviderStream } from './decode-provider-stream.js';
import { estimateUsage } from './estimate-usage.js';
import { createUsageNormalizer } from './normalize-stream-usage.js';
import { withRetries } from './with-retries.js';

/**
 * A streamed call: sends, decodes and normalises the provider's stream, and resolves once the first chunk is ready.
 * Everything up to that first chunk is retried per the options; nothing after it is (the caller has seen output).
 */
export async function streamChatCompletion(state: ChatCallState): Promise<ChatCompletionStream> {
  const { adapter, context, request } = state;
  let metadata: CallMetadata | undefined;
  let attempts = 0;
  const prepared = await withRetries(async (attemptNumber) => {
    attempts = attemptNumber;
    const response = await sendStream(transportRequestOf(state, adapter.toChatRequest(request, context)));
    const chunks = decodeProviderStream(response.body, adapter, context, createUsageNormalizer({
      includeUsage: context.includeUsage,
      estimateUsage: (outputText) => estimateUsage({ model: context.model, request, outputText }),
      finalize: (usage, usageEstimated, reportedModel) =>
        (metadata = buildCallMetadata(state, {
          usage,
          usageEstimated,
          reportedModel,
          attempts,
          responseHeaders: response.headers,
        })),
    }));
    try {
      return { chunks, first: await chunks.next(), headers: response.headers };
    } catch (error) {
      await chunks.return(undefined).catch(() => undefined);
      throw error;
    }
  }, retryOptionsOf(state.options));
  return createChatCompletionStream({
    iterator: prepared.chunks,
    first: prepared.first,
    responseHeaders: prepared.headers,
    metadata: () => metadata,
  });
}
