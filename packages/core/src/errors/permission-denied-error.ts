import { TollgateError, type TollgateErrorOptions } from './tollgate-error.js';

/** 403: the credentials are valid but may not do this (e.g. a model the key may not use). */
export class PermissionDeniedError extends TollgateError {
  constructor(message: string, options: TollgateErrorOptions = {}) {
    super(message, 403, 'permission_denied', options);
  }
}
