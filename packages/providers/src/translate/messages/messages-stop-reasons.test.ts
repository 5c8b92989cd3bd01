import type { ChatCompletion, ChatCompletionChunk } from '@tollgate/core';
import { accumulateMessagesEvents, ChatChunksToMessagesEvents, chatCompletionToMessagesResponse, toMessagesStopReason } from '../../index.js';

describe('stop reasons', () => {
  it.each([
    ['stop', undefined, 'end_turn'],
    ['stop', 'stop_sequence', 'stop_sequence'],
    ['length', undefined, 'max_tokens'],
    ['tool_calls', undefined, 'tool_use'],
    ['function_call', undefined, 'tool_use'],
    ['content_filter', undefined, 'refusal'],
  ] as const)('%s (native %s) → %s', (finish, native, expected) => {
    expect(toMessagesStopReason(finish, native)).toBe(expected);
  });

  const completion = (finish: 'stop' | 'length', native?: string): ChatCompletion => ({
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'm',
    choices: [{ index: 0, finish_reason: finish, message: { role: 'assistant', content: 'Hello' }, ...(native ? { provider_specific_fields: { native_finish_reason: native } } : {}) }],
    usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
  });

  it('names the stop sequence that ended the text when the request gave one', () => {
    const reply = chatCompletionToMessagesResponse(completion('stop', 'stop_sequence'), { stop_sequences: ['\n\nHuman:'] });
    expect(reply).toMatchObject({ id: 'msg_chatcmpl-1', stop_reason: 'stop_sequence', stop_sequence: '\n\nHuman:' });
    expect(chatCompletionToMessagesResponse(completion('stop', 'stop_sequence'), { stop_sequences: ['a', 'b'] }).stop_sequence).toBeNull();
    expect(chatCompletionToMessagesResponse(completion('length'))).toMatchObject({ stop_reason: 'max_tokens', stop_sequence: null });
  });
});

describe('ChatChunksToMessagesEvents', () => {
  const chunk = (delta: Record<string, unknown>, finish: string | null = null): ChatCompletionChunk => ({
    id: 'c1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'm',
    choices: [{ index: 0, delta, finish_reason: finish as never }],
  });

  it('gives redacted thinking its own block, and reasoning without a signature an unsigned thinking block', () => {
    const events = new ChatChunksToMessagesEvents({ model: 'm' });
    const all = [
      ...events.push(chunk({ thinking_blocks: [{ type: 'redacted_thinking', data: 'enc' }] })),
      ...events.push(chunk({ reasoning_content: 'hm' })),
      ...events.push(chunk({ content: 'ok' }, 'stop')),
      ...events.finish({ prompt_tokens: 10, completion_tokens: 2, total_tokens: 12, prompt_tokens_details: { cached_tokens: 4 } }),
    ];
    const message = accumulateMessagesEvents(all);
    expect(message.content).toEqual([
      { type: 'redacted_thinking', data: 'enc' },
      { type: 'thinking', thinking: 'hm', signature: '' },
      { type: 'text', text: 'ok' },
    ]);
    expect(message.usage).toMatchObject({ input_tokens: 6, cache_read_input_tokens: 4, output_tokens: 2 });
    expect(all.filter((event) => event.type === 'content_block_start')).toHaveLength(3);
    expect(all.filter((event) => event.type === 'content_block_stop')).toHaveLength(3);
  });

  it('still opens and closes the message when the stream had no output', () => {
    const events = new ChatChunksToMessagesEvents({ model: 'm', inputTokens: 7 });
    const all = events.finish(undefined);
    expect(all.map((event) => event.type)).toEqual(['message_start', 'message_delta', 'message_stop']);
    expect(accumulateMessagesEvents(all)).toMatchObject({ content: [], stop_reason: 'end_turn', usage: { input_tokens: 7, output_tokens: 0 } });
  });
});
