import { estimatePromptTokens } from '../plan/estimate-prompt-tokens.js';
import { startMockUpstream, type MockUpstream } from '../start-mock-upstream.js';
import { json, postJson } from '../testing-internal/sse.js';

let upstream: MockUpstream;
const headers = { 'x-goog-api-key': 'gemini-test-key' };
const request = {
  systemInstruction: { parts: [{ text: 'Be brief.' }] },
  contents: [{ role: 'user', parts: [{ text: 'Weather in Florence?' }] }],
};

beforeAll(async () => {
  upstream = await startMockUpstream({ completionTokens: 3 });
});
afterEach(() => upstream.reset());
afterAll(() => upstream.close());

const modelUrl = (method: string): string => `${upstream.url}/v1beta/models/gemini-2.5-flash:${method}`;

describe('Gemini generateContent', () => {
  it('answers with candidates, usageMetadata, modelVersion and responseId', async () => {
    const response = await postJson(modelUrl('generateContent'), request, headers);
    const body = await json(response);
    const promptTokens = estimatePromptTokens(request, 'gemini');

    expect(response.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    expect(body).toEqual({
      candidates: [{ content: { parts: [{ text: 'Hello from the.' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
      usageMetadata: {
        promptTokenCount: promptTokens,
        candidatesTokenCount: 3,
        totalTokenCount: promptTokens + 3,
        promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptTokens }],
      },
      modelVersion: 'gemini-2.5-flash',
      responseId: expect.stringMatching(/^[A-Za-z0-9]{23}$/),
    });
    expect(upstream.requests[0]).toMatchObject({ route: 'gemini.generate', model: 'gemini-2.5-flash', apiKey: 'gemini-test-key', stream: false });
  });

  it('reports thoughts and cached content apart from candidates', async () => {
    upstream.setBehaviour({ reply: 'reasoning', reasoning: 'Let me see.', text: 'Sunny.', usage: { promptTokens: 100, cachedTokens: 40 } });
    const body = await json(await postJson(modelUrl('generateContent'), request, headers));

    expect(body.candidates[0].content.parts).toEqual([{ text: 'Let me see.', thought: true }, { text: 'Sunny.' }]);
    expect(body.usageMetadata).toEqual({
      promptTokenCount: 100,
      candidatesTokenCount: 1,
      totalTokenCount: 104,
      cachedContentTokenCount: 40,
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: 100 }],
      cacheTokensDetails: [{ modality: 'TEXT', tokenCount: 40 }],
      thoughtsTokenCount: 3,
    });
  });

  it('returns functionCall parts with args objects and a thought signature', async () => {
    upstream.setBehaviour({ reply: 'tool_calls', calls: [{ name: 'add', arguments: { a: 2, b: 3 } }, { name: 'multiply', arguments: { a: 2, b: 3 } }] });
    const body = await json(await postJson(modelUrl('generateContent'), request, headers));

    expect(body.candidates[0]).toMatchObject({ finishReason: 'STOP', finishMessage: 'Model generated function call(s).' });
    expect(body.candidates[0].content.parts).toEqual([
      { functionCall: { name: 'add', args: { a: 2, b: 3 } }, thoughtSignature: expect.any(String) },
      { functionCall: { name: 'multiply', args: { a: 2, b: 3 } } },
    ]);
  });

  it('maps the output limit to MAX_TOKENS', async () => {
    const body = await json(await postJson(modelUrl('generateContent'), { ...request, generationConfig: { maxOutputTokens: 2 } }, headers));

    expect(body.candidates[0]).toMatchObject({ finishReason: 'MAX_TOKENS', content: { parts: [{ text: 'Hello from' }] } });
  });

  it('streams SSE frames ending in CRLF CRLF with cumulative usage and no [DONE]', async () => {
    const response = await postJson(`${modelUrl('streamGenerateContent')}?alt=sse`, request, headers);
    const text = await response.text();
    const frames = text.split('\r\n\r\n').filter((frame) => frame.length > 0);

    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(text.endsWith('\r\n\r\n')).toBe(true);
    expect(text).not.toContain('[DONE]');
    const payloads = frames.map((frame) => JSON.parse(frame.replace(/^data: /, '')));
    expect(payloads.map((payload) => payload.candidates[0].content.parts[0].text)).toEqual(['Hello', ' from', ' the.']);
    expect(payloads.map((payload) => payload.usageMetadata.candidatesTokenCount)).toEqual([1, 2, 3]);
    expect(payloads.map((payload) => payload.candidates[0].finishReason)).toEqual([undefined, undefined, 'STOP']);
    expect(new Set(payloads.map((payload) => payload.responseId)).size).toBe(1);
    expect(upstream.requests[0]).toMatchObject({ route: 'gemini.stream', stream: true, query: { alt: 'sse' } });
  });

  it('streams whole function calls, one per frame', async () => {
    upstream.setBehaviour({ reply: 'tool_calls', calls: [{ name: 'add', arguments: { a: 1 } }, { name: 'multiply', arguments: { b: 2 } }] });
    const text = await (await postJson(`${modelUrl('streamGenerateContent')}?alt=sse`, request, headers)).text();
    const payloads = text.split('\r\n\r\n').filter(Boolean).map((frame) => JSON.parse(frame.slice(6)));

    expect(payloads.map((payload) => payload.candidates[0].content.parts[0].functionCall)).toEqual([
      { name: 'add', args: { a: 1 } }, { name: 'multiply', args: { b: 2 } },
    ]);
    expect(payloads[1].candidates[0].finishReason).toBe('STOP');
  });

  it('answers streamGenerateContent without alt=sse as one JSON array', async () => {
    const body = await json(await postJson(modelUrl('streamGenerateContent'), request, headers));

    expect(Array.isArray(body)).toBe(true);
    expect(body).toHaveLength(3);
  });

  it('accepts the key as a query parameter', async () => {
    await postJson(`${modelUrl('generateContent')}?key=query-key`, request);

    expect(upstream.requests[0]?.apiKey).toBe('query-key');
  });

  it('rejects a request without contents in Google error format', async () => {
    const response = await postJson(modelUrl('generateContent'), {}, headers);

    expect(response.status).toBe(400);
    expect((await json(response)).error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
  });
});

describe('Gemini embeddings and models', () => {
  it('embeds one content, honouring outputDimensionality', async () => {
    const body = await json(await postJson(`${upstream.url}/v1beta/models/gemini-embedding-001:embedContent`, {
      content: { parts: [{ text: 'beach' }] }, outputDimensionality: 16,
    }, headers));
    const full = await json(await postJson(`${upstream.url}/v1beta/models/gemini-embedding-001:embedContent`, {
      content: { parts: [{ text: 'beach' }] },
    }, headers));

    expect(body.embedding.values).toHaveLength(16);
    expect(full.embedding.values).toHaveLength(3072);
  });

  it('batch-embeds, the same text giving the same vector', async () => {
    const body = await json(await postJson(`${upstream.url}/v1beta/models/text-embedding-004:batchEmbedContents`, {
      requests: ['a', 'b', 'a'].map((text) => ({ model: 'models/text-embedding-004', content: { parts: [{ text }] } })),
    }, headers));

    expect(body.embeddings).toHaveLength(3);
    expect(body.embeddings[0].values).toHaveLength(768);
    expect(body.embeddings[0].values).toEqual(body.embeddings[2].values);
    expect(body.embeddings[0].values).not.toEqual(body.embeddings[1].values);
  });

  it('lists models as models/<id>', async () => {
    const body = await json(await fetch(`${upstream.url}/v1beta/models`, { headers }));

    expect(body.models[0]).toMatchObject({ name: 'models/mock-model', supportedGenerationMethods: ['generateContent', 'countTokens'] });
  });
});
