import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { fromOpenAIResponse } from './from-openai-response.js';

const context: AdapterCallContext = {
  providerId: 'openai', model: 'gpt-4o', apiKey: 'k', apiBase: 'http://x', apiVersion: undefined,
  stream: false, includeUsage: false, requestId: 'req', created: 1,
};

describe('fromOpenAIResponse', () => {
  it('keeps the null fields the upstream sent (refusal, logprobs) instead of dropping them', () => {
    const completion = fromOpenAIResponse(
      {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 2,
        model: 'gpt-4o-2024-08-06',
        choices: [{ index: 0, message: { role: 'assistant', content: 'hi', refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
      },
      context,
    );
    const choice = JSON.parse(JSON.stringify(completion)).choices[0];
    expect(choice).toHaveProperty('logprobs', null);
    expect(choice.message).toHaveProperty('refusal', null);
  });
});
