import { InternalServerError } from './internal-server-error.js';
import { TollgateError } from './tollgate-error.js';

/**
 * Any thrown value as a TollgateError, for rendering. Unknown errors become a 500 whose message does not echo the
 * original (it may hold secrets or internals); the original is kept as `cause` for logs.
 */
export function toTollgateError(error: unknown): TollgateError {
  if (TollgateError.isInstance(error)) return error;
  return new InternalServerError('Internal server error', { cause: error });
}
