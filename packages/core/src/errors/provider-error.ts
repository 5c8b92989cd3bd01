import { TollgateError, type TollgateErrorOptions } from './tollgate-error.js';

export interface ProviderErrorOptions extends TollgateErrorOptions {
  /** HTTP status the provider answered with (0 when the connection failed before a status). */
  upstreamStatus: number;
  /** The provider's response body, parsed when it was JSON. */
  body?: unknown;
  /** Overrides the status-based retry classification (e.g. Anthropic 529 overloaded). */
  retryable?: boolean;
}

const TYPE_BY_STATUS: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'auth_error',
  403: 'permission_denied',
  404: 'not_found_error',
  408: 'timeout',
  422: 'unprocessable_entity',
  429: 'rate_limit_error',
};

/**
 * An upstream provider failed in a way no more specific class describes. The proxy answers with the provider's
 * status when it is an error status (4xx/5xx), else 500; the original status and body are kept for logs and retries.
 */
export class ProviderError extends TollgateError {
  readonly upstreamStatus: number;
  readonly body: unknown;
  private readonly retryableOverride: boolean | undefined;

  constructor(message: string, options: ProviderErrorOptions) {
    const status = options.upstreamStatus >= 400 && options.upstreamStatus <= 599 ? options.upstreamStatus : 500;
    super(message, status, TYPE_BY_STATUS[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error'), options);
    this.upstreamStatus = options.upstreamStatus;
    this.body = options.body;
    this.retryableOverride = options.retryable;
  }

  /** Connection failures, 408, 409, 429 and 5xx are retryable unless the adapter said otherwise. */
  override get isRetryable(): boolean {
    if (this.retryableOverride !== undefined) return this.retryableOverride;
    return this.upstreamStatus === 0 || super.isRetryable;
  }
}
