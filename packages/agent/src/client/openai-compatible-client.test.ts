import { AuthenticationError, BudgetExceededError, ProviderError } from '@tollgate/core';
import { completionCost } from '@tollgate/pricing';
import { z } from 'zod';
import { Agent } from '../agent/agent.js';
import type { AgentEvent } from '../run/agent-event.js';
import { chunkBody, completionBody, startFakeOpenAIServer, type FakeOpenAIServer } from '@tollgate/testing';
import { tool } from '../tool/tool.js';
import { openAICompatibleClient } from './openai-compatible-client.js';

const listFiles = tool({
  name: 'list_directory',
  description: 'Lists a directory',
  parameters: z.object({ path: z.string() }),
  execute: ({ path }) => `${path}: README.md, src/`,
});

let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('openAICompatibleClient against a local OpenAI-compatible server', () => {
  it('runs a tool call then an answer, with the virtual key, and takes the cost from x-litellm-response-cost', async () => {
    server = await startFakeOpenAIServer((_request, index) =>
      index === 0
        ? {
            headers: { 'x-litellm-response-cost': '0.0012' },
            json: completionBody(
              { content: null, tool_calls: [{ id: 'call_ls', type: 'function', function: { name: 'list_directory', arguments: '{"path":"."}' } }] },
              { prompt_tokens: 50, completion_tokens: 10, total_tokens: 60 },
              'tool_calls',
            ),
          }
        : {
            headers: { 'x-litellm-response-cost': '0.0008' },
            json: completionBody({ content: 'There is a README.md and src/.' }, { prompt_tokens: 80, completion_tokens: 9, total_tokens: 89 }, 'stop'),
          },
    );
    const client = openAICompatibleClient({ baseURL: server.baseURL, apiKey: 'sk-virtual-key', headers: { 'x-litellm-trace-id': 'session-1' } });
    const result = await new Agent({ model: 'gpt-4o', tools: [listFiles], client }).run('What is here?');

    expect(result.finalText).toBe('There is a README.md and src/.');
    expect(result.turns.map((turn) => turn.costUsd)).toEqual([0.0012, 0.0008]);
    expect(result.totalCostUsd).toBe(0.002);
    const [first, second] = server.requests;
    expect(first?.path).toBe('/v1/chat/completions');
    expect(first?.headers.authorization).toBe('Bearer sk-virtual-key');
    expect(first?.headers['x-litellm-trace-id']).toBe('session-1');
    expect(first?.body).toMatchObject({ model: 'gpt-4o', stream: false, tools: [{ type: 'function', function: { name: 'list_directory' } }] });
    expect(second?.body['messages']).toEqual([
      { role: 'user', content: 'What is here?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_ls', type: 'function', function: { name: 'list_directory', arguments: '{"path":"."}' } }] },
      { role: 'tool', tool_call_id: 'call_ls', content: '.: README.md, src/' },
    ]);
  });

  it('streams: joins tool-call fragments, asks for usage, and prices from usage.cost or the catalogue', async () => {
    const usageWithoutCost = { prompt_tokens: 120, completion_tokens: 12, total_tokens: 132 };
    server = await startFakeOpenAIServer((_request, index) =>
      index === 0
        ? {
            events: [
              chunkBody({ role: 'assistant', content: '' }),
              chunkBody({ tool_calls: [{ index: 0, id: 'call_ls', type: 'function', function: { name: 'list_directory', arguments: '' } }] }),
              chunkBody({ tool_calls: [{ index: 0, function: { arguments: '{"pa' } }] }),
              chunkBody({ tool_calls: [{ index: 0, function: { arguments: 'th":"src"}' } }] }),
              chunkBody({}, { finishReason: 'tool_calls' }),
              chunkBody({}, { usage: { prompt_tokens: 40, completion_tokens: 20, total_tokens: 60, cost: 0.0005 } }),
            ],
          }
        : {
            events: [
              chunkBody({ role: 'assistant', content: 'src/ holds ' }),
              chunkBody({ content: 'the code.' }),
              chunkBody({}, { finishReason: 'stop' }),
              chunkBody({}, { usage: usageWithoutCost }),
            ],
          },
    );
    const client = openAICompatibleClient({ baseURL: server.baseURL, apiKey: 'sk-virtual-key' });
    const events: AgentEvent[] = [];
    for await (const event of new Agent({ model: 'gpt-4o', tools: [listFiles], client }).stream('What is in src?')) events.push(event);

    expect(events.filter((event) => event.type === 'tool-call')).toEqual([
      { type: 'tool-call', turn: 1, callId: 'call_ls', name: 'list_directory', arguments: '{"path":"src"}' },
    ]);
    expect(events.flatMap((event) => (event.type === 'text-delta' ? [event.text] : []))).toEqual(['src/ holds ', 'the code.']);
    const end = events.at(-1);
    if (end?.type !== 'run-end') throw new Error('no run-end');
    const catalogueCost = completionCost({ model: 'gpt-4o', usage: usageWithoutCost });
    expect(catalogueCost.priced).toBe(true);
    expect(end.result.turns.map((turn) => turn.costUsd)).toEqual([0.0005, catalogueCost.priced ? catalogueCost.costUsd : null]);
    expect(server.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(server.requests[1]?.body['messages']).toContainEqual({ role: 'tool', tool_call_id: 'call_ls', content: 'src: README.md, src/' });
  });

  it('maps a proxy budget refusal to BudgetExceededError and a bad key to AuthenticationError', async () => {
    server = await startFakeOpenAIServer((_request, index) =>
      index === 0
        ? { status: 400, json: { error: { message: 'Budget has been exceeded! Current cost: 1.2, Max budget: 1.0', type: 'budget_exceeded', param: null, code: '400' } } }
        : { status: 401, json: { error: { message: 'Invalid proxy server token passed.', type: 'auth_error', param: 'None', code: '401' } } },
    );
    const agent = new Agent({ model: 'gpt-4o', client: openAICompatibleClient({ baseURL: server.baseURL, apiKey: 'sk-x' }) });
    const budget = await agent.run('x').catch((caught: unknown) => caught);
    expect(budget).toBeInstanceOf(BudgetExceededError);
    expect((budget as BudgetExceededError).message).toMatch(/Budget has been exceeded/);
    await expect(agent.run('x')).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('reports an unreachable endpoint as a ProviderError with upstream status 0', async () => {
    const agent = new Agent({ model: 'gpt-4o', client: openAICompatibleClient({ baseURL: 'http://127.0.0.1:9/v1', apiKey: 'sk-x' }) });
    const error = await agent.run('x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).upstreamStatus).toBe(0);
  });

  it('validates its options', () => {
    expect(() => openAICompatibleClient({ baseURL: 'not a url' })).toThrow();
    expect(() => openAICompatibleClient({})).toThrow(/needs `baseURL`/);
  });
});
