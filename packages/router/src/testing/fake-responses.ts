import type { ChatCompletion, ChatCompletionChunk, EmbeddingResponse, OpenAIUsage, ResponseObject, ResponsesStreamEvent } from '@tollgate/core';
import type { CallMetadata, ChatCompletionResult, ChatCompletionStream, EmbeddingResult, ResponsesStream } from '@tollgate/providers';

/** Token usage a fake response reports. */
export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

const DEFAULT_USAGE: FakeUsage = { prompt_tokens: 10, completion_tokens: 5 };

function toOpenAIUsage(usage: FakeUsage): OpenAIUsage {
  return { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
}

/** The `tollgate` metadata a provider call would carry (provider `fake`, unpriced). */
export function fakeCallMetadata(options: { model: string; usage: OpenAIUsage | null }): CallMetadata {
  return {
    provider: 'fake',
    model: options.model,
    requestId: 'fake-request',
    costUsd: null,
    costNanoUsd: null,
    cost: null,
    usage: options.usage,
    usageEstimated: false,
    warnings: [],
    attempts: 1,
    responseHeaders: {},
  };
}

/** Attaches metadata as providers do: a non-enumerable `tollgate` property, so JSON stays OpenAI's. */
function withMetadata<Target extends object>(
  target: Target,
  metadata: CallMetadata,
): Target & { readonly tollgate: CallMetadata } {
  Object.defineProperty(target, 'tollgate', { value: metadata, enumerable: false, configurable: true });
  return target as Target & { readonly tollgate: CallMetadata };
}

/** A minimal `chat.completion` answering `content`, shaped like a providers result. */
export function fakeChatCompletion(options: {
  model: string;
  content: string;
  usage?: FakeUsage;
}): ChatCompletionResult {
  const usage = toOpenAIUsage(options.usage ?? DEFAULT_USAGE);
  const completion: ChatCompletion = {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model: options.model,
    choices: [{ index: 0, message: { role: 'assistant', content: options.content }, finish_reason: 'stop' }],
    usage,
  };
  return withMetadata(completion, fakeCallMetadata({ model: options.model, usage }));
}

/** A minimal completed Response answering `content`, shaped like a providers result (usage in Responses names). */
export function fakeResponse(options: { model: string; content: string; usage?: FakeUsage }): ResponseObject & { readonly tollgate: CallMetadata } {
  const usage = toOpenAIUsage(options.usage ?? DEFAULT_USAGE);
  const response: ResponseObject = {
    id: 'resp_fake',
    object: 'response',
    created_at: 0,
    status: 'completed',
    completed_at: 0,
    error: null,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    model: options.model,
    output: [{ type: 'message', id: 'msg_fake', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: options.content, annotations: [] }] }],
    parallel_tool_calls: true,
    previous_response_id: null,
    store: false,
    temperature: null,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    tools: [],
    top_p: null,
    truncation: 'disabled',
    usage: {
      input_tokens: usage.prompt_tokens,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: usage.completion_tokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: usage.total_tokens,
    },
    user: null,
    metadata: {},
  };
  return withMetadata(response, fakeCallMetadata({ model: options.model, usage }));
}

/**
 * A streamed Response sending `pieces` as text deltas between `response.created` and `response.completed` (the whole
 * Response, usage included); its `tollgate` metadata is there once the stream has ended.
 */
export function fakeResponseStream(options: { model: string; pieces: readonly string[]; usage?: FakeUsage }): ResponsesStream {
  const final = fakeResponse({ model: options.model, content: options.pieces.join(''), usage: options.usage });
  let ended = false;
  async function* events(): AsyncGenerator<ResponsesStreamEvent> {
    let sequence = 0;
    yield { type: 'response.created', sequence_number: sequence++, response: { ...final, status: 'in_progress', output: [], usage: null } };
    for (const delta of options.pieces) {
      yield { type: 'response.output_text.delta', sequence_number: sequence++, item_id: 'msg_fake', output_index: 0, content_index: 0, delta };
    }
    yield { type: 'response.completed', sequence_number: sequence, response: final };
    ended = true;
  }
  const iterable = events();
  return {
    [Symbol.asyncIterator]: () => iterable,
    get tollgate() {
      return ended ? final.tollgate : undefined;
    },
  };
}

/** The chunks of a stream that sends `pieces` of content, a finishing chunk and a usage chunk. */
export function fakeChatChunks(options: {
  model: string;
  pieces: readonly string[];
  usage?: FakeUsage;
}): ChatCompletionChunk[] {
  const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk' as const, created: 0, model: options.model };
  return [
    ...options.pieces.map((piece, index) => ({
      ...base,
      choices: [{ index: 0, delta: index === 0 ? { role: 'assistant' as const, content: piece } : { content: piece } }],
    })),
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' as const }] },
    { ...base, choices: [], usage: toOpenAIUsage(options.usage ?? DEFAULT_USAGE) },
  ];
}

/**
 * A providers-style stream of `pieces`; with `failAfterChunks`, it throws `error` instead of its chunk at that
 * index (0: before any chunk). Its `tollgate` metadata appears once it has ended.
 */
export function fakeChatStream(options: {
  model: string;
  pieces: readonly string[];
  usage?: FakeUsage;
  failAfterChunks?: number;
  error?: unknown;
}): ChatCompletionStream {
  const chunks = fakeChatChunks(options);
  let metadata: CallMetadata | undefined;
  async function* generate(): AsyncGenerator<ChatCompletionChunk> {
    for (const [index, chunk] of chunks.entries()) {
      if (index === options.failAfterChunks) throw options.error;
      yield chunk;
    }
    metadata = fakeCallMetadata({ model: options.model, usage: toOpenAIUsage(options.usage ?? DEFAULT_USAGE) });
  }
  const iterator = generate();
  return {
    get tollgate() {
      return metadata;
    },
    responseHeaders: { 'x-fake': 'yes' },
    [Symbol.asyncIterator]: () => iterator,
  };
}

/** An embedding response with one short vector per input, shaped like a providers result. */
export function fakeEmbeddingResponse(options: { model: string; inputs: number }): EmbeddingResult {
  const response: EmbeddingResponse = {
    object: 'list',
    model: options.model,
    data: Array.from({ length: options.inputs }, (_, index) => ({
      object: 'embedding' as const,
      index,
      embedding: [0.1, 0.2],
    })),
    usage: { prompt_tokens: options.inputs, total_tokens: options.inputs },
  };
  return withMetadata(response, fakeCallMetadata({ model: options.model, usage: null }));
}
