import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import type { OpenAIDialectQuirks } from '../openai/openai-dialect.js';

/**
 * One row of the OpenAI-compatible table: a provider that speaks OpenAI's chat dialect at its own base URL with a
 * bearer key. Everything else about it is a quirk hook, and most rows have none.
 */
export interface OpenAICompatibleProvider {
  /** Provider prefix of model names (LiteLLM's name, e.g. `together_ai`). */
  readonly id: string;
  /** Human-readable name. */
  readonly displayName: string;
  /** Other prefixes accepted for this provider. */
  readonly aliases?: readonly string[];
  /** Default base URL (up to, not including, `/chat/completions`); undefined when the user must give one. */
  readonly baseUrl: string | undefined;
  /** Env vars for the key, LiteLLM's name first, then the aliases LiteLLM also reads. */
  readonly envKeys: readonly string[];
  /** Env vars overriding the base URL. */
  readonly apiBaseEnv?: readonly string[];
  /** Whether a key is required (false for local and self-hosted servers; default true). */
  readonly apiKeyRequired?: boolean;
  /** The standard OpenAI chat params the provider accepts. */
  readonly params: readonly string[] | ((model: string) => readonly string[]);
  /** Whether it serves OpenAI-style `/embeddings` at the same base. */
  readonly embeddings: boolean;
  /** Chat URL when it is not `{apiBase}/chat/completions`. */
  readonly chatUrl?: (context: AdapterCallContext) => string;
  /** Embeddings URL when it is not `{apiBase}/embeddings`. */
  readonly embeddingUrl?: (context: AdapterCallContext) => string;
  /** Real differences from OpenAI's dialect. */
  readonly quirks?: OpenAIDialectQuirks;
}
