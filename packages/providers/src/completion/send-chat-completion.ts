import { sendJson } from '../transport/send-json.js';
import { attachMetadata } from './call-metadata.js';
import { buildCallMetadata, retryOptionsOf, transportRequestOf, type ChatCallState } from './call-state.js';
import type { ChatCompletionResult } from './chat-completion-result.js';
import { estimateUsage } from './estimate-usage.js';
import { withRetries } from './with-retries.js';

/** A non-streamed call through the adapter and the transport, retried per the options, priced. */
export async function sendChatCompletion(state: ChatCallState): Promise<ChatCompletionResult> {
  const { adapter, context, request } = state;
  let attempts = 0;
  const { completion, headers } = await withRetries(async (attemptNumber) => {
    attempts = attemptNumber;
    const response = await sendJson(transportRequestOf(state, adapter.toChatRequest(request, context)));
    return { completion: adapter.fromChatResponse(response.body, context), headers: response.headers };
  }, retryOptionsOf(state.options));
  const usageEstimated = !completion.usage;
  if (!completion.usage) {
    const outputText = completion.choices.map((choice) => choice.message.content ?? '').join('');
    completion.usage = estimateUsage({ model: context.model, request, outputText });
  }
  return attachMetadata(
    completion,
    buildCallMetadata(state, {
      usage: completion.usage,
      usageEstimated,
      reportedModel: completion.model,
      attempts,
      responseHeaders: headers,
    }),
  );
}
