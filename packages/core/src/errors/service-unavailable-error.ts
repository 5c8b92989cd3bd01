import { TollgateError, type TollgateErrorOptions } from './tollgate-error.js';

/** 503: no deployment can serve the request right now, or a dependency is down. */
export class ServiceUnavailableError extends TollgateError {
  constructor(message: string, options: TollgateErrorOptions = {}) {
    super(message, 503, 'service_unavailable', options);
  }
}
