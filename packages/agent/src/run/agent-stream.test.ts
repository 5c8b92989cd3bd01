import { z } from 'zod';
import { Agent } from '../agent/agent.js';
import { MaxTurnsExceededError } from '../errors/max-turns-exceeded-error.js';
import { scriptedModel } from '../testing/scripted-model.js';
import { tool } from '../tool/tool.js';
import type { AgentEvent } from './agent-event.js';

const lookup = tool({
  name: 'lookup',
  description: 'Looks a word up',
  parameters: z.object({ word: z.string() }),
  execute: async ({ word }) => {
    // The first call finishes last, so results arrive out of call order.
    await new Promise((resolve) => setTimeout(resolve, word === 'slow' ? 40 : 1));
    return `${word}: found`;
  },
});

async function collect(events: AsyncIterable<AgentEvent>): Promise<AgentEvent[]> {
  const collected: AgentEvent[] = [];
  for await (const event of events) collected.push(event);
  return collected;
}

/** Consecutive deltas of one type folded into one entry, for a readable order assertion. */
function shape(events: readonly AgentEvent[]): string[] {
  const result: string[] = [];
  for (const event of events) {
    const label = event.type === 'tool-call' || event.type === 'tool-result' ? `${event.type}:${event.callId}` : event.type;
    if (result.at(-1) !== label || !label.endsWith('-delta')) result.push(label);
  }
  return result;
}

describe('Agent.stream', () => {
  it('yields deltas, tool calls, results as they finish, turn ends and run-end last', async () => {
    const model = scriptedModel([
      { reasoning: 'I should look both up.', text: 'Let me check.', toolCalls: [{ id: 'c_slow', name: 'lookup', arguments: { word: 'slow' } }, { id: 'c_fast', name: 'lookup', arguments: { word: 'fast' } }] },
      { text: 'Both words were found in the dictionary.' },
    ]);
    const events = await collect(new Agent({ model: 'test/model', tools: [lookup], client: model }).stream('Look up slow and fast'));

    expect(shape(events)).toEqual([
      'reasoning-delta',
      'text-delta',
      'tool-call:c_slow',
      'tool-call:c_fast',
      'tool-result:c_fast',
      'tool-result:c_slow',
      'turn-end',
      'text-delta',
      'turn-end',
      'run-end',
    ]);
    const text = events.flatMap((event) => (event.type === 'text-delta' && event.turn === 2 ? [event.text] : [])).join('');
    expect(text).toBe('Both words were found in the dictionary.');
    expect(events.filter((event) => event.type === 'text-delta').length).toBeGreaterThan(2);
    const end = events.at(-1);
    expect(end?.type === 'run-end' && end.result.finalText).toBe('Both words were found in the dictionary.');
    expect(end?.type === 'run-end' && end.error).toBeUndefined();
    // Tool messages are in call order even though the fast one finished first.
    const toolIds = end?.type === 'run-end' ? end.result.messages.flatMap((message) => (message.role === 'tool' ? [message.tool_call_id] : [])) : [];
    expect(toolIds).toEqual(['c_slow', 'c_fast']);
    expect(model.calls.every((call) => call.streamed)).toBe(true);
  });

  it('reports turn usage and cost in turn-end events', async () => {
    const model = scriptedModel([{ text: 'hi', usage: { prompt_tokens: 10, completion_tokens: 3 }, costUsd: 0.001 }]);
    const events = await collect(new Agent({ model: 'test/model', client: model }).stream('x'));
    const turnEnd = events.find((event) => event.type === 'turn-end');
    expect(turnEnd).toMatchObject({ turn: 1, costUsd: 0.001, totalCostUsd: 0.001, finishReason: 'stop', usage: { prompt_tokens: 10, completion_tokens: 3 } });
  });

  it('ends with a run-end event carrying the limit error instead of throwing', async () => {
    const model = scriptedModel([{ toolCalls: [{ id: 'c1', name: 'lookup', arguments: { word: 'a' } }] }, { toolCalls: [{ id: 'c2', name: 'lookup', arguments: { word: 'b' } }] }]);
    const events = await collect(new Agent({ model: 'test/model', tools: [lookup], client: model, maxTurns: 1 }).stream('x'));
    const end = events.at(-1);
    expect(end?.type).toBe('run-end');
    expect(end?.type === 'run-end' && end.error).toBeInstanceOf(MaxTurnsExceededError);
    expect(end?.type === 'run-end' && end.result.stopReason).toBe('max_turns');
  });
});

describe('reasoning in the history', () => {
  it('sends reasoning_content and signed thinking blocks back with the assistant turn', async () => {
    const thinkingBlocks = [{ type: 'thinking' as const, thinking: 'Need the weather.', signature: 'sig-123' }, { type: 'redacted_thinking' as const, data: 'opaque' }];
    for (const mode of ['run', 'stream'] as const) {
      const model = scriptedModel([
        { reasoning: 'Need the weather.', thinkingBlocks, toolCalls: [{ id: 'c1', name: 'lookup', arguments: { word: 'rain' } }] },
        { text: 'It rains.' },
      ]);
      const agent = new Agent({ model: 'test/model', tools: [lookup], client: model });
      if (mode === 'run') await agent.run('Weather?');
      else await collect(agent.stream('Weather?'));
      expect(model.calls[1]?.request.messages[1]).toEqual({
        role: 'assistant',
        content: null,
        reasoning_content: 'Need the weather.',
        thinking_blocks: thinkingBlocks,
        tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup', arguments: '{"word":"rain"}' } }],
      });
    }
  });
});
