import { nanoUsdToUsd, sumNanoUsd, usdToNanoUsd } from '@tollgate/core';
import { Router } from '@tollgate/router';
import { z } from 'zod';
import { Agent } from '../agent/agent.js';
import type { AgentEvent } from '../run/agent-event.js';
import { tool } from '../tool/tool.js';
import { providersClient } from './providers-client.js';
import { providersPricingModel } from './providers-pricing-model.js';
import { routerClient } from './router-client.js';

/** gpt-4o's price of a run's usage: 2,500 nano-USD per prompt token, 10,000 per completion token (reasoning included). */
function gpt4oCostUsd(turns: readonly { usage: { prompt_tokens: number; completion_tokens: number } | null }[]): number {
  return nanoUsdToUsd(sumNanoUsd(turns.map(({ usage }) => (usage?.prompt_tokens ?? 0) * 2_500 + (usage?.completion_tokens ?? 0) * 10_000)));
}

const weather = tool({
  name: 'get_weather',
  description: 'Current weather in a city',
  parameters: z.object({ city: z.string() }),
  execute: ({ city }) => `${city}: 21 C, sunny`,
});

// The offline mock provider calls these tools until a tool result arrives, then answers quoting the results.
const script = {
  mock_tool_calls: [
    { name: 'get_weather', arguments: { city: 'Lisbon' } },
    { name: 'get_weather', arguments: { city: 'Porto' } },
  ],
  mock_reasoning: 'Two cities, two lookups.',
};

describe('the agent through @tollgate/providers (mock provider, offline)', () => {
  it('runs the tool loop and prices every turn as the model the mock stands for', async () => {
    const agent = new Agent({ model: 'mock/gpt-4o', tools: [weather], modelSettings: script, maxCostUsd: 1 });
    const result = await agent.run('Weather in Lisbon and Porto?');

    expect(result.finalText).toBe('Mock reply from gpt-4o after the tool results: Lisbon: 21 C, sunny; Porto: 21 C, sunny');
    expect(result.turns).toHaveLength(2);
    expect(result.turns[0]?.toolCalls).toBe(2);
    expect(result.turns.every((turn) => (turn.costUsd ?? 0) > 0)).toBe(true);
    expect(usdToNanoUsd(result.totalCostUsd)).toBe(usdToNanoUsd(result.turns[0]?.costUsd ?? 0) + usdToNanoUsd(result.turns[1]?.costUsd ?? 0));
    expect(result.totalCostUsd).toBe(gpt4oCostUsd(result.turns));
    const assistant = result.messages[1];
    expect(assistant).toMatchObject({ role: 'assistant', reasoning_content: 'Two cities, two lookups.' });
    const ids = assistant?.role === 'assistant' ? assistant.tool_calls?.map((call) => call.id) : [];
    expect(result.messages.slice(2, 4).map((message) => (message.role === 'tool' ? message.tool_call_id : ''))).toEqual(ids);
  });

  it('streams the same run with text and reasoning deltas', async () => {
    const agent = new Agent({ model: 'mock/gpt-4o', tools: [weather], modelSettings: script });
    const events: AgentEvent[] = [];
    for await (const event of agent.stream('Weather in Lisbon and Porto?')) events.push(event);

    const types = new Set(events.map((event) => event.type));
    expect([...types]).toEqual(expect.arrayContaining(['reasoning-delta', 'tool-call', 'tool-result', 'text-delta', 'turn-end', 'run-end']));
    const text = events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : [])).join('');
    expect(text).toBe('Mock reply from gpt-4o after the tool results: Lisbon: 21 C, sunny; Porto: 21 C, sunny');
    const end = events.at(-1);
    expect(end?.type === 'run-end' && end.result.totalCostUsd).toBe(end?.type === 'run-end' && gpt4oCostUsd(end.result.turns));
    expect(end?.type === 'run-end' && end.result.totalCostUsd).toBeGreaterThan(0);
  });

  it('passes call options such as a per-call timeout to the providers', async () => {
    const agent = new Agent({ model: 'mock/gpt-4o', client: providersClient({ timeoutMs: 5000 }), modelSettings: { mock_response: 'pong' } });
    await expect(agent.run('ping')).resolves.toMatchObject({ finalText: 'pong', stopReason: 'final_answer' });
  });

  it('prices `provider/model` names the way the providers do', () => {
    expect(providersPricingModel('mock/gpt-4o')).toBe('gpt-4o');
    expect(providersPricingModel('zai/glm-4.7')).toBe('zai/glm-4.7');
    expect(providersPricingModel('gpt-4o')).toBe('gpt-4o');
  });
});

describe('the agent through a Router', () => {
  it('calls the model group and prices it as its dearest deployment', async () => {
    const router = new Router({
      modelList: [
        { model_name: 'assistant', litellm_params: { model: 'mock/gpt-4o-mini' } },
        { model_name: 'assistant', litellm_params: { model: 'mock/gpt-4o' } },
      ],
    });
    const client = routerClient(router);
    expect(client.pricingModels?.('assistant')).toEqual(['gpt-4o-mini', 'gpt-4o']);
    const agent = new Agent({ model: 'assistant', tools: [weather], client, modelSettings: { mock_tool_calls: script.mock_tool_calls.slice(0, 1) }, maxCostUsd: 1 });
    const result = await agent.run('Weather in Lisbon?');
    expect(result.finalText).toMatch(/after the tool results: Lisbon: 21 C, sunny$/);
    expect(result.totalCostUsd).toBeGreaterThan(0);
    await router.close();
  });
});
