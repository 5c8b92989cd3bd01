import { TollgateError, type TollgateErrorOptions } from './tollgate-error.js';

/** 500: an unexpected fault inside Tollgate or upstream. */
export class InternalServerError extends TollgateError {
  constructor(message: string, options: TollgateErrorOptions = {}) {
    super(message, 500, 'internal_server_error', options);
  }
}
