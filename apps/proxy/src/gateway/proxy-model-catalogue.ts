import { TollgateError } from '@tollgate/core';
import { createModelCatalogue, type ModelCatalogue } from '@tollgate/pricing';
import type { ModelListEntry, Router } from '@tollgate/router';
import { ConfigError } from '../config/load-proxy-config.js';

const PRICE_FIELDS = /(_cost_per_|_token_cost|^base_model$|^max_(input_|output_)?tokens$)/;

/** The prices one proxy uses: the bundled entries plus its deployments' `model_info` overrides. */
export interface ProxyModelCatalogue {
  catalogue: ModelCatalogue;
  /** `model_list` index → the catalogue name that entry's calls are priced under. */
  pricingNames: readonly string[];
}

/** An unusable `model_info` price: a config error whose `param` is the field's config path. */
export class DeploymentPriceError extends ConfigError {
  readonly param: string;

  constructor(message: string, param: string) {
    super(`invalid config: ${param}: ${message}`);
    this.name = 'DeploymentPriceError';
    this.param = param;
  }
}

/** Pricing names a field `model_info.<field>`; the config path names the list entry too. */
function configParam(index: number, param: string | null | undefined): string {
  const field = param?.split('.').slice(1).join('.') ?? '';
  return `model_list[${index}].model_info${field === '' ? '' : `.${field}`}`;
}

/**
 * Builds the catalogue one proxy prices with, before anything connects: the bundled entries, plus — for each
 * `model_list` entry whose `model_info` sets prices, limits or a `base_model` — a custom model only this catalogue
 * holds, so config prices win over the catalogue (LiteLLM's rule) without reaching any other proxy in the process.
 * An entry without overrides is priced by its `model` (a `mock/x` model as `x`). A price the catalogue cannot hold
 * exactly, or a `base_model` it does not know, throws {@link DeploymentPriceError} naming the config field.
 */
export function buildProxyModelCatalogue(modelList: readonly ModelListEntry[]): ProxyModelCatalogue {
  const catalogue = createModelCatalogue();
  const pricingNames = modelList.map((entry, index) => {
    const model = entry.litellm_params.model;
    const modelName = model.startsWith('mock/') ? model.slice('mock/'.length) : model;
    const info: Record<string, unknown> = entry.model_info ?? {};
    const overrides = Object.fromEntries(Object.entries(info).filter(([field, value]) => PRICE_FIELDS.test(field) && value != null));
    if (Object.keys(overrides).length === 0) return modelName;
    const { base_model: baseModel, ...prices } = overrides;
    // Without an explicit base_model, the entry's own model is the base when the catalogue knows it.
    const base = typeof baseModel === 'string' ? baseModel : catalogue.findModel(modelName).found ? modelName : undefined;
    const name = `tollgate-deployment/model_list[${index}]`;
    try {
      catalogue.registerModel(name, { ...prices, ...(base === undefined ? {} : { base_model: base }) });
    } catch (error) {
      if (!(error instanceof TollgateError)) throw error;
      const param = error.status === 400 ? configParam(index, error.param) : `model_list[${index}].model_info.base_model`;
      throw new DeploymentPriceError(error.message, param);
    }
    return name;
  });
  return { catalogue, pricingNames };
}

/** Deployment id → catalogue name, for a router built from the same `model_list` (groups keep config order). */
export function pricingNamesByDeployment(options: {
  router: Router;
  modelList: readonly ModelListEntry[];
  pricingNames: readonly string[];
}): Map<string, string> {
  const byDeployment = new Map<string, string>();
  const positionInGroup = new Map<string, number>();
  options.modelList.forEach((entry, index) => {
    const position = positionInGroup.get(entry.model_name) ?? 0;
    positionInGroup.set(entry.model_name, position + 1);
    const deployment = options.router.getDeployments(entry.model_name)[position];
    const name = options.pricingNames[index];
    if (deployment !== undefined && name !== undefined) byDeployment.set(deployment.id, name);
  });
  return byDeployment;
}
