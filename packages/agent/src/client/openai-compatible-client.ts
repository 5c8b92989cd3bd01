import { chatCompletionChunkSchema, chatCompletionSchema, ProviderError } from '@tollgate/core';
import OpenAI from 'openai';
import { z } from 'zod';
import { errorFromOpenAIClient } from './error-from-openai-client.js';
import type { ModelCallOptions, ModelClient, ModelReply, ModelRequest, ModelStreamPart } from './model-client.js';
import { replyFromCompletion } from './reply-from-completion.js';
import { reportedCostNanoUsd } from './reported-cost.js';
import { ReplyAccumulator } from './reply-accumulator.js';

const optionsSchema = z.strictObject({
  /** Base URL of the endpoint, `/v1` included: a Tollgate proxy (`http://localhost:4000/v1`), OpenAI, vLLM… */
  baseURL: z.url().optional(),
  /** API key sent as a bearer token: a Tollgate virtual key (`sk-…`) or the endpoint's own key. */
  apiKey: z.string().min(1).optional(),
  /** Extra headers on every call (e.g. `x-litellm-trace-id` to group a session's spend). */
  headers: z.record(z.string(), z.string()).optional(),
  /** Time limit of one call in milliseconds (default 600 000). */
  timeoutMs: z.number().int().positive().optional(),
  /** Retries made by the `openai` client (default 0: a Tollgate proxy retries upstream itself). */
  maxRetries: z.number().int().nonnegative().optional(),
  /** Catalogue name to price calls with when the endpoint reports no cost (default: the model name). */
  pricingModel: z.string().min(1).optional(),
  /** A configured `openai` client to use instead of building one from the fields above. */
  openai: z.custom<OpenAI>((value) => value instanceof OpenAI, 'must be an OpenAI client').optional(),
});

/** Options of {@link openAICompatibleClient}. */
export type OpenAICompatibleClientOptions = z.input<typeof optionsSchema>;

/**
 * The model client for any OpenAI-compatible endpoint, through the `openai` npm client — how the agent talks to a
 * Tollgate proxy with a virtual key (the proxy then enforces the key's budget and records the spend). The cost of
 * a call is the proxy's `x-litellm-response-cost` header (or LiteLLM's `usage.cost` on streams) when present, else
 * the agent prices the usage with the catalogue. Errors are `@tollgate/core` errors (`BudgetExceededError` for a
 * key over budget, `AuthenticationError`, `RateLimitError`…).
 */
export function openAICompatibleClient(options: OpenAICompatibleClientOptions): ModelClient {
  const settings = optionsSchema.parse(options);
  if (!settings.openai && !settings.baseURL) throw new TypeError('openAICompatibleClient needs `baseURL` (or an `openai` client).');
  const openai =
    settings.openai ??
    new OpenAI({
      baseURL: settings.baseURL,
      // The openai client refuses to start without a key; a local endpoint without auth accepts any.
      apiKey: settings.apiKey ?? 'none',
      maxRetries: settings.maxRetries ?? 0,
      timeout: settings.timeoutMs ?? 600_000,
      ...(settings.headers ? { defaultHeaders: settings.headers } : {}),
    });

  return {
    async complete(request: ModelRequest, callOptions: ModelCallOptions = {}): Promise<ModelReply> {
      try {
        const body = { ...request, stream: false } as unknown as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming;
        const { data, response } = await openai.chat.completions.create(body, requestOptions(callOptions)).withResponse();
        const parsed = chatCompletionSchema.safeParse(data);
        if (!parsed.success) throw invalidResponse(request.model, data, parsed.error);
        return replyFromCompletion(parsed.data, { costNanoUsd: reportedCostNanoUsd(response.headers, parsed.data.usage) });
      } catch (error) {
        throw errorFromOpenAIClient(error, request.model);
      }
    },

    async *stream(request: ModelRequest, callOptions: ModelCallOptions = {}): AsyncGenerator<ModelStreamPart> {
      const accumulator = new ReplyAccumulator();
      let headers: Headers | undefined;
      try {
        const body = { ...request, stream: true, stream_options: { include_usage: true } } as unknown as OpenAI.Chat.ChatCompletionCreateParamsStreaming;
        const { data: stream, response } = await openai.chat.completions.create(body, requestOptions(callOptions)).withResponse();
        headers = response.headers;
        for await (const raw of stream) {
          const parsed = chatCompletionChunkSchema.safeParse(raw);
          if (!parsed.success) throw invalidResponse(request.model, raw, parsed.error);
          yield* accumulator.add(parsed.data);
        }
      } catch (error) {
        throw errorFromOpenAIClient(error, request.model);
      }
      yield { type: 'reply', reply: accumulator.finish(reportedCostNanoUsd(headers, accumulator.reportedUsage)) };
    },

    pricingModels: (model) => [settings.pricingModel ?? model],
  };
}

function requestOptions(options: ModelCallOptions): OpenAI.RequestOptions {
  return options.signal ? { signal: options.signal } : {};
}

function invalidResponse(model: string, body: unknown, error: z.ZodError): ProviderError {
  const issue = error.issues[0];
  const where = issue ? ` (${issue.path.join('.')}: ${issue.message})` : '';
  return new ProviderError(`The model endpoint sent a malformed response${where}.`, { upstreamStatus: 200, body, model });
}
