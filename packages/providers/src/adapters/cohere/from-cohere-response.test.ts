import { readJsonFixture, testContext } from '../../testing-internal/native-adapter-test-kit.js';
import { fromCohereResponse } from './from-cohere-response.js';

const fixtures = `${__dirname}/__fixtures__`;
const context = testContext({ providerId: 'cohere', model: 'command-a-03-2025', apiBase: 'https://api.cohere.com' });

describe('fromCohereResponse', () => {
  it('maps text, model token usage with cache, and keeps billed units', () => {
    expect(fromCohereResponse(readJsonFixture(fixtures, 'chat-basic.json'), context)).toEqual({
      id: '5b1c2d3e-4f50-4617-8a29-3b4c5d6e7f80',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'command-a-03-2025',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Lisbon is the capital of Portugal.' },
          finish_reason: 'stop',
          provider_specific_fields: { native_finish_reason: 'COMPLETE' },
        },
      ],
      usage: {
        prompt_tokens: 498,
        completion_tokens: 11,
        total_tokens: 509,
        prompt_tokens_details: { cached_tokens: 416 },
        completion_tokens_details: { reasoning_tokens: 0 },
        billed_units: { input_tokens: 9, output_tokens: 8 },
      },
    });
  });

  it('maps tool calls and keeps the tool plan aside', () => {
    const completion = fromCohereResponse(readJsonFixture(fixtures, 'chat-tool-call.json'), context);
    expect(completion.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: {
        content: null,
        tool_calls: [
          { id: 'get_forecast_k2m9x4q7w1z8', type: 'function', function: { name: 'get_forecast', arguments: '{"city":"Lisbon"}' } },
          { id: 'museums_p5r3t8v6y2b4', type: 'function', function: { name: 'museums', arguments: '{"city":"Lisbon"}' } },
        ],
        provider_specific_fields: { tool_plan: 'I will look up the forecast for Lisbon and the museums there.' },
      },
    });
  });

  it('maps MAX_TOKENS to length and thinking blocks to reasoning_content', () => {
    expect(fromCohereResponse(readJsonFixture(fixtures, 'chat-max-tokens.json'), context).choices[0]?.finish_reason).toBe('length');
    const thinking = fromCohereResponse(readJsonFixture(fixtures, 'chat-thinking.json'), context).choices[0]?.message;
    expect(thinking).toMatchObject({ content: 'Yes, 17 is prime.', reasoning_content: 'Seventeen is prime: no divisor up to four.' });
  });
});
