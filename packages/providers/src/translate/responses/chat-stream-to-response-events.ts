import type { ChatCompletionChunk, FinishReason, OpenAIUsage, ResponseObject, ResponsesOutputItem, ResponsesStreamEvent } from '@tollgate/core';
import { responseEndingOf } from './chat-completion-to-response.js';
import type { NewResponseId } from './response-ids.js';
import { responsesUsageOf } from './responses-usage-of.js';

type EventBody = ResponsesStreamEvent extends infer Event ? (Event extends ResponsesStreamEvent ? Omit<Event, 'sequence_number'> : never) : never;

interface OpenText {
  kind: 'reasoning' | 'message';
  outputIndex: number;
  id: string;
  text: string;
  /** The message's refusal text, once one started (a second content part). */
  refusal?: string;
}

interface OpenCall {
  outputIndex: number;
  id: string;
  callId: string;
  name: string;
  arguments: string;
}

/** Turns one streamed chat answer into Responses events; each method returns the events to send, in order. */
export interface ResponsesStreamTranslator {
  /** `response.created` and `response.in_progress`. */
  start(): ResponsesStreamEvent[];
  /** The events one chat chunk adds (none for a usage-only chunk, whose usage is kept for `finish`). */
  chunk(chunk: ChatCompletionChunk): ResponsesStreamEvent[];
  /** Closes the open items and ends with `response.completed` (or `response.incomplete` when output was cut). */
  finish(ending?: { usage?: OpenAIUsage | null; costUsd?: number | null; completedAt?: number }): ResponsesStreamEvent[];
  /** Ends a stream that failed after it started: `error`, then `response.failed`. */
  fail(error: { code: string | null; message: string; type?: string }): ResponsesStreamEvent[];
  /** The Response as it stands (final after `finish` or `fail`). */
  response(): ResponseObject;
}

/**
 * A translator of chat chunks to Responses events for the Response `shell` (see `responseShell`). Reasoning,
 * text and tool calls become output items in the order they start; tool calls stay open until the end, since
 * chat providers may interleave the fragments of parallel calls.
 */
