import { providerAdapters } from './provider-registry.js';

/** A provider as `listProviders()` describes it: what to name it and how to configure it. */
export interface ProviderInfo {
  /** Prefix of model names (`zai` in `zai/glm-4.7`). */
  readonly id: string;
  readonly displayName: string;
  /** Other accepted prefixes. */
  readonly aliases: readonly string[];
  /** Env vars read for the API key, first set wins. */
  readonly envKeys: readonly string[];
  /** Whether calls fail without a key. */
  readonly apiKeyRequired: boolean;
  /** Env vars read for the base URL. */
  readonly apiBaseEnv: readonly string[];
  /** Base URL used by default; undefined when it must be configured. */
  readonly defaultApiBase: string | undefined;
  /** Whether `embedding()` works with this provider. */
  readonly embeddings: boolean;
}

/** Every built-in provider, in registry order. */
export function listProviders(): ProviderInfo[] {
  return providerAdapters.map((adapter) => ({
    id: adapter.id,
    displayName: adapter.displayName,
    aliases: adapter.aliases ?? [],
    envKeys: adapter.envKeys,
    apiKeyRequired: adapter.apiKeyRequired,
    apiBaseEnv: adapter.apiBaseEnv ?? [],
    defaultApiBase: adapter.defaultApiBase,
    embeddings: adapter.toEmbeddingRequest !== undefined || adapter.embedLocally !== undefined,
  }));
}
