// Test helpers for the chat ↔ Responses translations: OpenAI's recordings (read in place from
// /work/shared/fixtures/providers/openai, never copied) and a deterministic id source.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { responseObjectSchema, responsesStreamEventSchema, type ResponseObject, type ResponsesStreamEvent } from '@tollgate/core';
import type { NewResponseId } from './response-ids.js';

export const OPENAI_RECORDINGS = '/work/shared/fixtures/providers/openai';

/** The names of the recorded Responses cases that have `file` (e.g. `response.json`, `response.sse`). */
export function recordedResponsesCases(file: string): string[] {
  if (!existsSync(OPENAI_RECORDINGS)) return [];
  return readdirSync(OPENAI_RECORDINGS)
    .filter((name) => name.startsWith('responses-') && !name.includes('error') && existsSync(join(OPENAI_RECORDINGS, name, file)))
    .filter((name) => (JSON.parse(readFileSync(join(OPENAI_RECORDINGS, name, 'request.json'), 'utf8')) as { path: string }).path === '/v1/responses')
    .sort();
}

/** A recorded create request's body. */
export function recordedRequestBody(name: string): Record<string, unknown> {
  return (JSON.parse(readFileSync(join(OPENAI_RECORDINGS, name, 'request.json'), 'utf8')) as { body: Record<string, unknown> }).body;
}

/** A recorded Response (non-streamed answer). */
export function recordedResponse(name: string): ResponseObject {
  return responseObjectSchema.parse(JSON.parse(readFileSync(join(OPENAI_RECORDINGS, name, 'response.json'), 'utf8')));
}

/** A recorded stream's events, in order. */
export function recordedEvents(name: string): ResponsesStreamEvent[] {
  return readFileSync(join(OPENAI_RECORDINGS, name, 'response.sse'), 'utf8')
    .split('\n\n')
    .flatMap((frame) => {
      const data = /^data: (.+)$/m.exec(frame)?.[1];
      return data === undefined ? [] : [responsesStreamEventSchema.parse(JSON.parse(data))];
    });
}

/** Ids `rs_1`, `msg_2`, `fc_3`, … in the order asked for. */
export function countingIds(): NewResponseId {
  let next = 0;
  return (prefix) => `${prefix}_${++next}`;
}

/**
 * A Response's output without the ids and fields only OpenAI fills (annotations, logprobs, encrypted reasoning). A
 * reasoning item with no summary (hidden reasoning) has no chat form, so it is left out.
 */
export function comparableOutput(response: Pick<ResponseObject, 'output'>): unknown[] {
  return response.output.filter((item) => item.type !== 'reasoning' || item.summary.length > 0).map((item) => {
    if (item.type === 'reasoning') return { type: 'reasoning', summary: item.summary.map((part) => part.text).join('\n\n') };
    if (item.type === 'function_call') return { type: 'function_call', call_id: item.call_id, name: item.name, arguments: item.arguments };
    return { type: 'message', content: item.content.map((part) => (part.type === 'output_text' ? { type: part.type, text: part.text } : part)) };
  });
}
