import { resolveProvider } from './resolve-provider.js';

/**
 * The standard OpenAI chat params a model's provider accepts (LiteLLM's `get_supported_openai_params`), e.g.
 * `getSupportedOpenAIParams('zai/glm-4.7')`. Passing any other standard param to `completion()` fails with
 * `UnsupportedParamsError` unless `dropParams` is set. Throws `BadRequestError` for an unknown model.
 */
export function getSupportedOpenAIParams(model: string): string[] {
  const { adapter, model: providerModel } = resolveProvider(model);
  return [...adapter.supportedParams(providerModel)];
}
