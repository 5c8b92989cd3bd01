import { parseEmbeddingRequest, toTollgateError } from '@tollgate/core';
import { resolveModelAccess } from '../gateway/model-access.js';
import { sendJson } from '../http/send-json.js';
import { setCallHeaders } from './call-headers.js';
import { checkJsonDepth } from '../http/check-json-depth.js';
import { checkBodyFields, withoutGatewayOnlyFields } from './allowed-body-fields.js';
import { endUserOf, type LlmHandler, type LlmRouteOptions } from './llm-call.js';
import { takeClientCredentials } from './take-client-credentials.js';

/** `POST /embeddings`: admit, route, settle, answer. */
export function createEmbeddingsHandler(options: LlmRouteOptions): LlmHandler {
  const { gateway } = options;
  return async ({ request, response, auth, body: rawBody }) => {
    checkJsonDepth(rawBody);
    checkBodyFields(rawBody, { route: 'embeddings', allowClientSideCredentials: options.allowClientSideCredentials });
    const { body: withCredentials, credentials } = takeClientCredentials(parseEmbeddingRequest(rawBody));
    const body = withoutGatewayOnlyFields(withCredentials);
    const modelGroup = resolveModelAccess(auth, body.model, gateway.options.router);
    const input = body.input;
    const admission = await gateway.admit({
      auth,
      modelGroup,
      endUser: endUserOf(request, body.user),
      callType: 'aembedding',
      text: typeof input === 'string' ? input : Array.isArray(input) && input.every((item) => typeof item === 'string') ? input.join('\n') : '',
      requestedMaxTokens: 0,
    });
    let result;
    try {
      result = await gateway.options.router.embedding({ ...body, model: modelGroup }, { credentials, allowedRegion: admission.allowedRegion });
    } catch (error) {
      await gateway.release(admission);
      throw toTollgateError(error);
    }
    const metadata = setCallHeaders(response, admission, result);
    const usage = result.usage ? { prompt_tokens: result.usage.prompt_tokens, completion_tokens: 0, total_tokens: result.usage.total_tokens } : null;
    const settlement = await gateway.settle(admission, {
      status: 'success',
      usage,
      deploymentId: metadata?.modelId,
      model: result.model ?? modelGroup,
      provider: undefined,
      apiBase: metadata?.apiBase,
    });
    if (settlement.costUsd !== null) response.setHeader('x-litellm-response-cost', String(settlement.costUsd));
    response.setHeader('x-litellm-overhead-duration-ms', settlement.overheadMs.toFixed(3));
    if (settlement.keySpendUsd !== undefined) response.setHeader('x-litellm-key-spend', String(settlement.keySpendUsd));
    sendJson(response, 200, result);
  };
}
