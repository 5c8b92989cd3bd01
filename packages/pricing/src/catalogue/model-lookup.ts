import { defaultCatalogue } from './default-catalogue.js';
import type { ListModelsFilter, ModelCatalogue } from './model-catalogue.js';
import type { ModelInfo } from './model-info.js';

/**
 * The model's info (`gpt-4o`, `anthropic/claude-sonnet-4-5`, `zai/glm-4.6`, `glm-4.6`) from the given catalogue
 * (default: the bundled one plus registered custom models). Throws UnknownModelError (404).
 */
export function getModelInfo(model: string, catalogue: ModelCatalogue = defaultCatalogue): ModelInfo {
  return catalogue.getModelInfo(model);
}

/**
 * `{provider, model}` for a bare name the catalogue knows (`gpt-4o` → openai), undefined otherwise (unknown, or
 * listed under several providers).
 */
export function resolveBareModel(
  name: string,
  catalogue: ModelCatalogue = defaultCatalogue,
): { provider: string; model: string } | undefined {
  return catalogue.resolveBareModel(name);
}

/** Every known model, optionally filtered by provider and mode, sorted by key. */
export function listModels(filter: ListModelsFilter = {}, catalogue: ModelCatalogue = defaultCatalogue): ModelInfo[] {
  return catalogue.listModels(filter);
}
