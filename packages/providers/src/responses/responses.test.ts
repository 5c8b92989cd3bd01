import { BadRequestError, type ResponsesStreamEvent } from '@tollgate/core';
import { responses } from './responses.js';

describe('responses()', () => {
  it('answers a Responses request through any provider (here the offline mock), with usage and its cost', async () => {
    const response = await responses({ model: 'mock/gpt-4o', instructions: 'Be brief.', input: 'Ping' }, { mockResponse: 'Pong!' });
    expect(response).toMatchObject({ object: 'response', status: 'completed', store: false, instructions: 'Be brief.' });
    expect(response.output).toEqual([{ type: 'message', id: expect.stringMatching(/^msg_/), role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Pong!', annotations: [], logprobs: [] }] }]);
    expect(response.usage?.output_tokens).toBeGreaterThan(0);
    expect(response.usage?.cost).toBeGreaterThan(0);
    expect(response.tollgate?.provider).toBe('mock');
    expect(JSON.parse(JSON.stringify(response))).not.toHaveProperty('tollgate');
  });

  it('streams Responses events from response.created to response.completed', async () => {
    const stream = await responses({ model: 'mock/gpt-4o', input: 'Ping', stream: true }, { mockResponse: 'one two three' });
    const events: ResponsesStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_event, index) => index));
    expect(events[0]?.type).toBe('response.created');
    const text = events.flatMap((event) => (event.type === 'response.output_text.delta' ? [event.delta] : [])).join('');
    expect(text).toBe('one two three');
    const last = events.at(-1);
    expect(last?.type === 'response.completed' && last.response.usage?.total_tokens).toBeGreaterThan(0);
    expect(stream.tollgate?.provider).toBe('mock');
  });

  it('continues a conversation from the history the caller passes, and refuses previous_response_id without it', async () => {
    const history = [
      { role: 'user' as const, content: 'My name is Ada.' },
      { type: 'message' as const, id: 'msg_1', role: 'assistant' as const, status: 'completed' as const, content: [{ type: 'output_text' as const, text: 'Hi Ada.' }] },
    ];
    const response = await responses({ model: 'mock/gpt-4o', input: 'Name?', previous_response_id: 'resp_1' }, { history });
    expect(response.previous_response_id).toBe('resp_1');
    expect(response.usage?.input_tokens).toBeGreaterThan((await responses({ model: 'mock/gpt-4o', input: 'Name?' })).usage?.input_tokens ?? Infinity);
    await expect(responses({ model: 'mock/gpt-4o', input: 'x', previous_response_id: 'resp_1' })).rejects.toBeInstanceOf(BadRequestError);
  });

  it('refuses built-in tools and invalid requests before any call', async () => {
    await expect(responses({ model: 'mock/gpt-4o', input: 'x', tools: [{ type: 'file_search' }] })).rejects.toMatchObject({ status: 400, param: 'tools[0].type' });
    await expect(responses({ model: 'mock/gpt-4o', input: 'x', temperature: 3 })).rejects.toMatchObject({ status: 400, param: 'temperature' });
    // Only a store resolves an item reference: the SDK keeps none.
    await expect(responses({ model: 'mock/gpt-4o', input: [{ type: 'item_reference', id: 'rs_1' }] })).rejects.toMatchObject({ status: 400, param: 'input' });
  });
});
