/** The OpenAI error body every client of Tollgate receives: `{"error": {...}}`. */
export interface OpenAIErrorBody {
  error: {
    /** Human-readable explanation; never contains secrets. */
    message: string;
    /** OpenAI/LiteLLM error type, e.g. `invalid_request_error`, `budget_exceeded`. */
    type: string;
    /** The request field at fault, when one is (e.g. `messages[0].role`). */
    param: string | null;
    /** Machine-readable code; LiteLLM puts the HTTP status here as a string. */
    code: string | null;
  };
}

/** What every error class accepts. Subclasses fix `status` and `type`. */
export interface TollgateErrorOptions {
  /** The request field at fault. */
  param?: string | null;
  /** Overrides the default code (the HTTP status as a string). */
  code?: string | null;
  /** Overrides the class's default OpenAI error type. */
  type?: string;
  /** Provider that raised it, when it came from upstream. */
  provider?: string;
  /** Model the request named. */
  model?: string;
  /** Seconds the caller should wait before retrying (sent as `retry-after`). */
  retryAfterSeconds?: number;
  /** Response headers that go with the error (a 429's `x-ratelimit-*`). */
  headers?: Readonly<Record<string, string>>;
  /** The underlying error. */
  cause?: unknown;
}

const MARKER = Symbol.for('tollgate.error');

/**
 * Base of every error Tollgate raises on purpose. Each subclass maps to one HTTP status and an OpenAI error body,
 * so the proxy renders any of them without a lookup table.
 */
export class TollgateError extends Error {
  private readonly [MARKER] = true;
  /** HTTP status the proxy answers with. */
  readonly status: number;
  /** OpenAI error type. */
  readonly type: string;
  /** The request field at fault, or null. */
  readonly param: string | null;
  /** Machine-readable code, defaults to the status as a string (LiteLLM's convention). */
  readonly code: string | null;
  /** Provider that raised it, when known. */
  readonly provider: string | undefined;
  /** Model the request named, when known. */
  readonly model: string | undefined;
  /** Seconds to wait before retrying, when known. */
  readonly retryAfterSeconds: number | undefined;
  /** Response headers that go with the error; empty when none. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(message: string, status: number, defaultType: string, options: TollgateErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.status = status;
    this.type = options.type ?? defaultType;
    this.param = options.param ?? null;
    this.code = options.code === undefined ? String(status) : options.code;
    this.provider = options.provider;
    this.model = options.model;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.headers = options.headers ?? {};
  }

  /** True for any TollgateError, even one created by another copy of this package. */
  static isInstance(value: unknown): value is TollgateError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }

  /** Whether retrying the same request may succeed (rate limits, timeouts, 5xx). */
  get isRetryable(): boolean {
    return this.status === 408 || this.status === 409 || this.status === 429 || this.status >= 500;
  }

  /** The OpenAI-format body for this error. */
  toJSON(): OpenAIErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}
