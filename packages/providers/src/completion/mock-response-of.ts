import type { CallOptions } from './call-options.js';

/**
 * The mock answer of a call: the `mockResponse` option, else LiteLLM's `mock_response` param (a string or an
 * `Error`), which is then removed from the body so it never reaches a provider.
 */
export function mockResponseOf(options: CallOptions, body: Record<string, unknown>): string | Error | undefined {
  if (options.mockResponse !== undefined) return options.mockResponse;
  const param = body['mock_response'];
  if (typeof param === 'string' || param instanceof Error) {
    delete body['mock_response'];
    return param;
  }
  return undefined;
}
