import { countTokens, tokenUpperBound } from './count-tokens.js';
import type { CountableMessage, CountableTool } from './countable-message.js';

/*
 * Known counts. Plain strings: OpenAI's tiktoken (cl100k_base "hello world" = 2; the cookbook's
 * "tiktoken is great!" = 6 in cl100k_base and o200k_base). Chat requests: prompt_tokens that OpenAI's API reported
 * for gpt-3.5-turbo (cl100k_base), as recorded in the test suite of hmarr/openai-chat-tokens.
 */
describe('countTokens: text', () => {
  it.each([
    ['gpt-4', 'hello world', 2, 'cl100k_base'],
    ['gpt-3.5-turbo', 'tiktoken is great!', 6, 'cl100k_base'],
    ['gpt-4o', 'tiktoken is great!', 6, 'o200k_base'],
    ['text-embedding-3-small', 'hello world', 2, 'cl100k_base'],
    ['o3-mini', 'hello world', 2, 'o200k_base'],
  ])('%s counts %j as %i tokens (%s)', (model, text, tokens, encoding) => {
    expect(countTokens({ model, text })).toEqual({ tokens, encoding, estimated: false });
  });

  it('counts special-token markers in user text as plain text, like tiktoken', () => {
    // "<|endoftext|>" is one special token, but typed by a user it is text: several ordinary tokens.
    expect(countTokens({ model: 'gpt-4o', text: '<|endoftext|>' }).tokens).toBeGreaterThan(1);
  });

  it('estimates non-OpenAI models with o200k_base and says so', () => {
    const estimate = countTokens({ model: 'anthropic/claude-sonnet-4-5', text: 'tiktoken is great!' });
    expect(estimate).toEqual({ tokens: 6, encoding: 'o200k_base', estimated: true });
  });

  it('counts an empty string as 0', () => {
    expect(countTokens({ model: 'gpt-4o', text: '' }).tokens).toBe(0);
  });
});

interface ChatCase {
  messages: CountableMessage[];
  tools?: CountableTool[];
  tokens: number;
}

const fn = (name: string, parameters: Record<string, unknown>, description?: string): CountableTool => ({
  type: 'function',
  function: description === undefined ? { name, parameters } : { name, description, parameters },
});
const empty = { type: 'object', properties: {} };

const chatCases: [string, ChatCase][] = [
  ['one user message', { messages: [{ role: 'user', content: 'hello' }], tokens: 8 }],
  ['two words', { messages: [{ role: 'user', content: 'hello world' }], tokens: 9 }],
  ['system message', { messages: [{ role: 'system', content: 'hello' }], tokens: 8 }],
  ['system with colon', { messages: [{ role: 'system', content: 'hello:' }], tokens: 9 }],
  [
    'three turns',
    {
      messages: [
        { role: 'system', content: "# Important: you're the best robot" },
        { role: 'user', content: 'hello robot' },
        { role: 'assistant', content: 'hello world' },
      ],
      tokens: 27,
    },
  ],
  ['one tool, no parameters', { messages: [{ role: 'user', content: 'hello' }], tools: [fn('foo', empty)], tokens: 31 }],
  [
    'tool with description',
    { messages: [{ role: 'user', content: 'hello' }], tools: [fn('foo', empty, 'Do a foo')], tokens: 36 },
  ],
  [
    'tool with a string parameter',
    {
      messages: [{ role: 'user', content: 'hello' }],
      tools: [fn('bing_bong', { type: 'object', properties: { foo: { type: 'string' } } }, 'Do a bing bong')],
      tokens: 49,
    },
  ],
  [
    'tool with a described number parameter',
    {
      messages: [{ role: 'user', content: 'hello' }],
      tools: [
        fn(
          'bing_bong',
          { type: 'object', properties: { foo: { type: 'string' }, bar: { type: 'number', description: 'A number' } } },
          'Do a bing bong',
        ),
      ],
      tokens: 57,
    },
  ],
  [
    'tool with a nested object and enum',
    {
      messages: [{ role: 'user', content: 'hello' }],
      tools: [
        fn(
          'bing_bong',
          {
            type: 'object',
            properties: {
              foo: {
                type: 'object',
                properties: { bar: { type: 'string', enum: ['a', 'b', 'c'] }, baz: { type: 'boolean' } },
              },
            },
          },
          'Do a bing bong',
        ),
      ],
      tokens: 68,
    },
  ],
  [
    'system message and a tool',
    {
      messages: [
        { role: 'system', content: 'Hello' },
        { role: 'user', content: 'Hi there' },
      ],
      tools: [fn('do_stuff', empty)],
      tokens: 35,
    },
  ],
  [
    'system message ending in a colon and a tool',
    {
      messages: [
        { role: 'system', content: 'Hello:' },
        { role: 'user', content: 'Hi there' },
      ],
      tools: [fn('do_stuff', empty)],
      tokens: 35,
    },
  ],
  [
    'two system messages and a tool',
    {
      messages: [
        { role: 'system', content: 'Hello:' },
        { role: 'system', content: 'Hello' },
        { role: 'user', content: 'Hi there' },
      ],
      tools: [fn('do_stuff', empty)],
      tokens: 40,
    },
  ],
  [
    'recipe tool with arrays, enums and required fields',
    {
      messages: [{ role: 'user', content: 'hello' }],
      tools: [
        fn('get_recipe', {
          type: 'object',
          required: ['ingredients', 'instructions', 'time_to_cook'],
          properties: {
            ingredients: {
              type: 'array',
              items: {
                type: 'object',
                required: ['name', 'unit', 'amount'],
                properties: {
                  name: { type: 'string' },
                  unit: { enum: ['grams', 'ml', 'cups', 'pieces', 'teaspoons'], type: 'string' },
                  amount: { type: 'number' },
                },
              },
            },
            instructions: {
              type: 'array',
              items: { type: 'string' },
              description: 'Steps to prepare the recipe (no numbering)',
            },
            time_to_cook: { type: 'number', description: 'Total time to prepare the recipe in minutes' },
          },
        }),
      ],
      tokens: 106,
    },
  ],
];

