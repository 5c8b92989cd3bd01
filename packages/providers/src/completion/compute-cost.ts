import { completionCost, type CostResult, type PriceableUsage } from '@tollgate/pricing';

/** The cost fields of `CallMetadata`, plus a warning when the call could not be priced. */
export interface CallCost {
  readonly cost: CostResult | null;
  readonly costUsd: number | null;
  readonly costNanoUsd: number | null;
  readonly warning: string | undefined;
}

/**
 * Prices a call by `provider/model`, then by the model name the provider reported (Azure deployments and
 * `mock/<name>` are priced as the model they serve), via `@tollgate/pricing`. Never throws: an unpriced call has
 * null costs and a warning, as ARCHITECTURE.md asks ("never a silent 0").
 */
export function computeCost(options: {
  provider: string;
  model: string;
  /** The adapter's `pricingModel(model)`, tried first when given. */
  pricingModel?: string | undefined;
  reportedModel?: string | undefined;
  usage: PriceableUsage | null | undefined;
}): CallCost {
  if (!options.usage) {
    return { cost: null, costUsd: null, costNanoUsd: null, warning: 'The provider reported no usage; cost unknown.' };
  }
  const candidates = [`${options.provider}/${options.model}`];
  if (options.pricingModel) candidates.unshift(options.pricingModel);
  if (options.reportedModel && options.reportedModel !== options.model) {
    candidates.push(`${options.provider}/${options.reportedModel}`, options.reportedModel);
  }
  let result: CostResult | undefined;
  try {
    for (const model of candidates) {
      result = completionCost({ model, usage: options.usage });
      if (result.priced) return { cost: result, costUsd: result.costUsd, costNanoUsd: result.costNanoUsd, warning: undefined };
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { cost: null, costUsd: null, costNanoUsd: null, warning: `Cost not computed: ${reason}` };
  }
  return { cost: result ?? null, costUsd: null, costNanoUsd: null, warning: result && !result.priced ? result.message : undefined };
}
