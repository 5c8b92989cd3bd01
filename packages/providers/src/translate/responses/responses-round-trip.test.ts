import fc from 'fast-check';
import { parseResponsesCreateRequest, responsesStreamEventSchema, type ChatCompletion, type ChatCompletionChunk, type ChatCompletionRequest, type ChatMessage } from '@tollgate/core';
import { aggregateChunks } from '../../testing-internal/aggregate-chunks.js';
import { chatCompletionToResponse } from './chat-completion-to-response.js';
import { chatRequestToResponses } from './chat-request-to-responses.js';
import { createResponsesStreamTranslator } from './chat-stream-to-response-events.js';
import { chatChunksFromResponseEvents } from './response-events-to-chat-chunks.js';
import { responseShell } from './response-shell.js';
import { responsesRequestToChat } from './responses-request-to-chat.js';
import { responseToChatCompletion } from './response-to-chat-completion.js';
import { comparableOutput, countingIds } from './responses-test-kit.js';

const text = fc.string({ minLength: 1, maxLength: 20 });
const name = fc.stringMatching(/^[a-z_]{1,12}$/);
const callId = fc.stringMatching(/^call_[A-Za-z0-9]{4,10}$/);
const toolCall = fc.record({ id: callId, type: fc.constant('function' as const), function: fc.record({ name, arguments: fc.json() }) });

/** One turn: the user, then maybe the assistant (text, tool calls, or both) with each call's result. */
const turn: fc.Arbitrary<ChatMessage[]> = fc
  .record({
    user: text,
    assistant: fc.option(fc.record({ content: fc.option(text, { nil: null }), calls: fc.array(toolCall, { maxLength: 3 }) }), { nil: undefined }),
  })
  .map(({ user, assistant }) => {
    const messages: ChatMessage[] = [{ role: 'user', content: user }];
    if (!assistant || (assistant.content === null && assistant.calls.length === 0)) return messages;
    messages.push({ role: 'assistant', content: assistant.content, ...(assistant.calls.length > 0 ? { tool_calls: assistant.calls } : {}) });
    for (const call of assistant.calls) messages.push({ role: 'tool', tool_call_id: call.id, content: `result of ${call.function.name}` });
    return messages;
  });

const chatRequest: fc.Arbitrary<ChatCompletionRequest> = fc
  .record(
    {
      system: fc.option(fc.constantFrom<'system' | 'developer'>('system', 'developer').chain((role) => text.map((content) => ({ role, content }))), { nil: undefined }),
      turns: fc.array(turn, { minLength: 1, maxLength: 4 }),
      tools: fc.array(fc.record({ type: fc.constant('function' as const), function: fc.record({ name, description: text, parameters: fc.constant({ type: 'object', properties: {} }) }) }), { maxLength: 2 }),
      tool_choice: fc.constantFrom('auto' as const, 'none' as const, 'required' as const),
      temperature: fc.double({ min: 0, max: 2, noNaN: true }),
      top_p: fc.double({ min: 0, max: 1, noNaN: true }),
      max_completion_tokens: fc.integer({ min: 1, max: 100_000 }),
      reasoning_effort: fc.constantFrom('low' as const, 'medium' as const, 'high' as const),
      response_format: fc.oneof(fc.constant({ type: 'json_object' as const }), fc.record({ type: fc.constant('json_schema' as const), json_schema: fc.record({ name, schema: fc.constant({ type: 'object' }), strict: fc.boolean() }) })),
      user: text,
    },
    { requiredKeys: ['turns'] },
  )
  .map(({ system, turns, tools, ...rest }) => {
    const request: ChatCompletionRequest = { model: 'openai/gpt-4o', messages: [...(system ? [system] : []), ...turns.flat()], ...rest };
    if (tools && tools.length > 0) request.tools = tools;
    return request;
  });

