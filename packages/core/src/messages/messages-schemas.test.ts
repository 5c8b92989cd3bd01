// The Messages schemas against real traffic: Anthropic's recorded requests, replies and stream events, and what
// Claude Code sends (shared/fixtures beside the repository, read in place).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  messagesCountTokensRequestSchema,
  messagesCountTokensResponseSchema,
  messagesErrorSchema,
  messagesErrorTypeForStatus,
  messagesRequestSchema,
  messagesResponseSchema,
  messagesStreamEventSchema,
  parseMessagesRequest,
} from '../index.js';

const FIXTURES = [resolve(__dirname, '../../../../../shared/fixtures'), '/work/shared/fixtures'].find((path) => existsSync(path));
const readJson = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));
const anthropicCases = FIXTURES ? readdirSync(join(FIXTURES, 'providers/anthropic')).sort() : [];
const claudeCodeFiles = FIXTURES ? readdirSync(join(FIXTURES, 'clients/claude-code')).sort() : [];

function sseData(text: string): unknown[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => JSON.parse(line.slice(5)));
}

describe('Messages schemas vs recorded traffic', () => {
  it('finds the recordings', () => {
    expect(FIXTURES).toBeDefined();
    expect(anthropicCases.length).toBeGreaterThanOrEqual(10);
    expect(claudeCodeFiles.length).toBe(3);
  });

  it.each(anthropicCases)('accepts the request of %s', (name) => {
    const body = readJson(join(FIXTURES!, 'providers/anthropic', name, 'request.json')).body;
    const schema = name === 'count-tokens' ? messagesCountTokensRequestSchema : messagesRequestSchema;
    expect(schema.safeParse(body).error).toBeUndefined();
  });

  it.each(anthropicCases)('accepts the answer of %s', (name) => {
    const directory = join(FIXTURES!, 'providers/anthropic', name);
    if (existsSync(join(directory, 'response.sse'))) {
      const events = sseData(readFileSync(join(directory, 'response.sse'), 'utf8'));
      expect(events.length).toBeGreaterThan(3);
      for (const event of events) expect(messagesStreamEventSchema.safeParse(event).error).toBeUndefined();
      return;
    }
    const body = readJson(join(directory, 'response.json'));
    const schema = name.startsWith('error-') ? messagesErrorSchema : name === 'count-tokens' ? messagesCountTokensResponseSchema : messagesResponseSchema;
    expect(schema.safeParse(body).error).toBeUndefined();
  });

  it.each(claudeCodeFiles)('accepts what Claude Code sends: %s', (file) => {
    const body = readJson(join(FIXTURES!, 'clients/claude-code', file)).body;
    const parsed = parseMessagesRequest(body);
    expect(parsed.max_tokens).toBe(32000);
    expect(parsed.stream).toBe(true);
  });
});

describe('parseMessagesRequest', () => {
  const valid = { model: 'claude', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] };

  it('requires max_tokens, naming it', () => {
    const { max_tokens: _dropped, ...withoutMax } = valid;
    expect(() => parseMessagesRequest(withoutMax)).toThrow(expect.objectContaining({ status: 400, param: 'max_tokens' }));
  });

  it('refuses an unknown block type, naming where it is', () => {
    const body = { ...valid, messages: [{ role: 'user', content: [{ type: 'video', url: 'x' }] }] };
    expect(() => parseMessagesRequest(body)).toThrow(expect.objectContaining({ status: 400, param: 'messages[0].content[0].type' }));
  });

  it('accepts base64 and url images, tool results with is_error, and each tool_choice', () => {
    for (const toolChoice of [{ type: 'auto' }, { type: 'any' }, { type: 'tool', name: 'f' }, { type: 'none' }]) {
      const body = {
        ...valid,
        tool_choice: toolChoice,
        tools: [{ name: 'f', input_schema: { type: 'object' } }],
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } },
              { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } },
              { type: 'tool_result', tool_use_id: 'toolu_1', content: 'boom', is_error: true, cache_control: { type: 'ephemeral' } },
            ],
          },
        ],
      };
      expect(parseMessagesRequest(body).tool_choice?.type).toBe(toolChoice.type);
    }
  });
});

describe('messagesErrorTypeForStatus', () => {
  it.each([
    [400, 'invalid_request_error'],
    [401, 'authentication_error'],
    [403, 'permission_error'],
    [404, 'not_found_error'],
    [413, 'request_too_large'],
    [429, 'rate_limit_error'],
    [500, 'api_error'],
    [502, 'api_error'],
    [529, 'overloaded_error'],
    [503, 'overloaded_error'],
  ])('%i → %s', (status, type) => {
    expect(messagesErrorTypeForStatus(status)).toBe(type);
  });
});
