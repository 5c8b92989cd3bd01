import { toTollgateError, type ResponseObject, type ResponsesStreamEvent } from '@tollgate/core';
import { countTokens } from '@tollgate/pricing';
import { chatUsageOf, type ResponsesStream } from '@tollgate/providers';
import { routerMetadataOf } from '@tollgate/router';
import { clientSafeError } from '../../http/client-safe-error.js';
import { setCallHeaders } from '../call-headers.js';
import { admitChatCall, callFailed, setRegionHeader, usageFromText } from '../chat-call/run-chat-call.js';
import { StreamOutputGuard } from '../stream-output-guard.js';
import { writeSse } from '../write-sse.js';
import { upstreamBody, type NativeResponseInput } from './serve-native-response.js';

const TERMINAL_EVENTS: ReadonlySet<string> = new Set(['response.completed', 'response.incomplete', 'response.failed']);
const frame = (event: ResponsesStreamEvent) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

/** The output an event adds (text, refusal, reasoning summary or tool-call arguments), for the output guard. */
function outputOf(event: ResponsesStreamEvent): string {
  switch (event.type) {
    case 'response.output_text.delta':
    case 'response.refusal.delta':
    case 'response.reasoning_summary_text.delta':
    case 'response.function_call_arguments.delta':
      return event.delta;
    default:
      return '';
  }
}

/**
 * A streamed Responses call passed through to deployments that speak Responses: admitted and settled as a chat
 * stream, the provider's events passed on as they arrive. The terminal event (`response.completed`, …) is held
 * until the call is settled, so it carries the booked cost in `usage.cost` and the stored Response is readable
 * before the client sees the end. A stream that breaks, or passes its reservation, is booked for what it produced
 * and ends with an `error` event.
 */
export async function serveNativeResponseStream(input: NativeResponseInput): Promise<void> {
  const { gateway, response, chat } = input;
  const { admission, signal, modelGroup } = await admitChatCall({ ...input, body: chat, callType: 'aresponses' });
  const loweredMaxTokens = admission.loweredMaxTokens === undefined ? {} : { max_output_tokens: admission.loweredMaxTokens };
  let stream: ResponsesStream;
  try {
    stream = await gateway.options.router.responses(
      { ...upstreamBody(input.body, input.history), model: modelGroup, ...loweredMaxTokens, stream: true },
      { signal, credentials: input.credentials, allowedRegion: admission.allowedRegion },
    );
  } catch (error) {
    return callFailed({ gateway, admission, signal }, error);
  }
  const metadata = setCallHeaders(response, admission, stream);
  setRegionHeader(response, gateway, admission, metadata?.modelId);
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  response.flushHeaders();
  const startedMs = Date.now();
  let firstEventAt: Date | undefined;
  let model = chat.model;
  let terminal: (ResponsesStreamEvent & { response: ResponseObject }) | undefined;
  let lastSequence = -1;
  let failure: unknown;
  const guard = new StreamOutputGuard({ limitTokens: admission.outputTokenLimit, countTokens: (text) => countTokens({ model, text }).tokens });
  let stopped = false;
  try {
    for await (const event of stream) {
      firstEventAt ??= new Date();
      lastSequence = event.sequence_number;
      model = (event as { response?: { model?: string } }).response?.model ?? model;
      if (TERMINAL_EVENTS.has(event.type)) {
        terminal = event as typeof terminal;
        break;
      }
      const backpressure = writeSse(response, frame(event));
      if (backpressure) await backpressure;
      if (guard.passedOutput(outputOf(event))) {
        stopped = true;
        failure = guard.error();
        break;
      }
    }
    if (terminal === undefined && failure === undefined) failure = new Error('the upstream stream ended before its terminal event');
  } catch (error) {
    failure = error;
  }
  if (firstEventAt) gateway.options.metrics.timeToFirstToken.observe({ model_group: admission.input.modelGroup }, (firstEventAt.getTime() - startedMs) / 1000);
  const reported = stopped ? undefined : terminal?.response.usage;
  const settlement = await gateway.settle(admission, {
    status: failure === undefined && terminal?.type !== 'response.failed' ? 'success' : 'failure',
    usage: reported ? chatUsageOf(reported) : usageFromText(model, chat.messages, guard.outputText),
    deploymentId: metadata?.modelId ?? routerMetadataOf(stream)?.modelId,
    model,
    provider: stream.tollgate?.provider,
    apiBase: metadata?.apiBase,
    completionStartTime: firstEventAt,
    responseId: terminal?.response.id,
  });
  if (failure !== undefined || terminal === undefined) {
    if (!signal.aborted) {
      const error = clientSafeError(toTollgateError(failure));
      await writeSse(response, frame({ type: 'error', sequence_number: lastSequence + 1, code: error.code, message: error.message, param: null, error: { type: error.type, code: error.code, message: error.message } }));
    }
    response.end();
    return;
  }
  const answer: ResponseObject = { ...terminal.response, ...(reported ? { usage: { ...reported, cost: settlement.costUsd } } : {}) };
  if (terminal.type === 'response.completed' || terminal.type === 'response.incomplete') await input.keep(answer);
  await writeSse(response, frame({ ...terminal, response: answer }));
  response.end();
}
