import { ProviderError } from '@tollgate/core';
import type { AdapterCallContext } from './adapter-call-context.js';

/**
 * Parses the JSON of one stream event. A malformed event means the provider broke its protocol: that is a typed,
 * retryable-as-5xx `ProviderError` (502), never a raw `SyntaxError` escaping the stream.
 */
export function parseStreamJson(data: string, context: AdapterCallContext): unknown {
  try {
    return JSON.parse(data);
  } catch (error) {
    throw new ProviderError(`${context.providerId} sent a malformed stream event: ${data.slice(0, 200)}`, {
      upstreamStatus: 502,
      provider: context.providerId,
      model: context.model,
      cause: error,
    });
  }
}
