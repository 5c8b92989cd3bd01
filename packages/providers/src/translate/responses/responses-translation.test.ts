import { chatCompletionSchema, parseChatCompletionRequest, parseResponsesCreateRequest, responsesStreamEventSchema, type ChatCompletionChunk } from '@tollgate/core';
import { aggregateChunks } from '../../testing-internal/aggregate-chunks.js';
import { chatCompletionToResponse } from './chat-completion-to-response.js';
import { createResponsesStreamTranslator } from './chat-stream-to-response-events.js';
import { chatChunksFromResponseEvents } from './response-events-to-chat-chunks.js';
import { responseShell } from './response-shell.js';
import { responsesRequestToChat } from './responses-request-to-chat.js';
import { responseToChatCompletion } from './response-to-chat-completion.js';
import { comparableOutput, countingIds, recordedEvents, recordedRequestBody, recordedResponse, recordedResponsesCases } from './responses-test-kit.js';

const requestCases = recordedResponsesCases('request.json');
const responseCases = recordedResponsesCases('response.json');
const streamCases = recordedResponsesCases('response.sse');

it('finds the recorded Responses payloads', () => {
  expect([requestCases.length, responseCases.length, streamCases.length]).toEqual([12, 6, 6]);
});

describe('Responses request → chat request, on every recorded request', () => {
  it.each(requestCases)('%s: a valid chat request with the same conversation', (name) => {
    const request = parseResponsesCreateRequest(recordedRequestBody(name));
    const chat = parseChatCompletionRequest(responsesRequestToChat(request));
    expect(chat.model).toBe(request.model);
    expect(chat.tools?.map((tool) => tool.function.name)).toEqual(request.tools?.map((tool) => tool.name));
    expect(chat.max_completion_tokens).toBe(request.max_output_tokens ?? undefined);
    expect(chat.reasoning_effort).toBe(request.reasoning?.effort ?? undefined);
    expect(chat).not.toHaveProperty('store');
  });

  it('replays a function call and its output as an assistant tool call and a tool message', () => {
    const chat = responsesRequestToChat(parseResponsesCreateRequest(recordedRequestBody('responses-function-call-output')));
    expect(chat.messages).toEqual([
      { role: 'system', content: 'You are a helpful assistant' },
      { role: 'user', content: "What's the weather in Florence,Italy?" },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_6Y7U4KSBYYYDJIEL0QdvBtzW', type: 'function', function: { name: 'weather', arguments: '{"location":"Florence, Italy"}' } }] },
      { role: 'tool', tool_call_id: 'call_6Y7U4KSBYYYDJIEL0QdvBtzW', content: '40 C' },
    ]);
    expect(chat.tool_choice).toBe('auto');
  });

  it('maps text.format json_schema to response_format, and instructions first', () => {
    const body = recordedRequestBody('responses-structured-output');
    const request = parseResponsesCreateRequest({ ...body, instructions: 'Answer in JSON.' });
    const chat = responsesRequestToChat(request);
    const format = request.text?.format;
    expect(format?.type).toBe('json_schema');
    expect(chat.response_format).toEqual({ type: 'json_schema', json_schema: expect.objectContaining({ name: format?.type === 'json_schema' ? format.name : '', schema: format?.type === 'json_schema' ? format.schema : {} }) });
    expect(chat.messages[0]).toEqual({ role: 'system', content: 'Answer in JSON.' });
  });

  it('puts the stored history before the input, and a reasoning summary on the turn it led to', () => {
    const chat = responsesRequestToChat(parseResponsesCreateRequest({ model: 'm', input: 'next' }), {
      history: [
        { role: 'user', content: 'first' },
        { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: 'thinking' }], encrypted_content: 'opaque' },
        { type: 'message', id: 'msg_1', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'answer' }] },
      ],
    });
    expect(chat.messages).toEqual([
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'answer', reasoning_content: 'thinking' },
      { role: 'user', content: 'next' },
    ]);
  });

  it('keeps images and files as chat content parts', () => {
    const chat = responsesRequestToChat(
      parseResponsesCreateRequest({
        model: 'm',
        input: [{ role: 'user', content: [{ type: 'input_text', text: 'look' }, { type: 'input_image', image_url: 'data:image/png;base64,AAAA', detail: 'low' }, { type: 'input_file', file_id: 'file_1' }] }],
      }),
    );
    expect(chat.messages[0]?.content).toEqual([
      { type: 'text', text: 'look' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA', detail: 'low' } },
      { type: 'file', file: { file_id: 'file_1' } },
    ]);
  });
});

describe('recorded Response → chat completion → Response', () => {
  it.each(responseCases)('%s: same output, status and usage', (name) => {
    const recorded = recordedResponse(name);
    const chat = chatCompletionSchema.parse(responseToChatCompletion(recorded));
    const shell = responseShell(parseResponsesCreateRequest(recordedRequestBody(name)), { id: recorded.id, createdAt: recorded.created_at, store: recorded.store });
    const back = chatCompletionToResponse(chat, { shell, newId: countingIds(), completedAt: recorded.created_at });
    expect(comparableOutput(back)).toEqual(comparableOutput(recorded));
    expect(back.status).toBe(recorded.status);
    expect(back.usage).toEqual(recorded.usage);
    expect(back.model).toBe(recorded.model);
  });
});

describe('recorded stream → chat chunks → Response events', () => {
  it.each(streamCases)('%s: the chunks fold to the recorded final Response, and translate back to the same output', (name) => {
    const events = recordedEvents(name);
    const final = events.at(-1);
    if (final?.type !== 'response.completed') throw new Error(`${name} does not end with response.completed`);
    const toChat = chatChunksFromResponseEvents();
    const chunks: ChatCompletionChunk[] = events.flatMap((event) => toChat.event(event));
    const folded = aggregateChunks(chunks).choices[0];
    const expected = responseToChatCompletion(final.response).choices[0]?.message;
    expect(folded?.content ?? null).toBe(expected?.content ?? null);
    expect(folded?.reasoning_content ?? null).toBe(expected?.reasoning_content ?? null);
    expect(folded?.tool_calls).toEqual(expected?.tool_calls ?? []);

    const shell = responseShell(parseResponsesCreateRequest(recordedRequestBody(name)), { id: final.response.id, createdAt: final.response.created_at, store: false });
    const translator = createResponsesStreamTranslator({ shell, newId: countingIds() });
    const translated = [...translator.start(), ...chunks.flatMap((chunk) => translator.chunk(chunk)), ...translator.finish({ completedAt: 1 })];
    translated.forEach((event, index) => {
      expect(responsesStreamEventSchema.parse(event).sequence_number).toBe(index);
    });
    const completed = translated.at(-1);
    expect(completed?.type).toBe('response.completed');
    expect(completed?.type === 'response.completed' && comparableOutput(completed.response)).toEqual(comparableOutput(final.response));
    expect(completed?.type === 'response.completed' && completed.response.usage).toEqual(final.response.usage);
  });

  it('turns an error event into a ProviderError', () => {
    const toChat = chatChunksFromResponseEvents();
    expect(() => toChat.event({ type: 'error', sequence_number: 2, code: 'insufficient_quota', message: 'quota', param: null })).toThrow(
      expect.objectContaining({ code: 'insufficient_quota', message: 'quota' }),
    );
  });
});
