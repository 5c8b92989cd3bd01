import type { IncomingMessage } from 'node:http';
import { BadRequestError, TollgateError } from '@tollgate/core';

/**
 * Whether the request body is plain UTF-8 JSON that {@link readJsonBody} reads as Express's JSON parser would.
 * Anything else (compressed, another charset or content type) is left to Express, which answers it the usual way.
 */
export function isPlainJsonRequest(request: IncomingMessage): boolean {
  const encoding = request.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const type = request.headers['content-type'];
  return type !== undefined && /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i.test(type);
}

/** Reads and parses a JSON body of at most `limitBytes`: 413 beyond it, 400 when it is not JSON. */
export function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<unknown> {
  const declared = Number(request.headers['content-length']);
  if (declared > limitBytes) return Promise.reject(tooLarge(limitBytes));
  return new Promise((resolve, reject) => {
    const pieces: Buffer[] = [];
    let size = 0;
    request.on('data', (piece: Buffer) => {
      size += piece.length;
      if (size > limitBytes) {
        request.removeAllListeners('data');
        request.resume();
        reject(tooLarge(limitBytes));
        return;
      }
      pieces.push(piece);
    });
    request.on('error', reject);
    request.on('end', () => {
      if (size > limitBytes) return;
      const text = pieces.length === 1 ? pieces[0]!.toString('utf8') : Buffer.concat(pieces, size).toString('utf8');
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new BadRequestError('Request body is not valid JSON', { code: 'invalid_json' }));
      }
    });
  });
}

function tooLarge(limitBytes: number): TollgateError {
  return new TollgateError(`Request body is larger than the limit of ${limitBytes} bytes`, 413, 'invalid_request_error', { code: 'request_too_large' });
}
