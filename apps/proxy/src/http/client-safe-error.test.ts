import { BadRequestError, ProviderError, TimeoutError } from '@tollgate/core';
import { clientSafeError } from './client-safe-error.js';

describe('clientSafeError', () => {
  it('hides the upstream origin of a network failure, keeping status, type and code', () => {
    const error = new ProviderError('Could not reach openai at http://10.0.0.7:8443: ECONNREFUSED', { upstreamStatus: 0, provider: 'openai' });
    const safe = clientSafeError(error);
    expect(JSON.stringify(safe.toJSON())).not.toMatch(/10\.0\.0\.7|8443/);
    expect(safe.toJSON()).toEqual({ error: { ...error.toJSON().error, message: 'The upstream call to openai failed: it could not be reached' } });
    expect(safe.status).toBe(error.status);
  });

  it('hides it in a timeout too', () => {
    const error = new TimeoutError('Request to openai (http://10.0.0.7:8443) timed out after 100 ms', { provider: 'openai' });
    expect(JSON.stringify(clientSafeError(error).toJSON())).not.toContain('10.0.0.7');
    expect(clientSafeError(error).status).toBe(408);
  });

  it('leaves any other error as it is', () => {
    const error = new BadRequestError('bad', { param: 'x' });
    expect(clientSafeError(error)).toBe(error);
    const upstream = new ProviderError('upstream said no', { upstreamStatus: 503 });
    expect(clientSafeError(upstream)).toBe(upstream);
  });
});
