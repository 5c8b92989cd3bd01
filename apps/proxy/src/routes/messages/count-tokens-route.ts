import { parseMessagesCountTokensRequest, type MessagesCountTokensResponse } from '@tollgate/core';
import { countTokens } from '@tollgate/pricing';
import { messagesToChatRequest } from '@tollgate/providers';
import { resolveModelAccess } from '../../gateway/model-access.js';
import { checkJsonDepth } from '../../http/check-json-depth.js';
import { sendJson } from '../../http/send-json.js';
import type { LlmHandler, LlmRouteOptions } from '../llm-call.js';

/**
 * `POST /v1/messages/count_tokens`: the prompt's tokens, counted here with pricing's token counter (no upstream call,
 * no spend) for a model the key may use. Exact for OpenAI models; for Claude and others an o200k estimate, since
 * Anthropic's tokenizer is not public.
 */
export function createCountTokensHandler(options: Pick<LlmRouteOptions, 'gateway'>): LlmHandler {
  const { router } = options.gateway.options;
  return async ({ response, auth, body: rawBody }) => {
    checkJsonDepth(rawBody);
    const request = parseMessagesCountTokensRequest(rawBody);
    const modelGroup = resolveModelAccess(auth, request.model, router);
    const chat = messagesToChatRequest({ ...request, max_tokens: 1 }, { nativeAnthropic: false });
    // The tokenizer of the model the group serves (its first deployment's), not the group's name.
    const model = router.getDeployments(modelGroup)[0]?.litellmParams.model ?? modelGroup;
    const counted = countTokens({ model, messages: chat.messages as never, tools: chat.tools as never });
    const answer: MessagesCountTokensResponse = { input_tokens: counted.tokens };
    response.setHeader('x-litellm-model-group', modelGroup);
    sendJson(response, 200, answer);
  };
}
