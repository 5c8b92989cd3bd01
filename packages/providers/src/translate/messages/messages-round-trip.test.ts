// Round-trip properties of the Messages ↔ chat translations, over generated requests, replies and streams.
import fc from 'fast-check';
import {
  chatCompletionRequestSchema,
  messagesStreamEventSchema,
  type ChatCompletion,
  type ChatCompletionChunk,
  type MessagesRequest,
} from '@tollgate/core';
import {
  accumulateMessagesEvents,
  ChatChunksToMessagesEvents,
  chatCompletionToMessagesResponse,
  chatToMessagesRequest,
  MessagesEventsToChatChunks,
  messagesResponseToChatCompletion,
  messagesToChatRequest,
} from '../../index.js';
import { aggregateChunks } from '../../testing-internal/aggregate-chunks.js';

const text = fc.string({ minLength: 1, maxLength: 20 }).filter((value) => value.trim() !== '');
const identifier = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,11}$/);
const cacheControl = fc.option(fc.constant({ type: 'ephemeral' }), { nil: undefined });
const jsonObject = fc.dictionary(identifier, fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean()), { maxKeys: 3 });

const textBlock = fc.record({ type: fc.constant('text' as const), text, cache_control: cacheControl }, { requiredKeys: ['type', 'text'] });
const imageBlock = fc.oneof(
  fc.record({ type: fc.constant('image' as const), source: fc.record({ type: fc.constant('base64' as const), media_type: fc.constantFrom('image/png', 'image/jpeg'), data: fc.base64String({ minLength: 4, maxLength: 16 }) }) }),
  fc.record({ type: fc.constant('image' as const), source: fc.record({ type: fc.constant('url' as const), url: identifier.map((name) => `https://example.com/${name}.png`) }) }),
);
const toolResult = fc.record(
  { type: fc.constant('tool_result' as const), tool_use_id: identifier, content: text, is_error: fc.constant(true), cache_control: cacheControl },
  { requiredKeys: ['type', 'tool_use_id', 'content'] },
);
// Tool results come first in a user turn (Anthropic requires it), then text and images.
const userTurn = fc.oneof(
  text.map((content) => ({ role: 'user' as const, content })),
  fc
    .tuple(fc.array(toolResult, { maxLength: 2 }), fc.array(fc.oneof(textBlock, imageBlock), { maxLength: 3 }))
    .filter(([results, rest]) => results.length + rest.length > 0)
    .map(([results, rest]) => ({ role: 'user' as const, content: [...results, ...rest] })),
);
const thinkingBlock = fc.oneof(
  fc.record({ type: fc.constant('thinking' as const), thinking: text, signature: fc.base64String({ minLength: 4, maxLength: 12 }) }),
  fc.record({ type: fc.constant('redacted_thinking' as const), data: fc.base64String({ minLength: 4, maxLength: 12 }) }),
);
const toolUse = fc.record({ type: fc.constant('tool_use' as const), id: identifier.map((id) => `toolu_${id}`), name: identifier, input: jsonObject });
// Signed thinking first, then text, then tool calls: the order Anthropic produces and wants back.
const assistantTurn = fc
  .tuple(fc.array(thinkingBlock, { maxLength: 2 }), fc.option(text, { nil: undefined }), fc.array(toolUse, { maxLength: 2 }))
  .filter(([thinking, reply, calls]) => thinking.length + calls.length > 0 || reply !== undefined)
  .map(([thinking, reply, calls]) => ({
    role: 'assistant' as const,
    content: [...thinking, ...(reply === undefined ? [] : [{ type: 'text' as const, text: reply }]), ...calls],
  }));
const conversation = fc
  .array(fc.tuple(userTurn, assistantTurn), { minLength: 1, maxLength: 3 })
  .chain((pairs) => fc.tuple(fc.constant(pairs.flat()), fc.boolean()))
  .map(([turns, endWithUser]) => (endWithUser ? turns : turns.slice(0, -1)));
const tool = fc.record(
  { name: identifier, description: fc.option(text, { nil: undefined }), input_schema: fc.constant({ type: 'object', properties: { q: { type: 'string' } } }), cache_control: cacheControl },
  { requiredKeys: ['name', 'input_schema'] },
);

