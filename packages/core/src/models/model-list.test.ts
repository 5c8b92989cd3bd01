import { modelListSchema } from './model-list.js';

describe('modelListSchema', () => {
  const body = {
    object: 'list',
    data: [
      { id: 'gpt-4o', object: 'model', created: 1715367049, owned_by: 'system' },
      { id: 'anthropic/claude-sonnet-4-5', object: 'model', created: 1677610602, owned_by: 'anthropic' },
    ],
  };

  it('round-trips a model list', () => {
    expect(modelListSchema.parse(body)).toEqual(body);
  });

  it('rejects an entry without an owner or of another object type', () => {
    expect(modelListSchema.safeParse({ object: 'list', data: [{ id: 'x', object: 'model', created: 1 }] }).success).toBe(
      false,
    );
    expect(modelListSchema.safeParse({ ...body, object: 'models' }).success).toBe(false);
  });
});
