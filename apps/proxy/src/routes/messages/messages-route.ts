import { parseMessagesRequest } from '@tollgate/core';
import { countTokens } from '@tollgate/pricing';
import { messagesToChatRequest } from '@tollgate/providers';
import { resolveModelAccess } from '../../gateway/model-access.js';
import { checkJsonDepth } from '../../http/check-json-depth.js';
import { runChatCall } from '../chat-call/run-chat-call.js';
import type { LlmHandler, LlmRouteOptions } from '../llm-call.js';
import { anthropicMessagesFormat } from './anthropic-messages-format.js';
import { servesAnthropicNatively } from './serves-anthropic-natively.js';

/**
 * `POST /v1/messages`: an Anthropic Messages request, translated to a chat request and served by the same chat call
 * as `/chat/completions` (keys, allow-lists, budgets, limits, routing, spend), answered in Anthropic's format.
 * Only the fields the translation reads reach the call: a body can set no call option and no credential.
 */
export function createMessagesHandler(options: Pick<LlmRouteOptions, 'gateway'>): LlmHandler {
  const { gateway } = options;
  return async ({ request, response, auth, body: rawBody }) => {
    checkJsonDepth(rawBody);
    const messagesRequest = parseMessagesRequest(rawBody);
    const modelGroup = resolveModelAccess(auth, messagesRequest.model, gateway.options.router);
    const body = messagesToChatRequest(messagesRequest, { nativeAnthropic: servesAnthropicNatively(gateway.options.router, modelGroup) });
    // message_start tells the prompt's size before the answer, as Anthropic does; the final counts follow at the end.
    const inputTokens = body.stream === true ? countTokens({ model: body.model, messages: body.messages, tools: body.tools ?? undefined }).tokens : 0;
    const format = anthropicMessagesFormat(messagesRequest, { inputTokens });
    await runChatCall({ gateway, request, response, auth, body, credentials: undefined, format, callType: 'anthropic_messages' });
  };
}
