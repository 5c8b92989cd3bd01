import type { Redis } from 'ioredis';

/**
 * Holds the connection's socket writes until the event loop's next turn (`cork` now, `uncork` on `setImmediate`), so
 * the commands issued meanwhile leave in one `writev` instead of one write system call each. Commands keep their order
 * and ioredis's handling of them is unchanged (unlike its auto-pipelining, which BullMQ does not support); they only
 * leave a few microseconds later. Used when a batch commits: its jobs' completions are then hundreds of
 * `moveToFinished` calls issued in the same turn.
 */
export function coalesceWritesUntilNextTurn(connection: Redis): void {
  const stream = connection.stream as Redis['stream'] | undefined;
  if (stream === undefined || stream.destroyed || !stream.writable) return;
  stream.cork();
  setImmediate(() => stream.uncork());
}
