import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';

/** The call context the Anthropic adapter's mappings read (ids, model, time), for a translation without a call. */
export function translationContext(model: string, stream: boolean, created = Math.floor(Date.now() / 1000)): AdapterCallContext {
  return {
    providerId: 'anthropic',
    model,
    apiKey: undefined,
    apiBase: '',
    apiVersion: undefined,
    stream,
    includeUsage: true,
    requestId: 'translation',
    created,
  };
}
