// The README's examples, run as written (offline, against the mock provider and the scripted model).
import { nanoUsdToUsd, sumNanoUsd } from '@tollgate/core';
import { z } from 'zod';
import { Agent, MaxCostExceededError, tool, type AgentEvent } from './index.js';
import { scriptedModel } from './testing/index.js';

const getWeather = tool({
  name: 'get_weather',
  description: 'Current weather for a city',
  parameters: z.object({ city: z.string().describe('City name, e.g. Lisbon') }),
  execute: async ({ city }) => `${city}: 21 °C, sunny`,
});

describe('README examples', () => {
  it('runs the quick-start agent offline', async () => {
    const agent = new Agent({
      model: 'mock/gpt-4o',
      instructions: 'You are a helpful assistant. Use tools when they help.',
      tools: [getWeather],
      maxTurns: 5,
      maxCostUsd: 0.05,
      modelSettings: { max_tokens: 1024, mock_tool_calls: [{ name: 'get_weather', arguments: { city: 'Lisbon' } }] },
    });
    const result = await agent.run('What is the weather in Lisbon?');
    expect(result.finalText).toBe('Mock reply from gpt-4o after the tool results: Lisbon: 21 °C, sunny');
    expect(result.stopReason).toBe('final_answer');
    expect(result.turns).toHaveLength(2);
    // gpt-4o: 2,500 nano-USD per prompt token, 10,000 per completion token.
    const priced = sumNanoUsd(result.turns.map(({ usage }) => (usage?.prompt_tokens ?? 0) * 2_500 + (usage?.completion_tokens ?? 0) * 10_000));
    expect(result.totalCostUsd).toBe(nanoUsdToUsd(priced));
    expect(result.totalCostUsd).toBeGreaterThan(0);
    expect(result.totalCostUsd).toBeLessThan(0.05);
  });

  it('streams events', async () => {
    const agent = new Agent({ model: 'mock/gpt-4o', tools: [getWeather], modelSettings: { mock_tool_calls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] } });
    const seen: string[] = [];
    for await (const event of agent.stream('Weather in Oslo?')) {
      const typed: AgentEvent = event;
      if (typed.type === 'tool-call') seen.push(`call ${typed.name}`);
      if (typed.type === 'run-end') seen.push(`end ${typed.result.stopReason}`);
    }
    expect(seen).toEqual(['call get_weather', 'end final_answer']);
  });

  it('tests an agent with the scripted model', async () => {
    const model = scriptedModel([
      { toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: { city: 'Rome' } }], usage: { prompt_tokens: 120, completion_tokens: 15 } },
      { text: 'Sunny in Rome.', usage: { prompt_tokens: 160, completion_tokens: 5 } },
    ]);
    const result = await new Agent({ model: 'gpt-4o', tools: [getWeather], client: model }).run('Rome?');
    expect(result.finalText).toBe('Sunny in Rome.');
    expect(model.calls[1]?.request.messages.at(-1)).toEqual({ role: 'tool', tool_call_id: 'call_1', content: 'Rome: 21 °C, sunny' });
  });

  it('stops before the cost cap', async () => {
    const model = scriptedModel(Array.from({ length: 100 }, (_, index) => ({ toolCalls: [{ id: `c${index}`, name: 'get_weather', arguments: { city: 'X' } }] })));
    const agent = new Agent({ model: 'gpt-4o', tools: [getWeather], client: model, maxTurns: 100, maxCostUsd: 0.05, modelSettings: { max_tokens: 1000 } });
    const error = await agent.run('loop').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MaxCostExceededError);
    expect((error as MaxCostExceededError).result.totalCostUsd).toBeLessThanOrEqual(0.05);
  });
});
