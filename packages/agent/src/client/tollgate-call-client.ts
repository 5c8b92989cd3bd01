import type { ChatCompletionResult, ChatCompletionStream } from '@tollgate/providers';
import type { ModelCallOptions, ModelClient, ModelReply, ModelRequest, ModelStreamPart } from './model-client.js';
import { ReplyAccumulator } from './reply-accumulator.js';
import { replyFromCompletion } from './reply-from-completion.js';

/** How to make one Tollgate call (`completion()` of the providers, or a Router's), streamed or not. */
export interface TollgateCall {
  complete(request: ModelRequest, signal: AbortSignal | undefined): Promise<ChatCompletionResult>;
  stream(request: ModelRequest, signal: AbortSignal | undefined): Promise<ChatCompletionStream>;
}

/**
 * A `ModelClient` over calls that answer with Tollgate results: the cost comes from their `tollgate` metadata
 * (null when the model is unpriced, so the agent can price it from its own catalogue).
 */
export function tollgateCallClient(call: TollgateCall, pricingModels: (model: string) => readonly string[]): ModelClient {
  return {
    async complete(request: ModelRequest, options: ModelCallOptions = {}): Promise<ModelReply> {
      const result = await call.complete(request, options.signal);
      return replyFromCompletion(result, { costNanoUsd: result.tollgate.costNanoUsd, warnings: result.tollgate.warnings });
    },
    async *stream(request: ModelRequest, options: ModelCallOptions = {}): AsyncGenerator<ModelStreamPart> {
      const stream = await call.stream(request, options.signal);
      const accumulator = new ReplyAccumulator();
      for await (const chunk of stream) yield* accumulator.add(chunk);
      const metadata = stream.tollgate;
      yield { type: 'reply', reply: accumulator.finish(metadata?.costNanoUsd ?? null, metadata?.warnings ?? []) };
    },
    pricingModels,
  };
}
