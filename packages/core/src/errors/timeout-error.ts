import { TollgateError, type TollgateErrorOptions } from './tollgate-error.js';

/** 408: the upstream call or the request exceeded its time limit. */
export class TimeoutError extends TollgateError {
  constructor(message: string, options: TollgateErrorOptions = {}) {
    super(message, 408, 'timeout', options);
  }
}
