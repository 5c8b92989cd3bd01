import { decodeSseStream, responseObjectSchema, responsesStreamEventSchema, type ResponseObject, type ResponsesStreamEvent } from '@tollgate/core';
import type { ProviderAdapter } from '../adapter/provider-adapter.js';
import { attachMetadata, type CallMetadata } from '../completion/call-metadata.js';
import type { CallOptions } from '../completion/call-options.js';
import { buildCallMetadata, retryOptionsOf, transportRequestOf, type CallState } from '../completion/call-state.js';
import { buildCallContext } from '../completion/build-call-context.js';
import { withRetries } from '../completion/with-retries.js';
import { sendJson } from '../transport/send-json.js';
import { sendStream } from '../transport/send-stream.js';
import { chatUsageOf } from '../translate/responses/responses-usage-of.js';
import type { ResponsesStream } from './responses.js';

/** Providers whose API serves `POST {apiBase}/responses` itself: their requests are passed through, not translated. */
export const NATIVE_RESPONSES_PROVIDERS: ReadonlySet<string> = new Set(['openai']);

interface NativeCall {
  adapter: ProviderAdapter;
  /** The provider's model id (`gpt-4o` for `openai/gpt-4o`). */
  model: string;
  /** The client's Responses body, validated. */
  body: Record<string, unknown>;
  options: CallOptions;
}

function stateOf(call: NativeCall, stream: boolean): CallState {
  const context = buildCallContext({ adapter: call.adapter, model: call.model, options: call.options, stream, includeUsage: true, requireCredentials: true });
  return { adapter: call.adapter, context, options: call.options, warnings: [] };
}

/** The request to `{apiBase}/responses`, with the adapter's own auth headers. */
function specOf(call: NativeCall, state: CallState, stream: boolean) {
  const chatSpec = call.adapter.toChatRequest({ model: call.model, messages: [{ role: 'user', content: '' }] }, state.context);
  return { url: `${state.context.apiBase}/responses`, method: 'POST' as const, headers: chatSpec.headers, body: { ...call.body, model: call.model, stream } };
}

function metadataOf(state: CallState, response: ResponseObject, attempts: number, responseHeaders: Readonly<Record<string, string>>): CallMetadata {
  return buildCallMetadata(state, { usage: response.usage ? chatUsageOf(response.usage) : null, usageEstimated: false, reportedModel: response.model, attempts, responseHeaders });
}

/** A Responses call passed through to a provider that speaks Responses (OpenAI), priced like a chat call. */
export async function sendNativeResponse(call: NativeCall): Promise<ResponseObject & { readonly tollgate: CallMetadata }> {
  const state = stateOf(call, false);
  let attempts = 0;
  const { body, headers } = await withRetries(async (attempt) => {
    attempts = attempt;
    return sendJson(transportRequestOf(state, specOf(call, state, false)));
  }, retryOptionsOf(call.options));
  const response = responseObjectSchema.parse(body);
  const metadata = metadataOf(state, response, attempts, headers);
  return attachMetadata({ ...response, ...(response.usage && metadata.costUsd !== null ? { usage: { ...response.usage, cost: metadata.costUsd } } : {}) }, metadata);
}

/** The streamed variant: the provider's events as they come; `tollgate` once the terminal event has passed. */
export async function streamNativeResponse(call: NativeCall): Promise<ResponsesStream> {
  const state = stateOf(call, true);
  let attempts = 0;
  const upstream = await withRetries(async (attempt) => {
    attempts = attempt;
    return sendStream(transportRequestOf(state, specOf(call, state, true)));
  }, retryOptionsOf(call.options));
  let metadata: CallMetadata | undefined;
  async function* events(): AsyncGenerator<ResponsesStreamEvent> {
    for await (const sse of decodeSseStream(upstream.body)) {
      if (sse.data === '' || sse.data === '[DONE]') continue;
      const event = responsesStreamEventSchema.parse(JSON.parse(sse.data));
      if (event.type === 'response.completed' || event.type === 'response.incomplete' || event.type === 'response.failed') {
        metadata = metadataOf(state, event.response, attempts, upstream.headers);
      }
      yield event;
    }
  }
  const iterable = events();
  return {
    [Symbol.asyncIterator]: () => iterable,
    get tollgate() {
      return metadata;
    },
  };
}
