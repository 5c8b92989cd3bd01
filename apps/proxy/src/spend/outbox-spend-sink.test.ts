import { SpendOutbox } from '@tollgate/ledger/sqlite';
import { createLogger } from '../observability/create-logger.js';
import { OutboxSpendSink } from './outbox-spend-sink.js';
import type { SpendSink } from './spend-sink.js';
import { spendEventFor } from './testing-internal/spend-event-for.js';

/** A primary sink that hangs (never answers) until `healthy` is set, then records. */
function switchablePrimary() {
  const recorded: string[] = [];
  const state = { healthy: false };
  const sink: SpendSink = {
    record: (event) => (state.healthy ? (recorded.push(event.request_id), Promise.resolve()) : new Promise(() => undefined)),
    totalsUpToDate: async () => undefined,
    close: async () => undefined,
  };
  return { sink, recorded, state };
}

const silentLogger = createLogger({ level: 'silent' });

describe('OutboxSpendSink', () => {
  it('keeps an event the primary does not take in time, skips the primary for a while after, and forwards once it recovers', async () => {
    const primary = switchablePrimary();
    const outbox = SpendOutbox.open(':memory:');
    const sink = new OutboxSpendSink({ primary: primary.sink, outbox, logger: silentLogger, recordTimeoutMs: 100, forwardIntervalMs: 50 });
    let startedAt = Date.now();
    await sink.record(spendEventFor('r1'));
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    startedAt = Date.now();
    await sink.record(spendEventFor('r2')); // the breaker is open: straight to the outbox
    expect(Date.now() - startedAt).toBeLessThan(50);
    expect(outbox.size).toBe(2);

    primary.state.healthy = true;
    for (const deadline = Date.now() + 5_000; outbox.size > 0 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(outbox.size).toBe(0);
    expect(primary.recorded.sort()).toEqual(['r1', 'r2']);
    await sink.close();
  });

  it('rejects only when the outbox cannot keep the event either', async () => {
    const primary = switchablePrimary();
    const outbox = SpendOutbox.open(':memory:');
    const sink = new OutboxSpendSink({ primary: primary.sink, outbox, logger: silentLogger, recordTimeoutMs: 20 });
    await expect(sink.record({ ...spendEventFor('bad'), api_key: 'sk-not-a-hash' })).rejects.toThrow();
    primary.state.healthy = true;
    await sink.close();
  });

  it('forwards what a previous run left in the outbox when it starts', async () => {
    const primary = switchablePrimary();
    primary.state.healthy = true;
    const outbox = SpendOutbox.open(':memory:');
    outbox.put([spendEventFor('left-over')]);
    const sink = new OutboxSpendSink({ primary: primary.sink, outbox, logger: silentLogger });
    sink.start();
    for (const deadline = Date.now() + 5_000; outbox.size > 0 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(primary.recorded).toEqual(['left-over']);
    await sink.close();
  });
});
