import type { Redis } from 'ioredis';

/**
 * Holds the connection's socket writes until the event loop's next turn (`cork` now, `uncork` on `setImmediate`), so
 * the commands that concurrent requests issue in this turn leave in one `writev` instead of one write system call
 * each, the largest cost of a command on the client's side. Commands keep their order and ioredis handles them as
 * usual; they only leave a few microseconds later. Unlike ioredis's auto-pipelining (which BullMQ does not support),
 * nothing waits for an earlier batch's replies and no pipeline is built per batch (measured: auto-pipelining added
 * 0.15 ms at one connection). Used by the Redis limiter, the router's Redis state, the proxy's spend queue and the worker.
 */
export function coalesceWritesUntilNextTurn(redis: Redis): void {
  const socket = redis.stream as Redis['stream'] | undefined;
  if (socket === undefined || socket.destroyed || !socket.writable || socket.writableCorked > 0) return;
  socket.cork();
  setImmediate(() => socket.uncork());
}
