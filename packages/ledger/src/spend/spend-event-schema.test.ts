import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spendEventSchema, SPEND_EVENT_SCHEMA_VERSION } from './spend-event-schema.js';

const FIXTURES = join(__dirname, '__fixtures__');

describe('spend event corpus', () => {
  const versions = readdirSync(FIXTURES).filter((name) => /^v\d+$/.test(name));

  it('has fixtures for every version up to the current one', () => {
    expect(versions.sort()).toEqual(Array.from({ length: SPEND_EVENT_SCHEMA_VERSION }, (_, index) => `v${index + 1}`));
  });

  const files = versions.flatMap((version) => readdirSync(join(FIXTURES, version)).map((file) => [version, file] as const));
  it.each(files)('%s/%s parses with the current reader', (version, file) => {
    const payload: unknown = JSON.parse(readFileSync(join(FIXTURES, version, file), 'utf8'));
    const event = spendEventSchema.parse(payload);
    expect(`v${event.schema_version}`).toBe(version);
    expect(event.total_tokens).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(JSON.stringify(event))).toEqual(event);
  });
});

describe('spendEventSchema', () => {
  const valid = JSON.parse(readFileSync(join(FIXTURES, 'v1', 'minimal.json'), 'utf8')) as Record<string, unknown>;

  it('fills defaults', () => {
    expect(spendEventSchema.parse(valid)).toMatchObject({
      api_key: null,
      total_tokens: 15,
      cache_read_tokens: 0,
      request_tags: [],
      metadata: {},
      user_id: null,
      cost_nano: '1500',
    });
  });

  it.each([
    ['a raw key instead of its hash', { api_key: 'sk-1234567890abcdef' }],
    ['a float cost', { cost_nano: 1.5 }],
    ['a negative cost', { cost_nano: '-1' }],
    ['a missing cost', { cost_nano: undefined }],
    ['an unknown version', { schema_version: 2 }],
    ['an unknown status', { status: 'ok' }],
    ['negative tokens', { prompt_tokens: -1 }],
    ['a time without offset', { start_time: '2024-05-15 10:30:00' }],
    ['end before start', { end_time: '2024-05-15T10:29:59Z' }],
    ['an empty request id', { request_id: '' }],
  ])('refuses %s', (_name, change) => {
    expect(spendEventSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});
