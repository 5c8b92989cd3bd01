/**
 * An exact sliding-window log for one scope (the in-memory twin of the Redis sorted sets): every admitted request
 * is an entry stamped with its admission instant and a weight (1 for rpm, its tokens for tpm). An entry counts
 * while `atMs > now - windowMs`. Exact rather than a two-bucket estimate because a limit must hold exactly
 * ("rpm 60" admits 60, not about 60); memory is bounded because only admitted requests are logged.
 */
export class SlidingLog {
  /** Sorted by `atMs`, oldest first. */
  private entries: { id: string; atMs: number }[] = [];
  private readonly weights = new Map<string, number>();
  private totalWeight = 0;

  /** Sum of the weights in the window (after `evict`). */
  get total(): number {
    return this.totalWeight;
  }

  get size(): number {
    return this.entries.length;
  }

  get newestMs(): number | null {
    return this.entries.at(-1)?.atMs ?? null;
  }

  /** Drops entries admitted at or before `cutoffMs` (= now - window). */
  evict(cutoffMs: number): void {
    let expired = 0;
    while (expired < this.entries.length && this.entries[expired]!.atMs <= cutoffMs) {
      const id = this.entries[expired]!.id;
      this.totalWeight -= this.weights.get(id) ?? 0;
      this.weights.delete(id);
      expired += 1;
    }
    if (expired > 0) this.entries.splice(0, expired);
  }

  add(id: string, atMs: number, weight: number): void {
    // Clocks of concurrent callers may interleave slightly, so insert in order rather than append.
    let index = this.entries.length;
    while (index > 0 && this.entries[index - 1]!.atMs > atMs) index -= 1;
    this.entries.splice(index, 0, { id, atMs });
    this.weights.set(id, weight);
    this.totalWeight += weight;
  }

  /** Replaces an entry's weight (tpm: reserved → actual); false when the entry already slid out. */
  reweigh(id: string, weight: number): boolean {
    const previous = this.weights.get(id);
    if (previous === undefined) return false;
    this.weights.set(id, weight);
    this.totalWeight += weight - previous;
    return true;
  }

  /** The instant (epoch ms) by which at least `mustExpire` weight has slid out, or null if it never will. */
  retryAt(mustExpire: number, windowMs: number): number | null {
    let expiring = 0;
    for (const entry of this.entries) {
      expiring += this.weights.get(entry.id) ?? 0;
      if (expiring >= mustExpire) return entry.atMs + windowMs;
    }
    return null;
  }
}
