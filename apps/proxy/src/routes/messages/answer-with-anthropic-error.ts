import type { ServerResponse } from 'node:http';
import { toTollgateError } from '@tollgate/core';
import { clientSafeError } from '../../http/client-safe-error.js';
import { fromBodyParserError, type ErrorHandlerOptions } from '../../http/error-handler.js';
import { sendJson } from '../../http/send-json.js';
import { anthropicErrorBody } from './anthropic-error-body.js';

/**
 * Answers a failure on the Messages routes in Anthropic's error shape, with the same status, `retry-after` and
 * safety as every other route (unexpected errors logged, upstream internals never shown).
 */
export function answerWithAnthropicError(response: ServerResponse, error: unknown, options: ErrorHandlerOptions): void {
  const rendered = fromBodyParserError(error) ?? toTollgateError(error);
  if (rendered.status >= 500) options.logUnexpected(error);
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const safe = clientSafeError(rendered);
  if (safe.retryAfterSeconds !== undefined) response.setHeader('retry-after', String(Math.ceil(safe.retryAfterSeconds)));
  sendJson(response, safe.status, anthropicErrorBody(safe));
}
