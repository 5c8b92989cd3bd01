import { TollgateError, type TollgateErrorOptions } from './tollgate-error.js';

/** 429: a rate limit (rpm, tpm, parallel requests) was hit, here or upstream, or every deployment is cooling down. */
export class RateLimitError extends TollgateError {
  constructor(message: string, options: TollgateErrorOptions = {}) {
    super(message, 429, 'rate_limit_error', options);
  }
}
