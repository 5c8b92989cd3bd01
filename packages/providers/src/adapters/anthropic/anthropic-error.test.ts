import {
  AuthenticationError,
  BadRequestError,
  ContextWindowExceededError,
  PermissionDeniedError,
  ProviderError,
  RateLimitError,
  ServiceUnavailableError,
} from '@tollgate/core';
import { readJsonFixture, testContext } from '../../testing-internal/native-adapter-test-kit.js';
import { anthropicError } from './anthropic-error.js';

const fixtures = `${__dirname}/__fixtures__`;
const context = testContext({ providerId: 'anthropic', model: 'claude-sonnet-4-5', apiBase: 'https://api.anthropic.com' });

function errorFor(status: number, fixture: string, retryAfterSeconds?: number) {
  return anthropicError({ status, body: readJsonFixture(fixtures, fixture), headers: {}, retryAfterSeconds }, context);
}

describe('anthropicError', () => {
  it('maps "prompt is too long" to ContextWindowExceededError', () => {
    const error = errorFor(400, 'error-400-prompt-too-long.json');
    expect(error).toBeInstanceOf(ContextWindowExceededError);
    expect(error).toMatchObject({ status: 400, provider: 'anthropic', model: 'claude-sonnet-4-5', code: 'invalid_request_error' });
    expect(error.message).toContain('prompt is too long: 215004 tokens > 200000 maximum');
  });

  it('maps 401 to AuthenticationError and 403 to PermissionDeniedError', () => {
    expect(errorFor(401, 'error-401-authentication.json')).toBeInstanceOf(AuthenticationError);
    expect(errorFor(403, 'error-403-permission.json')).toBeInstanceOf(PermissionDeniedError);
  });

  it('maps 429 to a retryable RateLimitError carrying retry-after', () => {
    const error = errorFor(429, 'error-429-rate-limit.json', 17);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterSeconds: 17, isRetryable: true, code: 'rate_limit_error' });
  });

  it('maps 529 overloaded to a retryable ServiceUnavailableError', () => {
    const error = errorFor(529, 'error-529-overloaded.json');
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ status: 503, isRetryable: true, code: 'overloaded_error' });
  });

  it('keeps other failures as ProviderError with the upstream status, and plain 400s as BadRequestError', () => {
    const serverError = anthropicError(
      { status: 500, body: { type: 'error', error: { type: 'api_error', message: 'Internal server error' } }, headers: {}, retryAfterSeconds: undefined },
      context,
    );
    expect(serverError).toBeInstanceOf(ProviderError);
    expect(serverError).toMatchObject({ upstreamStatus: 500, isRetryable: true });
    const badRequest = anthropicError(
      { status: 400, body: { type: 'error', error: { type: 'invalid_request_error', message: 'max_tokens: Field required' } }, headers: {}, retryAfterSeconds: undefined },
      context,
    );
    expect(badRequest).toBeInstanceOf(BadRequestError);
    expect(badRequest).not.toBeInstanceOf(ContextWindowExceededError);
    expect(anthropicError({ status: 502, body: '<html>bad gateway</html>', headers: {}, retryAfterSeconds: undefined }, context).message).toContain(
      'bad gateway',
    );
  });
});
