/** Runs at most one operation per key at a time; concurrent callers for the same key share its promise. */
export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  run(key: string, operation: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const started = operation().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }
}
