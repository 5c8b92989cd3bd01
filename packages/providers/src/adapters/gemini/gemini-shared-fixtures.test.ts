// Checks the adapter against the reference recordings in /work/shared/fixtures/providers/gemini (read in place,
// never copied into the repository). Skipped, with a printed reason, where that directory does not exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuthenticationError, RateLimitError, parseChatCompletionRequest, type TollgateError } from '@tollgate/core';
import {
  aggregateChunks,
  countSseEvents,
  expectMatchesRecording,
  replayUnderRechunking,
  describeSharedRecordings,
  testContext,
} from '../../testing-internal/native-adapter-test-kit.js';
import { geminiAdapter } from './gemini-adapter.js';
import { parseGeminiToolCallId } from './gemini-tool-call-id.js';


const ERROR_CLASSES: Readonly<Record<string, new (...args: never[]) => TollgateError>> = {
  'error-400-api-key-invalid': AuthenticationError,
  'error-429-resource-exhausted': RateLimitError,
};

function contextFor(model: string, stream: boolean) {
  return testContext({ providerId: 'gemini', model, apiBase: 'https://generativelanguage.googleapis.com/v1beta', stream });
}

/** The model id of a recorded URL (`…/models/gemini-2.5-flash:generateContent`). */
function modelOf(url: string | undefined): string {
  return /models\/([^:]+):/.exec(url ?? '')?.[1] ?? 'gemini-2.5-flash';
}

/**
 * What may legitimately differ from the recording's client (fantasy, Go): ids it invented, signatures it kept,
 * upper-case schema types, the `systemInstruction` role, and the key a tool result is wrapped in.
 */
function comparable(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((entry) => comparable(entry));
  if (typeof value === 'string' && key === 'type') return value.toLowerCase();
  if (typeof value !== 'object' || value === null) return value;
  if (key === 'response') return Object.values(value);
  const entries = Object.entries(value).filter(([name]) => name !== 'id' && name !== 'thoughtSignature' && !(key === 'systemInstruction' && name === 'role'));
  return Object.fromEntries(entries.map(([name, entry]) => [name, comparable(entry, name)]));
}

describeSharedRecordings('gemini', (cases) => {
  const responseCases = cases.filter((fixture) => !fixture.name.startsWith('error-'));

  it.each(responseCases.map((fixture) => [fixture.name, fixture] as const))('%s: maps the recorded response', async (_name, fixture) => {
    const body = readFileSync(join(fixture.directory, fixture.meta.response.body_file), 'utf8');
    const expected = fixture.meta.expected as unknown as Parameters<typeof expectMatchesRecording>[1] & { stream_event_count?: number };
    const model = modelOf(fixture.request?.url);
    const baseIdOf = (id: string) => parseGeminiToolCallId(id).baseId;
    if (fixture.meta.response.body_file.endsWith('.sse')) {
      expect(countSseEvents(body)).toBe(expected.stream_event_count);
      const chunks = await replayUnderRechunking(geminiAdapter, body, contextFor(model, true));
      expectMatchesRecording(aggregateChunks(chunks), expected, baseIdOf);
    } else {
      expectMatchesRecording(geminiAdapter.fromChatResponse(JSON.parse(body), contextFor(model, false)), expected, baseIdOf);
    }
  });

  it('carries the recorded thought signature of a function call in its tool-call id', () => {
    const fixture = cases.find((candidate) => candidate.name === 'chat-tool-call');
    const body = JSON.parse(readFileSync(join(fixture?.directory ?? '', 'response.json'), 'utf8'));
    const completion = geminiAdapter.fromChatResponse(body, contextFor('gemini-2.5-flash', false));
    const signature = body.candidates[0].content.parts[0].thoughtSignature;
    expect(parseGeminiToolCallId(completion.choices[0]?.message.tool_calls?.[0]?.id ?? '').thoughtSignature).toBe(signature);
  });

  const requestCases = cases.filter((fixture) => fixture.meta.openai_input && fixture.request?.body);
  it.each(requestCases.map((fixture) => [fixture.name, fixture] as const))('%s: builds the recorded request', (_name, fixture) => {
    const input = parseChatCompletionRequest(fixture.meta.openai_input);
    const recorded = fixture.request?.body ?? {};
    const spec = geminiAdapter.toChatRequest(input, contextFor(input.model, input.stream === true));
    const body = spec.body as Record<string, unknown>;
    expect(spec.url).toBe(fixture.request?.url);
    expect(spec.headers).toMatchObject({ 'x-goog-api-key': 'test-key' });
    for (const key of ['contents', 'systemInstruction', 'tools', 'toolConfig']) {
      expect([key, comparable(body[key], key)]).toEqual([key, comparable(recorded[key], key)]);
    }
    const config = (body['generationConfig'] ?? {}) as Record<string, Record<string, unknown> | undefined>;
    const recordedConfig = (recorded['generationConfig'] ?? {}) as Record<string, Record<string, unknown> | undefined>;
    expect(config['maxOutputTokens']).toEqual(recordedConfig['maxOutputTokens']);
    // The recording used its own budget (128); the mapping of reasoning_effort is checked in to-gemini-request.test.ts.
    expect(config['thinkingConfig']?.['includeThoughts']).toEqual(recordedConfig['thinkingConfig']?.['includeThoughts']);
  });

  const errorCases = cases.filter((fixture) => fixture.name.startsWith('error-'));
  it.each(errorCases.map((fixture) => [fixture.name, fixture] as const))('%s: maps the recorded error', (name, fixture) => {
    const body: unknown = JSON.parse(readFileSync(join(fixture.directory, fixture.meta.response.body_file), 'utf8'));
    const error = geminiAdapter.toError(
      { status: fixture.meta.response.status, body, headers: {}, retryAfterSeconds: undefined },
      contextFor('gemini-2.5-flash', false),
    );
    const expectedClass = ERROR_CLASSES[name];
    if (!expectedClass) throw new Error(`no expected error class listed for ${name}`);
    expect(error).toBeInstanceOf(expectedClass);
    const expectedError = fixture.meta.expected['error'] as { retry_after_seconds?: number };
    if (expectedError.retry_after_seconds !== undefined) expect(error.retryAfterSeconds).toBe(expectedError.retry_after_seconds);
  });
});
