// Checks the Responses schemas against OpenAI's recordings in /work/shared/fixtures/providers/openai (read in
// place, never copied into the repository).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseResponsesCreateRequest } from './parse-responses-request.js';
import { responseObjectSchema } from './response-object.js';
import { responsesStreamEventSchema } from './responses-stream-event.js';

const ROOT = '/work/shared/fixtures/providers/openai';
const cases = existsSync(ROOT) ? readdirSync(ROOT).filter((name) => name.startsWith('responses-')).sort() : [];
const read = (name: string, file: string) => readFileSync(join(ROOT, name, file), 'utf8');
const recordedRequest = (name: string) => JSON.parse(read(name, 'request.json')) as { path: string; body: Record<string, unknown> };
const requestBody = (name: string) => recordedRequest(name).body;
const sseEvents = (text: string) =>
  text
    .split('\n\n')
    .filter((frame) => frame.trim() !== '')
    .map((frame) => {
      const name = /^event: (.+)$/m.exec(frame)?.[1];
      const data = /^data: (.+)$/m.exec(frame)?.[1] ?? '';
      return { name, data: JSON.parse(data) as { type: string } };
    });

it('finds the recorded Responses payloads', () => {
  expect(cases.length).toBeGreaterThanOrEqual(15);
});

describe.each(cases.filter((name) => existsSync(join(ROOT, name, 'response.json')) && !name.includes('error') && recordedRequest(name).path === '/v1/responses'))('recorded Response %s', (name) => {
  it('parses as a Response object', () => {
    const parsed = responseObjectSchema.safeParse(JSON.parse(read(name, 'response.json')));
    expect(parsed.error?.issues).toBeUndefined();
  });
});

describe.each(cases.filter((name) => existsSync(join(ROOT, name, 'response.sse'))))('recorded stream %s', (name) => {
  it('parses event by event, named as typed and numbered from 0', () => {
    const events = sseEvents(read(name, 'response.sse'));
    expect(events.length).toBeGreaterThan(2);
    events.forEach((event, index) => {
      expect(event.name).toBe(event.data.type);
      const parsed = responsesStreamEventSchema.safeParse(event.data);
      expect(parsed.error?.issues).toBeUndefined();
      expect(parsed.data?.sequence_number).toBe(index);
    });
  });
});

describe.each(cases.filter((name) => !name.includes('error') && requestBody(name)['model'] !== undefined))('recorded request %s', (name) => {
  it('is a valid create request', () => {
    expect(parseResponsesCreateRequest(requestBody(name)).model).toBe(requestBody(name)['model']);
  });
});

describe('parseResponsesCreateRequest refuses what OpenAI refuses, naming the param', () => {
  it.each(['responses-error-400-invalid-value', 'responses-error-400-reasoning-item-orphan'])('%s', (name) => {
    const expected = (JSON.parse(read(name, 'response.json')) as { error: { param: string; message: string } }).error;
    expect(() => parseResponsesCreateRequest(requestBody(name))).toThrow(expect.objectContaining({ status: 400, param: expected.param }));
    if (name.includes('orphan')) expect(() => parseResponsesCreateRequest(requestBody(name))).toThrow(expected.message);
  });

  it('refuses a built-in tool by its type', () => {
    const body = { model: 'gpt-4o', input: 'x', tools: [{ type: 'function', name: 'f' }, { type: 'web_search' }] };
    expect(() => parseResponsesCreateRequest(body)).toThrow(expect.objectContaining({ status: 400, param: 'tools[1].type', code: 'unsupported_value' }));
  });

  it('checks function tools and the input items', () => {
    expect(() => parseResponsesCreateRequest({ model: 'm', tools: [{ type: 'function' }] })).toThrow(expect.objectContaining({ param: 'tools[0].name' }));
    expect(() => parseResponsesCreateRequest({ model: 'm', input: 42 })).toThrow(expect.objectContaining({ param: 'input' }));
    expect(() => parseResponsesCreateRequest({ model: 'm', input: [{ role: 'robot', content: 'x' }] })).toThrow(expect.objectContaining({ status: 400 }));
    expect(() => parseResponsesCreateRequest({ model: 'm', text: { format: { type: 'json_schema', name: 'x' } } })).toThrow(
      expect.objectContaining({ param: 'text.format.schema' }),
    );
    expect(parseResponsesCreateRequest({ model: 'm', input: [{ type: 'function_call_output', call_id: 'c', output: 'ok' }] }).input).toHaveLength(1);
    const reasoning = { type: 'reasoning', id: 'rs_1', summary: [] };
    const call = { type: 'function_call', call_id: 'c', name: 'f', arguments: '{}' };
    expect(parseResponsesCreateRequest({ model: 'm', input: [reasoning, call] }).input).toHaveLength(2);
    expect(() => parseResponsesCreateRequest({ model: 'm', input: [reasoning] })).toThrow("Item 'rs_1' of type 'reasoning'");
  });
});
