import { parseChatCompletionRequest, type ChatCompletionRequest } from '@tollgate/core';
import { testContext } from '../../testing-internal/native-adapter-test-kit.js';
import { toCohereRequest } from './to-cohere-request.js';

const context = testContext({ providerId: 'cohere', model: 'command-a-03-2025', apiBase: 'https://api.cohere.com' });

function request(body: Record<string, unknown>): ChatCompletionRequest {
  return parseChatCompletionRequest({ model: 'cohere/command-a-03-2025', ...body });
}

const tools = ['get_forecast', 'museums'].map((name) => ({
  type: 'function',
  function: { name, description: `${name} for a city`, parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
}));

describe('toCohereRequest', () => {
  it('posts to /v2/chat with a Bearer key and renamed params', () => {
    const spec = toCohereRequest(
      request({
        messages: [
          { role: 'developer', content: 'Be brief.' },
          { role: 'user', content: 'Capital of Portugal?' },
        ],
        max_tokens: 100,
        temperature: 0.4,
        top_p: 0.8,
        stop: 'END',
        seed: 3,
      }),
      context,
    );
    expect(spec.url).toBe('https://api.cohere.com/v2/chat');
    expect(spec.headers).toMatchObject({ authorization: 'Bearer test-key' });
    expect(spec.body).toEqual({
      model: 'command-a-03-2025',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Capital of Portugal?' },
      ],
      max_tokens: 100,
      temperature: 0.4,
      p: 0.8,
      stop_sequences: ['END'],
      seed: 3,
    });
  });

  it('sets stream in the body and accepts bases ending in /v2', () => {
    const spec = toCohereRequest(request({ messages: [{ role: 'user', content: 'Hi' }] }), { ...context, stream: true, apiBase: 'http://127.0.0.1:1/v2' });
    expect(spec.url).toBe('http://127.0.0.1:1/v2/chat');
    expect(spec.body).toMatchObject({ stream: true });
    expect(spec.headers['accept']).toBe('text/event-stream');
  });

  it('maps tools and tool_choice (a named function narrows the tools and requires one)', () => {
    const body = (extra: Record<string, unknown>) =>
      toCohereRequest(request({ messages: [{ role: 'user', content: 'Plan a day' }], tools, ...extra }), context).body as Record<string, unknown>;
    expect(body({})['tools']).toEqual(tools);
    expect(body({ tool_choice: 'auto' })['tool_choice']).toBeUndefined();
    expect(body({ tool_choice: 'required' })['tool_choice']).toBe('REQUIRED');
    expect(body({ tool_choice: 'none' })['tool_choice']).toBe('NONE');
    const named = body({ tool_choice: { type: 'function', function: { name: 'museums' } } });
    expect(named['tool_choice']).toBe('REQUIRED');
    expect(named['tools']).toEqual([tools[1]]);
  });

  it('sends a tool loop back with the assistant text as tool_plan', () => {
    const body = toCohereRequest(
      request({
        messages: [
          { role: 'user', content: 'Forecast for Lisbon?' },
          {
            role: 'assistant',
            content: 'I will check the forecast.',
            tool_calls: [{ id: 'get_forecast_abc', type: 'function', function: { name: 'get_forecast', arguments: '{"city":"Lisbon"}' } }],
          },
          { role: 'tool', tool_call_id: 'get_forecast_abc', content: 'Sunny' },
        ],
      }),
      context,
    ).body as Record<string, unknown>;
    expect(body['messages']).toEqual([
      { role: 'user', content: 'Forecast for Lisbon?' },
      {
        role: 'assistant',
        tool_plan: 'I will check the forecast.',
        tool_calls: [{ id: 'get_forecast_abc', type: 'function', function: { name: 'get_forecast', arguments: '{"city":"Lisbon"}' } }],
      },
      { role: 'tool', tool_call_id: 'get_forecast_abc', content: 'Sunny' },
    ]);
  });

  it('maps response_format and reasoning_effort', () => {
    const body = (extra: Record<string, unknown>) =>
      toCohereRequest(request({ messages: [{ role: 'user', content: 'x' }], ...extra }), context).body as Record<string, unknown>;
    expect(body({ response_format: { type: 'json_object' } })['response_format']).toEqual({ type: 'json_object' });
    expect(
      body({ response_format: { type: 'json_schema', json_schema: { name: 'p', schema: { type: 'object' } } } })['response_format'],
    ).toEqual({ type: 'json_object', json_schema: { type: 'object' } });
    expect(body({ reasoning_effort: 'high' })['thinking']).toEqual({ type: 'enabled', token_budget: 4096 });
    expect(body({ reasoning_effort: 'none' })['thinking']).toEqual({ type: 'disabled' });
  });

  it('keeps image parts and refuses audio, naming the param', () => {
    const body = toCohereRequest(
      request({ messages: [{ role: 'user', content: [{ type: 'text', text: 'What is it?' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AA==' } }] }] }),
      context,
    ).body as { messages: unknown[] };
    expect(body.messages[0]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'What is it?' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,AA==' } },
      ],
    });
    expect(() =>
      toCohereRequest(request({ messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AA==', format: 'mp3' } }] }] }), context),
    ).toThrow(expect.objectContaining({ param: 'messages[0].content[0]' }));
  });
});
