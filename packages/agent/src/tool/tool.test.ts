import { z } from 'zod';
import { ToolDefinitionError } from '../errors/tool-definition-error.js';
import { parseToolArguments } from './parse-tool-arguments.js';
import { tool } from './tool.js';

const weather = tool({
  name: 'get_weather',
  description: 'Current weather in a city',
  parameters: z.object({ city: z.string().describe('City name'), units: z.enum(['c', 'f']).default('c') }),
  execute: ({ city, units }) => `${city}: 21 ${units}`,
});

describe('tool()', () => {
  it('derives the JSON schema the model sees from the zod parameters (input side: defaults are optional)', () => {
    expect(weather.jsonSchema).toEqual({
      type: 'object',
      properties: {
        city: { type: 'string', description: 'City name' },
        units: { type: 'string', enum: ['c', 'f'], default: 'c' },
      },
      required: ['city'],
    });
    expect(weather.jsonSchema).not.toHaveProperty('$schema');
  });

  it('accepts strict and loose object schemas, and types execute from them', async () => {
    const strict = tool({
      name: 'strict_tool',
      description: 'Strict',
      parameters: z.strictObject({ count: z.number().int() }),
      execute: ({ count }) => count * 2,
    });
    const loose = tool({ name: 'loose_tool', description: 'Loose', parameters: z.looseObject({}), execute: () => 'ok' });
    expect(strict.jsonSchema).toMatchObject({ type: 'object', required: ['count'], additionalProperties: false });
    expect(loose.jsonSchema).toMatchObject({ type: 'object' });
    expect(parseToolArguments('strict_tool', '{"count":2,"extra":1}', strict.parameters).ok).toBe(false);
  });

  it.each([
    ['an empty name', ''],
    ['spaces', 'get weather'],
    ['a dot', 'weather.get'],
    ['65 characters', 'x'.repeat(65)],
  ])('rejects a name with %s at creation', (_case, name) => {
    expect(() => tool({ name, description: 'd', parameters: z.object({}), execute: () => 'x' })).toThrow(ToolDefinitionError);
  });

  it('rejects parameters that are not an object schema', () => {
    const create = () =>
      tool({ name: 'echo', description: 'd', parameters: z.string() as unknown as z.ZodObject<z.ZodRawShape>, execute: () => 'x' });
    expect(create).toThrow(/must be a zod object schema/);
  });

  it('rejects parameters JSON Schema cannot express, naming the tool', () => {
    const create = () => tool({ name: 'when', description: 'd', parameters: z.object({ at: z.date() }), execute: () => 'x' });
    expect(create).toThrow(/Invalid tool "when": its parameters cannot be expressed as JSON Schema/);
  });

  it('rejects a missing description and a bad timeout', () => {
    expect(() => tool({ name: 'a', description: ' ', parameters: z.object({}), execute: () => 'x' })).toThrow(/description is required/);
    expect(() => tool({ name: 'a', description: 'd', parameters: z.object({}), execute: () => 'x', timeoutMs: 0 })).toThrow(/timeoutMs/);
  });
});

describe('parseToolArguments', () => {
  it('parses valid arguments with the schema (defaults applied)', () => {
    expect(parseToolArguments('get_weather', '{"city":"Oslo"}', weather.parameters)).toEqual({ ok: true, value: { city: 'Oslo', units: 'c' } });
  });

  it('treats empty arguments as {}', () => {
    expect(parseToolArguments('now', '', z.object({}))).toEqual({ ok: true, value: {} });
  });

  it('explains invalid JSON so the model can resend', () => {
    const parsed = parseToolArguments('get_weather', '{"city": Oslo}', weather.parameters);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/^Invalid arguments for tool "get_weather": not valid JSON \(.+\)\. Call the tool again/);
  });

  it('names each faulty field', () => {
    const parsed = parseToolArguments('get_weather', '{"units":"k"}', weather.parameters);
    expect(!parsed.ok && parsed.message).toMatch(/city: .*expected string.*; units: Invalid option/);
  });
});
