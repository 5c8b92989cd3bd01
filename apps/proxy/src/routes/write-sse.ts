import type { ServerResponse } from 'node:http';

const corked = new WeakSet<ServerResponse>();

/**
 * Writes one SSE frame. Frames written in the same turn of the event loop leave in one socket write (the response
 * is corked until the next turn, never longer: nothing is held back waiting for more). Returns a promise only when
 * the socket's buffer is full, to be awaited before writing more (backpressure); otherwise undefined.
 */
export function writeSse(response: ServerResponse, frame: string): Promise<void> | undefined {
  if (response.writableEnded || response.destroyed) return undefined;
  if (!corked.has(response)) {
    corked.add(response);
    response.cork();
    setImmediate(() => {
      corked.delete(response);
      response.uncork();
    });
  }
  if (response.write(frame)) return undefined;
  return new Promise<void>((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });
}
