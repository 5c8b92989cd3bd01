import { UnsupportedParamsError, standardChatCompletionParams, type ChatCompletionRequest } from '@tollgate/core';
import type { ProviderAdapter } from '../adapter/provider-adapter.js';

// Every provider streams; these two are handled by Tollgate itself.
const ALWAYS_SUPPORTED = new Set(['model', 'messages', 'stream', 'stream_options']);

/**
 * Applies the provider's supported-params list to the standard OpenAI params that are set (not null). Unsupported
 * ones fail with `UnsupportedParamsError` naming them — or, with `dropParams`, are removed and reported as
 * warnings. Provider-specific (non-standard) params are never touched.
 */
export function checkSupportedParams(options: {
  request: ChatCompletionRequest;
  adapter: ProviderAdapter;
  model: string;
  dropParams: boolean;
}): { request: ChatCompletionRequest; warnings: string[] } {
  const { request, adapter, model } = options;
  const supported = new Set(adapter.supportedParams(model));
  const unsupported: string[] = [];
  for (const [key, value] of Object.entries(request)) {
    if (value === null || value === undefined || ALWAYS_SUPPORTED.has(key)) continue;
    if (standardChatCompletionParams.has(key) && !supported.has(key)) unsupported.push(key);
  }
  if (unsupported.length === 0) return { request, warnings: [] };
  const names = unsupported.map((name) => `'${name}'`).join(', ');
  if (!options.dropParams) {
    throw new UnsupportedParamsError(
      `${adapter.id} does not support parameters: [${names}], for model=${model}. To drop these, pass ` +
        '`dropParams: true` (LiteLLM: `drop_params`).',
      { param: unsupported[0] ?? null, provider: adapter.id, model },
    );
  }
  const kept: Record<string, unknown> = { ...request };
  for (const key of unsupported) delete kept[key];
  return {
    request: kept as ChatCompletionRequest,
    warnings: [`Dropped params ${adapter.id} does not support for ${model}: ${unsupported.join(', ')}.`],
  };
}
