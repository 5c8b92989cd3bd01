import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import { BadRequestError, TollgateError, toTollgateError } from '@tollgate/core';
import { clientSafeError } from './client-safe-error.js';
import { sendJson } from './send-json.js';

/** Express/body-parser failures carry a `type` and `status`; map the ones clients cause to OpenAI errors. */
export function fromBodyParserError(error: unknown): TollgateError | undefined {
  if (typeof error !== 'object' || error === null || TollgateError.isInstance(error)) return undefined;
  const { type, status, limit } = error as { type?: string; status?: number; limit?: number };
  if (type === 'entity.too.large') {
    return new TollgateError(`Request body is larger than the limit of ${limit ?? '?'} bytes`, 413, 'invalid_request_error', {
      code: 'request_too_large',
    });
  }
  if (type === 'entity.parse.failed') return new BadRequestError('Request body is not valid JSON', { code: 'invalid_json' });
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new TollgateError('Unsupported request body encoding', 415, 'invalid_request_error');
  }
  if (status === 400 && type !== undefined) return new BadRequestError('Malformed request body');
  return undefined;
}

/** Writes an error as OpenAI's body with its status (and `retry-after` and the error's own headers when known). */
export function sendError(response: ServerResponse, error: TollgateError): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  for (const name in error.headers) response.setHeader(name, error.headers[name]!);
  if (error.retryAfterSeconds !== undefined) response.setHeader('retry-after', String(Math.ceil(error.retryAfterSeconds)));
  sendJson(response, error.status, error.toJSON());
}

export interface ErrorHandlerOptions {
  /** Called for unexpected (5xx) errors; never given to the client. */
  logUnexpected: (error: unknown) => void;
}

/** The last middleware: every failure leaves as an OpenAI error body; internals never reach the client. */
export function createErrorHandler(options: ErrorHandlerOptions): ErrorRequestHandler {
  return (error, _request, response, _next) => answerWithError(response, error, options);
}

/** Answers a failure as an OpenAI error (logging unexpected ones); for handlers outside Express. */
export function answerWithError(response: ServerResponse, error: unknown, options: ErrorHandlerOptions): void {
  const rendered = fromBodyParserError(error) ?? toTollgateError(error);
  if (rendered.status >= 500) options.logUnexpected(error);
  sendError(response, clientSafeError(rendered));
}
