/**
 * A map bounded to `capacity` entries that drops the least recently used one when full. Relies on `Map` keeping
 * insertion order: a hit is moved to the end, so the first key is always the least recently used.
 */
export class LruCache<Key, Value> {
  private readonly entries = new Map<Key, Value>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`LruCache capacity must be a positive integer, not ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value kept for `key`, or the one `create` makes (and is kept) when there is none. */
  getOrCreate(key: Key, create: (key: Key) => Value): Value {
    let value = this.entries.get(key);
    if (value !== undefined || this.entries.has(key)) {
      this.entries.delete(key);
    } else {
      value = create(key);
      if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as Key);
    }
    this.entries.set(key, value as Value);
    return value as Value;
  }

  clear(): void {
    this.entries.clear();
  }
}
