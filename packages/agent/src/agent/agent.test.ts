import { BadRequestError, type ChatMessage } from '@tollgate/core';
import { z } from 'zod';
import { MaxTurnsExceededError } from '../errors/max-turns-exceeded-error.js';
import { scriptedModel } from '../testing/scripted-model.js';
import { tool } from '../tool/tool.js';
import { Agent } from './agent.js';

const weather = tool({
  name: 'get_weather',
  description: 'Current weather in a city',
  parameters: z.object({ city: z.string() }),
  execute: ({ city }) => `${city}: 21 C`,
});

function roles(messages: readonly ChatMessage[]): string[] {
  return messages.map((message) => message.role);
}

/** Two tools that each wait for the other to start: they finish only when run at the same time. */
function rendezvousTools() {
  let arrivedA!: () => void;
  let arrivedB!: () => void;
  const a = new Promise<void>((resolve) => (arrivedA = resolve));
  const b = new Promise<void>((resolve) => (arrivedB = resolve));
  const first = tool({
    name: 'first',
    description: 'Meets second',
    parameters: z.object({}),
    timeoutMs: 2000,
    execute: async () => {
      arrivedA();
      await b;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return 'first done';
    },
  });
  const second = tool({
    name: 'second',
    description: 'Meets first',
    parameters: z.object({}),
    timeoutMs: 2000,
    execute: async () => {
      arrivedB();
      await a;
      return 'second done';
    },
  });
  return [first, second];
}

