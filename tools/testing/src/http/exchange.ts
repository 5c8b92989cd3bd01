import type { MockRawBehaviour } from '../behaviour/mock-behaviour.js';
import type { AnswerBehaviour } from '../plan/reply-plan.js';
import type { IdSource } from './id-source.js';
import type { ErrorReply } from './error-reply.js';
import type { RecordedRequest, WireFormat } from './recorded-request.js';

/** What a route needs to prepare its reply. */
export interface Exchange {
  request: RecordedRequest;
  /** The JSON body as an object (`{}` for bodiless requests). */
  body: Record<string, unknown>;
  /** The behaviour chosen for this request (errors are answered before routes run). */
  behaviour: AnswerBehaviour;
  /** Generated answer length when the behaviour gives none. */
  defaultCompletionTokens: number;
  ids: IdSource;
}

/** A reply before delivery: a whole body, or pieces written one by one (stream frames). */
export type PreparedReply =
  | { kind: 'body'; status: number; body: string | Uint8Array; contentType: string }
  | {
      kind: 'frames';
      status: number;
      frames: readonly (string | Uint8Array)[];
      contentType: string;
      /** Each frame in its own write even without a chunk delay (a raw body's pieces: a test of a client's parser). */
      separateWrites?: boolean;
    };

/** JSON content type as OpenAI and Anthropic send it. */
const JSON_TYPE = 'application/json';
/** SSE content type as OpenAI and Anthropic send it. */
export const SSE_TYPE = 'text/event-stream; charset=utf-8';

/** A prepared JSON body. */
export function jsonReply(status: number, body: string, contentType: string = JSON_TYPE): PreparedReply {
  return { kind: 'body', status, body, contentType };
}

/** The JSON content type of a wire format (Gemini adds a charset). */
export function jsonType(format: WireFormat): string {
  return format === 'gemini' ? 'application/json; charset=UTF-8' : JSON_TYPE;
}

/** A provider error as a prepared reply. */
export function errorJson(format: WireFormat, error: ErrorReply): PreparedReply {
  return jsonReply(error.status, JSON.stringify(error.body), jsonType(format));
}

/** A raw behaviour's reply: its bytes as they are. */
export function rawReply(behaviour: MockRawBehaviour): PreparedReply {
  const status = behaviour.status ?? 200;
  const contentType = behaviour.contentType ?? JSON_TYPE;
  const { body } = behaviour;
  if (typeof body === 'string' || body instanceof Uint8Array) {
    return { kind: 'body', status, body, contentType };
  }
  return { kind: 'frames', status, frames: body, contentType, separateWrites: true };
}
