import { BadRequestError, parseModelRef } from '@tollgate/core';
import { resolveBareModel } from '@tollgate/pricing';
import type { ProviderAdapter } from '../adapter/provider-adapter.js';
import { getProviderAdapter, knownProviderNames } from './get-provider-adapter.js';

/** A model name resolved to its adapter. */
export interface ResolvedProvider {
  readonly adapter: ProviderAdapter;
  /** The provider's model id (the part after `provider/`). */
  readonly model: string;
}

/**
 * Resolves `provider/model` (aliases included) or a bare model name the pricing catalogue knows (`gpt-4o` →
 * `openai`). Throws `BadRequestError` (param `model`) for anything else.
 */
export function resolveProvider(model: string): ResolvedProvider {
  const ref = parseModelRef(model, { knownProviders: knownProviderNames(), resolveBareModel });
  const adapter = getProviderAdapter(ref.provider);
  if (!adapter) {
    throw new BadRequestError(`Invalid value for 'model': provider '${ref.provider}' is not available.`, {
      param: 'model',
      model,
    });
  }
  return { adapter, model: ref.model };
}
