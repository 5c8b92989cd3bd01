import { messagesResponseSchema, messagesStreamEventSchema } from '@tollgate/core';
import { accumulateMessagesEvents, messages } from '../index.js';

describe('messages()', () => {
  const request = {
    model: 'mock/gpt-4o',
    max_tokens: 100,
    system: 'Be brief.',
    messages: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Where is the meeting?' }] }],
  };

  it('answers a Messages request from any provider as a message, with what it cost', async () => {
    const reply = await messages(request, { mockResponse: 'In Oslo.' });
    expect(messagesResponseSchema.parse(reply)).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: 'In Oslo.' }],
      stop_reason: 'end_turn',
    });
    expect(reply.usage.input_tokens).toBeGreaterThan(0);
    expect(reply.usage.output_tokens).toBeGreaterThan(0);
    expect(reply.tollgate?.provider).toBe('mock');
  });

  it('streams Anthropic events, message_start … message_stop, folding into the same text', async () => {
    const stream = await messages({ ...request, stream: true }, { mockResponse: 'In Oslo, room 4.' });
    const events = [];
    for await (const event of stream) events.push(messagesStreamEventSchema.parse(event));
    expect(events[0]?.type).toBe('message_start');
    expect(events.at(-1)?.type).toBe('message_stop');
    const folded = accumulateMessagesEvents(events);
    expect(folded.content).toEqual([{ type: 'text', text: 'In Oslo, room 4.' }]);
    expect(folded.stop_reason).toBe('end_turn');
    expect(folded.usage.output_tokens).toBeGreaterThan(0);
  });

  it('refuses a request without max_tokens, naming it', async () => {
    const { max_tokens: _dropped, ...withoutMax } = request;
    await expect(messages(withoutMax as never)).rejects.toMatchObject({ status: 400, param: 'max_tokens' });
  });
});
