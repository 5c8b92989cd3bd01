import {
  AuthenticationError,
  BadRequestError,
  ContentPolicyViolationError,
  ContextWindowExceededError,
  ProviderError,
  RateLimitError,
  type TollgateErrorOptions,
} from '@tollgate/core';
import type { OpenAIDialectQuirks } from '../../openai/openai-dialect.js';
import { openAIErrorDetailsOf } from '../../openai/openai-error.js';

/**
 * Z.ai / Zhipu GLM (https://docs.z.ai/api-reference/llm/chat-completion).
 * - Finish reason `sensitive` is its content filter; `network_error` ends a reply early on their side.
 * - Reasoning is `thinking: {type: enabled|disabled}`; OpenAI's `reasoning_effort` is translated to it
 *   (`none` → disabled, anything else → enabled) unless the caller passed `thinking` itself.
 * - Reasoning text comes as `reasoning_content` and is expected back in tool loops ("preserved thinking").
 * - Errors carry numeric codes (https://docs.z.ai/api-reference/api-code): 1000–1004 auth, 1113 account in
 *   arrears (a 429 that retrying cannot fix), 1261 prompt too long, 1301 content filtered, 1302/1303/1305 rate
 *   limits.
 */
export const zaiQuirks: OpenAIDialectQuirks = {
  finishReasons: { sensitive: 'content_filter', network_error: 'stop' },
  keepReasoningContent: true,
  prepareBody(body) {
    const effort = body['reasoning_effort'];
    if (effort === undefined) return;
    delete body['reasoning_effort'];
    if (body['thinking'] === undefined) body['thinking'] = { type: effort === 'none' ? 'disabled' : 'enabled' };
  },
  toError(response, context) {
    const details = openAIErrorDetailsOf(response.body, response.status);
    const code = Number(details.code);
    if (!Number.isInteger(code) || code < 1000) return undefined;
    const message = `${context.providerId} error ${code}: ${details.message}`;
    const options: TollgateErrorOptions = {
      provider: context.providerId,
      model: context.model,
      code: String(code),
      ...(response.retryAfterSeconds !== undefined ? { retryAfterSeconds: response.retryAfterSeconds } : {}),
    };
    if (code >= 1000 && code <= 1004) return new AuthenticationError(message, options);
    if (code === 1113) return new ProviderError(message, { ...options, upstreamStatus: 429, body: response.body, retryable: false });
    if (code === 1261) return new ContextWindowExceededError(message, options);
    if (code === 1301) return new ContentPolicyViolationError(message, options);
    if (code === 1302 || code === 1303 || code === 1305) return new RateLimitError(message, options);
    if (code >= 1200 && code < 1300 && response.status === 400) return new BadRequestError(message, options);
    return undefined;
  },
};
