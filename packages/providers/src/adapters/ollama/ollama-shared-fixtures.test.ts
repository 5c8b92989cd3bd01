// Checks the adapter against the reference recordings in /work/shared/fixtures/providers/ollama (read in place,
// never copied into the repository). Skipped, with a printed reason, where that directory does not exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotFoundError, parseChatCompletionRequest } from '@tollgate/core';
import {
  aggregateChunks,
  expectMatchesRecording,
  replayUnderRechunking,
  describeSharedRecordings,
  testContext,
} from '../../testing-internal/native-adapter-test-kit.js';
import { ollamaAdapter } from './ollama-adapter.js';


function contextFor(model: string, stream: boolean) {
  return testContext({ providerId: 'ollama', model, apiBase: 'http://localhost:11434', apiKey: undefined, stream });
}

/** `ollama/llama3.2` → `llama3.2`, as the completion layer passes the model to adapters. */
function providerModel(model: string): string {
  return model.replace(/^ollama\//, '');
}

describeSharedRecordings('ollama', (cases) => {
  const responseCases = cases.filter((fixture) => !fixture.name.startsWith('error-'));

  it.each(responseCases.map((fixture) => [fixture.name, fixture] as const))('%s: maps the recorded response', async (_name, fixture) => {
    const body = readFileSync(join(fixture.directory, fixture.meta.response.body_file), 'utf8');
    const expected = fixture.meta.expected as unknown as Parameters<typeof expectMatchesRecording>[1];
    const model = (fixture.request?.body?.['model'] as string | undefined) ?? 'llama3.2';
    const result = fixture.meta.response.body_file.endsWith('.ndjson')
      ? aggregateChunks(await replayUnderRechunking(ollamaAdapter, body, contextFor(model, true)))
      : ollamaAdapter.fromChatResponse(JSON.parse(body), contextFor(model, false));
    expectMatchesRecording(result, expected);
  });

  const requestCases = cases.filter((fixture) => fixture.meta.openai_input && fixture.request?.body && !fixture.name.startsWith('error-'));
  it.each(requestCases.map((fixture) => [fixture.name, fixture] as const))('%s: builds the recorded request', (_name, fixture) => {
    const input = parseChatCompletionRequest(fixture.meta.openai_input);
    const stream = input.stream === true;
    const spec = ollamaAdapter.toChatRequest(input, contextFor(providerModel(input.model), stream));
    expect(spec.url).toBe(fixture.request?.url);
    expect(spec.headers['authorization']).toBeUndefined();
    // Some recordings leave `stream` out (Ollama's default is true); this adapter always says it.
    expect(spec.body).toEqual({ stream, ...fixture.request?.body });
  });

  it('maps the recorded 404 to NotFoundError', () => {
    const fixture = cases.find((candidate) => candidate.name === 'error-404-model-not-found');
    const body: unknown = JSON.parse(readFileSync(join(fixture?.directory ?? '', 'response.json'), 'utf8'));
    const error = ollamaAdapter.toError({ status: 404, body, headers: {}, retryAfterSeconds: undefined }, contextFor('llama3', false));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain('not found, try pulling it first');
  });
});