describe('Agent.run with a scripted model', () => {
  it('runs a multi-turn tool loop: system instructions, tool results by id, no invented user message', async () => {
    const model = scriptedModel([
      { toolCalls: [{ id: 'call_a', name: 'get_weather', arguments: { city: 'Oslo' } }] },
      { toolCalls: [{ id: 'call_b', name: 'get_weather', arguments: { city: 'Lima' } }] },
      { text: 'Oslo is 21 C and so is Lima.' },
    ]);
    const agent = new Agent({ model: 'test/model', instructions: 'Be brief.', tools: [weather], client: model });

    const result = await agent.run('Weather in Oslo and Lima?');

    expect(result.stopReason).toBe('final_answer');
    expect(result.finalText).toBe('Oslo is 21 C and so is Lima.');
    expect(roles(result.messages)).toEqual(['user', 'assistant', 'tool', 'assistant', 'tool', 'assistant']);
    expect(result.messages[2]).toEqual({ role: 'tool', tool_call_id: 'call_a', content: 'Oslo: 21 C' });
    expect(result.messages[4]).toEqual({ role: 'tool', tool_call_id: 'call_b', content: 'Lima: 21 C' });
    expect(result.turns.map((turn) => turn.toolCalls)).toEqual([1, 1, 0]);
    expect(model.calls).toHaveLength(3);
    for (const call of model.calls) {
      expect(call.request.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
      expect(call.request.messages.filter((message) => message.role === 'user')).toHaveLength(1);
      expect(call.request.tools?.[0]?.function.name).toBe('get_weather');
      expect(call.streamed).toBe(false);
    }
    expect(roles(model.calls[2]!.request.messages)).toEqual(['system', 'user', 'assistant', 'tool', 'assistant', 'tool']);
  });

  it('runs parallel tool calls at the same time and answers each id, in call order', async () => {
    const model = scriptedModel([
      { toolCalls: [{ id: 'call_1', name: 'first' }, { id: 'call_2', name: 'second' }] },
      { text: 'both done' },
    ]);
    const agent = new Agent({ model: 'test/model', tools: rendezvousTools(), client: model });

    const result = await agent.run('go');

    const toolMessages = result.messages.filter((message) => message.role === 'tool');
    expect(toolMessages).toEqual([
      { role: 'tool', tool_call_id: 'call_1', content: 'first done' },
      { role: 'tool', tool_call_id: 'call_2', content: 'second done' },
    ]);
  });

  it('gives calls without an id, or with a repeated id, unique ids that the tool messages answer', async () => {
    const model = scriptedModel([
      { toolCalls: [{ id: '', name: 'get_weather', arguments: { city: 'A' } }, { id: 'dup', name: 'get_weather', arguments: { city: 'B' } }, { id: 'dup', name: 'get_weather', arguments: { city: 'C' } }] },
      { text: 'ok' },
    ]);
    const result = await new Agent({ model: 'test/model', tools: [weather], client: model }).run('x');
    const assistant = result.messages[1];
    const ids = assistant?.role === 'assistant' ? (assistant.tool_calls ?? []).map((call) => call.id) : [];
    expect(new Set(ids).size).toBe(3);
    expect(ids).toContain('dup');
    const answered = result.messages.flatMap((message) => (message.role === 'tool' ? [message.tool_call_id] : []));
    expect(answered).toEqual(ids);
  });

  it('sends invalid arguments back as a tool error, and the model repairs them', async () => {
    const model = scriptedModel([
      { toolCalls: [{ id: 'call_bad', name: 'get_weather', arguments: '{"town": "Oslo"' }] },
      (request) => {
        const last = request.messages.at(-1);
        expect(last).toMatchObject({ role: 'tool', tool_call_id: 'call_bad' });
        expect(last?.content).toMatch(/Invalid arguments for tool "get_weather": not valid JSON/);
        return { toolCalls: [{ id: 'call_schema', name: 'get_weather', arguments: { town: 'Oslo' } }] };
      },
      (request) => {
        expect(request.messages.at(-1)?.content).toMatch(/Invalid arguments for tool "get_weather": city: .*expected string/);
        return { toolCalls: [{ id: 'call_good', name: 'get_weather', arguments: { city: 'Oslo' } }] };
      },
      { text: 'Oslo: 21 C' },
    ]);
    const result = await new Agent({ model: 'test/model', tools: [weather], client: model }).run('Weather?');
    expect(result.finalText).toBe('Oslo: 21 C');
    expect(result.messages.at(-2)).toEqual({ role: 'tool', tool_call_id: 'call_good', content: 'Oslo: 21 C' });
    expect(model.calls).toHaveLength(4);
  });

  it('recovers from a failing tool: the model sees the error and answers', async () => {
    const flaky = tool({
      name: 'read_db',
      description: 'Reads the database',
      parameters: z.object({}),
      execute: () => {
        throw new Error('connection refused');
      },
    });
    const model = scriptedModel([
      { toolCalls: [{ id: 'call_db', name: 'read_db' }] },
      (request) => ({ text: `Sorry: ${request.messages.at(-1)?.content as string}` }),
    ]);
    const result = await new Agent({ model: 'test/model', tools: [flaky], client: model }).run('Read it');
    expect(result.finalText).toBe('Sorry: Error running tool "read_db": connection refused');
  });

  it('times a slow tool out and carries on', async () => {
    const slow = tool({ name: 'slow', description: 'Hangs', parameters: z.object({}), execute: () => new Promise(() => undefined) });
    const model = scriptedModel([{ toolCalls: [{ id: 'call_s', name: 'slow' }, { id: 'call_w', name: 'get_weather', arguments: { city: 'Rome' } }] }, { text: 'done' }]);
    const started = Date.now();
    const result = await new Agent({ model: 'test/model', tools: [slow, weather], client: model, toolTimeoutMs: 60 }).run('x');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.messages.filter((message) => message.role === 'tool')).toEqual([
      { role: 'tool', tool_call_id: 'call_s', content: 'Tool "slow" timed out after 60 ms and was stopped.' },
      { role: 'tool', tool_call_id: 'call_w', content: 'Rome: 21 C' },
    ]);
  });

  it('throws MaxTurnsExceededError with the partial run (tool results of the last turn included)', async () => {
    const model = scriptedModel(Array.from({ length: 5 }, (_, index) => ({ toolCalls: [{ id: `c${index}`, name: 'get_weather', arguments: { city: 'X' } }] })));
    const agent = new Agent({ model: 'test/model', tools: [weather], client: model, maxTurns: 3 });

    const error = await agent.run('loop forever').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MaxTurnsExceededError);
    const { result, maxTurns } = error as MaxTurnsExceededError;
    expect(maxTurns).toBe(3);
    expect(model.calls).toHaveLength(3);
    expect(result.stopReason).toBe('max_turns');
    expect(result.turns).toHaveLength(3);
    expect(roles(result.messages)).toEqual(['user', 'assistant', 'tool', 'assistant', 'tool', 'assistant', 'tool']);
  });

  it('continues a conversation from a previous result', async () => {
    const model = scriptedModel([{ text: 'Hi Ana.' }, { text: 'Your name is Ana.' }]);
    const agent = new Agent({ model: 'test/model', instructions: 'Friendly.', client: model });
    const first = await agent.run('I am Ana.');
    const second = await agent.run([...first.messages, { role: 'user', content: 'Who am I?' }]);
    expect(second.finalText).toBe('Your name is Ana.');
    expect(roles(model.calls[1]!.request.messages)).toEqual(['system', 'user', 'assistant', 'user']);
  });

  it('propagates a model error', async () => {
    const model = scriptedModel([{ error: new BadRequestError('bad request') }]);
    await expect(new Agent({ model: 'test/model', client: model }).run('x')).rejects.toBeInstanceOf(BadRequestError);
  });

  it('stops on abort with a history that can be continued', async () => {
    const controller = new AbortController();
    const hanging = tool({
      name: 'hang',
      description: 'Hangs until cancelled',
      parameters: z.object({}),
      execute: (_args, context) => new Promise((_resolve, reject) => context.signal.addEventListener('abort', () => reject(new Error('stopped')))),
    });
    const model = scriptedModel([{ toolCalls: [{ id: 'call_h', name: 'hang' }] }, { text: 'never' }]);
    setTimeout(() => controller.abort(), 30);
    const result = await new Agent({ model: 'test/model', tools: [hanging], client: model }).run('x', { signal: controller.signal });
    expect(result.stopReason).toBe('aborted');
    expect(model.calls).toHaveLength(1);
    expect(result.messages.at(-1)).toEqual({ role: 'tool', tool_call_id: 'call_h', content: 'Tool "hang" was cancelled: the run was stopped before it finished.' });
  });

  it('stops on abort during a model call without keeping a partial reply', async () => {
    const controller = new AbortController();
    const model = scriptedModel([{ text: 'late', delayMs: 5000 }]);
    setTimeout(() => controller.abort(), 20);
    const result = await new Agent({ model: 'test/model', client: model }).run('x', { signal: controller.signal });
    expect(result).toMatchObject({ stopReason: 'aborted', finalText: '', turns: [] });
    expect(roles(result.messages)).toEqual(['user']);
  });

  it('validates its options strictly', () => {
    const client = scriptedModel([]);
    expect(() => new Agent({ model: '', client })).toThrow(BadRequestError);
    expect(() => new Agent({ model: 'm', client, maxTurns: 0 })).toThrow(/maxTurns/);
    expect(() => new Agent({ model: 'm', client, modelSettings: { tools: [] } })).toThrow(/may not set/);
    expect(() => new Agent({ model: 'm', client, tools: [weather, weather] })).toThrow(/unique/);
    expect(() => new Agent({ model: 'm', client, maxTurn: 3 } as never)).toThrow(/maxTurn/);
  });

  it('rejects malformed input messages', async () => {
    const agent = new Agent({ model: 'm', client: scriptedModel([]) });
    await expect(agent.run([{ role: 'robot', content: 'x' } as never])).rejects.toBeInstanceOf(BadRequestError);
  });
});
