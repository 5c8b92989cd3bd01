/** Options of {@link LruCache}. */
export interface LruCacheOptions {
  /** How long an entry stays valid after it was stored; past it the entry reads as missing. Default: forever. */
  ttlMs?: number;
  /** Time source for `ttlMs` (epoch ms). Default `Date.now`. */
  clock?: () => number;
}

/**
 * A map bounded to `capacity` entries that drops the least recently used one when full, optionally forgetting entries
 * `ttlMs` after they were stored. Relies on `Map` keeping insertion order: a hit is moved to the end, so the first key
 * is always the least recently used.
 */
export class LruCache<Key, Value> {
  private readonly entries = new Map<Key, { value: Value; expiresAtMs: number }>();
  private readonly ttlMs: number;
  private readonly clock: () => number;

  constructor(
    private readonly capacity: number,
    options: LruCacheOptions = {},
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`LruCache capacity must be a positive integer, not ${capacity}`);
    if (options.ttlMs !== undefined && !(options.ttlMs > 0)) throw new RangeError(`LruCache ttlMs must be positive, not ${options.ttlMs}`);
    this.ttlMs = options.ttlMs ?? Number.POSITIVE_INFINITY;
    this.clock = options.clock ?? Date.now;
  }

  /** Entries held, expired ones included until they are replaced, deleted or pushed out. */
  get size(): number {
    return this.entries.size;
  }

  /** Whether `key` has a live entry (it may hold `undefined`); counts as a use. */
  has(key: Key): boolean {
    return this.liveEntry(key) !== undefined;
  }

  /** The live value for `key`, or undefined; counts as a use. */
  get(key: Key): Value | undefined {
    return this.liveEntry(key)?.value;
  }

  /** Stores `value` as the most recently used entry (its TTL starts now), dropping the least recent when full. */
  set(key: Key, value: Value): void {
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as Key);
    this.entries.set(key, { value, expiresAtMs: this.ttlMs === Number.POSITIVE_INFINITY ? this.ttlMs : this.clock() + this.ttlMs });
  }

  /** The value kept for `key`, or the one `create` makes (and is kept) when there is none. */
  getOrCreate(key: Key, create: (key: Key) => Value): Value {
    const entry = this.liveEntry(key);
    if (entry !== undefined) return entry.value;
    const value = create(key);
    this.set(key, value);
    return value;
  }

  /**
   * The value kept for `key` even if it expired, with how long ago it expired (0 while live), or undefined when
   * there is none; not a use. For serving a stale answer while its source is unavailable.
   */
  peekStale(key: Key): { value: Value; expiredForMs: number } | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    return { value: entry.value, expiredForMs: Math.max(0, this.clock() - entry.expiresAtMs) };
  }

  delete(key: Key): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  private liveEntry(key: Key): { value: Value; expiresAtMs: number } | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // An expired entry stays where it is (for peekStale) until replaced or pushed out; a live one becomes most recent.
    if (entry.expiresAtMs !== Number.POSITIVE_INFINITY && entry.expiresAtMs <= this.clock()) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }
}
