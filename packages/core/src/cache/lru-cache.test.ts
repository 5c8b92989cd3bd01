import { LruCache } from './lru-cache.js';

describe('LruCache', () => {
  it('creates a value once while its key stays among the most recently used, dropping the least recent when full', () => {
    const created: string[] = [];
    const cache = new LruCache<string, string>(2);
    const read = (key: string) =>
      cache.getOrCreate(key, (missing) => {
        created.push(missing);
        return missing.toUpperCase();
      });
    expect(['a', 'b', 'a', 'c', 'a', 'b'].map(read)).toEqual(['A', 'B', 'A', 'C', 'A', 'B']);
    // c pushed out b (least recently used), so b is created again; a never left.
    expect(created).toEqual(['a', 'b', 'c', 'b']);
    expect(cache.size).toBe(2);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
