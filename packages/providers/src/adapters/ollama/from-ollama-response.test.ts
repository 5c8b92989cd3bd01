import { NotFoundError, ProviderError } from '@tollgate/core';
import { readJsonFixture, testContext } from '../../testing-internal/native-adapter-test-kit.js';
import { fromOllamaResponse } from './from-ollama-response.js';
import { ollamaError } from './ollama-error.js';

const fixtures = `${__dirname}/__fixtures__`;
const context = testContext({ providerId: 'ollama', model: 'llama3.2', apiBase: 'http://localhost:11434' });

describe('fromOllamaResponse', () => {
  it('maps a reply with its counters and creation time', () => {
    expect(fromOllamaResponse(readJsonFixture(fixtures, 'chat-basic.json'), context)).toEqual({
      id: 'chatcmpl-req-test',
      object: 'chat.completion',
      created: Math.floor(Date.parse('2025-03-14T09:26:53.589793Z') / 1000),
      model: 'llama3.2',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'The sky looks blue because air scatters short wavelengths most.' },
          finish_reason: 'stop',
          provider_specific_fields: { native_finish_reason: 'stop' },
        },
      ],
      usage: {
        prompt_tokens: 31,
        completion_tokens: 14,
        total_tokens: 45,
        prompt_tokens_details: { cached_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0 },
      },
    });
  });

  it('gives tool calls ids and string arguments, and finishes with tool_calls', () => {
    const completion = fromOllamaResponse(readJsonFixture(fixtures, 'chat-tool-call.json'), context);
    const message = completion.choices[0]?.message;
    expect(message?.content).toBeNull();
    expect(message?.tool_calls?.map((call) => call.function)).toEqual([
      { name: 'get_forecast', arguments: '{"city":"Lisbon","days":3}' },
      { name: 'get_time', arguments: '{}' },
    ]);
    expect(message?.tool_calls?.[0]?.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
    expect(message?.tool_calls?.[0]?.id).not.toBe(message?.tool_calls?.[1]?.id);
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('maps thinking and length', () => {
    expect(fromOllamaResponse(readJsonFixture(fixtures, 'chat-thinking.json'), context).choices[0]?.message).toMatchObject({
      content: '17 is prime.',
      reasoning_content: 'Check divisors 2, 3 and 4: none divide 17.',
    });
    expect(fromOllamaResponse(readJsonFixture(fixtures, 'chat-length.json'), context).choices[0]?.finish_reason).toBe('length');
  });

  it('maps a missing model to NotFoundError and other failures by status', () => {
    const notFound = ollamaError({ status: 404, body: readJsonFixture(fixtures, 'error-404-model-not-found.json'), headers: {}, retryAfterSeconds: undefined }, context);
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect(notFound.message).toContain('model "llama9" not found, try pulling it first');
    const serverError = ollamaError({ status: 500, body: { error: 'model requires more system memory' }, headers: {}, retryAfterSeconds: undefined }, context);
    expect(serverError).toBeInstanceOf(ProviderError);
    expect(serverError.isRetryable).toBe(true);
  });
});
