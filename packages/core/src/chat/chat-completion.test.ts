import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toTokenUsage } from '../usage/token-usage.js';
import { chatCompletionSchema } from './chat-completion.js';

function readFixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(__dirname, '__fixtures__', name), 'utf8')) as Record<string, unknown>;
}

describe('chatCompletionSchema', () => {
  it.each(['response-text.json', 'response-tool-call.json', 'response-reasoning-logprobs.json'])(
    'round-trips %s unchanged',
    (name) => {
      const body = readFixture(name);
      expect(chatCompletionSchema.parse(body)).toEqual(body);
    },
  );

  it('types tool calls, reasoning, logprobs and usage', () => {
    const toolCall = chatCompletionSchema.parse(readFixture('response-tool-call.json'));
    expect(toolCall.choices[0]?.finish_reason).toBe('tool_calls');
    expect(toolCall.choices[0]?.message.tool_calls?.map((call) => JSON.parse(call.function.arguments))).toEqual([
      { city: 'Lisbon, Portugal' },
      { city: 'Porto, Portugal' },
    ]);
    expect(toolCall.usage && toTokenUsage(toolCall.usage)).toEqual({
      uncachedInputTokens: 307,
      cacheReadTokens: 1536,
      cacheWriteTokens: 0,
      textOutputTokens: 52,
      reasoningTokens: 0,
    });

    const reasoning = chatCompletionSchema.parse(readFixture('response-reasoning-logprobs.json'));
    const choice = reasoning.choices[0];
    expect(choice?.message.reasoning_content).toMatch(/^Compare 9.11/);
    expect(choice?.logprobs?.content?.[0]?.top_logprobs?.[1]?.bytes).toEqual([84, 104, 101]);
    expect(reasoning.usage && toTokenUsage(reasoning.usage)).toEqual({
      uncachedInputTokens: 2,
      cacheReadTokens: 16,
      cacheWriteTokens: 0,
      textOutputTokens: 9,
      reasoningTokens: 131,
    });
  });

  it('fills in a tool call type and message role a provider left out (Mistral)', () => {
    const body = readFixture('response-tool-call.json');
    const withoutTypes = JSON.parse(
      JSON.stringify(body).replaceAll('"type":"function",', '').replace('"role":"assistant",', ''),
    ) as Record<string, unknown>;
    expect(JSON.stringify(withoutTypes)).not.toContain('"type"');
    const parsed = chatCompletionSchema.parse(withoutTypes);
    expect(parsed.choices[0]?.message.role).toBe('assistant');
    expect(parsed.choices[0]?.message.tool_calls?.every((call) => call.type === 'function')).toBe(true);
  });

  it('accepts a completion without usage and with null optional fields', () => {
    const body = { ...readFixture('response-text.json'), usage: null, system_fingerprint: null, service_tier: null };
    expect(chatCompletionSchema.parse(body)).toEqual(body);
  });

  it('rejects a finish reason outside OpenAI vocabulary (adapters map them first)', () => {
    const body = readFixture('response-text.json');
    const choices = body['choices'] as Array<Record<string, unknown>>;
    const result = chatCompletionSchema.safeParse({ ...body, choices: [{ ...choices[0], finish_reason: 'end_turn' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['choices', 0, 'finish_reason']);
  });

  it('rejects a body that is not a chat completion', () => {
    expect(chatCompletionSchema.safeParse({ ...readFixture('response-text.json'), object: 'list' }).success).toBe(false);
    expect(chatCompletionSchema.safeParse({ object: 'chat.completion' }).success).toBe(false);
  });
});
