import type { FakeAnswer, ReceivedRequest } from './start-scripted-openai-server.js';

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
