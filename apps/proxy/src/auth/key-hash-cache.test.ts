import { hashApiKey } from '@tollgate/ledger';
import { KeyHashCache } from './key-hash-cache.js';

describe('KeyHashCache', () => {
  it('answers the SHA-256 hex of each key', () => {
    const cache = new KeyHashCache(2);
    for (const key of ['sk-a', 'sk-b', 'sk-a', 'sk-b']) expect(cache.hashOf(key)).toBe(hashApiKey(key));
  });

  it('hashes a key once while it stays among the `capacity` most recently used', () => {
    const hashed: string[] = [];
    const cache = new KeyHashCache(2, (key) => {
      hashed.push(key);
      return hashApiKey(key);
    });
    for (const key of ['sk-a', 'sk-b', 'sk-a', 'sk-c', 'sk-a', 'sk-b']) cache.hashOf(key);
    // sk-c pushed out sk-b (least recently used), so sk-b is hashed again; sk-a never left.
    expect(hashed).toEqual(['sk-a', 'sk-b', 'sk-c', 'sk-b']);
  });
});
