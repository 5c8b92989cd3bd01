import { errorForStatus } from './error-for-status.js';
import { ProviderError } from './provider-error.js';

describe('errorForStatus', () => {
  it.each([
    [400, 'BadRequestError'],
    [401, 'AuthenticationError'],
    [403, 'PermissionDeniedError'],
    [404, 'NotFoundError'],
    [408, 'TimeoutError'],
    [429, 'RateLimitError'],
    [503, 'ServiceUnavailableError'],
  ])('maps %i to %s with the same status', (status, name) => {
    const error = errorForStatus(status, 'upstream said no', { provider: 'openai', retryAfterSeconds: 2 });
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(error.provider).toBe('openai');
    expect(error.retryAfterSeconds).toBe(2);
  });

  it('keeps any other status and the body on a ProviderError', () => {
    const error = errorForStatus(529, 'overloaded', { body: { error: 'busy' } });
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.status).toBe(529);
    expect((error as ProviderError).body).toEqual({ error: 'busy' });
    expect((error as ProviderError).upstreamStatus).toBe(529);
  });
});
