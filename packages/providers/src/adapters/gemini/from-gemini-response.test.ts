import { ProviderError } from '@tollgate/core';
import { readJsonFixture, testContext } from '../../testing-internal/native-adapter-test-kit.js';
import { fromGeminiResponse } from './from-gemini-response.js';
import { parseGeminiToolCallId } from './gemini-tool-call-id.js';

const fixtures = `${__dirname}/__fixtures__`;
const context = testContext({ providerId: 'gemini', model: 'gemini-2.5-flash', apiBase: 'https://generativelanguage.googleapis.com/v1beta' });

describe('fromGeminiResponse', () => {
  it('maps text and counts thoughts as reasoning output tokens', () => {
    expect(fromGeminiResponse(readJsonFixture(fixtures, 'chat-basic.json'), context)).toEqual({
      id: 'k3PzabQ1AbCdEfGhIjKlMn0',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gemini-2.5-flash',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Bom dia! Como posso ajudar?' },
          finish_reason: 'stop',
          provider_specific_fields: { native_finish_reason: 'STOP' },
        },
      ],
      usage: {
        prompt_tokens: 13,
        completion_tokens: 8 + 31,
        total_tokens: 13 + 8 + 31,
        prompt_tokens_details: { cached_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 31 },
      },
    });
  });

  it('maps a function call to a tool call with a synthesized id carrying the thought signature', () => {
    const completion = fromGeminiResponse(readJsonFixture(fixtures, 'chat-tool-call.json'), context);
    const choice = completion.choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.content).toBeNull();
    const toolCall = choice?.message.tool_calls?.[0];
    expect(toolCall?.function).toEqual({ name: 'get_forecast', arguments: '{"city":"Lisbon","days":3}' });
    const { baseId, thoughtSignature } = parseGeminiToolCallId(toolCall?.id ?? '');
    expect(baseId).toMatch(/^call_[A-Za-z0-9]{24}$/);
    expect(thoughtSignature).toBe('CqABAb4+9vsQx7Lm2NpK8rT3wYz5AbC1dEfG4hIjK6lMnO0pQrS9tUvW');
  });

  it('maps thought parts to reasoning_content', () => {
    const completion = fromGeminiResponse(readJsonFixture(fixtures, 'chat-thinking.json'), context);
    expect(completion.choices[0]?.message.reasoning_content).toBe(
      "**Planning the lookup**\n\nThe user wants Lisbon's forecast; the get_forecast tool fits.\n",
    );
    expect(completion.choices[0]?.message.tool_calls).toHaveLength(1);
    expect(completion.usage?.completion_tokens_details?.reasoning_tokens).toBe(70);
  });

  it('reports cached prompt tokens', () => {
    expect(fromGeminiResponse(readJsonFixture(fixtures, 'chat-cache-usage.json'), context).usage).toMatchObject({
      prompt_tokens: 8214,
      completion_tokens: 7,
      prompt_tokens_details: { cached_tokens: 8000 },
    });
  });

  it('maps safety stops and blocked prompts to content_filter', () => {
    expect(fromGeminiResponse(readJsonFixture(fixtures, 'chat-safety.json'), context).choices[0]).toMatchObject({
      message: { content: null },
      finish_reason: 'content_filter',
      provider_specific_fields: { native_finish_reason: 'SAFETY' },
    });
    expect(fromGeminiResponse(readJsonFixture(fixtures, 'chat-prompt-blocked.json'), context).choices[0]).toMatchObject({
      message: { content: null },
      finish_reason: 'content_filter',
      provider_specific_fields: { native_finish_reason: 'PROHIBITED_CONTENT' },
    });
  });

  it('refuses a body that is not a GenerateContentResponse', () => {
    expect(() => fromGeminiResponse([1, 2], context)).toThrow(ProviderError);
  });
});
