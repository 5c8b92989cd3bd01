import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseChatCompletionRequest, toTollgateError, type ChatCompletionChunk, type ChatCompletionRequest } from '@tollgate/core';
import { countTokens, outputChoicesOf, promptWritesCache } from '@tollgate/pricing';
import type { ChatCompletionStream } from '@tollgate/providers';
import { routerMetadataOf, type ClientCredentials } from '@tollgate/router';
import type { AuthContext } from '../auth/auth-context.js';
import type { Admission, Gateway } from '../gateway/gateway.js';
import { resolveModelAccess } from '../gateway/model-access.js';
import { checkJsonDepth } from '../http/check-json-depth.js';
import { clientSafeError } from '../http/client-safe-error.js';
import { sendJson } from '../http/send-json.js';
import { checkBodyFields, withoutGatewayOnlyFields } from './allowed-body-fields.js';
import { setCallHeaders } from './call-headers.js';
import { StreamOutputGuard } from './stream-output-guard.js';
import { takeClientCredentials } from './take-client-credentials.js';
import { writeSse } from './write-sse.js';

/** One authenticated LLM call as the route handlers take it, whichever server read it. */
export interface LlmCall {
  request: IncomingMessage;
  response: ServerResponse;
  /** The parsed JSON body, not yet validated. */
  body: unknown;
  auth: AuthContext;
}

/** Serves an LLM call; rejects with the error to answer when the call fails before its answer starts. */
export type LlmHandler = (call: LlmCall) => Promise<void>;

export interface LlmRouteOptions {
  gateway: Gateway;
  /**
   * Lets request bodies carry `api_base` / `base_url` / `api_key` / `api_version`, mapped to the call's options (off
   * by default: they redirect upstream calls). Any other call option is never read from a body.
   */
  allowClientSideCredentials: boolean;
}

/** Reads the end user: the body's `user`, else the `x-litellm-end-user-id` header. */
export function endUserOf(request: IncomingMessage, bodyUser: unknown): string | undefined {
  if (typeof bodyUser === 'string' && bodyUser !== '') return bodyUser;
  const header = request.headers['x-litellm-end-user-id'] ?? request.headers['x-litellm-customer-id'];
  return typeof header === 'string' && header !== '' ? header : undefined;
}


/**
 * Usage of a stream that ended without a usage report (client gone, upstream broken): the prompt and the text
 * produced so far, counted, so that what the provider billed is booked rather than nothing.
 */
function usageFromText(model: string, messages: ChatCompletionRequest['messages'], text: string) {
  const promptTokens = countTokens({ model, messages }).tokens;
  const completion = text === '' ? 0 : countTokens({ model, text }).tokens;
  return { prompt_tokens: promptTokens, completion_tokens: completion, total_tokens: promptTokens + completion };
}

/** `POST /chat/completions`: admit, route, answer (streamed as it arrives), settle before the last byte. */
export function createChatCompletionsHandler(options: LlmRouteOptions): LlmHandler {
  const { gateway } = options;
  return async ({ request, response, auth, body: rawBody }) => {
    checkJsonDepth(rawBody);
    checkBodyFields(rawBody, { route: 'chat', allowClientSideCredentials: options.allowClientSideCredentials });
    const { body: withCredentials, credentials } = takeClientCredentials(parseChatCompletionRequest(rawBody));
    const body = withoutGatewayOnlyFields(withCredentials);
    const modelGroup = resolveModelAccess(auth, body.model, gateway.options.router);
    const admission = await gateway.admit({
      auth,
      modelGroup,
      endUser: endUserOf(request, body.user),
      callType: 'acompletion',
      messages: body.messages,
      tools: body.tools ?? undefined,
      requestedMaxTokens: body.max_completion_tokens ?? body.max_tokens ?? undefined,
      choices: outputChoicesOf({ n: body.n, best_of: body['best_of'] }),
      writesCache: promptWritesCache(body),
    });
    const abort = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) abort.abort();
    });
    // The budget affords less than the model's full output: ask for no more than it affords.
    const loweredMaxTokens = admission.loweredMaxTokens === undefined ? {} : { max_tokens: admission.loweredMaxTokens };
    const params: ChatCompletionRequest = { ...body, model: modelGroup, ...loweredMaxTokens };
    if (body.stream === true) {
      await serveStream({ request, response, gateway, admission, params, credentials, signal: abort.signal });
    } else {
      await serveCompletion({ response, gateway, admission, params, credentials, signal: abort.signal });
    }
  };
}

