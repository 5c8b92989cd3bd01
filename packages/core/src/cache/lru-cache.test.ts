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

  it('forgets an entry ttlMs after it was stored, and get/set/has/delete keep the recency order', () => {
    let nowMs = 1_000;
    const cache = new LruCache<string, number | undefined>(2, { ttlMs: 100, clock: () => nowMs });
    cache.set('a', 1);
    cache.set('miss', undefined);
    expect(cache.has('miss')).toBe(true);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('b', 2); // pushes out miss
    expect(cache.has('miss')).toBe(false);
    nowMs += 99;
    expect(cache.get('a')).toBe(1);
    nowMs += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.getOrCreate('a', () => 3)).toBe(3);
    cache.delete('a');
    expect(cache.has('a')).toBe(false);
    expect(cache.size).toBe(1);
  });

  it('keeps an expired entry for peekStale until it is replaced, deleted or pushed out', () => {
    let nowMs = 0;
    const cache = new LruCache<string, number>(2, { ttlMs: 100, clock: () => nowMs });
    cache.set('a', 1);
    expect(cache.peekStale('a')).toEqual({ value: 1, expiredForMs: 0 });
    nowMs = 130;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.peekStale('a')).toEqual({ value: 1, expiredForMs: 30 });
    cache.set('b', 2);
    cache.set('c', 3); // pushes out the least recently used: a
    expect(cache.peekStale('a')).toBeUndefined();
    cache.delete('b');
    expect(cache.peekStale('b')).toBeUndefined();
    expect(cache.peekStale('missing')).toBeUndefined();
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
