import { LruCache } from '@tollgate/core';
import { hashApiKey } from '@tollgate/ledger';

const DEFAULT_CAPACITY = 10_000;

/**
 * Raw key → SHA-256 hex, remembered for the keys seen most recently, so a steady client's requests hash nothing
 * (the hot path does no synchronous crypto). Bounded: beyond `capacity` keys the least recently used is dropped. It
 * holds raw keys only in this process's memory, where every request's key already passes; nothing is persisted.
 */
export class KeyHashCache {
  private readonly hashes: LruCache<string, string>;

  constructor(
    capacity = DEFAULT_CAPACITY,
    private readonly hash: (rawKey: string) => string = hashApiKey,
  ) {
    this.hashes = new LruCache(capacity);
  }

  hashOf(rawKey: string): string {
    return this.hashes.getOrCreate(rawKey, this.hash);
  }
}
