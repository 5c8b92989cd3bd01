import type { IncomingMessage, ServerResponse } from 'node:http';
import { toTollgateError, type ChatCompletionChunk, type ChatCompletionRequest, type OpenAIUsage } from '@tollgate/core';
import { countTokens, outputChoicesOf, promptWritesCache } from '@tollgate/pricing';
import type { ChatCompletionStream } from '@tollgate/providers';
import { routerMetadataOf, type ClientCredentials } from '@tollgate/router';
import type { AuthContext } from '../../auth/auth-context.js';
import type { Admission, Gateway, Settlement } from '../../gateway/gateway.js';
import { resolveModelAccess } from '../../gateway/model-access.js';
import { clientSafeError } from '../../http/client-safe-error.js';
import { sendJson } from '../../http/send-json.js';
import { setCallHeaders } from '../call-headers.js';
import { endUserOf } from '../llm-call.js';
import { StreamOutputGuard } from '../stream-output-guard.js';
import { writeSse } from '../write-sse.js';
import type { ChatAnswerFormat } from './chat-answer-format.js';

export interface ChatCallInput {
  gateway: Gateway;
  request: IncomingMessage;
  response: ServerResponse;
  auth: AuthContext;
  /** A validated chat request, with gateway-only fields and client credentials already taken out. */
  body: ChatCompletionRequest;
  /** Client-side credentials, when the config allows them. */
  credentials: ClientCredentials | undefined;
  /** How the answer is written for the API the client called. */
  format: ChatAnswerFormat;
  /** LiteLLM's call type in the spend log; default `acompletion`. */
  callType?: 'acompletion' | 'atext_completion' | 'aresponses' | 'anthropic_messages';
}

/**
 * Usage of a stream that ended without a usage report (client gone, upstream broken): the prompt and the text
 * produced so far, counted, so that what the provider billed is booked rather than nothing.
 */
export function usageFromText(model: string, messages: ChatCompletionRequest['messages'], text: string) {
  const promptTokens = countTokens({ model, messages }).tokens;
  const completion = text === '' ? 0 : countTokens({ model, text }).tokens;
  return { prompt_tokens: promptTokens, completion_tokens: completion, total_tokens: promptTokens + completion };
}

/**
 * One chat call, whichever API the client used: admit, route, answer (streamed as it arrives), settle before the
 * last byte. Rejects with the error to answer when the call fails before its answer starts.
 */
export async function runChatCall(input: ChatCallInput): Promise<void> {
  const { admission, signal, modelGroup } = await admitChatCall(input);
  // The budget affords less than the model's full output: ask for no more than it affords.
  const loweredMaxTokens = admission.loweredMaxTokens === undefined ? {} : { max_tokens: admission.loweredMaxTokens };
  const params: ChatCompletionRequest = { ...input.body, model: modelGroup, ...loweredMaxTokens };
  const serve = { response: input.response, gateway: input.gateway, admission, params, credentials: input.credentials, format: input.format, signal };
  if (input.body.stream === true) await serveStream(serve);
  else await serveCompletion(serve);
}

/** An admitted call: its reservation, and the signal that aborts it when the client leaves. */
export interface AdmittedCall {
  modelGroup: string;
  admission: Admission;
  signal: AbortSignal;
}

/**
 * Admits a call described as a chat request (the model group the key may use, budgets and rate limits reserved
 * for its worst case). Every API the gateway serves admits through here, whatever it then sends upstream.
 */
