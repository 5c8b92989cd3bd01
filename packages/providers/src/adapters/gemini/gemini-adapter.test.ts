import { AuthenticationError, RateLimitError } from '@tollgate/core';
import { completion } from '../../completion/completion.js';
import { embedding } from '../../completion/embedding.js';
import { collect } from '../../testing-internal/aggregate-chunks.js';
import { jsonReply, sseReply } from '../../testing-internal/fixtures.js';
import { startReplayServer, type ReplayServer } from '@tollgate/testing';
import { aggregateChunks } from '../../testing-internal/native-adapter-test-kit.js';
import { parseGeminiToolCallId } from './gemini-tool-call-id.js';

// End to end through `completion()`/`embedding()`, the shared transport and a local server replaying fixtures.
const FIXTURES = `${__dirname}/__fixtures__`;
const forecastTool = {
  type: 'function' as const,
  function: {
    name: 'get_forecast',
    parameters: { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' } }, required: ['city'] },
  },
};
const messages = [
  { role: 'system' as const, content: 'You are terse.' },
  { role: 'user' as const, content: 'Forecast for Lisbon?' },
];

let server: ReplayServer;
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(async () => {
  await server.close();
});

describe('gemini adapter over HTTP', () => {
  it('calls generateContent with x-goog-api-key and returns a tool call whose id survives the round trip', async () => {
    server.enqueue(jsonReply(FIXTURES, 'chat-tool-call.json'), jsonReply(FIXTURES, 'chat-basic.json'));
    const first = await completion({
      model: 'gemini/gemini-2.5-flash',
      messages,
      tools: [forecastTool],
    }, { apiKey: 'AIza-test', apiBase: `${server.url}/v1beta` });
    const [request] = server.requests;
    expect(request?.url).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(request?.headers['x-goog-api-key']).toBe('AIza-test');
    expect(request?.body).toMatchObject({
      systemInstruction: { parts: [{ text: 'You are terse.' }] },
      contents: [{ role: 'user', parts: [{ text: 'Forecast for Lisbon?' }] }],
      tools: [{ functionDeclarations: [{ name: 'get_forecast' }] }],
    });
    const toolCall = first.choices[0]?.message.tool_calls?.[0];
    expect(first.choices[0]?.finish_reason).toBe('tool_calls');
    expect(toolCall?.function).toEqual({ name: 'get_forecast', arguments: '{"city":"Lisbon","days":3}' });

    // The client sends the call back as OpenAI clients do (id, type, function only): the signature comes along.
    await completion({
      model: 'gemini/gemini-2.5-flash',
      messages: [
        ...messages,
        { role: 'assistant' as const, content: null, tool_calls: [{ id: toolCall?.id ?? '', type: 'function' as const, function: toolCall!.function }] },
        { role: 'tool' as const, tool_call_id: toolCall?.id ?? '', content: 'Sunny, 24 C' },
      ],
      tools: [forecastTool],
    }, { apiKey: 'AIza-test', apiBase: `${server.url}/v1beta` });
    const { baseId } = parseGeminiToolCallId(toolCall?.id ?? '');
    expect((server.requests[1]?.body as { contents: unknown[] }).contents.slice(1)).toEqual([
      {
        role: 'model',
        parts: [
          {
            functionCall: { name: 'get_forecast', args: { city: 'Lisbon', days: 3 }, id: baseId },
            thoughtSignature: 'CqABAb4+9vsQx7Lm2NpK8rT3wYz5AbC1dEfG4hIjK6lMnO0pQrS9tUvW',
          },
        ],
      },
      { role: 'user', parts: [{ functionResponse: { name: 'get_forecast', response: { output: 'Sunny, 24 C' }, id: baseId } }] },
    ]);
  });

  it('streams from streamGenerateContent?alt=sse cut at random offsets', async () => {
    server.enqueue(sseReply(FIXTURES, 'stream-text.sse.txt', { split: { randomSeed: 3, maxPieceBytes: 9 } }));
    const stream = await completion({
      model: 'gemini/gemini-2.5-flash',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    }, { apiKey: 'AIza-test', apiBase: `${server.url}/v1beta` });
    const chunks = await collect(stream);
    expect(server.requests[0]?.url).toBe('/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(aggregateChunks(chunks).choices[0]?.message.content).toBe('Olá! Tudo bem? Çà va — très bien 🙂.');
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 13, completion_tokens: 52 } });
  });

  it('maps HTTP errors: 400 API_KEY_INVALID and 429 RESOURCE_EXHAUSTED', async () => {
    server.enqueue(
      jsonReply(FIXTURES, 'error-400-api-key-invalid.json', { status: 400 }),
      jsonReply(FIXTURES, 'error-429-resource-exhausted.json', { status: 429 }),
    );
    const call = () => completion({ model: 'gemini/gemini-2.5-flash', messages }, { apiKey: 'bad', apiBase: `${server.url}/v1beta` });
    await expect(call()).rejects.toBeInstanceOf(AuthenticationError);
    const rateLimited = await call().catch((error: unknown) => error);
    expect(rateLimited).toBeInstanceOf(RateLimitError);
    expect(rateLimited).toMatchObject({ retryAfterSeconds: 21.5, isRetryable: true });
  });

  it('embeds through batchEmbedContents', async () => {
    server.enqueue(jsonReply(FIXTURES, 'embeddings.json'));
    const result = await embedding({
      model: 'gemini/gemini-embedding-001',
      input: ['first text', 'second text'],
      dimensions: 5,
      task_type: 'RETRIEVAL_DOCUMENT',
    }, { apiKey: 'AIza-test', apiBase: `${server.url}/v1beta` });
    expect(server.requests[0]?.url).toBe('/v1beta/models/gemini-embedding-001:batchEmbedContents');
    expect(server.requests[0]?.body).toEqual({
      requests: ['first text', 'second text'].map((text) => ({
        model: 'models/gemini-embedding-001',
        content: { parts: [{ text }] },
        outputDimensionality: 5,
        taskType: 'RETRIEVAL_DOCUMENT',
      })),
    });
    expect(result).toMatchObject({
      object: 'list',
      model: 'gemini-embedding-001',
      data: [
        { object: 'embedding', index: 0, embedding: [0.0123, -0.0456, 0.0789, -0.0012, 0.0345] },
        { object: 'embedding', index: 1, embedding: [-0.0211, 0.0332, -0.0443, 0.0554, -0.0665] },
      ],
    });
  });
});
