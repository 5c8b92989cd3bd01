import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import type { Admission } from '../gateway/gateway.js';
import { PROXY_VERSION } from '../server/proxy-version.js';
import { setCallHeaders } from './call-headers.js';

const admission = {
  requestId: '0190b7e2-1111-7000-8000-000000000001',
  input: { modelGroup: 'gpt-4o-mini' },
  startedAt: new Date(Date.now() - 25),
  headers: { 'x-ratelimit-remaining-requests': '4' },
} as unknown as Admission;

function headersAfter(result: object): Record<string, unknown> {
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  setCallHeaders(response, admission, result);
  return response.getHeaders();
}

describe('setCallHeaders', () => {
  it("sets LiteLLM's call headers and passes the provider's request id and rate limits on, prefixed", () => {
    const result = {};
    Object.defineProperty(result, 'tollgate', {
      value: { responseHeaders: { 'x-request-id': 'req_upstream_1', 'x-ratelimit-remaining-tokens': '999', server: 'upstream.internal', 'set-cookie': 'a=b' } },
    });
    const headers = headersAfter(result);
    expect(headers).toMatchObject({
      'x-request-id': admission.requestId,
      'x-litellm-call-id': admission.requestId,
      'x-litellm-version': PROXY_VERSION,
      'x-litellm-model-group': 'gpt-4o-mini',
      'x-ratelimit-remaining-requests': '4',
      'llm_provider-x-request-id': 'req_upstream_1',
      'llm_provider-x-ratelimit-remaining-tokens': '999',
    });
    expect(Number(headers['x-litellm-response-duration-ms'])).toBeGreaterThanOrEqual(25);
    expect(headers['llm_provider-server']).toBeUndefined();
    expect(headers['llm_provider-set-cookie']).toBeUndefined();
  });

  it('sets no provider header for a result without call metadata', () => {
    expect(Object.keys(headersAfter({})).filter((name) => name.startsWith('llm_provider-'))).toEqual([]);
  });
});
