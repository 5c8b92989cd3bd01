import type { ServerResponse } from 'node:http';

/** Ends the response with a JSON body, as Express's `res.json` does (same content type), on plain Node. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('content-length', Buffer.byteLength(text));
  response.end(text);
}
