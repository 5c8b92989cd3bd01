import type { TollgateErrorOptions } from './tollgate-error.js';
import { BadRequestError } from './bad-request-error.js';

/** 400: the provider does not support a parameter and `drop_params` is off. */
export class UnsupportedParamsError extends BadRequestError {
  constructor(message: string, options: TollgateErrorOptions = {}) {
    super(message, { type: 'unsupported_params', ...options });
  }
}
