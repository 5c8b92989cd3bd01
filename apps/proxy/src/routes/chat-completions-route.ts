import { parseChatCompletionRequest } from '@tollgate/core';
import { checkJsonDepth } from '../http/check-json-depth.js';
import { checkBodyFields, withoutGatewayOnlyFields } from './allowed-body-fields.js';
import { openAiChatFormat } from './chat-call/openai-chat-format.js';
import { runChatCall } from './chat-call/run-chat-call.js';
import type { LlmHandler, LlmRouteOptions } from './llm-call.js';
import { takeClientCredentials } from './take-client-credentials.js';

/** `POST /chat/completions`: validated, then one chat call answered in OpenAI's chat format. */
export function createChatCompletionsHandler(options: LlmRouteOptions): LlmHandler {
  return async ({ request, response, auth, body: rawBody }) => {
    checkJsonDepth(rawBody);
    checkBodyFields(rawBody, { route: 'chat', allowClientSideCredentials: options.allowClientSideCredentials });
    const { body: withCredentials, credentials } = takeClientCredentials(parseChatCompletionRequest(rawBody));
    const body = withoutGatewayOnlyFields(withCredentials);
    const format = openAiChatFormat({ includeUsage: body.stream_options?.include_usage === true });
    await runChatCall({ gateway: options.gateway, request, response, auth, body, credentials, format });
  };
}
