import { AuthenticationError, ContextWindowExceededError, ProviderError, RateLimitError } from '@tollgate/core';
import { readJsonFixture, testContext } from '../../testing-internal/native-adapter-test-kit.js';
import { cohereError } from './cohere-error.js';

const fixtures = `${__dirname}/__fixtures__`;
const context = testContext({ providerId: 'cohere', model: 'command-a-03-2025', apiBase: 'https://api.cohere.com' });

function errorFor(status: number, body: unknown) {
  return cohereError({ status, body, headers: {}, retryAfterSeconds: undefined }, context);
}

describe('cohereError', () => {
  it('maps 401, 429 and too-many-tokens 400s', () => {
    expect(errorFor(401, readJsonFixture(fixtures, 'error-401-invalid-token.json'))).toBeInstanceOf(AuthenticationError);
    const rateLimited = errorFor(429, readJsonFixture(fixtures, 'error-429-rate-limit.json'));
    expect(rateLimited).toBeInstanceOf(RateLimitError);
    expect(rateLimited.message).toContain('limited to 10 API calls / minute');
    expect(errorFor(400, readJsonFixture(fixtures, 'error-400-too-many-tokens.json'))).toBeInstanceOf(ContextWindowExceededError);
  });

  it('keeps payment-required as a non-retryable ProviderError', () => {
    const error = errorFor(402, { message: 'Please add a payment method' });
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ upstreamStatus: 402, isRetryable: false });
  });
});
