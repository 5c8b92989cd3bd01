import { parseChatCompletionRequest, parseRequestBody } from '@tollgate/core';
import { checkJsonDepth } from '../../http/check-json-depth.js';
import { withoutGatewayOnlyFields } from '../allowed-body-fields.js';
import { runChatCall } from '../chat-call/run-chat-call.js';
import type { LlmHandler, LlmRouteOptions } from '../llm-call.js';
import { textCompletionFormat } from './text-completion-format.js';
import { textCompletionRequestSchema, toChatBody } from './text-completion-request.js';

/** `POST /v1/completions` (legacy text completions): served by the model group's chat deployments. */
export function createCompletionsHandler(options: LlmRouteOptions): LlmHandler {
  return async ({ request, response, auth, body: rawBody }) => {
    checkJsonDepth(rawBody);
    const textRequest = parseRequestBody(textCompletionRequestSchema, rawBody);
    const body = withoutGatewayOnlyFields(parseChatCompletionRequest(toChatBody(textRequest)));
    const format = textCompletionFormat({ includeUsage: textRequest.stream_options?.include_usage === true });
    await runChatCall({ gateway: options.gateway, request, response, auth, body, credentials: undefined, format, callType: 'atext_completion' });
  };
}
