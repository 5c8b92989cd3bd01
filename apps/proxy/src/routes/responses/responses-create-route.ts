import { parseResponsesCreateRequest, type ChatCompletionRequest, type ResponseObject } from '@tollgate/core';
import type { StoredResponseStore } from '@tollgate/ledger';
import { inputItemsOf, randomResponseId, responseShell, responsesRequestToChat } from '@tollgate/providers';
import { checkJsonDepth } from '../../http/check-json-depth.js';
import { checkBodyFields, GATEWAY_FIELDS, withoutGatewayOnlyFields } from '../allowed-body-fields.js';
import { runChatCall } from '../chat-call/run-chat-call.js';
import type { LlmHandler, LlmRouteOptions } from '../llm-call.js';
import { takeClientCredentials } from '../take-client-credentials.js';
import { conversationHistory } from './conversation-history.js';
import { responseReaderOf } from './response-reader-of.js';
import { resolveItemReferences } from './resolve-item-references.js';
import { responsesAnswerFormat } from './responses-answer-format.js';
import { serveNativeResponse, speaksResponsesNatively } from './serve-native-response.js';
import { withItemIds } from './with-item-ids.js';

export interface ResponsesRouteOptions extends LlmRouteOptions {
  /** Where `store: true` responses are kept. */
  storedResponses: StoredResponseStore;
  /**
   * Pass requests (streamed or not) as they are to model groups whose every deployment speaks Responses (OpenAI)
   * (`general_settings.native_responses`, default true); off, every call is translated to chat.
   */
  nativeResponses: boolean;
}

/** The gateway's own fields (fallbacks, retries, …) travel from the Responses body to the chat call, as on chat. */
function gatewayFieldsOf(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([field]) => GATEWAY_FIELDS.has(field)));
}

/**
 * `POST /v1/responses`: validated, the stored conversation prepended when it continues one, and either passed as is
 * to a model group that speaks Responses or translated to one chat call — both with the same
 * admission, budgets, routing, settlement and headers as chat — and answered as a Response or its events; kept
 * (default) for reading back and continuing.
 */
export function createResponsesHandler(options: ResponsesRouteOptions): LlmHandler {
  return async ({ request, response, auth, body: rawBody }) => {
    checkJsonDepth(rawBody);
    checkBodyFields(rawBody, { route: 'responses', allowClientSideCredentials: options.allowClientSideCredentials });
    const { body: withoutCredentials, credentials } = takeClientCredentials(rawBody as object);
    const received = parseResponsesCreateRequest(withoutCredentials);
    const reader = responseReaderOf(auth);
    const parsed = { ...received, input: await resolveItemReferences({ input: received.input, store: options.storedResponses, reader }) };
    const history = parsed.previous_response_id
      ? await conversationHistory({ store: options.storedResponses, reader, previousResponseId: parsed.previous_response_id })
      : [];
    const store = parsed.store ?? true;
    const chat = withoutGatewayOnlyFields<ChatCompletionRequest>({ ...gatewayFieldsOf(withoutCredentials as Record<string, unknown>), ...responsesRequestToChat(parsed, { history }) });
    const shell = responseShell(parsed, { id: randomResponseId('resp'), createdAt: Math.floor(Date.now() / 1000), store });
    const inputItems = withItemIds(inputItemsOf(parsed));
    const keep = async (answer: ResponseObject) => {
      if (!store) return;
      await options.storedResponses.save({
        responseId: answer.id,
        keyId: reader.kind === 'key' ? reader.keyId : null,
        teamId: reader.kind === 'key' ? reader.teamId : null,
        previousResponseId: parsed.previous_response_id ?? null,
        inputItems,
        response: answer,
      });
    };
    if (options.nativeResponses && speaksResponsesNatively(options.gateway.options.router, parsed.model)) {
      const body = withoutGatewayOnlyFields({ ...(withoutCredentials as Record<string, unknown>), input: parsed.input, model: parsed.model });
      await serveNativeResponse({ gateway: options.gateway, request, response, auth, body, history, chat, credentials, keep });
      return;
    }
    const format = responsesAnswerFormat({ shell, keep });
    await runChatCall({ gateway: options.gateway, request, response, auth, body: chat, credentials, format, callType: 'aresponses' });
  };
}
