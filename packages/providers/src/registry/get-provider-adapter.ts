import type { ProviderAdapter } from '../adapter/provider-adapter.js';
import { providerAdapters } from './provider-registry.js';

let adaptersByName: ReadonlyMap<string, ProviderAdapter> | undefined;

/** Id and alias → adapter, built on first use (no work at import time). */
function adapterIndex(): ReadonlyMap<string, ProviderAdapter> {
  if (adaptersByName) return adaptersByName;
  const index = new Map<string, ProviderAdapter>();
  for (const adapter of providerAdapters) {
    for (const name of [adapter.id, ...(adapter.aliases ?? [])]) {
      if (index.has(name)) throw new Error(`Two provider adapters claim the name "${name}".`);
      index.set(name, adapter);
    }
  }
  adaptersByName = index;
  return index;
}

/** The adapter registered under a provider id or alias, or undefined. */
export function getProviderAdapter(providerName: string): ProviderAdapter | undefined {
  return adapterIndex().get(providerName);
}

/** Every provider id and alias, for model-string parsing (`zai/glm-4.7` → `zai`). */
export function knownProviderNames(): ReadonlySet<string> {
  return new Set(adapterIndex().keys());
}
