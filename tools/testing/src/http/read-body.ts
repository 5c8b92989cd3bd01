import type { IncomingMessage } from 'node:http';

/** The request body as text. */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString() : Buffer.concat(chunks).toString()));
    request.on('error', reject);
  });
}

/** The body parsed as JSON; `undefined` for an empty body, `{ invalid: text }` when it is not JSON. */
export function parseJsonBody(text: string): { value: unknown } | { invalid: string } {
  if (text.length === 0) return { value: undefined };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { invalid: text };
  }
}