interface ServeOptions {
  response: ServerResponse;
  gateway: Gateway;
  admission: Admission;
  params: ChatCompletionRequest;
  /** Client-side credentials, when the config allows them. */
  credentials: ClientCredentials | undefined;
  signal: AbortSignal;
}

/** Frees the reservation of a call that failed before any output; a client that left is not an error of ours. */
async function callFailed(options: ServeOptions, error: unknown): Promise<void> {
  await options.gateway.release(options.admission);
  if (options.signal.aborted) {
    options.gateway.options.logger.debug({ requestId: options.admission.requestId }, 'client disconnected before the answer');
    return;
  }
  throw toTollgateError(error);
}

async function serveCompletion(options: ServeOptions): Promise<void> {
  const { response, gateway, admission, params, signal, credentials } = options;
  let result;
  try {
    result = await gateway.options.router.completion({ ...params, stream: false }, { signal, requestValidated: true, credentials });
  } catch (error) {
    return callFailed(options, error);
  }
  const metadata = setCallHeaders(response, admission, result);
  const settlement = await gateway.settle(admission, {
    status: 'success',
    usage: result.usage ?? null,
    deploymentId: metadata?.modelId,
    model: result.model,
    provider: result.tollgate?.provider,
    apiBase: metadata?.apiBase,
  });
  if (settlement.costUsd !== null) response.setHeader('x-litellm-response-cost', String(settlement.costUsd));
  response.setHeader('x-litellm-overhead-duration-ms', settlement.overheadMs.toFixed(3));
  if (settlement.keySpendUsd !== undefined) response.setHeader('x-litellm-key-spend', String(settlement.keySpendUsd));
  sendJson(response, 200, result);
}

async function serveStream(options: ServeOptions & { request: IncomingMessage }): Promise<void> {
  const { response, gateway, admission, params, signal, credentials } = options;
  const wantsUsage = params.stream_options?.include_usage === true;
  let stream: ChatCompletionStream;
  try {
    stream = await gateway.options.router.completion({ ...params, stream: true }, { signal, requestValidated: true, credentials });
  } catch (error) {
    return callFailed(options, error);
  }
  const metadata = setCallHeaders(response, admission, stream);
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  response.flushHeaders();
  const startedMs = Date.now();
  let firstChunkAt: Date | undefined;
  let usageChunk: ChatCompletionChunk | undefined;
  let model = params.model;
  let failure: unknown;
  const guard = new StreamOutputGuard({ limitTokens: admission.outputTokenLimit, countTokens: (text) => countTokens({ model, text }).tokens });
  let stopped = false;
  try {
    for await (const chunk of stream) {
      firstChunkAt ??= new Date();
      model = chunk.model ?? model;
      if (chunk.usage && chunk.choices.length === 0) {
        usageChunk = chunk;
        continue;
      }
      const backpressure = writeSse(response, `data: ${JSON.stringify(chunk)}\n\n`);
      if (backpressure) await backpressure;
      // An upstream that ignores max_tokens: stop once the output passes its reservation (leaving the loop ends it).
      if (guard.passed(chunk)) {
        stopped = true;
        failure = guard.error();
        break;
      }
    }
  } catch (error) {
    failure = error;
  }
  if (firstChunkAt) gateway.options.metrics.timeToFirstToken.observe({ model_group: admission.input.modelGroup }, (firstChunkAt.getTime() - startedMs) / 1000);
  // Book what was produced even when the client left or upstream broke mid-stream (the guard kept every output
  // character: text, reasoning and tool-call arguments).
  const usage = stopped
    ? usageFromText(model, params.messages, guard.outputText)
    : (usageChunk?.usage ?? stream.tollgate?.usage ?? usageFromText(model, params.messages, guard.outputText));
  const settlement = await gateway.settle(admission, {
    status: failure === undefined ? 'success' : 'failure',
    usage,
    deploymentId: metadata?.modelId ?? routerMetadataOf(stream)?.modelId,
    model,
    provider: stream.tollgate?.provider,
    apiBase: metadata?.apiBase,
    completionStartTime: firstChunkAt,
  });
  if (failure !== undefined) {
    if (!signal.aborted) {
      const error = clientSafeError(toTollgateError(failure));
      await writeSse(response, `data: ${JSON.stringify(error.toJSON())}\n\n`);
    }
    response.end();
    return;
  }
  if (wantsUsage && usageChunk) {
    const withCost = { ...usageChunk, usage: { ...usageChunk.usage, cost: settlement.costUsd } };
    await writeSse(response, `data: ${JSON.stringify(withCost)}\n\n`);
  }
  await writeSse(response, 'data: [DONE]\n\n');
  response.end();
}
