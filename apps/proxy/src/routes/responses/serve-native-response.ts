import type { ChatCompletionRequest, ResponseObject, ResponsesInputItem } from '@tollgate/core';
import { chatUsageOf, NATIVE_RESPONSES_PROVIDERS } from '@tollgate/providers';
import type { ClientCredentials, Router } from '@tollgate/router';
import { admitChatCall, callFailed, settleAnswer, type ChatCallInput } from '../chat-call/run-chat-call.js';
import { sendJson } from '../../http/send-json.js';
import { serveNativeResponseStream } from './serve-native-response-stream.js';

/** Whether every deployment of the group speaks the Responses API itself (OpenAI), so a request can pass as is. */
export function speaksResponsesNatively(router: Router, modelGroup: string): boolean {
  const deployments = router.getDeployments(modelGroup);
  return deployments.length > 0 && deployments.every((deployment) => NATIVE_RESPONSES_PROVIDERS.has(deployment.litellmParams.model.split('/')[0] ?? ''));
}

export interface NativeResponseInput extends Pick<ChatCallInput, 'gateway' | 'request' | 'response' | 'auth'> {
  /** The client's Responses body (validated, item references resolved, gateway-only fields and credentials out). */
  body: Record<string, unknown> & { model: string };
  /** The earlier turns when it continues a stored conversation (the proxy's ids mean nothing upstream). */
  history: readonly ResponsesInputItem[];
  /** The same call as chat: what admission reserves for (its prompt, tools and output limit). */
  chat: ChatCompletionRequest;
  credentials: ClientCredentials | undefined;
  /** Runs with the finished Response before the client sees it (stored responses). */
  keep: (answer: ResponseObject) => Promise<void>;
}

/**
 * A Responses call passed through to deployments that speak Responses: admitted and settled exactly
 * as a chat call (budgets, reservation, spend event, headers), routed with the router's retries, fallbacks and
 * cooldowns, and priced from the Response's own `usage`. Fields translation would drop (built-in tools,
 * `include`, `truncation`, encrypted reasoning) reach the provider and come back unchanged.
 */
export async function serveNativeResponse(input: NativeResponseInput): Promise<void> {
  if (input.body['stream'] === true) return serveNativeResponseStream(input);
  const { gateway, response } = input;
  const { admission, signal, modelGroup } = await admitChatCall({ ...input, body: input.chat, callType: 'aresponses' });
  const loweredMaxTokens = admission.loweredMaxTokens === undefined ? {} : { max_output_tokens: admission.loweredMaxTokens };
  let result;
  try {
    result = await gateway.options.router.responses(
      { ...upstreamBody(input.body, input.history), model: modelGroup, ...loweredMaxTokens },
      { signal, credentials: input.credentials, allowedRegion: admission.allowedRegion },
    );
  } catch (error) {
    return callFailed({ gateway, admission, signal }, error);
  }
  const usage = result.usage ? chatUsageOf(result.usage) : null;
  const settlement = await settleAnswer({ response, gateway, admission, answer: result, usage, provider: result.tollgate?.provider });
  const answer: ResponseObject = { ...result, ...(result.usage ? { usage: { ...result.usage, cost: settlement.costUsd } } : {}) };
  await input.keep(answer);
  sendJson(response, 200, answer);
}

/** The body sent upstream: a stored conversation's earlier turns become input items ahead of the new ones. */
export function upstreamBody(body: Record<string, unknown>, history: readonly ResponsesInputItem[]): Record<string, unknown> {
  const { previous_response_id: _previous, ...rest } = body;
  if (history.length === 0) return rest;
  const input = typeof rest.input === 'string' ? [{ role: 'user', content: rest.input }] : ((rest.input as unknown[] | undefined) ?? []);
  return { ...rest, input: [...history, ...input] };
}
