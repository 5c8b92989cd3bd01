import { ProviderError, type ChatCompletion } from '@tollgate/core';
import type { ModelReply } from './model-client.js';

/** A non-streamed completion (choice 0) as a `ModelReply`. Throws `ProviderError` when it has no choice. */
export function replyFromCompletion(
  completion: ChatCompletion,
  cost: { costNanoUsd: number | null; warnings?: readonly string[] },
): ModelReply {
  const choice = completion.choices.find((candidate) => candidate.index === 0) ?? completion.choices[0];
  if (!choice) {
    throw new ProviderError('The model answered without any choice.', { upstreamStatus: 200, body: completion, model: completion.model });
  }
  return {
    message: choice.message,
    finishReason: choice.finish_reason,
    usage: completion.usage ?? null,
    costNanoUsd: cost.costNanoUsd,
    model: completion.model,
    warnings: cost.warnings ?? [],
  };
}
