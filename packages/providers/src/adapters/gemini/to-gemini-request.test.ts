import { BadRequestError, parseChatCompletionRequest, type ChatCompletionRequest } from '@tollgate/core';
import { testContext } from '../../testing-internal/native-adapter-test-kit.js';
import { toGeminiRequest } from './to-gemini-request.js';

const context = testContext({
  providerId: 'gemini',
  model: 'gemini-2.5-flash',
  apiBase: 'https://generativelanguage.googleapis.com/v1beta',
});

function request(body: Record<string, unknown>): ChatCompletionRequest {
  return parseChatCompletionRequest({ model: 'gemini/gemini-2.5-flash', ...body });
}

const forecastTool = {
  type: 'function',
  function: {
    name: 'get_forecast',
    description: 'Weather forecast for a city',
    parameters: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      additionalProperties: false,
      properties: { city: { type: 'string', format: 'city-name' }, days: { type: ['integer', 'null'] } },
      required: ['city'],
    },
  },
};

describe('toGeminiRequest', () => {
  it('posts generateContent with x-goog-api-key, system as systemInstruction, generationConfig params', () => {
    const spec = toGeminiRequest(
      request({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hello' },
        ],
        max_tokens: 256,
        temperature: 0.3,
        top_p: 0.9,
        stop: ['END'],
        seed: 7,
        n: 2,
      }),
      context,
    );
    expect(spec.url).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent');
    expect(spec.headers).toMatchObject({ 'x-goog-api-key': 'test-key' });
    expect(spec.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Hello' }] }],
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
      generationConfig: { maxOutputTokens: 256, temperature: 0.3, topP: 0.9, stopSequences: ['END'], seed: 7, candidateCount: 2 },
    });
  });

  it('streams through streamGenerateContent?alt=sse', () => {
    const spec = toGeminiRequest(request({ messages: [{ role: 'user', content: 'Hi' }] }), { ...context, stream: true });
    expect(spec.url).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse');
    expect(spec.body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] });
  });

  it('adds /v1beta to a base that has no API version', () => {
    const bare = toGeminiRequest(request({ messages: [{ role: 'user', content: 'Hi' }] }), { ...context, apiBase: 'http://127.0.0.1:8080' });
    expect(bare.url).toBe('http://127.0.0.1:8080/v1beta/models/gemini-2.5-flash:generateContent');
    const v1 = toGeminiRequest(request({ messages: [{ role: 'user', content: 'Hi' }] }), { ...context, apiBase: 'http://127.0.0.1:8080/v1' });
    expect(v1.url).toBe('http://127.0.0.1:8080/v1/models/gemini-2.5-flash:generateContent');
  });

  it('declares tools with cleaned schemas and maps tool_choice', () => {
    const body = (extra: Record<string, unknown>) =>
      toGeminiRequest(request({ messages: [{ role: 'user', content: 'Forecast?' }], tools: [forecastTool], ...extra }), context).body as Record<
        string,
        unknown
      >;
    expect(body({})['tools']).toEqual([
      {
        functionDeclarations: [
          {
            name: 'get_forecast',
            description: 'Weather forecast for a city',
            parameters: {
              type: 'object',
              properties: { city: { type: 'string' }, days: { type: 'integer', nullable: true } },
              required: ['city'],
            },
          },
        ],
      },
    ]);
    expect(body({})['toolConfig']).toBeUndefined();
    expect(body({ tool_choice: 'auto' })['toolConfig']).toEqual({ functionCallingConfig: { mode: 'AUTO' } });
    expect(body({ tool_choice: 'required' })['toolConfig']).toEqual({ functionCallingConfig: { mode: 'ANY' } });
    expect(body({ tool_choice: 'none' })['toolConfig']).toEqual({ functionCallingConfig: { mode: 'NONE' } });
    expect(body({ tool_choice: { type: 'function', function: { name: 'get_forecast' } } })['toolConfig']).toEqual({
      functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_forecast'] },
    });
  });

  it('omits parameters of a function that takes none', () => {
    const body = toGeminiRequest(
      request({
        messages: [{ role: 'user', content: 'Time?' }],
        tools: [{ type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } }],
      }),
      context,
    ).body as { tools: { functionDeclarations: unknown[] }[] };
    expect(body.tools[0]?.functionDeclarations).toEqual([{ name: 'get_time' }]);
  });

  it('replays a tool loop: functionCall parts with their signature, functionResponse parts named by call id', () => {
    const body = toGeminiRequest(
      request({
        messages: [
          { role: 'user', content: 'Add and multiply 7 and 5' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [
              { id: 'q2w8e4r1__thought__SIG-ONE', type: 'function', function: { name: 'add', arguments: '{"x":7,"y":5}' } },
              { id: 'call_AAAAAAAAAAAAAAAAAAAAAAAA', type: 'function', function: { name: 'multiply', arguments: '{"x":7,"y":5}' } },
            ],
          },
          { role: 'tool', tool_call_id: 'q2w8e4r1__thought__SIG-ONE', content: '12' },
          { role: 'tool', tool_call_id: 'call_AAAAAAAAAAAAAAAAAAAAAAAA', content: '35' },
        ],
      }),
      context,
    ).body as Record<string, unknown>;
    expect(body['contents']).toEqual([
      { role: 'user', parts: [{ text: 'Add and multiply 7 and 5' }] },
      {
        role: 'model',
        parts: [
          { functionCall: { name: 'add', args: { x: 7, y: 5 }, id: 'q2w8e4r1' }, thoughtSignature: 'SIG-ONE' },
          { functionCall: { name: 'multiply', args: { x: 7, y: 5 }, id: 'call_AAAAAAAAAAAAAAAAAAAAAAAA' } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'add', response: { output: '12' }, id: 'q2w8e4r1' } },
          { functionResponse: { name: 'multiply', response: { output: '35' }, id: 'call_AAAAAAAAAAAAAAAAAAAAAAAA' } },
        ],
      },
    ]);
  });

  it('refuses a tool result whose call is unknown, naming the param', () => {
    expect(() =>
      toGeminiRequest(request({ messages: [{ role: 'user', content: 'x' }, { role: 'tool', tool_call_id: 'nope', content: '1' }] }), context),
    ).toThrow(expect.objectContaining({ param: 'messages[1].tool_call_id' }));
    expect(() =>
      toGeminiRequest(request({ messages: [{ role: 'user', content: 'x' }, { role: 'tool', tool_call_id: 'nope', content: '1' }] }), context),
    ).toThrow(BadRequestError);
  });

  it('maps images, audio and files to inlineData or fileData', () => {
    const body = toGeminiRequest(
      request({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Describe' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
              { type: 'image_url', image_url: 'https://example.com/cat.webp' },
              { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
              { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0=' } },
            ],
          },
        ],
      }),
      context,
    ).body as { contents: { parts: unknown[] }[] };
    expect(body.contents[0]?.parts).toEqual([
      { text: 'Describe' },
      { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
      { fileData: { mimeType: 'image/webp', fileUri: 'https://example.com/cat.webp' } },
      { inlineData: { mimeType: 'audio/wav', data: 'UklGRg==' } },
      { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0=' } },
    ]);
  });

  it('asks for JSON with responseMimeType and a cleaned responseSchema', () => {
    const body = toGeminiRequest(
      request({
        messages: [{ role: 'user', content: 'A person' }],
        response_format: {
          type: 'json_schema',
          json_schema: {
            name: 'person',
            schema: {
              type: 'object',
              properties: { name: { type: 'string' }, kind: { const: 'human' }, pet: { $ref: '#/$defs/Pet' } },
              $defs: { Pet: { type: 'object', properties: { name: { type: 'string' } }, additionalProperties: false } },
            },
          },
        },
      }),
      context,
    ).body as { generationConfig: Record<string, unknown> };
    expect(body.generationConfig).toEqual({
      responseMimeType: 'application/json',
      responseSchema: {
        type: 'object',
        properties: { name: { type: 'string' }, kind: { enum: ['human'] }, pet: { type: 'object', properties: { name: { type: 'string' } } } },
      },
    });
  });

  it('maps reasoning to thinkingConfig: budgets on Gemini 2.x, levels on Gemini 3', () => {
    const config = (extra: Record<string, unknown>, model = 'gemini-2.5-flash') =>
      (toGeminiRequest(request({ messages: [{ role: 'user', content: 'Think' }], ...extra }), { ...context, model }).body as {
        generationConfig?: Record<string, unknown>;
      }).generationConfig?.['thinkingConfig'];
    expect(config({ reasoning_effort: 'low' })).toEqual({ includeThoughts: true, thinkingBudget: 1024 });
    expect(config({ reasoning_effort: 'medium' })).toEqual({ includeThoughts: true, thinkingBudget: 2048 });
    expect(config({ reasoning_effort: 'high' })).toEqual({ includeThoughts: true, thinkingBudget: 4096 });
    expect(config({ reasoning_effort: 'none' })).toEqual({ thinkingBudget: 0 });
    expect(config({ reasoning_effort: 'low' }, 'gemini-3-pro-preview')).toEqual({ includeThoughts: true, thinkingLevel: 'low' });
    expect(config({ reasoning_effort: 'medium' }, 'gemini-3-pro-preview')).toEqual({ includeThoughts: true, thinkingLevel: 'high' });
    expect(config({ thinking: { type: 'enabled', budget_tokens: 128 } })).toEqual({ includeThoughts: true, thinkingBudget: 128 });
    expect(config({})).toBeUndefined();
  });

  it('translates or forwards provider-specific params', () => {
    const body = toGeminiRequest(
      request({
        messages: [{ role: 'user', content: 'Hi' }],
        top_k: 40,
        safety_settings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_NONE' }],
        labels: { team: 'a' },
      }),
      context,
    ).body as Record<string, unknown>;
    expect(body['generationConfig']).toEqual({ topK: 40 });
    expect(body['safetySettings']).toEqual([{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_NONE' }]);
    expect(body['labels']).toEqual({ team: 'a' });
  });
});
