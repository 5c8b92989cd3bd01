import type { Response } from 'express';

/** Writes one SSE frame, waiting for the socket to drain when its buffer is full (backpressure, never buffering). */
export async function writeSse(response: Response, frame: string): Promise<void> {
  if (response.writableEnded || response.destroyed) return;
  if (!response.write(frame)) {
    await new Promise<void>((resolve) => {
      const done = () => {
        response.off('drain', done);
        response.off('close', done);
        resolve();
      };
      response.on('drain', done);
      response.on('close', done);
    });
  }
}
