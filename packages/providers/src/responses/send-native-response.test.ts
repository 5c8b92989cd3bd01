import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResponsesStreamEvent } from '@tollgate/core';
import { startReplayServer, type ReplayServer } from '@tollgate/testing';
import { OPENAI_RECORDINGS, recordedRequestBody } from '../translate/responses/responses-test-kit.js';
import { responses } from './responses.js';

// OpenAI speaks Responses: `responses()` passes the request through to `/responses`, replayed here from recordings.
let server: ReplayServer;
beforeEach(async () => {
  server = await startReplayServer();
});
afterEach(() => server.close());

const recorded = (name: string, file: string) => readFileSync(join(OPENAI_RECORDINGS, name, file), 'utf8');
const options = () => ({ apiKey: 'sk-test', apiBase: `${server.url}/v1` });

describe('responses() on OpenAI: passed through natively', () => {
  it('sends the body as is to /v1/responses and returns the Response, priced', async () => {
    server.enqueue({ status: 200, headers: { 'content-type': 'application/json' }, body: recorded('responses-text', 'response.json') });
    const body = recordedRequestBody('responses-text');
    const response = await responses({ ...body, model: 'openai/gpt-4o' }, options());
    const sent = server.requests[0];
    expect(sent?.url).toBe('/v1/responses');
    expect(sent?.headers['authorization']).toBe('Bearer sk-test');
    expect(sent?.body).toEqual({ ...body, model: 'gpt-4o', stream: false });
    expect(response.id).toBe('resp_07592f42d0d2f1ac016a3c11f75bd081a1a99d083171a39f1f');
    expect(response.output).toEqual(JSON.parse(recorded('responses-text', 'response.json')).output);
    expect(response.tollgate?.provider).toBe('openai');
    expect(response.tollgate?.usage).toMatchObject({ prompt_tokens: 20, completion_tokens: 3 });
    expect(response.usage?.cost).toBe(response.tollgate?.costUsd);
    expect(response.tollgate?.costUsd).toBeGreaterThan(0);
  });

  it('streams the provider events as they come, with the cost once the stream has ended', async () => {
    server.enqueue({ status: 200, headers: { 'content-type': 'text/event-stream' }, body: recorded('responses-stream-text', 'response.sse'), split: { randomSeed: 7, maxPieceBytes: 40 } });
    const stream = await responses({ ...recordedRequestBody('responses-stream-text'), model: 'openai/gpt-4o', stream: true }, options());
    const events: ResponsesStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    expect(events.map((event) => event.sequence_number)).toEqual(events.map((_event, index) => index));
    expect(events.flatMap((event) => (event.type === 'response.output_text.delta' ? [event.delta] : [])).join('')).toBe('Olá!');
    expect(server.requests[0]?.body).toMatchObject({ stream: true, model: 'gpt-4o' });
    expect(stream.tollgate?.costUsd).toBeGreaterThan(0);
  });

  it("answers OpenAI's errors as typed errors", async () => {
    server.enqueue({ status: 400, headers: { 'content-type': 'application/json' }, body: recorded('responses-error-400-unsupported-parameter', 'response.json') });
    await expect(responses({ model: 'openai/o3', input: 'x', temperature: 0.5 }, options())).rejects.toMatchObject({ status: 400, param: 'temperature' });
  });
});
