import { BadRequestError } from '../errors/bad-request-error.js';
import { TollgateError } from '../errors/tollgate-error.js';
import { parseChatCompletionRequest, parseEmbeddingRequest } from './parse-request.js';

const userMessage = { role: 'user', content: 'hi' };

function rejectionOf(parse: () => unknown): { param: string | null; message: string } {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestError);
    const badRequest = error as BadRequestError;
    expect(badRequest.status).toBe(400);
    expect(badRequest.type).toBe('invalid_request_error');
    return { param: badRequest.param, message: badRequest.message };
  }
  throw new Error('expected the body to be rejected');
}

describe('parseChatCompletionRequest', () => {
  it('returns the typed request, provider-specific params included', () => {
    const request = parseChatCompletionRequest({ model: 'zai/glm-4.7', messages: [userMessage], tool_stream: true });
    expect(request.model).toBe('zai/glm-4.7');
    expect(request['tool_stream']).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string | null, string]>([
    ['missing model', { messages: [userMessage] }, 'model', "Missing required parameter: 'model'."],
    ['missing messages', { model: 'gpt-4o' }, 'messages', "Missing required parameter: 'messages'."],
    [
      'empty messages',
      { model: 'gpt-4o', messages: [] },
      'messages',
      "Invalid value for 'messages': expected an array with at least 1 item(s), but got 0 item(s).",
    ],
    [
      'empty model',
      { model: '', messages: [userMessage] },
      'model',
      "Invalid value for 'model': expected a string of at least 1 character(s), but got 0 character(s).",
    ],
    [
      'model of the wrong type',
      { model: 4, messages: [userMessage] },
      'model',
      "Invalid type for 'model': expected a string, but got an integer.",
    ],
    [
      'unknown role',
      { model: 'gpt-4o', messages: [{ role: 'assistent', content: 'hi' }] },
      'messages[0].role',
      "Invalid value for 'messages[0].role': 'assistent'. Supported values are: 'system', 'developer', 'user', " +
        "'assistant', 'tool', 'function'.",
    ],
    [
      'missing role',
      { model: 'gpt-4o', messages: [userMessage, { content: 'hi' }] },
      'messages[1].role',
      "Missing required parameter: 'messages[1].role'.",
    ],
    [
      'content of the wrong type',
      { model: 'gpt-4o', messages: [{ role: 'user', content: 42 }] },
      'messages[0].content',
      "Invalid type for 'messages[0].content': expected a string or an array, but got an integer.",
    ],
    [
      'missing user content',
      { model: 'gpt-4o', messages: [{ role: 'user' }] },
      'messages[0].content',
      "Missing required parameter: 'messages[0].content'.",
    ],
    [
      'unknown content part type',
      { model: 'gpt-4o', messages: [{ role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'video' }] }] },
      'messages[0].content[1].type',
      "Invalid value for 'messages[0].content[1].type': 'video'. Supported values are: 'text', 'image_url', " +
        "'input_audio', 'file'.",
    ],
    [
      'bad image detail',
      {
        model: 'gpt-4o',
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png', detail: 'ultra' } }] }],
      },
      'messages[0].content[0].image_url.detail',
      "Invalid value for 'messages[0].content[0].image_url.detail': 'ultra'. Supported values are: 'auto', 'low', 'high'.",
    ],
    [
      'bad audio format',
      { model: 'gpt-4o', messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AA', format: 'ogg' } }] }] },
      'messages[0].content[0].input_audio.format',
      "Invalid value for 'messages[0].content[0].input_audio.format': 'ogg'. Supported values are: 'wav', 'mp3'.",
    ],
    [
      'image part in a system message',
      { model: 'gpt-4o', messages: [{ role: 'system', content: [{ type: 'image_url', image_url: 'https://x' }] }] },
      'messages[0].content[0].type',
      "Invalid value for 'messages[0].content[0].type': 'image_url'. Supported values are: 'text'.",
    ],
    [
      'tool message without tool_call_id',
      { model: 'gpt-4o', messages: [{ role: 'tool', content: '40 C' }] },
      'messages[0].tool_call_id',
      "Missing required parameter: 'messages[0].tool_call_id'.",
    ],
    [
      'tool call arguments as an object',
      {
        model: 'gpt-4o',
        messages: [
          { role: 'assistant', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'f', arguments: {} } }] },
        ],
      },
      'messages[0].tool_calls[0].function.arguments',
      "Invalid type for 'messages[0].tool_calls[0].function.arguments': expected a string, but got an object.",
    ],
    [
      'temperature above 2',
      { model: 'gpt-4o', messages: [userMessage], temperature: 3 },
      'temperature',
      "Invalid value for 'temperature': expected a number <= 2, but got 3.",
    ],
    [
      'temperature as a string',
      { model: 'gpt-4o', messages: [userMessage], temperature: '0.5' },
      'temperature',
      "Invalid type for 'temperature': expected a number, but got a string.",
    ],
    [
      'fractional max_tokens',
      { model: 'gpt-4o', messages: [userMessage], max_tokens: 10.5 },
      'max_tokens',
      "Invalid type for 'max_tokens': expected an integer, but got a number.",
    ],
    [
      'zero n',
      { model: 'gpt-4o', messages: [userMessage], n: 0 },
      'n',
      "Invalid value for 'n': expected a number > 0, but got 0.",
    ],
    [
      'stop as a number',
      { model: 'gpt-4o', messages: [userMessage], stop: 5 },
      'stop',
      "Invalid type for 'stop': expected a string or an array, but got an integer.",
    ],
    [
      'logit bias out of range',
      { model: 'gpt-4o', messages: [userMessage], logit_bias: { '50256': -101 } },
      'logit_bias.50256',
      "Invalid value for 'logit_bias.50256': expected a number >= -100, but got -101.",
    ],
    [
      'unknown tool_choice mode',
      { model: 'gpt-4o', messages: [userMessage], tool_choice: 'sometimes' },
      'tool_choice',
      "Invalid value for 'tool_choice': 'sometimes'. Supported values are: 'none', 'auto', 'required'.",
    ],
    [
      'tool_choice object without a function',
      { model: 'gpt-4o', messages: [userMessage], tool_choice: { type: 'function' } },
      'tool_choice.function',
      "Missing required parameter: 'tool_choice.function'.",
    ],
    [
      'tool of an unknown type',
      { model: 'gpt-4o', messages: [userMessage], tools: [{ type: 'retrieval', function: { name: 'f' } }] },
      'tools[0].type',
      "Invalid value for 'tools[0].type': 'retrieval'. Supported values are: 'function'.",
    ],
    [
      'tool without a name',
      { model: 'gpt-4o', messages: [userMessage], tools: [{ type: 'function', function: { description: 'f' } }] },
      'tools[0].function.name',
      "Missing required parameter: 'tools[0].function.name'.",
    ],
    [
      'json_schema format without its schema object',
      { model: 'gpt-4o', messages: [userMessage], response_format: { type: 'json_schema' } },
      'response_format.json_schema',
      "Missing required parameter: 'response_format.json_schema'.",
    ],
    [
      'unknown response format',
      { model: 'gpt-4o', messages: [userMessage], response_format: { type: 'yaml' } },
      'response_format.type',
      "Invalid value for 'response_format.type': 'yaml'. Supported values are: 'text', 'json_object', 'json_schema'.",
    ],
    [
      'unknown reasoning effort',
      { model: 'gpt-4o', messages: [userMessage], reasoning_effort: 'extreme' },
      'reasoning_effort',
      "Invalid value for 'reasoning_effort': 'extreme'. Supported values are: 'none', 'minimal', 'low', 'medium', " +
        "'high', 'xhigh'.",
    ],
    [
      'stream_options of the wrong type',
      { model: 'gpt-4o', messages: [userMessage], stream: true, stream_options: { include_usage: 'yes' } },
      'stream_options.include_usage',
      "Invalid type for 'stream_options.include_usage': expected a boolean, but got a string.",
    ],
    [
      'thinking block without its text',
      { model: 'gpt-4o', messages: [{ role: 'assistant', content: 'a', thinking_blocks: [{ type: 'thinking' }] }] },
      'messages[0].thinking_blocks[0].thinking',
      "Missing required parameter: 'messages[0].thinking_blocks[0].thinking'.",
    ],
  ])('rejects %s, naming the param', (_label, body, param, message) => {
    expect(rejectionOf(() => parseChatCompletionRequest(body))).toEqual({ param, message });
  });

  it('rejects a body that is not an object', () => {
    expect(rejectionOf(() => parseChatCompletionRequest([]))).toEqual({
      param: null,
      message: 'Invalid type for the request body: expected an object, but got an array.',
    });
    expect(rejectionOf(() => parseChatCompletionRequest(undefined))).toEqual({
      param: null,
      message: 'Missing required parameter: the request body.',
    });
  });

  it('shortens long values in messages', () => {
    const { message } = rejectionOf(() =>
      parseChatCompletionRequest({ model: 'gpt-4o', messages: [{ role: 'x'.repeat(500), content: 'a' }] }),
    );
    expect(message.length).toBeLessThan(250);
    expect(message).toContain('…');
  });

  it('describes values JSON cannot show, which SDK callers may pass', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(rejectionOf(() => parseChatCompletionRequest({ model: 'm', messages: [userMessage], seed: 1n }))).toEqual({
      param: 'seed',
      message: "Invalid type for 'seed': expected a number, but got a bigint.",
    });
    expect(
      rejectionOf(() => parseChatCompletionRequest({ model: 'm', messages: [userMessage], verbosity: cyclic })),
    ).toEqual({
      param: 'verbosity',
      message: "Invalid value for 'verbosity': [object Object]. Supported values are: 'low', 'medium', 'high'.",
    });
  });

  it('renders as an OpenAI error body', () => {
    try {
      parseChatCompletionRequest({ model: 'gpt-4o', messages: [userMessage], top_p: 2 });
      throw new Error('expected a rejection');
    } catch (error) {
      expect(TollgateError.isInstance(error) && error.toJSON()).toEqual({
        error: {
          message: "Invalid value for 'top_p': expected a number <= 1, but got 2.",
          type: 'invalid_request_error',
          param: 'top_p',
          code: '400',
        },
      });
    }
  });
});

