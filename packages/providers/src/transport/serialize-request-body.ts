import { BadRequestError } from '@tollgate/core';

/**
 * The JSON text of a request body. A body that cannot be serialised (nested deeper than the stack allows, a cycle,
 * a BigInt) is the request's fault, never the provider's: it fails with a `BadRequestError` before any I/O, so it
 * is neither retried nor counted against a deployment.
 */
export function serializeRequestBody(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (error) {
    throw new BadRequestError('The request could not be serialised as JSON (nested too deeply, or not JSON data).', {
      code: 'unserializable_request',
      cause: error,
    });
  }
}
