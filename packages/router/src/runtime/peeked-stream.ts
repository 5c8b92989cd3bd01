/** Hooks of a PeekedStream. */
export interface PeekedStreamHooks<T> {
  /** Sees every item handed to the consumer (e.g. to pick up the usage chunk). */
  onItem?(item: T): void;
  /** Called exactly once: when the stream ends, fails, or the consumer stops early (`break` / `return()`). */
  onFinish(outcome: { error?: unknown }): void;
}

/**
 * A stream whose first item was already read (the router reads it to know the deployment works before committing
 * to it). Hands that item out first, then relays the rest. Unlike an async generator, `return()` runs the finish
 * hook even when the consumer never started iterating, so a dropped stream never leaks an in-flight count.
 * Single consumer.
 */
export class PeekedStream<T> implements AsyncIterableIterator<T> {
  private pending: IteratorResult<T> | undefined;
  private finished = false;

  constructor(
    first: IteratorResult<T>,
    private readonly source: AsyncIterator<T>,
    private readonly hooks: PeekedStreamHooks<T>,
  ) {
    this.pending = first;
  }

  async next(): Promise<IteratorResult<T>> {
    if (this.finished) return { done: true, value: undefined };
    let result: IteratorResult<T>;
    if (this.pending) {
      result = this.pending;
      this.pending = undefined;
    } else {
      try {
        result = await this.source.next();
      } catch (error) {
        this.finish({ error });
        throw error;
      }
    }
    if (result.done) this.finish({});
    else this.hooks.onItem?.(result.value);
    return result;
  }

  async return(value?: unknown): Promise<IteratorResult<T>> {
    if (!this.finished) {
      this.finish({});
      try {
        await this.source.return?.();
      } catch {
        // The consumer is leaving; a source that fails to close has nothing left to tell it.
      }
    }
    return { done: true, value: value as T };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(outcome: { error?: unknown }): void {
    if (this.finished) return;
    this.finished = true;
    this.pending = undefined;
    this.hooks.onFinish(outcome);
  }
}
