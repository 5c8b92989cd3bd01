import { TollgateError, type TollgateErrorOptions } from './tollgate-error.js';

/** 401: missing, unknown, expired or blocked credentials. */
export class AuthenticationError extends TollgateError {
  constructor(message: string, options: TollgateErrorOptions = {}) {
    super(message, 401, 'auth_error', options);
  }
}
