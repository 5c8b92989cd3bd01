import { z } from 'zod';
import { runToolCall } from './run-tool-call.js';
import { tool, type Tool } from './tool.js';

function call(name: string, args: string, id = 'call_1') {
  return { id, type: 'function' as const, function: { name, arguments: args } };
}

function toolsOf(...tools: Tool[]): Map<string, Tool> {
  return new Map(tools.map((entry) => [entry.name, entry]));
}

const add = tool({
  name: 'add',
  description: 'Adds two numbers',
  parameters: z.object({ a: z.number(), b: z.number() }),
  execute: ({ a, b }) => ({ sum: a + b }),
});

describe('runToolCall', () => {
  it('runs the tool with parsed arguments and sends non-string results as JSON', async () => {
    const outcome = await runToolCall({ call: call('add', '{"a":2,"b":3}'), tools: toolsOf(add), defaultTimeoutMs: 1000, signal: undefined });
    expect(outcome).toMatchObject({ callId: 'call_1', name: 'add', output: '{"sum":5}', isError: false, arguments: { a: 2, b: 3 } });
  });

  it('answers an unknown tool with the list of tools', async () => {
    const outcome = await runToolCall({ call: call('mul', '{}'), tools: toolsOf(add), defaultTimeoutMs: 1000, signal: undefined });
    expect(outcome).toMatchObject({ isError: true, output: 'Unknown tool "mul". Available tools: add.' });
  });

  it('turns an exception into an error result with its message', async () => {
    const failing = tool({
      name: 'explode',
      description: 'Fails',
      parameters: z.object({}),
      execute: () => {
        throw new Error('disk full');
      },
    });
    const outcome = await runToolCall({ call: call('explode', '{}'), tools: toolsOf(failing), defaultTimeoutMs: 1000, signal: undefined });
    expect(outcome).toMatchObject({ isError: true, output: 'Error running tool "explode": disk full' });
  });

  it('stops waiting at the timeout and aborts the tool signal', async () => {
    let toolSignal: AbortSignal | undefined;
    const slow = tool({
      name: 'slow',
      description: 'Never ends',
      parameters: z.object({}),
      timeoutMs: 50,
      execute: (_args, context) => {
        toolSignal = context.signal;
        return new Promise(() => undefined);
      },
    });
    const started = Date.now();
    const outcome = await runToolCall({ call: call('slow', '{}'), tools: toolsOf(slow), defaultTimeoutMs: 10_000, signal: undefined });
    expect(outcome).toMatchObject({ isError: true, output: 'Tool "slow" timed out after 50 ms and was stopped.' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(toolSignal?.aborted).toBe(true);
  });

  it('answers as cancelled when the run is aborted while the tool runs', async () => {
    const controller = new AbortController();
    const waiting = tool({
      name: 'wait',
      description: 'Waits',
      parameters: z.object({}),
      execute: () => {
        setTimeout(() => controller.abort(), 10);
        return new Promise(() => undefined);
      },
    });
    const outcome = await runToolCall({ call: call('wait', '{}'), tools: toolsOf(waiting), defaultTimeoutMs: 10_000, signal: controller.signal });
    expect(outcome).toMatchObject({ isError: true, output: 'Tool "wait" was cancelled: the run was stopped before it finished.' });
  });
});
