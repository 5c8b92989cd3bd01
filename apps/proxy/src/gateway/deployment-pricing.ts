import { registerModel, type CustomModelInfo } from '@tollgate/pricing';
import type { Router } from '@tollgate/router';

const PRICE_FIELDS = /(_cost_per_|_token_cost|^base_model$|^max_(input_|output_)?tokens$)/;

/**
 * The catalogue name each deployment is priced under. A deployment whose `model_info` sets prices (or a
 * `base_model`) is registered as a custom model named after its id, so config prices win over the catalogue
 * (LiteLLM's rule); otherwise it is priced by its `model` (a `mock/x` model as `x`).
 */
export function registerDeploymentPrices(router: Router): Map<string, string> {
  const pricingNames = new Map<string, string>();
  for (const group of router.getModelGroups()) {
    for (const deployment of router.getDeployments(group)) {
      const info = deployment.modelInfo;
      const overrides: CustomModelInfo = {};
      for (const [field, value] of Object.entries(info)) if (PRICE_FIELDS.test(field)) overrides[field] = value;
      const model = deployment.litellmParams.model;
      if (Object.keys(overrides).length > 0) {
        const name = `tollgate-deployment/${deployment.id}`;
        const baseModel = info.base_model ?? model.replace(/^mock\//, '');
        try {
          registerModel(name, { ...overrides, base_model: baseModel });
        } catch {
          // The base model is not in the catalogue: register the given prices alone.
          const { base_model: _ignored, ...prices } = overrides;
          registerModel(name, prices);
        }
        pricingNames.set(deployment.id, name);
      } else {
        pricingNames.set(deployment.id, model.startsWith('mock/') ? model.slice('mock/'.length) : model);
      }
    }
  }
  return pricingNames;
}
