import { TollgateError, type TollgateErrorOptions } from './tollgate-error.js';

/** 400: the request is malformed or names something invalid. */
export class BadRequestError extends TollgateError {
  constructor(message: string, options: TollgateErrorOptions = {}) {
    super(message, 400, 'invalid_request_error', options);
  }
}
