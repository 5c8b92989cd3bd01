import { AuthenticationError, ContextWindowExceededError, NotFoundError, RateLimitError } from '@tollgate/core';
import { readJsonFixture, testContext } from '../../testing-internal/native-adapter-test-kit.js';
import { geminiError } from './gemini-error.js';

const fixtures = `${__dirname}/__fixtures__`;
const context = testContext({ providerId: 'gemini', model: 'gemini-2.5-flash', apiBase: 'https://generativelanguage.googleapis.com/v1beta' });

function errorFor(status: number, fixture: string, retryAfterSeconds?: number) {
  return geminiError({ status, body: readJsonFixture(fixtures, fixture), headers: {}, retryAfterSeconds }, context);
}

describe('geminiError', () => {
  it('maps 400 API_KEY_INVALID to AuthenticationError', () => {
    const error = errorFor(400, 'error-400-api-key-invalid.json');
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'API_KEY_INVALID', provider: 'gemini' });
  });

  it('maps 429 RESOURCE_EXHAUSTED to RateLimitError with RetryInfo as retry-after (the header wins)', () => {
    const error = errorFor(429, 'error-429-resource-exhausted.json');
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterSeconds: 21.5, isRetryable: true });
    expect(errorFor(429, 'error-429-resource-exhausted.json', 4).retryAfterSeconds).toBe(4);
  });

  it('maps an over-long prompt to ContextWindowExceededError and an unknown model to NotFoundError', () => {
    expect(errorFor(400, 'error-400-context-length.json')).toBeInstanceOf(ContextWindowExceededError);
    expect(errorFor(404, 'error-404-model.json')).toBeInstanceOf(NotFoundError);
  });
});