describe('round trips (fast-check)', () => {
  it('chat request → Responses request → chat request is the identity', () => {
    fc.assert(
      fc.property(chatRequest, (request) => {
        const responses = parseResponsesCreateRequest(JSON.parse(JSON.stringify(chatRequestToResponses(request))));
        expect(responsesRequestToChat(responses)).toEqual(request);
      }),
      { numRuns: 300 },
    );
  });

  const completion: fc.Arbitrary<ChatCompletion> = fc
    .record({
      content: fc.option(text, { nil: null }),
      refusal: fc.option(text, { nil: undefined }),
      reasoning: fc.option(text, { nil: undefined }),
      calls: fc.array(toolCall, { maxLength: 3 }),
      finish: fc.constantFrom('stop' as const, 'length' as const, 'content_filter' as const),
      prompt: fc.nat(10_000),
      cached: fc.nat(10_000),
      output: fc.nat(10_000),
      reasoningTokens: fc.nat(10_000),
    })
    .map(({ content, refusal, reasoning, calls, finish, prompt, cached, output, reasoningTokens }) => ({
      id: 'chatcmpl-1',
      object: 'chat.completion' as const,
      created: 1_700_000_000,
      model: 'gpt-4o-2024-08-06',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant' as const,
            content,
            ...(refusal === undefined ? {} : { refusal }),
            ...(reasoning === undefined ? {} : { reasoning_content: reasoning }),
            ...(calls.length > 0 ? { tool_calls: calls } : {}),
          },
          finish_reason: calls.length > 0 && finish === 'stop' ? ('tool_calls' as const) : finish,
        },
      ],
      usage: {
        prompt_tokens: prompt + cached,
        completion_tokens: output + reasoningTokens,
        total_tokens: prompt + cached + output + reasoningTokens,
        prompt_tokens_details: { cached_tokens: cached },
        completion_tokens_details: { reasoning_tokens: reasoningTokens },
      },
    }));
  const shell = responseShell(parseResponsesCreateRequest({ model: 'gpt-4o' }), { id: 'resp_1', createdAt: 1_700_000_000, store: true });

  it('chat completion → Response → chat completion is the identity', () => {
    fc.assert(
      fc.property(completion, (chat) => {
        const response = chatCompletionToResponse(chat, { shell, newId: countingIds(), completedAt: 1_700_000_001 });
        expect(responseToChatCompletion(response)).toEqual({ ...chat, id: 'resp_1' });
      }),
      { numRuns: 300 },
    );
  });

  /** A completion as chunks, its texts and arguments cut at the given points. */
  function chunksOf(chat: ChatCompletion, cuts: readonly number[]): ChatCompletionChunk[] {
    const base = { id: chat.id, object: 'chat.completion.chunk' as const, created: chat.created, model: chat.model };
    const choice = chat.choices[0];
    const pieces = (value: string) => {
      const points = [...new Set(cuts.map((cut) => cut % (value.length + 1)))].sort((left, right) => left - right);
      return [0, ...points, value.length].slice(1).map((end, index, ends) => value.slice(index === 0 ? 0 : ends[index - 1], end)).filter((piece) => piece !== '');
    };
    const delta = (value: ChatCompletionChunk['choices'][number]['delta'], finish: ChatCompletionChunk['choices'][number]['finish_reason'] = null) => ({ ...base, choices: [{ index: 0, delta: value, finish_reason: finish }] });
    const message = choice?.message;
    const chunks: ChatCompletionChunk[] = [delta({ role: 'assistant' })];
    for (const piece of pieces(message?.reasoning_content ?? '')) chunks.push(delta({ reasoning_content: piece }));
    for (const piece of pieces(message?.content ?? '')) chunks.push(delta({ content: piece }));
    for (const piece of pieces(message?.refusal ?? '')) chunks.push(delta({ refusal: piece }));
    (message?.tool_calls ?? []).forEach((call, index) => {
      chunks.push(delta({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }));
      for (const piece of pieces(call.function.arguments)) chunks.push(delta({ tool_calls: [{ index, function: { arguments: piece } }] }));
    });
    chunks.push(delta({}, choice?.finish_reason ?? 'stop'));
    chunks.push({ ...base, choices: [], usage: chat.usage ?? null });
    return chunks;
  }

  it('streamed and non-streamed answers translate to the same Response, whatever the chunking, and back', () => {
    fc.assert(
      fc.property(completion, fc.array(fc.nat(40), { maxLength: 6 }), (chat, cuts) => {
        const translator = createResponsesStreamTranslator({ shell, newId: countingIds() });
        const events = [...translator.start(), ...chunksOf(chat, cuts).flatMap((chunk) => translator.chunk(chunk)), ...translator.finish({ completedAt: 1_700_000_001 })];
        events.forEach((event, index) => expect(responsesStreamEventSchema.parse(event).sequence_number).toBe(index));
        const expected = chatCompletionToResponse(chat, { shell, newId: countingIds(), completedAt: 1_700_000_001 });
        const streamed = translator.response();
        expect(comparableOutput(streamed)).toEqual(comparableOutput(expected));
        expect([streamed.status, streamed.incomplete_details, streamed.usage]).toEqual([expected.status, expected.incomplete_details, expected.usage]);

        const toChat = chatChunksFromResponseEvents();
        const folded = aggregateChunks(events.flatMap((event) => toChat.event(event)));
        const message = chat.choices[0]?.message;
        expect(folded.choices[0]).toMatchObject({
          content: message?.content ?? null,
          reasoning_content: message?.reasoning_content ?? null,
          tool_calls: message?.tool_calls ?? [],
          finish_reason: chat.choices[0]?.finish_reason,
        });
        expect(folded.usage).toEqual(chat.usage);
      }),
      { numRuns: 300 },
    );
  });
});
