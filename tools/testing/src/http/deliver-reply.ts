import type { ServerResponse } from 'node:http';

/** How a reply is paced and whether it is cut off. */
export interface Delivery {
  /** Milliseconds before the first byte. */
  delayMs: number;
  /** Milliseconds between stream frames; 0 sends all frames in one write. */
  chunkDelayMs: number;
  /** Destroy the socket after this many frames (see `MockBehaviourKnobs.disconnectAfterChunks`). */
  disconnectAfterChunks: number | undefined;
  /** Response headers, content type included. */
  headers: Record<string, string>;
}

/** How a delivery ended: in full, cut off on purpose, or abandoned because the client went away. */
export type DeliveryOutcome = 'sent' | 'disconnected' | 'client-closed';

/** Sends a complete body (JSON reply or error) after the delay. */
export async function deliverBody(response: ServerResponse, options: { status: number; body: string | Uint8Array; delivery: Delivery }): Promise<DeliveryOutcome> {
  const { delivery } = options;
  if (!(await pause(response, delivery.delayMs))) return 'client-closed';
  const bytes = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
  delivery.headers['content-length'] = String(bytes.length);
  if (delivery.disconnectAfterChunks !== undefined) {
    if (delivery.disconnectAfterChunks === 0) return disconnect(response);
    response.writeHead(options.status, delivery.headers);
    return disconnect(response, bytes.subarray(0, Math.floor(bytes.length / 2)));
  }
  response.writeHead(options.status, delivery.headers);
  response.end(bytes);
  return 'sent';
}

/**
 * Sends stream frames after the delay. Without a chunk delay all frames go in one write (clients must not rely
 * on TCP boundaries anyway, and the benchmark needs the mock to be cheap), unless `separateWrites`, which leaves
 * one event-loop turn between two writes so that they leave as separate TCP segments; with a delay, frame by frame.
 */
export async function deliverFrames(response: ServerResponse, options: {
  status: number;
  frames: readonly (string | Uint8Array)[];
  separateWrites: boolean;
  delivery: Delivery;
}): Promise<DeliveryOutcome> {
  const { frames, delivery } = options;
  if (!(await pause(response, delivery.delayMs))) return 'client-closed';
  const cutAt = delivery.disconnectAfterChunks;
  if (cutAt === 0) return disconnect(response);
  response.writeHead(options.status, delivery.headers);
  if (delivery.chunkDelayMs <= 0 && !options.separateWrites) {
    if (cutAt !== undefined && cutAt < frames.length) return disconnect(response, concatenate(frames.slice(0, cutAt)));
    response.end(concatenate(frames));
    return 'sent';
  }
  for (let index = 0; index < frames.length; index += 1) {
    if (index > 0 && !(await (delivery.chunkDelayMs > 0 ? pause(response, delivery.chunkDelayMs) : nextTurn(response)))) return 'client-closed';
    if (index === cutAt) return disconnect(response);
    response.write(frames[index]);
  }
  response.end();
  return 'sent';
}

function concatenate(frames: readonly (string | Uint8Array)[]): string | Buffer {
  if (frames.every((frame) => typeof frame === 'string')) return frames.join('');
  return Buffer.concat(frames.map((frame) => (typeof frame === 'string' ? Buffer.from(frame) : frame)));
}

/** Destroys the socket, after flushing `lastBytes` when given, so the client sees a truncated reply. */
function disconnect(response: ServerResponse, lastBytes?: string | Uint8Array): Promise<DeliveryOutcome> {
  return new Promise((resolve) => {
    const destroy = (): void => {
      response.destroy();
      resolve('disconnected');
    };
    if (lastBytes === undefined || lastBytes.length === 0) destroy();
    else response.write(lastBytes, destroy);
  });
}

/** Waits `ms`, unless the client closes the connection first; resolves whether it is still open. */
function pause(response: ServerResponse, ms: number): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!response.destroyed);
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      response.off('close', onClose);
      resolve(!response.destroyed);
    }, ms);
    response.once('close', onClose);
  });
}

/** Waits one event-loop turn; resolves whether the connection is still open. */
function nextTurn(response: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => setImmediate(() => resolve(!response.destroyed)));
}
