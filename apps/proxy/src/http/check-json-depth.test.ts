import { BadRequestError } from '@tollgate/core';
import { checkJsonDepth } from './check-json-depth.js';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = level % 2 === 0 ? { a: value } : [value];
  return value;
}

describe('checkJsonDepth', () => {
  it('accepts a body up to the limit, counting the body itself as level 1', () => {
    expect(() => checkJsonDepth(nested(64), 64)).not.toThrow();
    expect(() => checkJsonDepth({ model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }] }, 5)).not.toThrow();
    expect(() => checkJsonDepth({ model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }] }, 4)).toThrow();
    expect(() => checkJsonDepth('plain', 1)).not.toThrow();
  });

  it('refuses one level more with an OpenAI-shaped 400', () => {
    const error = (() => {
      try {
        checkJsonDepth(nested(65), 64);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', code: 'json_too_deep' });
  });

  it('walks 100 000 levels without overflowing the stack', () => {
    expect(() => checkJsonDepth(nested(100_000))).toThrow(/deeper than 64/);
  });
});
