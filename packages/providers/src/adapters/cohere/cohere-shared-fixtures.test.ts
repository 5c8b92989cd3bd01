// Checks the adapter against the reference recordings in /work/shared/fixtures/providers/cohere (read in place,
// never copied into the repository). Skipped, with a printed reason, where that directory does not exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuthenticationError, parseChatCompletionRequest } from '@tollgate/core';
import {
  aggregateChunks,
  countSseEvents,
  expectMatchesRecording,
  replayUnderRechunking,
  describeSharedRecordings,
  testContext,
} from '../../testing-internal/native-adapter-test-kit.js';
import { cohereAdapter } from './cohere-adapter.js';


function contextFor(model: string, stream: boolean) {
  return testContext({ providerId: 'cohere', model, apiBase: 'https://api.cohere.com', stream });
}

describeSharedRecordings('cohere', (cases) => {
  const responseCases = cases.filter((fixture) => !fixture.name.startsWith('error-'));

  it.each(responseCases.map((fixture) => [fixture.name, fixture] as const))('%s: maps the recorded response', async (_name, fixture) => {
    const body = readFileSync(join(fixture.directory, fixture.meta.response.body_file), 'utf8');
    const expected = fixture.meta.expected as unknown as Parameters<typeof expectMatchesRecording>[1] & {
      stream_event_count?: number;
      choices: { message: Record<string, unknown> }[];
    };
    const model = (fixture.request?.body?.['model'] as string | undefined) ?? 'command-a-03-2025';
    const result = fixture.meta.response.body_file.endsWith('.sse')
      ? aggregateChunks(await replayUnderRechunking(cohereAdapter, body, contextFor(model, true)))
      : cohereAdapter.fromChatResponse(JSON.parse(body), contextFor(model, false));
    if (fixture.meta.response.body_file.endsWith('.sse')) expect(countSseEvents(body)).toBe(expected.stream_event_count);
    expectMatchesRecording(result, expected);
    const toolPlan = expected.choices[0]?.message['tool_plan (provider_specific)'];
    if (toolPlan !== undefined) {
      expect((result.choices[0]?.message as { provider_specific_fields?: unknown }).provider_specific_fields).toEqual({ tool_plan: toolPlan });
    }
  });

  const requestCases = cases.filter((fixture) => fixture.meta.openai_input && fixture.request?.body);
  it.each(requestCases.map((fixture) => [fixture.name, fixture] as const))('%s: builds the recorded request', (_name, fixture) => {
    const input = parseChatCompletionRequest(fixture.meta.openai_input);
    const spec = cohereAdapter.toChatRequest(input, contextFor(input.model, input.stream === true));
    expect(spec.url).toBe(fixture.request?.url);
    expect(spec.headers).toMatchObject({ authorization: 'Bearer test-key' });
    expect(spec.body).toEqual(fixture.request?.body);
  });

  it('maps the recorded 401 to AuthenticationError', () => {
    const fixture = cases.find((candidate) => candidate.name === 'error-401-invalid-token');
    const body: unknown = JSON.parse(readFileSync(join(fixture?.directory ?? '', 'response.json'), 'utf8'));
    expect(cohereAdapter.toError({ status: 401, body, headers: {}, retryAfterSeconds: undefined }, contextFor('command-a-03-2025', false))).toBeInstanceOf(
      AuthenticationError,
    );
  });
});
