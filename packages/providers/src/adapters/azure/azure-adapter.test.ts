import { AuthenticationError, BadRequestError, ContentPolicyViolationError } from '@tollgate/core';
import { completion } from '../../completion/completion.js';
import { jsonReply } from '../../testing-internal/fixtures.js';
import { startReplayServer, type ReplayServer } from '@tollgate/testing';

const FIXTURES = `${__dirname}/__fixtures__`;
let server: ReplayServer;
const savedEnv = { ...process.env };
beforeEach(async () => {
  server = await startReplayServer();
  process.env['AZURE_API_KEY'] = 'azure-test-key';
  process.env['AZURE_API_BASE'] = `${server.url}/`;
  delete process.env['AZURE_API_VERSION'];
  delete process.env['AZURE_OPENAI_API_KEY'];
  delete process.env['AZURE_OPENAI_ENDPOINT'];
  delete process.env['OPENAI_API_VERSION'];
});
afterEach(async () => {
  process.env = { ...savedEnv };
  await server.close();
});

const messages = [{ role: 'user' as const, content: 'Hallo?' }];

describe('azure adapter', () => {
  it('calls the deployment URL with api-version and the api-key header, and prices by the reported model', async () => {
    server.enqueue(jsonReply(FIXTURES, 'chat-basic.json'));
    const result = await completion({ model: 'azure/my-gpt4o-deployment', messages }, { apiVersion: '2025-01-01-preview' });
    const [request] = server.requests;
    expect(request?.url).toBe('/openai/deployments/my-gpt4o-deployment/chat/completions?api-version=2025-01-01-preview');
    expect(request?.headers['api-key']).toBe('azure-test-key');
    expect(request?.headers).not.toHaveProperty('authorization');
    expect(request?.body).toEqual({ messages });
    expect(result.choices[0]?.message.content).toBe('Hallo!');
    expect(result).not.toHaveProperty('prompt_filter_results');
    expect(result.tollgate.model).toBe('my-gpt4o-deployment');
    expect(result.tollgate.costUsd).toBeGreaterThan(0);
  });

  it('reads AZURE_API_VERSION, else uses its default version', async () => {
    server.enqueue(jsonReply(FIXTURES, 'chat-basic.json'), jsonReply(FIXTURES, 'chat-basic.json'));
    await completion({ model: 'azure/dep', messages });
    process.env['AZURE_API_VERSION'] = '2024-06-01';
    await completion({ model: 'azure/dep', messages });
    expect(server.requests[0]?.url).toBe('/openai/deployments/dep/chat/completions?api-version=2024-10-21');
    expect(server.requests[1]?.url).toBe('/openai/deployments/dep/chat/completions?api-version=2024-06-01');
  });

  it('maps the content_filter error to ContentPolicyViolationError', async () => {
    server.enqueue(jsonReply(FIXTURES, 'error-400-content-filter.json', { status: 400 }));
    await expect(completion({ model: 'azure/dep', messages })).rejects.toBeInstanceOf(ContentPolicyViolationError);
  });

  it('names AZURE_API_KEY and AZURE_API_BASE when they are missing', async () => {
    delete process.env['AZURE_API_KEY'];
    const missingKey = await completion({ model: 'azure/dep', messages }).catch((caught: unknown) => caught);
    expect(missingKey).toBeInstanceOf(AuthenticationError);
    expect((missingKey as Error).message).toMatch(/AZURE_API_KEY.*apiKey/);
    process.env['AZURE_API_KEY'] = 'azure-test-key';
    delete process.env['AZURE_API_BASE'];
    const missingBase = await completion({ model: 'azure/dep', messages }).catch((caught: unknown) => caught);
    expect(missingBase).toBeInstanceOf(BadRequestError);
    expect((missingBase as Error).message).toMatch(/AZURE_API_BASE.*apiBase/);
    expect(server.requests).toHaveLength(0);
  });
});
