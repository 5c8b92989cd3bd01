import type { ChatCompletionChunk } from '@tollgate/core';
import { StreamOutputGuard } from './stream-output-guard.js';

const chunkOf = (content: string, index = 0): ChatCompletionChunk =>
  ({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index, delta: { content }, finish_reason: null }] });

/** A tokenizer stand-in: one token per space-separated word. */
const words = (text: string) => text.split(' ').filter((word) => word !== '').length;

describe('StreamOutputGuard', () => {
  it('stops on the first chunk past the reservation', () => {
    const guard = new StreamOutputGuard({ limitTokens: 10, countTokens: words });
    const passedAt = Array.from({ length: 30 }, () => guard.passed(chunkOf(' tok'))).indexOf(true);
    expect(passedAt).toBe(10);
  });

  it('never stops a stream that stays within its reservation, however short its tokens', () => {
    const guard = new StreamOutputGuard({ limitTokens: 100, countTokens: words });
    // 100 one-character tokens: a character estimate alone would not trip, and the chunk count stays at the limit.
    expect(Array.from({ length: 100 }, () => guard.passed(chunkOf(' a'))).some(Boolean)).toBe(false);
  });

  it('stops a stream whose chunks carry many tokens each, by counting exactly when the estimate reaches the limit', () => {
    let exactCounts = 0;
    const guard = new StreamOutputGuard({ limitTokens: 50, countTokens: (text) => ((exactCounts += 1), words(text)) });
    const chunk = ' tok'.repeat(20);
    expect([guard.passed(chunkOf(chunk)), guard.passed(chunkOf(chunk))]).toEqual([false, false]);
    expect(guard.passed(chunkOf(chunk))).toBe(true);
    expect(exactCounts).toBeLessThanOrEqual(2);
  });

  it('counts reasoning and tool-call arguments, and keeps the output text for billing', () => {
    const guard = new StreamOutputGuard({ limitTokens: undefined, countTokens: words });
    const reasoning = { choices: [{ index: 0, delta: { reasoning_content: 'think ' }, finish_reason: null }] } as unknown as ChatCompletionChunk;
    const call = { choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"a":1}' } }] }, finish_reason: null }] } as unknown as ChatCompletionChunk;
    expect(guard.passed(reasoning)).toBe(false);
    expect(guard.passed(call)).toBe(false);
    expect(guard.outputText).toBe('think {"a":1}');
  });

  it('takes Responses output deltas the same way: stops past the reservation, keeps the text, ignores empty pieces', () => {
    const guard = new StreamOutputGuard({ limitTokens: 3, countTokens: words });
    expect(['one', '', ' two', ' three'].map((piece) => guard.passedOutput(piece))).toEqual([false, false, false, false]);
    expect(guard.passedOutput(' four')).toBe(true);
    expect(guard.outputText).toBe('one two three four');
  });
});
