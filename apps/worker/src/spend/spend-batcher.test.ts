import { spendEventSchema, type ApplySpendResult, type SpendEvent } from '@tollgate/ledger';
import { makeSpendEvent } from '../testing-internal/spend-event-factory.js';
import { SpendBatcher, type SpendBatchReport } from './spend-batcher.js';

const event = (requestId: string): SpendEvent => spendEventSchema.parse(makeSpendEvent({ request_id: requestId }));

/** A fake booking function that records batches and books each request id once, like the ledger. */
function fakeLedger(options: { failWhen?: (events: SpendEvent[]) => boolean } = {}) {
  const booked = new Set<string>();
  const batches: string[][] = [];
  const apply = async (events: SpendEvent[]): Promise<ApplySpendResult> => {
    batches.push(events.map((item) => item.request_id));
    if (options.failWhen?.(events) === true) throw new Error('database refused');
    const applied: string[] = [];
    const duplicates: string[] = [];
    for (const item of events) {
      if (booked.has(item.request_id)) duplicates.push(item.request_id);
      else {
        booked.add(item.request_id);
        applied.push(item.request_id);
      }
    }
    return { applied, duplicates };
  };
  return { apply, batches, booked };
}

describe('SpendBatcher', () => {
  it('flushes a full batch at once, and a partial one after maxWaitMs', async () => {
    const ledger = fakeLedger();
    const batcher = new SpendBatcher({ apply: ledger.apply, maxBatchSize: 3, maxWaitMs: 20 });
    const full = ['a', 'b', 'c'].map((id) => batcher.add(event(id)));
    expect(ledger.batches).toEqual([['a', 'b', 'c']]);
    await expect(Promise.all(full)).resolves.toEqual([true, true, true]);
    const started = Date.now();
    const partial = batcher.add(event('d'));
    expect(ledger.batches).toHaveLength(1);
    await expect(partial).resolves.toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    expect(ledger.batches).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('resolves an event only after its batch committed, false for an id booked before or earlier in the batch', async () => {
    const ledger = fakeLedger();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reports: SpendBatchReport[] = [];
    const batcher = new SpendBatcher({
      apply: async (events) => {
        await gate;
        return ledger.apply(events);
      },
      maxBatchSize: 10,
      maxWaitMs: 1,
      onBatch: (report) => reports.push(report),
    });
    let settled = false;
    const results = Promise.all([batcher.add(event('x')), batcher.add(event('x')), batcher.add(event('y'))]).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    release();
    await expect(results).resolves.toEqual([true, false, true]);
    expect(reports).toEqual([expect.objectContaining({ outcome: 'committed', size: 3, applied: 2 })]);
  });

  it('runs one transaction at a time by default: events arriving during a commit form the next batch', async () => {
    const ledger = fakeLedger();
    const gates: Array<() => void> = [];
    const started: string[][] = [];
    const batcher = new SpendBatcher({
      apply: async (events) => {
        started.push(events.map((item) => item.request_id));
        await new Promise<void>((resolve) => gates.push(resolve));
        return ledger.apply(events);
      },
      maxBatchSize: 4,
      maxWaitMs: 1,
    });
    const first = batcher.add(event('1'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(batcher.state).toEqual({ pendingEvents: 0, batchesInFlight: 1 });
    const later = ['2', '3', '4', '5', '6', '7'].map((id) => batcher.add(event(id)));
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Six events wait behind the running commit, even though four make a full batch.
    expect(batcher.state).toEqual({ pendingEvents: 6, batchesInFlight: 1 });
    gates.shift()!();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual([['1'], ['2', '3', '4', '5']]);
    gates.shift()!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual([['1'], ['2', '3', '4', '5'], ['6', '7']]);
    gates.shift()!();
    await expect(Promise.all(later)).resolves.toEqual([true, true, true, true, true, true]);
  });

  it('runs up to maxConcurrentBatches transactions at once', async () => {
    const ledger = fakeLedger();
    let running = 0;
    let mostRunning = 0;
    const batcher = new SpendBatcher({
      apply: async (events) => {
        mostRunning = Math.max(mostRunning, ++running);
        await new Promise((resolve) => setTimeout(resolve, 10));
        running -= 1;
        return ledger.apply(events);
      },
      maxBatchSize: 2,
      maxWaitMs: 1,
      maxConcurrentBatches: 3,
    });
    await Promise.all(Array.from({ length: 12 }, (_, index) => batcher.add(event(`c${index}`))));
    expect(mostRunning).toBe(3);
    expect(ledger.booked.size).toBe(12);
  });

  it('when a batch fails, tries each event alone so only the one the database refuses fails', async () => {
    const ledger = fakeLedger({ failWhen: (events) => events.some((item) => item.request_id === 'bad') });
    const batcher = new SpendBatcher({ apply: ledger.apply, maxBatchSize: 3, maxWaitMs: 1 });
    const outcomes = await Promise.allSettled([batcher.add(event('ok-1')), batcher.add(event('bad')), batcher.add(event('ok-2'))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('database refused'));
    expect([...ledger.booked].sort()).toEqual(['ok-1', 'ok-2']);
    expect(ledger.batches[0]).toEqual(['ok-1', 'bad', 'ok-2']);
    expect(ledger.batches.slice(1).sort()).toEqual([['bad'], ['ok-1'], ['ok-2']]);
  });

  it('rejects every event of a batch the database refuses entirely', async () => {
    const ledger = fakeLedger({ failWhen: () => true });
    const batcher = new SpendBatcher({ apply: ledger.apply, maxBatchSize: 2, maxWaitMs: 1 });
    const outcomes = await Promise.allSettled([batcher.add(event('p')), batcher.add(event('q'))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(ledger.booked.size).toBe(0);
  });

  it('drain flushes what is pending and waits for running transactions', async () => {
    const ledger = fakeLedger();
    const batcher = new SpendBatcher({ apply: ledger.apply, maxBatchSize: 100, maxWaitMs: 60_000 });
    const pending = batcher.add(event('late'));
    expect(batcher.state).toEqual({ pendingEvents: 1, batchesInFlight: 0 });
    await batcher.drain();
    expect(batcher.state).toEqual({ pendingEvents: 0, batchesInFlight: 0 });
    await expect(pending).resolves.toBe(true);
  });

  it('refuses a batch size below one', () => {
    expect(() => new SpendBatcher({ apply: fakeLedger().apply, maxBatchSize: 0, maxWaitMs: 1 })).toThrow(RangeError);
  });
});
