import { parseMessagesCountTokensRequest, type MessagesCountTokensResponse } from '@tollgate/core';
import { resolveModelAccess } from '../../gateway/model-access.js';
import { checkJsonDepth } from '../../http/check-json-depth.js';
import { sendJson } from '../../http/send-json.js';
import type { LlmHandler, LlmRouteOptions } from '../llm-call.js';
import { countMessagesTokens } from './count-messages-tokens.js';
import { servesAnthropicNatively } from './serves-anthropic-natively.js';

/**
 * `POST /v1/messages/count_tokens`: the prompt's tokens, counted here with pricing's token counter (no upstream call,
 * no spend) for a model the key may use. Exact for OpenAI models; for Claude an o200k estimate (Anthropic's
 * tokenizer is not public) plus Claude's documented tool-use prompt: within 12% of Anthropic's own counts on the
 * recorded requests, except with adaptive thinking, which Anthropic counts more for.
 */
export function createCountTokensHandler(options: Pick<LlmRouteOptions, 'gateway'>): LlmHandler {
  const { router } = options.gateway.options;
  return async ({ response, auth, body: rawBody }) => {
    checkJsonDepth(rawBody);
    const request = parseMessagesCountTokensRequest(rawBody);
    const modelGroup = resolveModelAccess(auth, request.model, router);
    // The tokenizer of the model the group serves (its first deployment's), not the group's name.
    const model = router.getDeployments(modelGroup)[0]?.litellmParams.model ?? modelGroup;
    const answer: MessagesCountTokensResponse = {
      input_tokens: countMessagesTokens(request, { model, claude: servesAnthropicNatively(router, modelGroup) }),
    };
    response.setHeader('x-litellm-model-group', modelGroup);
    sendJson(response, 200, answer);
  };
}
