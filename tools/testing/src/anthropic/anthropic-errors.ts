import type { ErrorReply } from '../http/error-reply.js';

const TYPES: Readonly<Record<number, { type: string; message: string }>> = {
  400: { type: 'invalid_request_error', message: 'Invalid request.' },
  401: { type: 'authentication_error', message: 'invalid x-api-key' },
  403: { type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' },
  404: { type: 'not_found_error', message: 'The requested resource could not be found.' },
  413: { type: 'request_too_large', message: 'Request exceeds the maximum allowed number of bytes.' },
  429: { type: 'rate_limit_error', message: 'This request would exceed the rate limit for your organization.' },
  500: { type: 'api_error', message: 'Internal server error' },
  529: { type: 'overloaded_error', message: 'Overloaded' },
};

/** Anthropic's error body `{ type: 'error', error: { type, message } }` for a status (529: `overloaded_error`). */
export function anthropicError(status: number, message?: string): ErrorReply {
  const kind = TYPES[status] ?? (status >= 500 ? TYPES[500] : TYPES[400]);
  return { status, body: { type: 'error', error: { type: kind?.type, message: message ?? kind?.message } } };
}

/** Anthropic's 401 for a missing or wrong `x-api-key`. */
export function anthropicAuthError(presented: string | undefined): ErrorReply {
  return anthropicError(401, presented === undefined ? 'x-api-key header is required' : 'invalid x-api-key');
}
