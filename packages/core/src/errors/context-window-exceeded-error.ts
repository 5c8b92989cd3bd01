import type { TollgateErrorOptions } from './tollgate-error.js';
import { BadRequestError } from './bad-request-error.js';

/** 400: the prompt (plus requested output) does not fit the model's context window. Triggers context-window fallbacks. */
export class ContextWindowExceededError extends BadRequestError {
  constructor(message: string, options: TollgateErrorOptions = {}) {
    super(message, { type: 'context_window_exceeded', ...options });
  }
}