const messagesRequest: fc.Arbitrary<MessagesRequest> = fc
  .record(
    {
      model: fc.constant('claude-sonnet-4-5'),
      messages: conversation,
      max_tokens: fc.integer({ min: 2048, max: 64_000 }),
      system: fc.oneof(text, fc.array(textBlock, { minLength: 1, maxLength: 3 })),
      stop_sequences: fc.array(text, { minLength: 1, maxLength: 2 }),
      temperature: fc.double({ min: 0, max: 1, noNaN: true }),
      top_p: fc.double({ min: 0, max: 1, noNaN: true }),
      top_k: fc.integer({ min: 1, max: 100 }),
      metadata: fc.record({ user_id: identifier }),
      tools: fc.array(tool, { minLength: 1, maxLength: 3 }),
      tool_choice: fc.oneof(fc.constant({ type: 'auto' as const }), fc.constant({ type: 'any' as const }), fc.constant({ type: 'none' as const })),
      thinking: fc.integer({ min: 1024, max: 2000 }).map((budget) => ({ type: 'enabled' as const, budget_tokens: budget })),
      stream: fc.boolean(),
    },
    { requiredKeys: ['model', 'messages', 'max_tokens'] },
  )
  .filter((request) => request.tool_choice === undefined || request.tools !== undefined);

/** What a Messages request means, free of the forms that say the same (text as a string or as one block). */
function normalized(request: MessagesRequest): unknown {
  const blocks = (content: unknown) => (typeof content === 'string' ? [{ type: 'text', text: content }] : content);
  const { system, messages, stream, ...rest } = request;
  return {
    ...rest,
    stream: stream === true,
    ...(system === undefined ? {} : { system: blocks(system) }),
    messages: messages.map((message) => ({ role: message.role, content: blocks(message.content) })),
  };
}

