import { z } from 'zod';
import { Agent, openAICompatibleClient, tool } from '@tollgate/agent';
import { manage, startTestProxy, type TestProxy } from './start-test-proxy.js';

let testProxy: TestProxy;
beforeAll(async () => {
  testProxy = await startTestProxy();
});
afterAll(async () => {
  await testProxy.stop();
});

it('runs the agent loop through the proxy with a virtual key, and the proxy books every turn', async () => {
  const generated = await manage(testProxy, '/key/generate', { models: ['offline'], max_budget: 1 });
  const getWeather = tool({
    name: 'get_weather',
    description: 'Current weather for a city',
    parameters: z.object({ city: z.string() }),
    execute: async ({ city }) => `${city}: 21 °C, sunny`,
  });
  const agent = new Agent({
    model: 'offline',
    instructions: 'Use tools when they help.',
    tools: [getWeather],
    maxTurns: 4,
    client: openAICompatibleClient({ baseURL: testProxy.baseURL, apiKey: generated.key }),
    modelSettings: { max_tokens: 64, mock_tool_calls: [{ name: 'get_weather', arguments: { city: 'Lisbon' } }] },
  });
  const result = await agent.run('What is the weather in Lisbon?');
  expect(result.stopReason).toBe('final_answer');
  expect(result.turns).toHaveLength(2);
  expect(result.finalText).toContain('Lisbon: 21 °C, sunny');
  const info = await manage(testProxy, `/key/info?key=${encodeURIComponent(generated.key)}`);
  expect(info.info.spend).toBeCloseTo(result.totalCostUsd, 12);
});
