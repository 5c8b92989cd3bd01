import type { CustomModelInfo } from './custom-model-info.js';
import { defaultCatalogue } from './default-catalogue.js';
import type { ModelCatalogue } from './model-catalogue.js';
import type { ModelInfo } from './model-info.js';

/**
 * Registers custom prices/limits for `name` (LiteLLM `model_info` field names, USD per token), overriding the
 * catalogue for that name. See {@link ModelCatalogue.registerModel}.
 */
export function registerModel(
  name: string,
  info: CustomModelInfo,
  catalogue: ModelCatalogue = defaultCatalogue,
): ModelInfo {
  return catalogue.registerModel(name, info);
}

/** Registers several custom models at once (all or nothing). */
export function registerModels(
  models: Readonly<Record<string, CustomModelInfo>>,
  catalogue: ModelCatalogue = defaultCatalogue,
): ModelInfo[] {
  return catalogue.registerModels(models);
}

/** Removes a custom model registered under `name`; true when there was one. */
export function unregisterModel(name: string, catalogue: ModelCatalogue = defaultCatalogue): boolean {
  return catalogue.unregisterModel(name);
}