export async function admitChatCall(input: Pick<ChatCallInput, 'gateway' | 'request' | 'response' | 'auth' | 'body' | 'callType'>): Promise<AdmittedCall> {
  const { gateway, request, response, auth, body } = input;
  const modelGroup = resolveModelAccess(auth, body.model, gateway.options.router);
  const admission = await gateway.admit({
    auth,
    modelGroup,
    endUser: endUserOf(request, body.user),
    callType: input.callType ?? 'acompletion',
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
  return { modelGroup, admission, signal: abort.signal };
}

/** `x-litellm-model-region`: the `region_name` of the deployment that answered, when it has one. */
export function setRegionHeader(response: ServerResponse, gateway: Gateway, admission: Admission, deploymentId: string | undefined): void {
  if (deploymentId === undefined) return;
  const deployment = gateway.options.router.getDeployments(admission.input.modelGroup).find((candidate) => candidate.id === deploymentId);
  const region = deployment?.litellmParams.region_name;
  if (typeof region === 'string') response.setHeader('x-litellm-model-region', region);
}

interface ServeOptions {
  response: ServerResponse;
  gateway: Gateway;
  admission: Admission;
  params: ChatCompletionRequest;
  credentials: ClientCredentials | undefined;
  format: ChatAnswerFormat;
  signal: AbortSignal;
}

/** Frees the reservation of a call that failed before any output; a client that left is not an error of ours. */
export async function callFailed(options: Pick<ServeOptions, 'gateway' | 'admission' | 'signal'>, error: unknown): Promise<void> {
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
    result = await gateway.options.router.completion({ ...params, stream: false }, { signal, requestValidated: true, credentials, allowedRegion: admission.allowedRegion });
  } catch (error) {
    return callFailed(options, error);
  }
  const settlement = await settleAnswer({ response, gateway, admission, answer: result, usage: result.usage ?? null, provider: result.tollgate?.provider });
  sendJson(response, 200, await options.format.completion(result, settlement));
}

/**
 * Settles a whole (non-streamed) answer from the router, whichever API it came from: the LiteLLM headers, the
 * actual cost replacing the reservation, the spend event, and the cost headers.
 */
export async function settleAnswer(options: {
  response: ServerResponse;
  gateway: Gateway;
  admission: Admission;
  answer: { id: string; model: string };
  usage: OpenAIUsage | null;
  provider: string | undefined;
}): Promise<Settlement> {
  const { response, gateway, admission, answer } = options;
  const metadata = setCallHeaders(response, admission, answer);
  setRegionHeader(response, gateway, admission, metadata?.modelId);
  const settlement = await gateway.settle(admission, {
    status: 'success',
    usage: options.usage,
    deploymentId: metadata?.modelId,
    model: answer.model,
    provider: options.provider,
    apiBase: metadata?.apiBase,
    responseId: answer.id,
  });
  if (settlement.costUsd !== null) response.setHeader('x-litellm-response-cost', String(settlement.costUsd));
  response.setHeader('x-litellm-overhead-duration-ms', settlement.overheadMs.toFixed(3));
  if (settlement.keySpendUsd !== undefined) response.setHeader('x-litellm-key-spend', String(settlement.keySpendUsd));
  return settlement;
}

async function serveStream(options: ServeOptions): Promise<void> {
  const { response, gateway, admission, params, signal, credentials } = options;
  let stream: ChatCompletionStream;
  try {
    stream = await gateway.options.router.completion({ ...params, stream: true }, { signal, requestValidated: true, credentials, allowedRegion: admission.allowedRegion });
  } catch (error) {
    return callFailed(options, error);
  }
  const metadata = setCallHeaders(response, admission, stream);
  setRegionHeader(response, gateway, admission, metadata?.modelId);
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  response.flushHeaders();
  const writer = options.format.openStream();
  const startedMs = Date.now();
  let firstChunkAt: Date | undefined;
  let responseId: string | undefined;
  let usageChunk: ChatCompletionChunk | undefined;
  let model = params.model;
  let failure: unknown;
  const guard = new StreamOutputGuard({ limitTokens: admission.outputTokenLimit, countTokens: (text) => countTokens({ model, text }).tokens });
  let stopped = false;
  try {
    for await (const chunk of stream) {
      firstChunkAt ??= new Date();
      responseId ??= chunk.id;
      model = chunk.model ?? model;
      if (chunk.usage && chunk.choices.length === 0) {
        usageChunk = chunk;
        continue;
      }
      const frames = writer.chunk(chunk);
      const backpressure = frames === '' ? undefined : writeSse(response, frames);
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
    responseId,
  });
  if (failure !== undefined) {
    if (!signal.aborted) await writeSse(response, writer.error(clientSafeError(toTollgateError(failure))));
    response.end();
    return;
  }
  const ending = await writer.end({ settlement, usageChunk, usage });
  if (ending !== '') await writeSse(response, ending);
  response.end();
}
