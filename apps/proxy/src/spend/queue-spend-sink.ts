import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SpendEvent, SpendEventInput } from '@tollgate/ledger';
import { enqueueSpendEvent, SPEND_JOB_NAME, SPEND_QUEUE_NAME, type SpendQueue } from '@tollgate/ledger/queue';
import { coalesceWritesUntilNextTurn } from '@tollgate/redis-kit';
import type { SpendSink } from './spend-sink.js';

/** Distributed mode: each event is added to the BullMQ spend queue (job id = request id); `apps/worker` books it. */
export class QueueSpendSink implements SpendSink {
  private readonly connection: Redis;
  private readonly queue: SpendQueue;

  constructor(options: { connection: Redis; queueName?: string | undefined; onError?: (error: Error) => void }) {
    this.connection = options.connection;
    this.queue = new Queue<SpendEvent, boolean, typeof SPEND_JOB_NAME>(options.queueName ?? SPEND_QUEUE_NAME, { connection: options.connection });
    // Without a listener an 'error' event (Redis down) would be thrown as an unhandled error.
    this.queue.on('error', options.onError ?? (() => undefined));
  }

  async record(event: SpendEventInput): Promise<void> {
    // Requests that end together add their jobs in one socket write.
    coalesceWritesUntilNextTurn(this.connection);
    await enqueueSpendEvent(this.queue, event);
  }

  async totalsUpToDate(): Promise<void> {}

  async close(): Promise<void> {
    await this.queue.close();
  }
}