describe('countTokens: chat requests (OpenAI-measured prompt_tokens, gpt-3.5-turbo)', () => {
  it.each(chatCases)('%s', (_name, example) => {
    const counted = countTokens({ model: 'gpt-3.5-turbo', messages: example.messages, tools: example.tools });
    expect(counted.tokens).toBe(example.tokens);
  });
});

/* OpenAI cookbook, "How to count tokens with tiktoken" §6-7: prompt_tokens reported by the API. */
const cookbookMessages: CountableMessage[] = [
  {
    role: 'system',
    content: 'You are a helpful, pattern-following assistant that translates corporate jargon into plain English.',
  },
  { role: 'system', name: 'example_user', content: 'New synergies will help drive top-line growth.' },
  { role: 'system', name: 'example_assistant', content: 'Things working well together will increase revenue.' },
  {
    role: 'system',
    name: 'example_user',
    content: "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.",
  },
  { role: 'system', name: 'example_assistant', content: "Let's talk later when we're less busy about how to do better." },
  { role: 'user', content: "This late pivot means we don't have time to boil the ocean for the client deliverable." },
];

const weatherTool: CountableTool = fn(
  'get_current_weather',
  {
    type: 'object',
    properties: {
      location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' },
      unit: { type: 'string', description: 'The unit of temperature to return', enum: ['celsius', 'fahrenheit'] },
    },
    required: ['location'],
  },
  'Get the current weather in a given location',
);
const weatherMessages: CountableMessage[] = [
  { role: 'system', content: 'You are a helpful assistant that can answer to questions about the weather.' },
  { role: 'user', content: "What's the weather like in San Francisco?" },
];

describe('countTokens: OpenAI cookbook examples', () => {
  it.each([
    ['gpt-4', 129],
    ['gpt-3.5-turbo', 129],
    ['gpt-4o', 124],
    ['gpt-4o-mini', 124],
  ])('counts the named-message example for %s as %i', (model, tokens) => {
    expect(countTokens({ model, messages: cookbookMessages }).tokens).toBe(tokens);
  });

  it.each([
    ['gpt-4', 105],
    ['gpt-4o', 101],
  ])('counts the weather-tool example for %s as %i', (model, tokens) => {
    expect(countTokens({ model, messages: weatherMessages, tools: [weatherTool] }).tokens).toBe(tokens);
  });
});

describe('countTokens: content parts, tool calls, bad options', () => {
  it('counts text parts and prices images by detail (85 low, 765 otherwise)', () => {
    const plain = countTokens({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }] }).tokens;
    const withImages = countTokens({
      model: 'gpt-4o',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'hello' },
            { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
            { type: 'image_url', image_url: { url: 'https://example.com/b.png' } },
          ],
        },
      ],
    }).tokens;
    expect(plain).toBe(8);
    expect(withImages).toBe(8 + 85 + 765);
  });

  it("counts an assistant's tool calls: name + arguments + 3 each", () => {
    const call = { id: 'call_1', type: 'function' as const, function: { name: 'get_weather', arguments: '{"city":"Paris"}' } };
    const base = countTokens({ model: 'gpt-4o', messages: [{ role: 'assistant', content: null }] }).tokens;
    const withCall = countTokens({ model: 'gpt-4o', messages: [{ role: 'assistant', content: null, tool_calls: [call] }] });
    const nameAndArguments =
      countTokens({ model: 'gpt-4o', text: 'get_weather' }).tokens + countTokens({ model: 'gpt-4o', text: call.function.arguments }).tokens;
    expect(withCall.tokens).toBe(base + nameAndArguments + 3);
  });

  it('refuses options with both text and messages', () => {
    const options = { model: 'gpt-4o', text: 'x', messages: [] } as unknown as Parameters<typeof countTokens>[0];
    expect(() => countTokens(options)).toThrow(/either messages or text/);
  });
});

describe('tokenUpperBound', () => {
  const requests: Array<[string, Parameters<typeof countTokens>[0]]> = [
    ...chatCases.map(([name, example]): [string, Parameters<typeof countTokens>[0]] => [name, { model: 'gpt-3.5-turbo', messages: example.messages, tools: example.tools }]),
    ['cookbook, gpt-4o', { model: 'gpt-4o', messages: cookbookMessages }],
    ['weather tool, gpt-4o', { model: 'gpt-4o', messages: weatherMessages, tools: [weatherTool] }],
    ['multi-byte text', { model: 'gpt-4o', text: 'こんにちは世界 — ünïcödé 🎉🎉🎉' }],
    ['repeated text', { model: 'gpt-4o', text: 'ab'.repeat(5_000) }],
  ];

  it.each(requests)('is never below the exact count: %s', (_name, request) => {
    expect(tokenUpperBound(request)).toBeGreaterThanOrEqual(countTokens(request).tokens);
  });

  it('counts text as its UTF-8 bytes with the same message framing', () => {
    expect(tokenUpperBound({ model: 'gpt-4o', text: 'héllo' })).toBe(6);
    // 3 per message + role "user" (4 bytes) + "hello" (5) + 3 reply priming
    expect(tokenUpperBound({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hello' }] })).toBe(15);
  });

  it('refuses options with both text and messages', () => {
    const options = { model: 'gpt-4o', text: 'x', messages: [] } as unknown as Parameters<typeof countTokens>[0];
    expect(() => tokenUpperBound(options)).toThrow(/either messages or text/);
  });
});
