import type { TollgateErrorOptions } from './tollgate-error.js';
import { BadRequestError } from './bad-request-error.js';

/** 400: the provider refused the content. Triggers content-policy fallbacks. */
export class ContentPolicyViolationError extends BadRequestError {
  constructor(message: string, options: TollgateErrorOptions = {}) {
    super(message, { type: 'content_policy_violation', ...options });
  }
}