describe('Messages ↔ chat round trips', () => {
  it('a Messages request → chat → Messages means the same (to an Anthropic deployment)', () => {
    fc.assert(
      fc.property(messagesRequest, (request) => {
        const chat = messagesToChatRequest(request, { nativeAnthropic: true });
        expect(chatCompletionRequestSchema.safeParse(chat).error).toBeUndefined();
        expect(normalized(chatToMessagesRequest(chat))).toEqual(normalized(request));
      }),
      { numRuns: 200 },
    );
  });

  const completion: fc.Arbitrary<ChatCompletion> = fc
    .record({
      content: fc.option(text, { nil: null }),
      thinking: fc.option(fc.tuple(text, fc.base64String({ minLength: 4, maxLength: 12 })), { nil: undefined }),
      calls: fc.array(fc.tuple(identifier, identifier, jsonObject), { maxLength: 3 }),
      finish: fc.constantFrom('stop' as const, 'length' as const),
      prompt: fc.nat(5000),
      cached: fc.nat(500),
      written: fc.nat(500),
      output: fc.nat(5000),
    })
    .filter((draft) => draft.content !== null || draft.calls.length > 0 || draft.thinking !== undefined)
    .map((draft) => ({
      id: 'msg_generated',
      object: 'chat.completion' as const,
      created: 1,
      model: 'claude-sonnet-4-5',
      choices: [
        {
          index: 0,
          finish_reason: draft.calls.length > 0 ? ('tool_calls' as const) : draft.finish,
          message: {
            role: 'assistant' as const,
            content: draft.content,
            ...(draft.thinking
              ? { reasoning_content: draft.thinking[0], thinking_blocks: [{ type: 'thinking' as const, thinking: draft.thinking[0], signature: draft.thinking[1] }] }
              : {}),
            ...(draft.calls.length > 0
              ? { tool_calls: draft.calls.map(([id, name, input]) => ({ id: `toolu_${id}`, type: 'function' as const, function: { name, arguments: JSON.stringify(input) } })) }
              : {}),
          },
        },
      ],
      usage: {
        prompt_tokens: draft.prompt + draft.cached + draft.written,
        completion_tokens: draft.output,
        total_tokens: draft.prompt + draft.cached + draft.written + draft.output,
        prompt_tokens_details: { cached_tokens: draft.cached, cache_creation_tokens: draft.written },
      },
    }));

  it('a chat completion → Messages → chat keeps text, thinking, tool calls, finish reason and usage', () => {
    fc.assert(
      fc.property(completion, (original) => {
        const back = messagesResponseToChatCompletion(chatCompletionToMessagesResponse(original));
        const [before, after] = [original.choices[0]!, back.choices[0]!];
        expect(after.message.content ?? null).toEqual(before.message.content);
        expect(after.message.reasoning_content ?? undefined).toEqual(before.message.reasoning_content);
        expect(after.message.thinking_blocks ?? undefined).toEqual(before.message.thinking_blocks);
        expect(after.message.tool_calls ?? undefined).toEqual(before.message.tool_calls);
        expect(after.finish_reason).toBe(before.finish_reason);
        expect(back.usage?.prompt_tokens).toBe(original.usage?.prompt_tokens);
        expect(back.usage?.completion_tokens).toBe(original.usage?.completion_tokens);
        // Zero counts may be left out.
        expect(back.usage?.prompt_tokens_details?.cached_tokens ?? 0).toBe(original.usage?.prompt_tokens_details?.cached_tokens);
        expect(back.usage?.prompt_tokens_details?.cache_creation_tokens ?? 0).toBe(original.usage?.prompt_tokens_details?.cache_creation_tokens);
      }),
      { numRuns: 200 },
    );
  });

  /** A completion streamed as chat chunks, its text and arguments cut where the generated cuts say. */
  function streamed(completion: ChatCompletion, cuts: number[]): ChatCompletionChunk[] {
    const base = { id: completion.id, object: 'chat.completion.chunk' as const, created: 1, model: completion.model };
    const chunk = (delta: Record<string, unknown>, finish: string | null = null): ChatCompletionChunk => ({
      ...base,
      choices: [{ index: 0, delta, finish_reason: finish as never }],
    });
    const pieces = (value: string) => {
      const at = [...new Set(cuts.map((cut) => cut % (value.length + 1)))].sort((a, b) => a - b);
      return [0, ...at, value.length].slice(1).map((end, index, ends) => value.slice(index === 0 ? 0 : ends[index - 1], end)).filter((piece) => piece !== '');
    };
    const message = completion.choices[0]!.message;
    const chunks = [chunk({ role: 'assistant' })];
    const thinking = message.thinking_blocks?.[0];
    if (thinking?.type === 'thinking') {
      for (const piece of pieces(thinking.thinking)) chunks.push(chunk({ reasoning_content: piece }));
      chunks.push(chunk({ thinking_blocks: [thinking] }));
    }
    for (const piece of pieces(message.content ?? '')) chunks.push(chunk({ content: piece }));
    (message.tool_calls ?? []).forEach((call, index) => {
      chunks.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }));
      for (const piece of pieces(call.function.arguments)) chunks.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
    });
    chunks.push(chunk({}, completion.choices[0]!.finish_reason));
    return chunks;
  }

  it('a chat stream → Messages events → chat chunks folds into the same answer, however it was cut', () => {
    fc.assert(
      fc.property(completion, fc.array(fc.nat(40), { maxLength: 6 }), (original, cuts) => {
        const chunks = streamed(original, cuts);
        const toMessages = new ChatChunksToMessagesEvents({ model: original.model });
        const events = [...chunks.flatMap((chunk) => toMessages.push(chunk)), ...toMessages.finish(original.usage)];
        for (const event of events) expect(messagesStreamEventSchema.safeParse(event).error).toBeUndefined();
        // The events fold into the same message as the completion translated whole.
        const folded = accumulateMessagesEvents(events);
        const whole = chatCompletionToMessagesResponse(original);
        expect(folded.content).toEqual(whole.content);
        expect(folded.stop_reason).toBe(whole.stop_reason);
        expect(folded.usage).toEqual(whole.usage);
        const toChat = new MessagesEventsToChatChunks({ model: original.model });
        const back = aggregateChunks(events.flatMap((event) => toChat.push(event)));
        const before = aggregateChunks(chunks);
        expect(back.choices[0]?.content ?? null).toEqual(before.choices[0]?.content ?? null);
        expect(back.choices[0]?.reasoning_content ?? null).toEqual(before.choices[0]?.reasoning_content ?? null);
        expect(back.choices[0]?.tool_calls).toEqual(before.choices[0]?.tool_calls);
        expect(back.choices[0]?.finish_reason).toBe(before.choices[0]?.finish_reason);
      }),
      { numRuns: 200 },
    );
  });
});
