import type { CustomModelInfo } from './custom-model-info.js';
import { ModelCatalogue, type ModelCatalogueOptions } from './model-catalogue.js';

/** Options of {@link createModelCatalogue}. */
export interface CreateModelCatalogueOptions extends ModelCatalogueOptions {
  /** Custom models to register at once (LiteLLM `model_info` field names, USD per token); all or nothing. */
  models?: Readonly<Record<string, CustomModelInfo>>;
}

/**
 * A catalogue of one's own: the bundled entries (shared, read-only, loaded on first use) plus custom models that
 * only this instance sees — what a proxy builds from its config so that two proxies in one process never see each
 * other's prices. Throws BadRequestError naming the bad field of an invalid custom model.
 */
export function createModelCatalogue(options: CreateModelCatalogueOptions = {}): ModelCatalogue {
  const { models, ...catalogueOptions } = options;
  const catalogue = new ModelCatalogue(catalogueOptions);
  if (models !== undefined) catalogue.registerModels(models);
  return catalogue;
}
