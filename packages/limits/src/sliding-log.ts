/**
 * An exact sliding-window log for one scope (the in-memory twin of the Redis sorted sets): every admitted request
 * is an entry stamped with its admission instant and a weight (1 for rpm, its tokens for tpm). An entry counts
 * while `atMs > now - windowMs`. Exact rather than a two-bucket estimate because a limit must hold exactly
 * ("rpm 60" admits 60, not about 60); memory is bounded because only admitted requests are logged.
 *
 * Entries live in a ring of two typed arrays (16 bytes each, no object per entry: at thousands of requests per
 * second a minute's log is hundreds of thousands of entries, and their size is what the heap grows by). `add`
 * returns the entry's sequence number, which `reweigh` takes back.
 */
export class SlidingLog {
  private times = new Float64Array(64);
  private weights = new Float64Array(64);
  /** Ring index of the oldest entry. */
  private head = 0;
  private count = 0;
  /** Sequence number of the oldest entry. */
  private headSeq = 0;
  private totalWeight = 0;

  /** Sum of the weights in the window (after `evict`). */
  get total(): number {
    return this.totalWeight;
  }

  get size(): number {
    return this.count;
  }

  get newestMs(): number | null {
    return this.count === 0 ? null : this.times[this.slot(this.count - 1)]!;
  }

  /** Drops entries admitted at or before `cutoffMs` (= now - window). */
  evict(cutoffMs: number): void {
    while (this.count > 0 && this.times[this.head]! <= cutoffMs) {
      this.totalWeight -= this.weights[this.head]!;
      this.head = (this.head + 1) % this.times.length;
      this.count -= 1;
      this.headSeq += 1;
    }
    if (this.count === 0) this.totalWeight = 0;
  }

  /**
   * Logs an entry and returns its sequence number. Entries stay in admission order: one stamped earlier than the
   * newest (concurrent callers' clocks interleave by a few milliseconds) counts from the newest instant instead, so
   * it slides out a moment later — never sooner.
   */
  add(atMs: number, weight: number): number {
    if (this.count === this.times.length) this.grow();
    const newest = this.newestMs;
    const index = this.slot(this.count);
    this.times[index] = newest !== null && newest > atMs ? newest : atMs;
    this.weights[index] = weight;
    this.count += 1;
    this.totalWeight += weight;
    return this.headSeq + this.count - 1;
  }

  /** Replaces an entry's weight (tpm: reserved → actual); false when the entry already slid out. */
  reweigh(seq: number, weight: number): boolean {
    const offset = seq - this.headSeq;
    if (offset < 0 || offset >= this.count) return false;
    const index = this.slot(offset);
    this.totalWeight += weight - this.weights[index]!;
    this.weights[index] = weight;
    return true;
  }

  /** The instant (epoch ms) by which at least `mustExpire` weight has slid out, or null if it never will. */
  retryAt(mustExpire: number, windowMs: number): number | null {
    let expiring = 0;
    for (let offset = 0; offset < this.count; offset += 1) {
      const index = this.slot(offset);
      expiring += this.weights[index]!;
      if (expiring >= mustExpire) return this.times[index]! + windowMs;
    }
    return null;
  }

  private slot(offset: number): number {
    return (this.head + offset) % this.times.length;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const weights = new Float64Array(this.weights.length * 2);
    for (let offset = 0; offset < this.count; offset += 1) {
      times[offset] = this.times[this.slot(offset)]!;
      weights[offset] = this.weights[this.slot(offset)]!;
    }
    this.times = times;
    this.weights = weights;
    this.head = 0;
  }
}
