import OpenAI from 'openai';
import { answerAs } from './openai-bodies.js';
import { startFakeOpenAIServer } from './start-scripted-openai-server.js';

describe('startFakeOpenAIServer', () => {
  it('answers each request from the script, as JSON or as a stream, and records it', async () => {
    const reply = { message: { content: 'Hi there' }, usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 }, finishReason: 'stop' };
    const indexes: number[] = [];
    const server = await startFakeOpenAIServer((request, index) => {
      indexes.push(index);
      return answerAs(request, { ...reply, headers: { 'x-request-id': `req-${index}` } });
    });
    try {
      const client = new OpenAI({ apiKey: 'sk-test', baseURL: server.baseURL, maxRetries: 0 });
      const completion = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
      expect(completion.choices[0]?.message.content).toBe('Hi there');
      const stream = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: true });
      let text = '';
      let usage: unknown;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta.content ?? '';
        usage = chunk.usage ?? usage;
      }
      expect([text, usage]).toEqual(['Hi there', reply.usage]);
      expect(indexes).toEqual([0, 1]);
      expect(server.requests.map((request) => [request.method, request.path, request.body['stream'] ?? false])).toEqual([
        ['POST', '/v1/chat/completions', false],
        ['POST', '/v1/chat/completions', true],
      ]);
      expect(server.requests[0]?.headers['authorization']).toBe('Bearer sk-test');
    } finally {
      await server.close();
    }
  });

  it('answers with the scripted status and error body', async () => {
    const server = await startFakeOpenAIServer(() => ({ status: 429, json: { error: { message: 'slow down', type: 'rate_limit', param: null, code: null } } }));
    try {
      const client = new OpenAI({ apiKey: 'sk-test', baseURL: server.baseURL, maxRetries: 0 });
      await expect(client.chat.completions.create({ model: 'gpt-4o', messages: [] })).rejects.toMatchObject({ status: 429, message: expect.stringContaining('slow down') });
    } finally {
      await server.close();
    }
  });
});
