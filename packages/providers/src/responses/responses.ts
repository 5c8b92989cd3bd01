import { BadRequestError, parseResponsesCreateRequest, toTollgateError, type ResponseObject, type ResponsesInputItem, type ResponsesStreamEvent } from '@tollgate/core';
import type { CallMetadata } from '../completion/call-metadata.js';
import type { CallOptions } from '../completion/call-options.js';
import { completion } from '../completion/completion.js';
import { chatCompletionToResponse } from '../translate/responses/chat-completion-to-response.js';
import { createResponsesStreamTranslator } from '../translate/responses/chat-stream-to-response-events.js';
import { randomResponseId } from '../translate/responses/response-ids.js';
import { responseShell } from '../translate/responses/response-shell.js';
import { responsesRequestToChat } from '../translate/responses/responses-request-to-chat.js';
import { resolveProvider } from '../registry/resolve-provider.js';
import { NATIVE_RESPONSES_PROVIDERS, sendNativeResponse, streamNativeResponse } from './send-native-response.js';

/** The body of `responses()`: OpenAI's Responses create request (`model` as for `completion()`). */
export type ResponsesRequest = Record<string, unknown> & { model: string };

/** `responses()` options: the call's own settings, plus the earlier turns when continuing a conversation. */
export interface ResponsesOptions extends CallOptions {
  /**
   * The items of the earlier turns (their inputs and outputs, oldest first), for a request that names
   * `previous_response_id`: the SDK keeps no responses itself (the proxy stores them).
   */
  history?: readonly ResponsesInputItem[];
}

/** A streamed Response: its events, single use; `tollgate` is the call's metadata once the stream has ended. */
export interface ResponsesStream extends AsyncIterable<ResponsesStreamEvent> {
  readonly tollgate: CallMetadata | undefined;
}

/**
 * Calls any provider through OpenAI's Responses API. OpenAI (`openai/…`) gets the request as is, at its
 * `/responses` endpoint (priced like a chat call); every other provider gets it translated to a chat call
 * (`completion()`: same retries and errors) and its answer translated back to a Response — or with `stream: true`
 * to Responses stream events, from `response.created` to `response.completed` (or `error` + `response.failed`).
 */
export function responses(request: ResponsesRequest & { stream: true }, options?: ResponsesOptions): Promise<ResponsesStream>;
export function responses(request: ResponsesRequest & { stream?: false | null }, options?: ResponsesOptions): Promise<ResponseObject & { readonly tollgate?: CallMetadata }>;
export async function responses(request: ResponsesRequest, options: ResponsesOptions = {}): Promise<ResponseObject | ResponsesStream> {
  const parsed = parseResponsesCreateRequest(request);
  const { history, ...callOptions } = options;
  const { adapter, model } = resolveProvider(parsed.model);
  // A provider that speaks Responses gets the request as is (its own store serves previous_response_id).
  if (NATIVE_RESPONSES_PROVIDERS.has(adapter.id) && callOptions.mockResponse === undefined && history === undefined) {
    const call = { adapter, model, body: parsed as Record<string, unknown>, options: callOptions };
    return parsed.stream === true ? streamNativeResponse(call) : sendNativeResponse(call);
  }
  if (parsed.previous_response_id && history === undefined) {
    throw new BadRequestError('previous_response_id needs the earlier turns: pass them as options.history (the proxy stores responses).', {
      param: 'previous_response_id',
    });
  }
  const chat = responsesRequestToChat(parsed, { history: history ?? [] });
  const shell = responseShell(parsed, { id: randomResponseId('resp'), createdAt: Math.floor(Date.now() / 1000), store: false });
  if (parsed.stream !== true) {
    const result = await completion({ ...chat, stream: false }, { ...callOptions, requestValidated: false });
    const response = chatCompletionToResponse(result, { shell, newId: randomResponseId, completedAt: Math.floor(Date.now() / 1000), costUsd: result.tollgate?.costUsd ?? null });
    if (result.tollgate) Object.defineProperty(response, 'tollgate', { value: result.tollgate, enumerable: false });
    return response;
  }
  const stream = await completion({ ...chat, stream: true }, callOptions);
  const translator = createResponsesStreamTranslator({ shell, newId: randomResponseId });
  async function* events(): AsyncGenerator<ResponsesStreamEvent> {
    yield* translator.start();
    try {
      for await (const chunk of stream) yield* translator.chunk(chunk);
    } catch (error) {
      const failure = toTollgateError(error);
      yield* translator.fail({ code: failure.code, message: failure.message, type: failure.type });
      return;
    }
    yield* translator.finish({ usage: stream.tollgate?.usage ?? null, costUsd: stream.tollgate?.costUsd ?? null });
  }
  const iterable = events();
  return {
    [Symbol.asyncIterator]: () => iterable,
    get tollgate() {
      return stream.tollgate;
    },
  };
}
