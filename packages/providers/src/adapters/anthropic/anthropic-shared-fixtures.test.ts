// Checks the adapter against the reference recordings in /work/shared/fixtures/providers/anthropic (read in place,
// never copied into the repository). Skipped, with a printed reason, where that directory does not exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AuthenticationError,
  ContextWindowExceededError,
  RateLimitError,
  ServiceUnavailableError,
  parseChatCompletionRequest,
  type TollgateError,
} from '@tollgate/core';
import {
  aggregateChunks,
  countSseEvents,
  expectMatchesRecording,
  replayUnderRechunking,
  describeSharedRecordings,
  testContext,
} from '../../testing-internal/native-adapter-test-kit.js';
import { anthropicAdapter } from './anthropic-adapter.js';


const ERROR_CLASSES: Readonly<Record<string, new (...args: never[]) => TollgateError>> = {
  'error-400-prompt-too-long': ContextWindowExceededError,
  'error-401-authentication': AuthenticationError,
  'error-429-rate-limit': RateLimitError,
  'error-529-overloaded': ServiceUnavailableError,
};

/** Anthropic accepts text content as a string or as text blocks; both forms are compared as blocks. */
function asBlocks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asBlocks);
  if (typeof value !== 'object' || value === null) return value;
  const record = Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, asBlocks(entry)]));
  if (typeof record['content'] === 'string') record['content'] = [{ type: 'text', text: record['content'] }];
  return record;
}

function contextFor(model: string, stream: boolean) {
  return testContext({ providerId: 'anthropic', model, apiBase: 'https://api.anthropic.com', stream });
}

describeSharedRecordings('anthropic', (cases) => {
  const responseCases = cases.filter((fixture) => !fixture.name.startsWith('error-'));

  it.each(responseCases.map((fixture) => [fixture.name, fixture] as const))('%s: maps the recorded response', async (_name, fixture) => {
    const body = readFileSync(join(fixture.directory, fixture.meta.response.body_file), 'utf8');
    const expected = fixture.meta.expected as unknown as Parameters<typeof expectMatchesRecording>[1] & { stream_event_count?: number };
    const model = (fixture.request?.body?.['model'] as string | undefined) ?? 'claude';
    if (fixture.meta.response.body_file.endsWith('.sse')) {
      expect(countSseEvents(body)).toBe(expected.stream_event_count);
      const chunks = await replayUnderRechunking(anthropicAdapter, body, contextFor(model, true));
      expectMatchesRecording(aggregateChunks(chunks), expected);
    } else {
      expectMatchesRecording(anthropicAdapter.fromChatResponse(JSON.parse(body), contextFor(model, false)), expected);
    }
  });

  const requestCases = cases.filter((fixture) => fixture.meta.openai_input && fixture.request?.body);
  it.each(requestCases.map((fixture) => [fixture.name, fixture] as const))('%s: builds the recorded request', (_name, fixture) => {
    const input = parseChatCompletionRequest(fixture.meta.openai_input);
    const recorded = fixture.request?.body ?? {};
    const spec = anthropicAdapter.toChatRequest(input, contextFor(input.model, input.stream === true));
    const body = spec.body as Record<string, unknown>;
    expect(spec.url).toBe(fixture.request?.url);
    expect(spec.headers).toMatchObject({ 'x-api-key': 'test-key', 'anthropic-version': '2023-06-01' });
    for (const key of ['model', 'max_tokens', 'system', 'messages', 'tools', 'thinking', 'stream']) {
      expect([key, asBlocks(body[key])]).toEqual([key, asBlocks(recorded[key])]);
    }
    // The recording's client also sent the defaults explicitly (`disable_parallel_tool_use: false`).
    expect((body['tool_choice'] as { type?: string } | undefined)?.type).toBe((recorded['tool_choice'] as { type?: string } | undefined)?.type);
  });

  const errorCases = cases.filter((fixture) => fixture.name.startsWith('error-'));
  it.each(errorCases.map((fixture) => [fixture.name, fixture] as const))('%s: maps the recorded error', (name, fixture) => {
    const body: unknown = JSON.parse(readFileSync(join(fixture.directory, fixture.meta.response.body_file), 'utf8'));
    const error = anthropicAdapter.toError(
      { status: fixture.meta.response.status, body, headers: {}, retryAfterSeconds: undefined },
      contextFor('claude', false),
    );
    const expectedClass = ERROR_CLASSES[name];
    if (!expectedClass) throw new Error(`no expected error class listed for ${name}`);
    expect(error).toBeInstanceOf(expectedClass);
    const expectedError = fixture.meta.expected['error'] as { retryable?: boolean };
    if (expectedError.retryable !== undefined) expect(error.isRetryable).toBe(expectedError.retryable);
  });
});
