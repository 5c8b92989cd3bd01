import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake server received. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}

/** How the fake answers one request: a JSON body, or server-sent events (`data: <json>` each, then `[DONE]`). */
export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  events?: readonly unknown[];
  /** Waits this long before answering (to test timeouts and cancellation). */
  delayMs?: number;
}

/** A local OpenAI-compatible endpoint (node:http) that answers from a script and records requests. */
export interface FakeOpenAIServer {
  /** Base URL with `/v1`. */
  readonly baseURL: string;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** Starts the fake on a free port; `answer` gets each request and its index. */
export async function startFakeOpenAIServer(answer: (request: ReceivedRequest, index: number) => FakeAnswer): Promise<FakeOpenAIServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const pieces: Buffer[] = [];
    incoming.on('data', (piece: Buffer) => pieces.push(piece));
    incoming.on('end', () => {
      const text = Buffer.concat(pieces).toString('utf8');
      const request: ReceivedRequest = {
        method: incoming.method ?? '',
        path: incoming.url ?? '',
        headers: incoming.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      };
      requests.push(request);
      const reply = answer(request, requests.length - 1);
      const timer = setTimeout(() => send(reply), reply.delayMs ?? 0);
      outgoing.on('close', () => clearTimeout(timer));
    });
    function send(reply: FakeAnswer): void {
      if (reply.events) {
        outgoing.writeHead(reply.status ?? 200, { 'content-type': 'text/event-stream', ...reply.headers });
        for (const event of reply.events) outgoing.write(`data: ${JSON.stringify(event)}\n\n`);
        outgoing.end('data: [DONE]\n\n');
        return;
      }
      outgoing.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      outgoing.end(JSON.stringify(reply.json ?? {}));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A `chat.completion` body with one choice. */
export function completionBody(message: Record<string, unknown>, usage: Record<string, unknown>, finishReason: string): unknown {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'gpt-4o-2024-08-06',
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason }],
    usage,
  };
}

/** A `chat.completion.chunk` body. */
export function chunkBody(delta: Record<string, unknown>, options: { finishReason?: string; usage?: Record<string, unknown> } = {}): unknown {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'gpt-4o-2024-08-06',
    choices: options.usage ? [] : [{ index: 0, delta, finish_reason: options.finishReason ?? null }],
    ...(options.usage ? { usage: options.usage } : {}),
  };
}

/** One reply the fake gives, in whichever form the request asked for. */
export interface FakeReply {
  /** The assistant message: `content`, `tool_calls`, `reasoning_content`… */
  message: Record<string, unknown>;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } & Record<string, unknown>;
  finishReason: string;
  headers?: Record<string, string>;
}

/**
 * The reply as a `chat.completion` body, or — when the request has `stream: true` — as chunks: role, text,
 * each tool call whole in one fragment, the finish reason, then the usage chunk.
 */
export function answerAs(request: ReceivedRequest, reply: FakeReply): FakeAnswer {
  const headers = reply.headers ? { headers: reply.headers } : {};
  if (request.body['stream'] !== true) return { ...headers, json: completionBody(reply.message, reply.usage, reply.finishReason) };
  const { content, tool_calls: toolCalls, ...rest } = reply.message;
  const events: unknown[] = [chunkBody({ role: 'assistant', content: '', ...rest })];
  if (typeof content === 'string' && content !== '') events.push(chunkBody({ content }));
  if (Array.isArray(toolCalls)) {
    toolCalls.forEach((call: Record<string, unknown>, index) => events.push(chunkBody({ tool_calls: [{ index, ...call }] })));
  }
  events.push(chunkBody({}, { finishReason: reply.finishReason }), chunkBody({}, { usage: reply.usage }));
  return { ...headers, events };
}
