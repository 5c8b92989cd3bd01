/**
 * LiteLLM provider ids that name a sub-catalogue of another provider rather than a provider of their own. Everything
 * else maps to itself, except `<provider>-<category>` ids (`vertex_ai-language-models`,
 * `fireworks_ai-embedding-models`), which map to the part before the first dash.
 */
const LITELLM_PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  'text-completion-openai': 'openai',
  'text-completion-codestral': 'codestral',
  azure_text: 'azure',
  bedrock_converse: 'bedrock',
  cohere_chat: 'cohere',
};

/**
 * The provider id a model is routed by (the `provider` in `provider/model`) for a LiteLLM `litellm_provider` value.
 */
export function providerOf(litellmProvider: string): string {
  const alias = LITELLM_PROVIDER_ALIASES[litellmProvider];
  if (alias !== undefined) return alias;
  const dash = litellmProvider.indexOf('-');
  return dash > 0 ? litellmProvider.slice(0, dash) : litellmProvider;
}

/** Whether `provider` (as written before the `/` of a model name) names the given LiteLLM provider. */
export function providerMatches(provider: string, litellmProvider: string): boolean {
  return provider === litellmProvider || provider === providerOf(litellmProvider);
}
