import { BadRequestError, type ChatMessage, type ChatTool } from '@tollgate/core';
import type { ModelCatalogue } from '@tollgate/pricing';
import { outputLimitOf, worstCaseCost, type WorstCaseCost } from './worst-case-cost.js';

/** What the guard is built from. */
export interface CostGuardOptions {
  /** The cap, USD. */
  readonly maxCostUsd: number;
  readonly catalogue: ModelCatalogue;
  /** Catalogue names that may price a call (one per deployment); the dearest counts. */
  readonly pricingModels: readonly string[];
  /** The calls' own output limit, from the model settings. */
  readonly maxOutputTokens: number | undefined;
}

/** The guard's verdict on the next call. */
export type NextCallVerdict = { allowed: true; worstCase: WorstCaseCost } | { allowed: false; worstCase: WorstCaseCost };

const NANO_USD_PER_USD = 1e9;

/**
 * Keeps a run under `maxCostUsd`: before each model call it bounds that call's cost (see `worstCaseCost`) and
 * refuses the call when spent + bound would pass the cap. Fails closed: a model it cannot bound (no price, no output
 * limit) is refused when the guard is built, not discovered mid-run.
 */
export class CostGuard {
  readonly maxCostNanoUsd: number;
  private readonly options: CostGuardOptions;

  constructor(options: CostGuardOptions) {
    this.options = options;
    this.maxCostNanoUsd = Math.round(options.maxCostUsd * NANO_USD_PER_USD);
    for (const pricingModel of options.pricingModels) {
      const info = options.catalogue.findModelInfo(pricingModel);
      const prices = info?.nanoUsdPerMillionTokens;
      const problem =
        prices?.input === undefined || prices.output === undefined
          ? `the catalogue has no input and output price for "${pricingModel}" (register one, or set pricingModel)`
          : outputLimitOf({ pricingModel, catalogue: options.catalogue, maxOutputTokens: options.maxOutputTokens }) === undefined
            ? `no output limit is known for "${pricingModel}" (set modelSettings.max_tokens)`
            : undefined;
      if (problem) throw new BadRequestError(`maxCostUsd cannot be enforced: ${problem}.`, { param: 'maxCostUsd' });
    }
  }

  /** Whether a call with this prompt may be made after `spentNanoUsd`, and its worst case. */
  checkNextCall(request: { messages: readonly ChatMessage[]; tools: readonly ChatTool[]; spentNanoUsd: number }): NextCallVerdict {
    let dearest: WorstCaseCost | undefined;
    for (const pricingModel of this.options.pricingModels) {
      const bound = worstCaseCost({
        pricingModel,
        catalogue: this.options.catalogue,
        messages: request.messages,
        tools: request.tools,
        maxOutputTokens: this.options.maxOutputTokens,
      });
      if (!('costNanoUsd' in bound)) throw new BadRequestError(`maxCostUsd cannot be enforced: ${bound.reason}.`, { param: 'maxCostUsd' });
      if (!dearest || bound.costNanoUsd > dearest.costNanoUsd) dearest = bound;
    }
    if (!dearest) throw new BadRequestError('maxCostUsd cannot be enforced: no pricing model.', { param: 'maxCostUsd' });
    return { allowed: request.spentNanoUsd + dearest.costNanoUsd <= this.maxCostNanoUsd, worstCase: dearest };
  }
}
