import { TollgateError, type TollgateErrorOptions } from './tollgate-error.js';

/** 404: the model, key, user, team or route does not exist. */
export class NotFoundError extends TollgateError {
  constructor(message: string, options: TollgateErrorOptions = {}) {
    super(message, 404, 'not_found_error', options);
  }
}
