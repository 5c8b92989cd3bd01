import { parseBehaviour } from './parse-behaviour.js';

describe('parseBehaviour', () => {
  it('accepts every behaviour kind with knobs', () => {
    const behaviours = [
      { reply: 'text', text: 'hi', completionTokens: 3, delayMs: 10, chunkDelayMs: 1, disconnectAfterChunks: 2 },
      { reply: 'tool_calls', calls: [{ name: 'f', arguments: { a: 1 } }, { name: 'g', arguments: '{"b":2}' }] },
      { reply: 'reasoning', reasoning: 'r', text: 't', usage: { reasoningTokens: 9 } },
      { reply: 'error', status: 429, headers: { 'retry-after': '1' }, body: { any: 'thing' } },
      { reply: 'raw', status: 200, body: ['data: {}', '\n\n'], contentType: 'text/event-stream' },
    ];

    for (const behaviour of behaviours) expect(parseBehaviour(behaviour)).toBe(behaviour);
  });

  it.each([
    [null, 'must be a JSON object'],
    [{ reply: 'text', delayMs: -1 }, 'behaviour.delayMs must be a non-negative integer'],
    [{ reply: 'text', text: 3 }, 'behaviour.text must be a string'],
    [{ reply: 'text', usage: { tokens: 1 } }, 'behaviour.usage.tokens is not a known field'],
    [{ reply: 'text', headers: { a: 1 } }, 'behaviour.headers must map names to strings'],
    [{ reply: 'tool_calls', calls: [] }, 'behaviour.calls must be a non-empty array'],
    [{ reply: 'tool_calls', calls: [{ name: 'f', arguments: 1 }] }, 'behaviour.calls[0].arguments must be a string or an object'],
    [{ reply: 'reasoning', text: 'only text' }, 'behaviour.reasoning and behaviour.text are required'],
    [{ reply: 'raw', body: { not: 'text' } }, 'behaviour.body must be a string or an array of strings for raw'],
  ])('rejects %j', (value, message) => {
    expect(() => parseBehaviour(value)).toThrow(message);
  });
});
