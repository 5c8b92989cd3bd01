import { ProviderError } from '@tollgate/core';
import { readJsonFixture, testContext } from '../../testing-internal/native-adapter-test-kit.js';
import { fromAnthropicResponse } from './from-anthropic-response.js';

const fixtures = `${__dirname}/__fixtures__`;
const context = testContext({ providerId: 'anthropic', model: 'claude-sonnet-4-5', apiBase: 'https://api.anthropic.com' });

describe('fromAnthropicResponse', () => {
  it('maps a text reply with usage', () => {
    const completion = fromAnthropicResponse(readJsonFixture(fixtures, 'chat-basic.json'), context);
    expect(completion).toEqual({
      id: 'msg_01Tg7hQd2xVbN4sLpR8wKcYe',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'claude-sonnet-4-5-20250929',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Bonjour ! Je vais bien, merci.' },
          finish_reason: 'stop',
          provider_specific_fields: { native_finish_reason: 'end_turn' },
        },
      ],
      usage: {
        prompt_tokens: 21,
        completion_tokens: 12,
        total_tokens: 33,
        prompt_tokens_details: { cached_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0 },
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    });
  });

  it('maps text plus a tool_use block to content plus tool_calls', () => {
    const completion = fromAnthropicResponse(readJsonFixture(fixtures, 'chat-tool-call.json'), context);
    expect(completion.choices[0]).toMatchObject({
      message: {
        content: 'Let me look up the forecast for Lisbon.',
        tool_calls: [
          { id: 'toolu_01Kd8sJ2qPmW4vNx7tBzRcEf', type: 'function', function: { name: 'get_forecast', arguments: '{"city":"Lisbon","days":3}' } },
        ],
      },
      finish_reason: 'tool_calls',
    });
  });

  it('keeps thinking as reasoning_content and signed thinking_blocks (redacted ones too)', () => {
    const completion = fromAnthropicResponse(readJsonFixture(fixtures, 'chat-thinking.json'), context);
    const message = completion.choices[0]?.message;
    expect(message?.content).toBeNull();
    expect(message?.reasoning_content).toBe(
      'The user wants the forecast for Lisbon. The get_forecast tool takes a city and a number of days; three days is a sensible default.',
    );
    expect(message?.thinking_blocks).toEqual([
      {
        type: 'thinking',
        thinking: 'The user wants the forecast for Lisbon. The get_forecast tool takes a city and a number of days; three days is a sensible default.',
        signature: 'EqQBCkYIBxgCKkDvZ3kX9QmT2sR7pLw8nYc4bJ1hF6gA0eUoI5tK3xV==',
      },
      { type: 'redacted_thinking', data: 'EmwKAhgBEgy3vQz9XkLpR2sT8mYaDcEqWnJ4fH6bG1uI0oK==' },
    ]);
    expect(message?.tool_calls).toHaveLength(1);
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('counts cache reads and writes into prompt_tokens, with both kept apart', () => {
    const completion = fromAnthropicResponse(readJsonFixture(fixtures, 'chat-cache-usage.json'), context);
    expect(completion.usage).toEqual({
      prompt_tokens: 14 + 1850 + 6200,
      completion_tokens: 9,
      total_tokens: 14 + 1850 + 6200 + 9,
      prompt_tokens_details: { cached_tokens: 6200, cache_creation_tokens: 1850 },
      completion_tokens_details: { reasoning_tokens: 0 },
      cache_creation_input_tokens: 1850,
      cache_read_input_tokens: 6200,
    });
  });

  it('maps max_tokens to length', () => {
    const completion = fromAnthropicResponse(readJsonFixture(fixtures, 'chat-max-tokens.json'), context);
    expect(completion.choices[0]).toMatchObject({
      finish_reason: 'length',
      provider_specific_fields: { native_finish_reason: 'max_tokens' },
    });
  });

  it('turns the response_format tool call back into JSON content', () => {
    const completion = fromAnthropicResponse(readJsonFixture(fixtures, 'chat-json-mode.json'), context);
    expect(completion.choices[0]?.message.content).toBe('{"name":"Ada","age":36}');
    expect(completion.choices[0]?.message.tool_calls).toBeUndefined();
    expect(completion.choices[0]?.finish_reason).toBe('stop');
  });

  it('refuses a body that is not a message with a typed error', () => {
    expect(() => fromAnthropicResponse('<html>bad gateway</html>', context)).toThrow(ProviderError);
  });
});
