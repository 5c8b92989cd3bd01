import type { ChatCompletionChunk, ChatCompletionDelta, ToolCallDelta } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import type { ChatStreamParser } from '../../adapter/chat-stream-parser.js';
import { parseStreamJson } from '../../adapter/parse-stream-json.js';
import type { StreamEvent } from '../../adapter/stream-event.js';
import { synthesizeToolCallId } from '../../adapter/synthesize-tool-call-id.js';
import type { UpstreamErrorResponse } from '../../adapter/upstream-error-response.js';
import type { TollgateError } from '@tollgate/core';
import type { OpenAIWireChunk, OpenAIWireMessage, OpenAIWireUsage } from './openai-api.js';
import type { OpenAIDialectQuirks } from './openai-dialect.js';
import { argumentsText, contentText } from './from-openai-response.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { toOpenAIUsage } from './openai-usage.js';

/** Tool-call bookkeeping for one choice: which upstream call indexes have started. */
interface ChoiceToolState {
  started: Set<number>;
  lastIndex: number;
}

/**
 * Parser for OpenAI-dialect SSE streams. Chunks are already OpenAI-shaped, so the work is normalisation without a
 * schema parse per token: tool-call fragments get an index (Mistral omits it), an id and `type` on their first
 * fragment; `reasoning` becomes `reasoning_content`; finish reasons are mapped; usage is completed.
 */
export function createOpenAIStreamParser(
  context: AdapterCallContext,
  quirks: OpenAIDialectQuirks,
  toError: (response: UpstreamErrorResponse) => TollgateError,
): ChatStreamParser {
  const toolStates = new Map<number, ChoiceToolState>();
  const fallbackId = `chatcmpl-${context.requestId}`;

  function toolStateOf(choiceIndex: number): ChoiceToolState {
    let state = toolStates.get(choiceIndex);
    if (!state) {
      state = { started: new Set(), lastIndex: -1 };
      toolStates.set(choiceIndex, state);
    }
    return state;
  }

  function mapToolCalls(fragments: unknown[], state: ChoiceToolState): ToolCallDelta[] {
    const mapped: ToolCallDelta[] = [];
    for (const raw of fragments) {
      if (typeof raw !== 'object' || raw === null) continue;
      const fragment = raw as { index?: unknown; id?: unknown; function?: { name?: unknown; arguments?: unknown } };
      const id = typeof fragment.id === 'string' && fragment.id !== '' ? fragment.id : undefined;
      const name = typeof fragment.function?.name === 'string' ? fragment.function.name : undefined;
      let index: number;
      if (typeof fragment.index === 'number') index = fragment.index;
      else if (id !== undefined || name !== undefined) index = state.started.size; // a new whole call (Mistral)
      else index = Math.max(state.lastIndex, 0);
      state.lastIndex = index;
      const args = argumentsText(fragment.function?.arguments as string | Record<string, unknown> | undefined);
      if (!state.started.has(index)) {
        state.started.add(index);
        mapped.push({
          index,
          id: id ?? synthesizeToolCallId(),
          type: 'function',
          function: { name: name ?? '', arguments: args },
        });
      } else {
        const delta: ToolCallDelta = { index, function: { arguments: args } };
        if (name) delta.function = { name, arguments: args };
        mapped.push(delta);
      }
    }
    return mapped;
  }

  function mapDelta(rawDelta: unknown, choiceIndex: number): ChatCompletionDelta {
    if (typeof rawDelta !== 'object' || rawDelta === null) return {};
    const wire = quirks.normalizeMessage
      ? (quirks.normalizeMessage(rawDelta as OpenAIWireMessage) as Record<string, unknown>)
      : (rawDelta as Record<string, unknown>);
    const delta: ChatCompletionDelta = {};
    if (wire['role'] === 'assistant') delta.role = 'assistant';
    const content = wire['content'];
    if (content != null) delta.content = contentText(content as OpenAIWireMessage['content']);
    const reasoning = wire['reasoning_content'] ?? wire['reasoning'];
    if (typeof reasoning === 'string' && reasoning !== '') delta.reasoning_content = reasoning;
    if (typeof wire['refusal'] === 'string') delta.refusal = wire['refusal'];
    const toolCalls = wire['tool_calls'];
    if (Array.isArray(toolCalls) && toolCalls.length > 0) {
      delta.tool_calls = mapToolCalls(toolCalls, toolStateOf(choiceIndex));
    }
    if (wire['function_call'] != null) delta.function_call = wire['function_call'] as ChatCompletionDelta['function_call'];
    return delta;
  }

  function push(event: StreamEvent): ChatCompletionChunk[] {
    if (event.format !== 'sse' || event.data === '') return [];
    const wire = parseStreamJson(event.data, context) as OpenAIWireChunk;
    if (typeof wire !== 'object' || wire === null) return [];
    if (wire.error != null) throw toError(inStreamErrorResponse(wire.error));
    const choices: ChatCompletionChunk['choices'] = [];
    if (Array.isArray(wire.choices)) {
      for (const [position, raw] of wire.choices.entries()) {
        if (typeof raw !== 'object' || raw === null) continue;
        const choice = raw as { index?: unknown; delta?: unknown; finish_reason?: unknown; logprobs?: unknown };
        const index = typeof choice.index === 'number' ? choice.index : position;
        const native = typeof choice.finish_reason === 'string' ? choice.finish_reason : null;
        const finishReason = mapOpenAIFinishReason(native, quirks.finishReasons);
        const mapped: ChatCompletionChunk['choices'][number] = {
          index,
          delta: mapDelta(choice.delta, index),
          finish_reason: finishReason,
        };
        if (native !== null && native !== finishReason) {
          mapped['provider_specific_fields'] = { native_finish_reason: native };
        }
        if (choice.logprobs != null) mapped.logprobs = choice.logprobs as ChatCompletionChunk['choices'][number]['logprobs'];
        choices.push(mapped);
      }
    }
    const usage =
      typeof wire.usage === 'object' && wire.usage !== null ? toOpenAIUsage(wire.usage as OpenAIWireUsage, quirks) : undefined;
    if (choices.length === 0 && !usage) return [];
    const chunk: ChatCompletionChunk = {
      id: typeof wire.id === 'string' && wire.id !== '' ? wire.id : fallbackId,
      object: 'chat.completion.chunk',
      created: typeof wire.created === 'number' ? wire.created : context.created,
      model: typeof wire.model === 'string' && wire.model !== '' ? wire.model : context.model,
      choices,
    };
    if (usage) chunk.usage = usage;
    if (typeof wire.system_fingerprint === 'string') chunk.system_fingerprint = wire.system_fingerprint;
    if (typeof wire.service_tier === 'string') chunk.service_tier = wire.service_tier;
    return [chunk];
  }

  return { push, finish: () => [] };
}

/** An `{"error": …}` event inside a stream, presented to `toError` like an HTTP error answer. */
function inStreamErrorResponse(error: unknown): UpstreamErrorResponse {
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const code = Number(record['status'] ?? record['code']);
  const status = Number.isInteger(code) && code >= 400 && code <= 599 ? code : 500;
  return { status, body: { error }, headers: {}, retryAfterSeconds: undefined };
}
