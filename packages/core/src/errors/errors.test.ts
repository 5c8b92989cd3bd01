import {
  AuthenticationError,
  BadRequestError,
  BudgetExceededError,
  ContentPolicyViolationError,
  ContextWindowExceededError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  ProviderError,
  RateLimitError,
  ServiceUnavailableError,
  TimeoutError,
  TollgateError,
  UnsupportedParamsError,
  toTollgateError,
} from './index.js';

type ErrorClass = new (message: string) => TollgateError;

describe('error classes', () => {
  it.each<[ErrorClass, number, string, boolean]>([
    [BadRequestError, 400, 'invalid_request_error', false],
    [UnsupportedParamsError, 400, 'unsupported_params', false],
    [ContextWindowExceededError, 400, 'context_window_exceeded', false],
    [ContentPolicyViolationError, 400, 'content_policy_violation', false],
    [AuthenticationError, 401, 'auth_error', false],
    [PermissionDeniedError, 403, 'permission_denied', false],
    [NotFoundError, 404, 'not_found_error', false],
    [TimeoutError, 408, 'timeout', true],
    [RateLimitError, 429, 'rate_limit_error', true],
    [BudgetExceededError, 400, 'budget_exceeded', false],
    [ServiceUnavailableError, 503, 'service_unavailable', true],
    [InternalServerError, 500, 'internal_server_error', true],
  ])('%p → %i %s', (ErrorClass, status, type, retryable) => {
    const error = new ErrorClass('Something went wrong');
    expect(error).toBeInstanceOf(TollgateError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
    expect(error.type).toBe(type);
    expect(error.code).toBe(String(status));
    expect(error.param).toBeNull();
    expect(error.isRetryable).toBe(retryable);
    expect(TollgateError.isInstance(error)).toBe(true);
    expect(error.toJSON()).toEqual({ error: { message: 'Something went wrong', type, param: null, code: String(status) } });
    expect(JSON.parse(JSON.stringify(error))).toEqual(error.toJSON());
  });

  it.each([UnsupportedParamsError, ContextWindowExceededError, ContentPolicyViolationError])(
    '%p is a BadRequestError',
    (ErrorClass) => {
      expect(new ErrorClass('x')).toBeInstanceOf(BadRequestError);
    },
  );

  it('carries param, code, type, provider, model, retry-after and cause from the options', () => {
    const cause = new Error('socket hang up');
    const error = new RateLimitError('Slow down', {
      param: 'messages[0].content',
      code: 'rate_limit_exceeded',
      type: 'tokens',
      provider: 'openai',
      model: 'gpt-4o',
      retryAfterSeconds: 12,
      cause,
    });
    expect(error.toJSON()).toEqual({
      error: { message: 'Slow down', type: 'tokens', param: 'messages[0].content', code: 'rate_limit_exceeded' },
    });
    expect(error.provider).toBe('openai');
    expect(error.model).toBe('gpt-4o');
    expect(error.retryAfterSeconds).toBe(12);
    expect(error.cause).toBe(cause);
    expect(new BadRequestError('x', { code: null }).toJSON().error.code).toBeNull();
  });

  it('keeps budget amounts and is never retryable', () => {
    const error = new BudgetExceededError('Budget has been exceeded', { currentCostUsd: 10.5, maxBudgetUsd: 10 });
    expect(error.currentCostUsd).toBe(10.5);
    expect(error.maxBudgetUsd).toBe(10);
    expect(error.isRetryable).toBe(false);
  });

  describe('ProviderError', () => {
    it.each<[number, number, string, boolean]>([
      [400, 400, 'invalid_request_error', false],
      [401, 401, 'auth_error', false],
      [403, 403, 'permission_denied', false],
      [404, 404, 'not_found_error', false],
      [408, 408, 'timeout', true],
      [409, 409, 'invalid_request_error', true],
      [422, 422, 'unprocessable_entity', false],
      [429, 429, 'rate_limit_error', true],
      [500, 500, 'api_error', true],
      [529, 529, 'api_error', true],
      [0, 500, 'api_error', true],
      [200, 500, 'api_error', true],
    ])('upstream %i → %i %s (retryable %p)', (upstreamStatus, status, type, retryable) => {
      const body = { error: { message: 'upstream said no' } };
      const error = new ProviderError('Provider failed', { upstreamStatus, body, provider: 'openai' });
      expect(error.status).toBe(status);
      expect(error.type).toBe(type);
      expect(error.upstreamStatus).toBe(upstreamStatus);
      expect(error.body).toBe(body);
      expect(error.isRetryable).toBe(retryable);
      expect(error.toJSON().error).toEqual({ message: 'Provider failed', type, param: null, code: String(status) });
    });

    it('lets the adapter override the retry classification', () => {
      expect(new ProviderError('overloaded', { upstreamStatus: 400, retryable: true }).isRetryable).toBe(true);
      expect(new ProviderError('bad gateway', { upstreamStatus: 502, retryable: false }).isRetryable).toBe(false);
    });
  });

  describe('isInstance', () => {
    it('recognises errors from another copy of the package', () => {
      let OtherCopy: typeof import('./index.js') | undefined;
      jest.isolateModules(() => {
        OtherCopy = jest.requireActual<typeof import('./index.js')>('./index.js');
      });
      if (!OtherCopy) throw new Error('the second copy did not load');
      expect(OtherCopy.TollgateError).not.toBe(TollgateError);
      const foreign = new OtherCopy.RateLimitError('from the other copy');
      expect(foreign instanceof TollgateError).toBe(false);
      expect(TollgateError.isInstance(foreign)).toBe(true);
      expect(OtherCopy.TollgateError.isInstance(new NotFoundError('here'))).toBe(true);
      expect(toTollgateError(foreign)).toBe(foreign);
    });

    it.each([new Error('plain'), { status: 400, message: 'lookalike' }, null, undefined, 'text', 42])(
      'rejects %p',
      (value) => {
        expect(TollgateError.isInstance(value)).toBe(false);
      },
    );
  });

  describe('toTollgateError', () => {
    it('returns Tollgate errors unchanged', () => {
      const error = new NotFoundError('No such model');
      expect(toTollgateError(error)).toBe(error);
    });

    it('hides the message of anything else behind a 500 and keeps it as the cause', () => {
      const secret = new Error('connect ECONNREFUSED with key sk-live-123');
      const error = toTollgateError(secret);
      expect(error).toBeInstanceOf(InternalServerError);
      expect(error.toJSON()).toEqual({
        error: { message: 'Internal server error', type: 'internal_server_error', param: null, code: '500' },
      });
      expect(error.cause).toBe(secret);
      expect(toTollgateError('thrown string').cause).toBe('thrown string');
    });
  });
});