export function createResponsesStreamTranslator(options: { shell: ResponseObject; newId: NewResponseId }): ResponsesStreamTranslator {
  let sequence = 0;
  let current: ResponseObject = options.shell;
  const output: ResponsesOutputItem[] = [];
  let openText: OpenText | undefined;
  const calls = new Map<number, OpenCall>();
  let finishReason: FinishReason | null | undefined;
  let usage: OpenAIUsage | null | undefined;

  const emit = (events: ResponsesStreamEvent[], body: EventBody) => events.push({ ...body, sequence_number: sequence++ } as ResponsesStreamEvent);

  const closeText = (events: ResponsesStreamEvent[]) => {
    const open = openText;
    if (!open) return;
    openText = undefined;
    const address = { item_id: open.id, output_index: open.outputIndex };
    if (open.kind === 'reasoning') {
      const part = { type: 'summary_text' as const, text: open.text };
      emit(events, { type: 'response.reasoning_summary_text.done', ...address, summary_index: 0, text: open.text });
      emit(events, { type: 'response.reasoning_summary_part.done', ...address, summary_index: 0, part });
      const item: ResponsesOutputItem = { type: 'reasoning', id: open.id, summary: [part] };
      output[open.outputIndex] = item;
      emit(events, { type: 'response.output_item.done', output_index: open.outputIndex, item });
      return;
    }
    const content: Extract<ResponsesOutputItem, { type: 'message' }>['content'] = [];
    if (open.refusal === undefined || open.text !== '') {
      const part = { type: 'output_text' as const, text: open.text, annotations: [], logprobs: [] };
      if (open.refusal === undefined) {
        emit(events, { type: 'response.output_text.done', ...address, content_index: 0, text: open.text, logprobs: [] });
        emit(events, { type: 'response.content_part.done', ...address, content_index: 0, part });
      }
      content.push(part);
    }
    if (open.refusal !== undefined) {
      const part = { type: 'refusal' as const, refusal: open.refusal };
      emit(events, { type: 'response.refusal.done', ...address, content_index: content.length, refusal: open.refusal });
      emit(events, { type: 'response.content_part.done', ...address, content_index: content.length, part });
      content.push(part);
    }
    const item: ResponsesOutputItem = { type: 'message', id: open.id, role: 'assistant', status: 'completed', content };
    output[open.outputIndex] = item;
    emit(events, { type: 'response.output_item.done', output_index: open.outputIndex, item });
  };

  const openTextItem = (events: ResponsesStreamEvent[], kind: OpenText['kind']): OpenText => {
    if (openText?.kind === kind) return openText;
    closeText(events);
    const outputIndex = output.length;
    const id = options.newId(kind === 'reasoning' ? 'rs' : 'msg');
    openText = { kind, outputIndex, id, text: '' };
    const address = { item_id: id, output_index: outputIndex };
    if (kind === 'reasoning') {
      const item: ResponsesOutputItem = { type: 'reasoning', id, summary: [] };
      output.push(item);
      emit(events, { type: 'response.output_item.added', output_index: outputIndex, item });
      emit(events, { type: 'response.reasoning_summary_part.added', ...address, summary_index: 0, part: { type: 'summary_text', text: '' } });
    } else {
      const item: ResponsesOutputItem = { type: 'message', id, role: 'assistant', status: 'in_progress', content: [] };
      output.push(item);
      emit(events, { type: 'response.output_item.added', output_index: outputIndex, item });
    }
    return openText;
  };

  const addText = (events: ResponsesStreamEvent[], text: string) => {
    const open = openTextItem(events, 'message');
    const address = { item_id: open.id, output_index: open.outputIndex, content_index: 0 };
    if (open.text === '') emit(events, { type: 'response.content_part.added', ...address, part: { type: 'output_text', text: '', annotations: [], logprobs: [] } });
    open.text += text;
    emit(events, { type: 'response.output_text.delta', ...address, delta: text, logprobs: [] });
  };

  const addRefusal = (events: ResponsesStreamEvent[], refusal: string) => {
    const open = openTextItem(events, 'message');
    const contentIndex = open.text === '' ? 0 : 1;
    const address = { item_id: open.id, output_index: open.outputIndex, content_index: contentIndex };
    if (open.refusal === undefined) {
      if (open.text !== '') {
        const part = { type: 'output_text' as const, text: open.text, annotations: [], logprobs: [] };
        emit(events, { type: 'response.output_text.done', ...address, content_index: 0, text: open.text, logprobs: [] });
        emit(events, { type: 'response.content_part.done', ...address, content_index: 0, part });
      }
      open.refusal = '';
      emit(events, { type: 'response.content_part.added', ...address, part: { type: 'refusal', refusal: '' } });
    }
    open.refusal += refusal;
    emit(events, { type: 'response.refusal.delta', ...address, delta: refusal });
  };

  const addReasoning = (events: ResponsesStreamEvent[], text: string) => {
    const open = openTextItem(events, 'reasoning');
    open.text += text;
    emit(events, { type: 'response.reasoning_summary_text.delta', item_id: open.id, output_index: open.outputIndex, summary_index: 0, delta: text });
  };

  const addCallFragment = (events: ResponsesStreamEvent[], fragment: NonNullable<ChatCompletionChunk['choices'][number]['delta']['tool_calls']>[number]) => {
    let call = calls.get(fragment.index);
    if (!call) {
      closeText(events);
      const id = options.newId('fc');
      call = { outputIndex: output.length, id, callId: fragment.id ?? `call_${id.slice(3, 27)}`, name: fragment.function?.name ?? '', arguments: '' };
      calls.set(fragment.index, call);
      const item: ResponsesOutputItem = { type: 'function_call', id, call_id: call.callId, name: call.name, arguments: '', status: 'in_progress' };
      output.push(item);
      emit(events, { type: 'response.output_item.added', output_index: call.outputIndex, item });
    }
    const piece = fragment.function?.arguments ?? '';
    if (piece === '') return;
    call.arguments += piece;
    emit(events, { type: 'response.function_call_arguments.delta', item_id: call.id, output_index: call.outputIndex, delta: piece });
  };

  const closeCalls = (events: ResponsesStreamEvent[]) => {
    for (const call of [...calls.values()].sort((left, right) => left.outputIndex - right.outputIndex)) {
      emit(events, { type: 'response.function_call_arguments.done', item_id: call.id, output_index: call.outputIndex, arguments: call.arguments, name: call.name });
      const item: ResponsesOutputItem = { type: 'function_call', id: call.id, call_id: call.callId, name: call.name, arguments: call.arguments, status: 'completed' };
      output[call.outputIndex] = item;
      emit(events, { type: 'response.output_item.done', output_index: call.outputIndex, item });
    }
    calls.clear();
  };

  return {
    start() {
      const events: ResponsesStreamEvent[] = [];
      emit(events, { type: 'response.created', response: current });
      emit(events, { type: 'response.in_progress', response: current });
      return events;
    },
    chunk(chunk) {
      const events: ResponsesStreamEvent[] = [];
      if (chunk.model) current = { ...current, model: chunk.model };
      if (chunk.usage) usage = chunk.usage;
      const choice = chunk.choices.find((candidate) => candidate.index === 0);
      if (!choice) return events;
      const delta = choice.delta;
      if (delta.reasoning_content) addReasoning(events, delta.reasoning_content);
      if (delta.content) addText(events, delta.content);
      if (delta.refusal) addRefusal(events, delta.refusal);
      for (const fragment of delta.tool_calls ?? []) addCallFragment(events, fragment);
      if (choice.finish_reason) finishReason = choice.finish_reason;
      return events;
    },
    finish(ending = {}) {
      const events: ResponsesStreamEvent[] = [];
      closeText(events);
      closeCalls(events);
      const finalUsage = ending.usage ?? usage;
      const state = responseEndingOf(finishReason);
      current = {
        ...current,
        ...state,
        completed_at: ending.completedAt ?? Math.floor(Date.now() / 1000),
        output: [...output],
        usage: finalUsage ? responsesUsageOf(finalUsage, ending.costUsd) : null,
      };
      emit(events, { type: state.status === 'completed' ? 'response.completed' : 'response.incomplete', response: current });
      return events;
    },
    fail(error) {
      const events: ResponsesStreamEvent[] = [];
      emit(events, { type: 'error', code: error.code, message: error.message, param: null, error: { type: error.type ?? 'server_error', code: error.code, message: error.message, param: null } });
      current = { ...current, status: 'failed', error: { code: error.code, message: error.message }, output: [...output] };
      emit(events, { type: 'response.failed', response: current });
      return events;
    },
    response: () => current,
  };
}
