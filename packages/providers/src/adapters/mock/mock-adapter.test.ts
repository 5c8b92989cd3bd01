import { BadRequestError, type ChatMessage } from '@tollgate/core';
import { completion } from '../../completion/completion.js';
import { embedding } from '../../completion/embedding.js';
import { aggregateChunks, collect } from '../../testing-internal/aggregate-chunks.js';

const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
};

describe('mock provider', () => {
  it('answers deterministically without credentials or network, with usage', async () => {
    const first = await completion({ model: 'mock/anything', messages: [{ role: 'user', content: 'Ping' }] });
    const second = await completion({ model: 'mock/anything', messages: [{ role: 'user', content: 'Ping' }] });
    expect(first.choices[0]?.message.content).toBe('Mock reply from anything to: Ping');
    expect(second.choices[0]?.message.content).toBe(first.choices[0]?.message.content);
    expect(first.choices[0]?.finish_reason).toBe('stop');
    expect(first.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(first.usage?.total_tokens).toBe((first.usage?.prompt_tokens ?? 0) + (first.usage?.completion_tokens ?? 0));
    expect(first.tollgate.provider).toBe('mock');
  });

  it('answers from mock_response, and prices mock/<model> as that model when the catalogue knows it', async () => {
    const priced = await completion({ model: 'mock/gpt-4o', messages: [{ role: 'user', content: 'x' }], mock_response: 'Hi!' });
    expect(priced.choices[0]?.message.content).toBe('Hi!');
    expect(priced.tollgate.costUsd).toBeGreaterThan(0);
    const unpriced = await completion({ model: 'mock/my-toy', messages: [{ role: 'user', content: 'x' }] });
    expect(unpriced.tollgate.costUsd).toBeNull();
    expect(unpriced.tollgate.warnings.join(' ')).toContain('not in the price catalogue');
  });

  it('calls the scripted tools until a tool result arrives, then answers in text', async () => {
    const mock_tool_calls = [{ name: 'get_weather', arguments: { city: 'Oslo' } }];
    const first = await completion({ model: 'mock/agent', messages: [{ role: 'user', content: 'Weather in Oslo?' }], tools: [weatherTool], mock_tool_calls });
    const call = first.choices[0]?.message.tool_calls?.[0];
    expect(first.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call).toMatchObject({ type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } });
    expect(call?.id).toMatch(/^call_mock_/);
    const second = await completion({
      model: 'mock/agent',
      messages: [
        { role: 'user', content: 'Weather in Oslo?' },
        { role: 'assistant', content: null, tool_calls: first.choices[0]?.message.tool_calls ?? [] },
        { role: 'tool', tool_call_id: call?.id ?? '', content: '3 C' },
      ],
      tools: [weatherTool],
      mock_tool_calls,
    });
    expect(second.choices[0]?.finish_reason).toBe('stop');
    expect(second.choices[0]?.message.content).toBe('Mock reply from agent after the tool results: 3 C');
  });

  it('streams, tool calls and usage included', async () => {
    const stream = await completion({
      model: 'mock/agent',
      messages: [{ role: 'user', content: 'Weather in Oslo?' }],
      stream: true,
      stream_options: { include_usage: true },
      mock_tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }],
      mock_reasoning: 'I should look it up.',
    });
    const chunks = await collect(stream);
    const aggregated = aggregateChunks(chunks);
    expect(aggregated.choices[0]).toMatchObject({
      reasoning_content: 'I should look it up.',
      finish_reason: 'tool_calls',
      tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Oslo"}' } }],
    });
    expect(chunks.at(-1)?.usage?.completion_tokens_details?.reasoning_tokens).toBeGreaterThan(0);
    expect(stream.tollgate?.provider).toBe('mock');
  });

  it('rejects malformed mock params with BadRequestError', async () => {
    await expect(
      completion({ model: 'mock/x', messages: [{ role: 'user', content: 'x' }], mock_tool_calls: [{ nope: true }] }),
    ).rejects.toBeInstanceOf(BadRequestError);
  });

  it('embeds deterministically', async () => {
    const first = await embedding({ model: 'mock/embedder', input: ['a', 'b'] });
    const again = await embedding({ model: 'mock/embedder', input: 'a', dimensions: 16 });
    expect(first.data).toHaveLength(2);
    expect(first.data[0]?.embedding).toEqual(again.data[0]?.embedding);
    expect(first.data[0]?.embedding).not.toEqual(first.data[1]?.embedding);
    const vector = first.data[0]?.embedding as number[];
    expect(Math.hypot(...vector)).toBeCloseTo(1);
  });
});

describe('the tool-calling loop of the README, against mock/…', () => {
  // The same loop runs against `zai/glm-4.7` with ZAI_API_KEY set; only `model` (and the mock script) change.
  async function runAgent(model: string, question: string, extra: Record<string, unknown>): Promise<string> {
    const tools = { get_weather: ({ city }: { city: string }) => `${city}: 21 C, sunny` };
    const messages: ChatMessage[] = [{ role: 'user', content: question }];
    for (let turn = 0; turn < 5; turn++) {
      const response = await completion({ model, messages, tools: [weatherTool], ...extra });
      const message = response.choices[0]!.message;
      messages.push({ role: 'assistant', content: message.content ?? null, tool_calls: message.tool_calls ?? undefined });
      if (!message.tool_calls?.length) return message.content ?? '';
      for (const call of message.tool_calls) {
        const result = tools[call.function.name as keyof typeof tools](JSON.parse(call.function.arguments));
        messages.push({ role: 'tool', tool_call_id: call.id, content: result });
      }
    }
    throw new Error('the loop did not finish');
  }

  it('runs the tools, sends their results back and ends with the answer', async () => {
    const answer = await runAgent('mock/glm-4.7', 'What is the weather in Lisbon?', {
      mock_tool_calls: [{ name: 'get_weather', arguments: { city: 'Lisbon' } }],
    });
    expect(answer).toBe('Mock reply from glm-4.7 after the tool results: Lisbon: 21 C, sunny');
  });
});
