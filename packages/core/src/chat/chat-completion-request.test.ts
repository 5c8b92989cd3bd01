import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chatCompletionRequestSchema } from './chat-completion-request.js';
import { providerSpecificParamsOf, standardChatCompletionParams } from './provider-specific-params.js';

function readFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(__dirname, '__fixtures__', name), 'utf8')) as Record<string, unknown>;
}

describe('chatCompletionRequestSchema', () => {
  it.each(['request-basic.json', 'request-tool-loop.json', 'request-every-param.json'])(
    'round-trips %s unchanged',
    (name) => {
      const body = readFixture(name);
      const parsed = chatCompletionRequestSchema.parse(body);
      expect(parsed).toEqual(body);
      expect(JSON.parse(JSON.stringify(parsed))).toEqual(body);
    },
  );

  it('types the standard params of a parsed request', () => {
    const parsed = chatCompletionRequestSchema.parse(readFixture('request-every-param.json'));
    const assistant = parsed.messages.find((message) => message.role === 'assistant');
    expect(assistant?.role === 'assistant' && assistant.thinking_blocks?.[0]).toEqual({
      type: 'thinking',
      thinking: 'Two images, one audio clip.',
      signature: 'EqQBCgIYAhIM1gbcDa9GJwZA',
    });
    expect(parsed.stream_options?.include_usage).toBe(true);
    expect(parsed.response_format?.type).toBe('json_schema');
  });

  it('keeps unknown top-level keys as provider-specific params', () => {
    const parsed = chatCompletionRequestSchema.parse(readFixture('request-every-param.json'));
    expect(providerSpecificParamsOf(parsed)).toEqual({ thinking: { type: 'enabled', budget_tokens: 1024 }, top_k: 40 });
  });

  it('keeps unknown keys inside messages and content parts', () => {
    const body = {
      model: 'anthropic/claude-sonnet-4-5',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi', citations: { enabled: true } }], extra: 1 }],
    };
    expect(chatCompletionRequestSchema.parse(body)).toEqual(body);
  });

  it('lists every standard param and no provider-specific one', () => {
    for (const param of ['model', 'messages', 'stream_options', 'max_completion_tokens', 'web_search_options']) {
      expect(standardChatCompletionParams.has(param)).toBe(true);
    }
    expect(standardChatCompletionParams.has('thinking')).toBe(false);
    expect(standardChatCompletionParams.size).toBe(Object.keys(chatCompletionRequestSchema.shape).length);
  });

  it('accepts null for optional params, as OpenAI does', () => {
    const body = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], temperature: null, tools: null, stop: null };
    expect(chatCompletionRequestSchema.parse(body)).toEqual(body);
  });

  it.each([
    ['tool_choice none', { tool_choice: 'none' }],
    ['tool_choice required', { tool_choice: 'required' }],
    ['stop as a string', { stop: 'END' }],
    ['json_object format', { response_format: { type: 'json_object' } }],
    ['text format', { response_format: { type: 'text' } }],
    ['legacy functions', { functions: [{ name: 'f' }], function_call: { name: 'f' } }],
    ['custom voice', { audio: { voice: { id: 'voice_123' }, format: 'wav' } }],
    ['temperature at the bounds', { temperature: 2, top_p: 0 }],
  ])('accepts %s', (_label, params) => {
    const body = { model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], ...params };
    expect(chatCompletionRequestSchema.safeParse(body).success).toBe(true);
  });
});