describe('parseEmbeddingRequest', () => {
  it.each([
    ['a string', 'hello'],
    ['strings', ['a', 'b']],
    ['tokens', [1, 2, 3]],
    ['token arrays', [[1, 2], [3]]],
  ])('accepts input as %s', (_label, input) => {
    expect(parseEmbeddingRequest({ model: 'text-embedding-3-small', input }).input).toEqual(input);
  });

  it('keeps provider-specific params', () => {
    const request = parseEmbeddingRequest({ model: 'cohere/embed-v4.0', input: 'x', input_type: 'search_query' });
    expect(request['input_type']).toBe('search_query');
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['missing input', { model: 'm' }, 'input', "Missing required parameter: 'input'."],
    ['missing model', { input: 'x' }, 'model', "Missing required parameter: 'model'."],
    [
      'an empty input list',
      { model: 'm', input: [] },
      'input',
      "Invalid value for 'input': expected an array with at least 1 item(s), but got 0 item(s).",
    ],
    [
      'input as an object',
      { model: 'm', input: { text: 'x' } },
      'input',
      "Invalid type for 'input': expected a string or an array, but got an object.",
    ],
    [
      'an unknown encoding',
      { model: 'm', input: 'x', encoding_format: 'int8' },
      'encoding_format',
      "Invalid value for 'encoding_format': 'int8'. Supported values are: 'float', 'base64'.",
    ],
    [
      'negative dimensions',
      { model: 'm', input: 'x', dimensions: -3 },
      'dimensions',
      "Invalid value for 'dimensions': expected a number > 0, but got -3.",
    ],
  ])('rejects %s, naming the param', (_label, body, param, message) => {
    expect(rejectionOf(() => parseEmbeddingRequest(body))).toEqual({ param, message });
  });
});
