import { hashApiKey } from '@tollgate/ledger';

const DEFAULT_CAPACITY = 10_000;

/**
 * Raw key → SHA-256 hex, remembered for the keys seen most recently, so a steady client's requests hash nothing
 * (the hot path does no synchronous crypto). Bounded: beyond `capacity` keys the least recently used is dropped. It
 * holds raw keys only in this process's memory, where every request's key already passes; nothing is persisted.
 */
export class KeyHashCache {
  private readonly hashes = new Map<string, string>();

  constructor(
    private readonly capacity = DEFAULT_CAPACITY,
    private readonly hash: (rawKey: string) => string = hashApiKey,
  ) {}

  hashOf(rawKey: string): string {
    let hash = this.hashes.get(rawKey);
    if (hash !== undefined) {
      this.hashes.delete(rawKey);
    } else {
      hash = this.hash(rawKey);
      if (this.hashes.size >= this.capacity) this.hashes.delete(this.hashes.keys().next().value as string);
    }
    this.hashes.set(rawKey, hash);
    return hash;
  }
}
