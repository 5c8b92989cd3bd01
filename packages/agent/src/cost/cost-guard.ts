import { BadRequestError, type ChatMessage, type ChatTool } from '@tollgate/core';
import { countTokens, promptWritesCache, worstCaseCost, type ModelCatalogue, type WorstCaseCost } from '@tollgate/pricing';

/** What the guard is built from. */
export interface CostGuardOptions {
  /** The cap, USD. */
  readonly maxCostUsd: number;
  readonly catalogue: ModelCatalogue;
  /** Catalogue names that may price a call (one per deployment); the dearest counts. */
  readonly pricingModels: readonly string[];
  /** The calls' own output limit, from the model settings. */
  readonly maxOutputTokens: number | undefined;
  /** Choices each call generates (`n` / `best_of` in the model settings); default 1. */
  readonly choices?: number;
}

/** The bound of the next call, and what it is made of. */
export interface NextCallWorstCase {
  /** Upper bound of the call's cost, integer nano-USD. */
  readonly costNanoUsd: number;
  /** The catalogue name whose prices gave the bound. */
  readonly pricingModel: string;
  /** Prompt tokens assumed (counted, plus a margin when the count is an estimate). */
  readonly promptTokens: number;
  /** Output tokens assumed over all choices. */
  readonly maxOutputTokens: number;
}

/** The guard's verdict on the next call. */
export type NextCallVerdict = { allowed: boolean; worstCase: NextCallWorstCase };

const NANO_USD_PER_USD = 1e9;

function cannotEnforce(bound: Extract<WorstCaseCost, { bounded: false }>): BadRequestError {
  const hint = bound.reason === 'unpriced' ? ' (register one, or set pricingModel)' : ' (set modelSettings.max_tokens)';
  return new BadRequestError(`maxCostUsd cannot be enforced: ${bound.message}${hint}.`, { param: 'maxCostUsd' });
}

/**
 * Keeps a run under `maxCostUsd`: before each model call it bounds that call's cost with @tollgate/pricing's
 * `worstCaseCost` (the gateway's rule too) and refuses the call when spent + bound would pass the cap. Fails closed:
 * a model it cannot bound (no price, no output limit) is refused when the guard is built, not discovered mid-run.
 */
export class CostGuard {
  readonly maxCostNanoUsd: number;
  private readonly options: CostGuardOptions;

  constructor(options: CostGuardOptions) {
    this.options = options;
    this.maxCostNanoUsd = Math.round(options.maxCostUsd * NANO_USD_PER_USD);
    for (const pricingModel of options.pricingModels) {
      const bound = worstCaseCost({ model: pricingModel, catalogue: options.catalogue, promptTokens: 0, maxOutputTokens: options.maxOutputTokens });
      if (!bound.bounded) throw cannotEnforce(bound);
    }
  }

  /** Whether a call with this prompt may be made after `spentNanoUsd`, and its worst case. */
  checkNextCall(request: { messages: readonly ChatMessage[]; tools: readonly ChatTool[]; spentNanoUsd: number }): NextCallVerdict {
    const { catalogue, maxOutputTokens, choices } = this.options;
    const tools = request.tools.map((tool) => ({
      type: tool.type,
      function: { name: tool.function.name, description: tool.function.description ?? undefined, parameters: tool.function.parameters ?? undefined },
    }));
    const writesCache = promptWritesCache({ messages: request.messages, tools: request.tools });
    let dearest: NextCallWorstCase | undefined;
    for (const pricingModel of this.options.pricingModels) {
      const count = countTokens({ model: pricingModel, messages: request.messages, tools });
      const bound = worstCaseCost({
        model: pricingModel,
        catalogue,
        promptTokens: count.tokens,
        promptTokensEstimated: count.estimated,
        maxOutputTokens,
        choices,
        writesCache,
      });
      if (!bound.bounded) throw cannotEnforce(bound);
      if (!dearest || bound.costNanoUsd > dearest.costNanoUsd) {
        dearest = { costNanoUsd: bound.costNanoUsd, pricingModel, promptTokens: bound.promptTokens, maxOutputTokens: bound.outputTokens };
      }
    }
    if (!dearest) throw new BadRequestError('maxCostUsd cannot be enforced: no pricing model.', { param: 'maxCostUsd' });
    return { allowed: request.spentNanoUsd + dearest.costNanoUsd <= this.maxCostNanoUsd, worstCase: dearest };
  }
}
