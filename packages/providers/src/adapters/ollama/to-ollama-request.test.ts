import { BadRequestError, UnsupportedParamsError, parseChatCompletionRequest, type ChatCompletionRequest } from '@tollgate/core';
import { testContext } from '../../testing-internal/native-adapter-test-kit.js';
import { toOllamaRequest } from './to-ollama-request.js';

const context = testContext({ providerId: 'ollama', model: 'qwen3', apiBase: 'http://localhost:11434', apiKey: undefined });

function request(body: Record<string, unknown>): ChatCompletionRequest {
  return parseChatCompletionRequest({ model: 'ollama/qwen3', ...body });
}

const forecastTool = {
  type: 'function',
  function: { name: 'get_forecast', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
};

describe('toOllamaRequest', () => {
  it('posts /api/chat without auth, stream always explicit, sampling in options', () => {
    const spec = toOllamaRequest(
      request({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Why is the sky blue?' },
        ],
        max_tokens: 64,
        temperature: 0.1,
        top_p: 0.5,
        stop: 'END',
        seed: 9,
        num_ctx: 8192,
        keep_alive: '5m',
      }),
      context,
    );
    expect(spec.url).toBe('http://localhost:11434/api/chat');
    expect(spec.headers['authorization']).toBeUndefined();
    expect(spec.body).toEqual({
      model: 'qwen3',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Why is the sky blue?' },
      ],
      stream: false,
      options: { temperature: 0.1, top_p: 0.5, num_predict: 64, stop: ['END'], seed: 9, num_ctx: 8192 },
      keep_alive: '5m',
    });
    const streaming = toOllamaRequest(request({ messages: [{ role: 'user', content: 'Hi' }] }), { ...context, stream: true, apiKey: 'k' });
    expect(streaming.body).toMatchObject({ stream: true });
    expect(streaming.headers['authorization']).toBe('Bearer k');
  });

  it('sends images as bare base64 and refuses image links', () => {
    const body = toOllamaRequest(
      request({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is this?' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            ],
          },
        ],
      }),
      context,
    ).body as { messages: unknown[] };
    expect(body.messages[0]).toEqual({ role: 'user', content: 'What is this?', images: ['iVBORw0KGgo='] });
    expect(() =>
      toOllamaRequest(request({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: 'https://x/cat.png' }] }] }), context),
    ).toThrow(BadRequestError);
  });

  it('sends a tool loop back with object arguments, thinking and tool_name', () => {
    const body = toOllamaRequest(
      request({
        messages: [
          { role: 'user', content: 'Forecast?' },
          {
            role: 'assistant',
            content: '',
            reasoning_content: 'Need the tool.',
            tool_calls: [{ id: 'call_x', type: 'function', function: { name: 'get_forecast', arguments: '{"city":"Lisbon"}' } }],
          },
          { role: 'tool', tool_call_id: 'call_x', content: 'Sunny' },
        ],
        tools: [forecastTool],
      }),
      context,
    ).body as Record<string, unknown>;
    expect(body['messages']).toEqual([
      { role: 'user', content: 'Forecast?' },
      { role: 'assistant', content: '', thinking: 'Need the tool.', tool_calls: [{ function: { name: 'get_forecast', arguments: { city: 'Lisbon' } } }] },
      { role: 'tool', content: 'Sunny', tool_name: 'get_forecast' },
    ]);
    expect(body['tools']).toEqual([forecastTool]);
  });

  it('supports tool_choice auto and none only', () => {
    const body = (choice: unknown) =>
      toOllamaRequest(request({ messages: [{ role: 'user', content: 'x' }], tools: [forecastTool], tool_choice: choice }), context).body as Record<string, unknown>;
    expect(body('auto')['tools']).toEqual([forecastTool]);
    expect(body('none')['tools']).toBeUndefined();
    expect(() => body('required')).toThrow(UnsupportedParamsError);
  });

  it('maps response_format to format and reasoning_effort to think', () => {
    const body = (extra: Record<string, unknown>, model = 'qwen3') =>
      toOllamaRequest(request({ messages: [{ role: 'user', content: 'x' }], ...extra }), { ...context, model }).body as Record<string, unknown>;
    expect(body({ response_format: { type: 'json_object' } })['format']).toBe('json');
    expect(body({ response_format: { type: 'json_schema', json_schema: { name: 'p', schema: { type: 'object' } } } })['format']).toEqual({
      type: 'object',
    });
    expect(body({ reasoning_effort: 'medium' })['think']).toBe(true);
    expect(body({ reasoning_effort: 'none' })['think']).toBe(false);
    expect(body({ reasoning_effort: 'high' }, 'gpt-oss:20b')['think']).toBe('high');
  });
});
