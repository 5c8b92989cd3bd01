import { completion, type CallOptions } from '@tollgate/providers';
import type { ModelClient } from './model-client.js';
import { providersPricingModel } from './providers-pricing-model.js';
import { tollgateCallClient } from './tollgate-call-client.js';

/** Call options applied to every model call of a `providersClient` (credentials, timeouts, retries…). */
export type ProvidersClientOptions = Omit<CallOptions, 'signal' | 'mockResponse'>;

/**
 * The model client that calls providers directly through `@tollgate/providers` (`provider/model` names, keys from
 * the provider's env var unless `apiKey` is given). The Agent's default. Costs come from the providers' pricing.
 */
export function providersClient(options: ProvidersClientOptions = {}): ModelClient {
  return tollgateCallClient(
    {
      complete: (request, signal) => completion({ ...request, stream: false }, callOptions(options, signal)),
      stream: (request, signal) =>
        completion({ ...request, stream: true, stream_options: { include_usage: true } }, callOptions(options, signal)),
    },
    (model) => [providersPricingModel(model)],
  );
}

function callOptions(options: ProvidersClientOptions, signal: AbortSignal | undefined): CallOptions {
  return signal ? { ...options, signal } : { ...options };
}
