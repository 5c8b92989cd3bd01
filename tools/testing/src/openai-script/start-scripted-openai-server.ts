import type { IncomingHttpHeaders } from 'node:http';
import type { MockRawBehaviour } from '../behaviour/mock-behaviour.js';
import type { RecordedRequest } from '../http/recorded-request.js';
import { startMockUpstream } from '../start-mock-upstream.js';

/** A request the scripted server received, its JSON body as an object. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path and query string. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}

/** How the server answers one request: a JSON body, or server-sent events (`data: <json>` each, then `[DONE]`). */
export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  events?: readonly unknown[];
  /** Waits this long before answering (to test timeouts and cancellation). */
  delayMs?: number;
}

/** A local OpenAI-compatible endpoint that answers from a script and records requests. */
export interface FakeOpenAIServer {
  /** Base URL with `/v1`. */
  readonly baseURL: string;
  readonly requests: readonly ReceivedRequest[];
  close(): Promise<void>;
}

function receivedRequest(request: RecordedRequest): ReceivedRequest {
  const body = typeof request.body === 'object' && request.body !== null ? (request.body as Record<string, unknown>) : {};
  return { method: request.method, path: request.url, headers: request.headers, body };
}

function rawAnswer(answer: FakeAnswer): MockRawBehaviour {
  const knobs = { status: answer.status ?? 200, headers: answer.headers, delayMs: answer.delayMs ?? 0 };
  if (answer.events) {
    const frames = answer.events.map((event) => `data: ${JSON.stringify(event)}\n\n`);
    return { reply: 'raw', ...knobs, contentType: 'text/event-stream', body: [...frames, 'data: [DONE]\n\n'].join('') };
  }
  return { reply: 'raw', ...knobs, contentType: 'application/json', body: JSON.stringify(answer.json ?? {}) };
}

/** Starts the fake upstream in replay mode on a free port; `answer` gets each request and its index. */
export async function startFakeOpenAIServer(answer: (request: ReceivedRequest, index: number) => FakeAnswer): Promise<FakeOpenAIServer> {
  let answered = 0;
  const upstream = await startMockUpstream({
    mode: 'replay',
    behaviour: (request) => rawAnswer(answer(receivedRequest(request), answered++)),
  });
  return {
    baseURL: `${upstream.url}/v1`,
    get requests() {
      return upstream.requests.map(receivedRequest);
    },
    close: () => upstream.close(),
  };
}
