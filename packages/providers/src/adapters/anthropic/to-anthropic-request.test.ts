import { BadRequestError, parseChatCompletionRequest, type ChatCompletionRequest } from '@tollgate/core';
import { testContext } from '../../testing-internal/native-adapter-test-kit.js';
import { toAnthropicRequest } from './to-anthropic-request.js';

const context = testContext({ providerId: 'anthropic', model: 'claude-sonnet-4-5', apiBase: 'https://api.anthropic.com' });

function request(body: Record<string, unknown>): ChatCompletionRequest {
  return parseChatCompletionRequest({ model: 'anthropic/claude-sonnet-4-5', ...body });
}

const forecastTool = {
  type: 'function',
  function: {
    name: 'get_forecast',
    description: 'Weather forecast for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

describe('toAnthropicRequest', () => {
  it('posts to /v1/messages with x-api-key and anthropic-version, system lifted to the top level', () => {
    const spec = toAnthropicRequest(
      request({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'developer', content: 'Answer in French.' },
          { role: 'user', content: 'Hello' },
        ],
        temperature: 0.2,
        stop: 'END',
        user: 'user-42',
      }),
      context,
    );
    expect(spec.url).toBe('https://api.anthropic.com/v1/messages');
    expect(spec.method).toBe('POST');
    expect(spec.headers).toMatchObject({ 'x-api-key': 'test-key', 'anthropic-version': '2023-06-01' });
    expect(spec.headers['authorization']).toBeUndefined();
    expect(spec.body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 4096,
      system: [
        { type: 'text', text: 'Be brief.' },
        { type: 'text', text: 'Answer in French.' },
      ],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
      temperature: 0.2,
      stop_sequences: ['END'],
      metadata: { user_id: 'user-42' },
    });
  });

  it('honours apiVersion and bases ending in /v1, and sets stream on streams', () => {
    const spec = toAnthropicRequest(request({ messages: [{ role: 'user', content: 'Hi' }], max_tokens: 50 }), {
      ...context,
      apiBase: 'http://127.0.0.1:9999/v1',
      apiVersion: '2024-01-01',
      stream: true,
    });
    expect(spec.url).toBe('http://127.0.0.1:9999/v1/messages');
    expect(spec.headers['anthropic-version']).toBe('2024-01-01');
    expect(spec.body).toMatchObject({ max_tokens: 50, stream: true });
  });

  it('maps tools, tool_choice and parallel_tool_calls', () => {
    const body = (extra: Record<string, unknown>) =>
      toAnthropicRequest(request({ messages: [{ role: 'user', content: 'Forecast?' }], tools: [forecastTool], ...extra }), context)
        .body as Record<string, unknown>;
    expect(body({}).tools).toEqual([
      {
        name: 'get_forecast',
        description: 'Weather forecast for a city',
        input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      },
    ]);
    expect(body({}).tool_choice).toBeUndefined();
    expect(body({ tool_choice: 'auto' }).tool_choice).toEqual({ type: 'auto' });
    expect(body({ tool_choice: 'required' }).tool_choice).toEqual({ type: 'any' });
    expect(body({ tool_choice: 'none' }).tool_choice).toEqual({ type: 'none' });
    expect(body({ tool_choice: { type: 'function', function: { name: 'get_forecast' } } }).tool_choice).toEqual({
      type: 'tool',
      name: 'get_forecast',
    });
    expect(body({ parallel_tool_calls: false }).tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: true });
    expect(body({ tool_choice: 'required', parallel_tool_calls: true }).tool_choice).toEqual({
      type: 'any',
      disable_parallel_tool_use: false,
    });
  });

  it('turns a tool loop into tool_use blocks and one merged user turn of tool_result blocks', () => {
    const spec = toAnthropicRequest(
      request({
        messages: [
          { role: 'user', content: 'Forecast for Lisbon and Porto?' },
          {
            role: 'assistant',
            content: 'Checking both.',
            tool_calls: [
              { id: 'toolu_A', type: 'function', function: { name: 'get_forecast', arguments: '{"city":"Lisbon"}' } },
              { id: 'toolu_B', type: 'function', function: { name: 'get_forecast', arguments: '' } },
            ],
          },
          { role: 'tool', tool_call_id: 'toolu_A', content: 'Sunny, 24 C' },
          { role: 'tool', tool_call_id: 'toolu_B', content: [{ type: 'text', text: 'Rain, 17 C' }] },
          { role: 'user', content: 'Thanks, which is warmer?' },
        ],
      }),
      context,
    );
    expect((spec.body as Record<string, unknown>)['messages']).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Forecast for Lisbon and Porto?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking both.' },
          { type: 'tool_use', id: 'toolu_A', name: 'get_forecast', input: { city: 'Lisbon' } },
          { type: 'tool_use', id: 'toolu_B', name: 'get_forecast', input: {} },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_A', content: 'Sunny, 24 C' },
          { type: 'tool_result', tool_use_id: 'toolu_B', content: [{ type: 'text', text: 'Rain, 17 C' }] },
          { type: 'text', text: 'Thanks, which is warmer?' },
        ],
      },
    ]);
  });

  it('sends thinking blocks back first, unchanged, on assistant turns that carry them', () => {
    const spec = toAnthropicRequest(
      request({
        messages: [
          { role: 'user', content: 'Forecast?' },
          {
            role: 'assistant',
            content: null,
            reasoning_content: 'I should call the tool.',
            thinking_blocks: [
              { type: 'thinking', thinking: 'I should call the tool.', signature: 'sig-123' },
              { type: 'redacted_thinking', data: 'opaque' },
            ],
            tool_calls: [{ id: 'toolu_C', type: 'function', function: { name: 'get_forecast', arguments: '{"city":"Faro"}' } }],
          },
          { role: 'tool', tool_call_id: 'toolu_C', content: 'Windy' },
        ],
      }),
      context,
    );
    const messages = (spec.body as { messages: { content: unknown[] }[] }).messages;
    expect(messages[1]?.content).toEqual([
      { type: 'thinking', thinking: 'I should call the tool.', signature: 'sig-123' },
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'tool_use', id: 'toolu_C', name: 'get_forecast', input: { city: 'Faro' } },
    ]);
  });

  it('maps images (data URLs and links) and keeps cache_control on parts, messages and tools', () => {
    const spec = toAnthropicRequest(
      request({
        messages: [
          { role: 'system', content: [{ type: 'text', text: 'Long policy…', cache_control: { type: 'ephemeral' } }] },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is in these?' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
              { type: 'image_url', image_url: 'https://example.com/cat.jpg' },
            ],
            cache_control: { type: 'ephemeral', ttl: '1h' },
          },
        ],
        tools: [{ ...forecastTool, cache_control: { type: 'ephemeral' } }],
      }),
      context,
    );
    const body = spec.body as Record<string, unknown>;
    expect(body['system']).toEqual([{ type: 'text', text: 'Long policy…', cache_control: { type: 'ephemeral' } }]);
    expect(body['messages']).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is in these?' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
          { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' }, cache_control: { type: 'ephemeral', ttl: '1h' } },
        ],
      },
    ]);
    expect((body['tools'] as Record<string, unknown>[])[0]?.['cache_control']).toEqual({ type: 'ephemeral' });
  });

  it('maps reasoning_effort to a thinking budget and makes room for it in max_tokens', () => {
    const body = (extra: Record<string, unknown>) =>
      toAnthropicRequest(request({ messages: [{ role: 'user', content: 'Think.' }], ...extra }), context).body as Record<string, unknown>;
    expect(body({ reasoning_effort: 'low' })).toMatchObject({ thinking: { type: 'enabled', budget_tokens: 1024 }, max_tokens: 5120 });
    expect(body({ reasoning_effort: 'medium' })['thinking']).toEqual({ type: 'enabled', budget_tokens: 2048 });
    expect(body({ reasoning_effort: 'high', max_tokens: 10000 })).toMatchObject({
      thinking: { type: 'enabled', budget_tokens: 4096 },
      max_tokens: 10000,
    });
    expect(body({ reasoning_effort: 'minimal' })['thinking']).toEqual({ type: 'enabled', budget_tokens: 1024 });
    expect(body({ reasoning_effort: 'none' })['thinking']).toBeUndefined();
    // Anthropic's own `thinking` param wins and is forwarded as given.
    expect(body({ reasoning_effort: 'low', thinking: { type: 'enabled', budget_tokens: 3000 } })).toMatchObject({
      thinking: { type: 'enabled', budget_tokens: 3000 },
      max_tokens: 7096,
    });
  });

  it('forwards provider-specific params and max_completion_tokens', () => {
    const body = toAnthropicRequest(
      request({ messages: [{ role: 'user', content: 'Hi' }], max_completion_tokens: 300, top_k: 5, metadata: { tag: 'x' } }),
      context,
    ).body as Record<string, unknown>;
    expect(body).toMatchObject({ max_tokens: 300, top_k: 5 });
    // OpenAI `metadata` is Tollgate's (spend tags), not Anthropic's `metadata.user_id`.
    expect(body['metadata']).toBeUndefined();
  });

  it('asks for JSON through a forced tool when response_format is set', () => {
    const body = toAnthropicRequest(
      request({
        messages: [{ role: 'user', content: 'Give me a person.' }],
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'person', schema: { type: 'object', properties: { name: { type: 'string' } } } },
        },
      }),
      context,
    ).body as Record<string, unknown>;
    expect(body['tools']).toEqual([
      expect.objectContaining({ name: 'json_tool_call', input_schema: { type: 'object', properties: { name: { type: 'string' } } } }),
    ]);
    expect(body['tool_choice']).toEqual({ type: 'tool', name: 'json_tool_call' });
  });

  it('sends no tool_choice without tools, and does not force the JSON tool while thinking', () => {
    const noTools = toAnthropicRequest(request({ messages: [{ role: 'user', content: 'Hi' }], parallel_tool_calls: false }), context)
      .body as Record<string, unknown>;
    expect(noTools['tool_choice']).toBeUndefined();
    const thinkingJson = toAnthropicRequest(
      request({ messages: [{ role: 'user', content: 'A person' }], response_format: { type: 'json_object' }, reasoning_effort: 'low' }),
      context,
    ).body as Record<string, unknown>;
    expect(thinkingJson['tools']).toEqual([expect.objectContaining({ name: 'json_tool_call' })]);
    expect(thinkingJson['tool_choice']).toBeUndefined();
  });

  it('rejects what Anthropic cannot take, naming the param', () => {
    expect(() =>
      toAnthropicRequest(
        request({ messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAA=', format: 'wav' } }] }] }),
        context,
      ),
    ).toThrow(expect.objectContaining({ param: 'messages[0].content[0]' }));
    expect(() =>
      toAnthropicRequest(
        request({
          messages: [
            { role: 'user', content: 'x' },
            { role: 'assistant', tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '{oops' } }] },
          ],
        }),
        context,
      ),
    ).toThrow(BadRequestError);
  });
});
