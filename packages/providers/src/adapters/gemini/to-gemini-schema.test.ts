import { isEmptyObjectSchema, toGeminiSchema } from './to-gemini-schema.js';

describe('toGeminiSchema', () => {
  it('keeps supported keywords and drops the rest at every depth', () => {
    expect(
      toGeminiSchema({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        title: 'Query',
        type: 'object',
        additionalProperties: false,
        properties: {
          tags: { type: 'array', items: { type: 'string', minLength: 1, examples: ['a'] }, maxItems: 5, uniqueItems: true },
          email: { type: 'string', format: 'email' },
          when: { type: 'string', format: 'date-time' },
        },
        required: ['tags', 'missing'],
      }),
    ).toEqual({
      title: 'Query',
      type: 'object',
      properties: {
        tags: { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: 5 },
        email: { type: 'string' },
        when: { type: 'string', format: 'date-time' },
      },
      required: ['tags'],
    });
  });

  it('turns null unions into nullable and several types into anyOf', () => {
    expect(toGeminiSchema({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toEqual({ type: 'string', nullable: true });
    expect(toGeminiSchema({ type: ['string', 'number'] })).toEqual({ anyOf: [{ type: 'string' }, { type: 'number' }] });
    expect(toGeminiSchema({ oneOf: [{ type: 'string' }, { type: 'integer' }] })).toEqual({ anyOf: [{ type: 'string' }, { type: 'integer' }] });
  });

  it('inlines local refs and cuts recursion off', () => {
    const tree = {
      type: 'object',
      properties: { root: { $ref: '#/definitions/Node' } },
      definitions: { Node: { type: 'object', properties: { child: { $ref: '#/definitions/Node' } } } },
    };
    const cleaned = JSON.stringify(toGeminiSchema(tree));
    expect(cleaned).not.toContain('$ref');
    expect(cleaned).not.toContain('definitions');
  });

  it('keeps only string enums', () => {
    expect(toGeminiSchema({ type: 'string', enum: ['a', 'b'] })).toEqual({ type: 'string', enum: ['a', 'b'] });
    expect(toGeminiSchema({ type: 'integer', enum: [1, 2] })).toEqual({ type: 'integer' });
  });

  it('recognises empty object schemas', () => {
    expect(isEmptyObjectSchema({ type: 'object', properties: {} })).toBe(true);
    expect(isEmptyObjectSchema({ type: 'object' })).toBe(true);
    expect(isEmptyObjectSchema({ type: 'object', properties: { a: { type: 'string' } } })).toBe(false);
  });
});
