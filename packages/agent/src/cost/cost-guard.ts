import { BadRequestError, nanoUsdToUsd, usdToNanoUsd, type ChatMessage, type ChatTool, type NanoUsd } from '@tollgate/core';
import { callWorstCase, type ModelCatalogue, type UnboundedWorstCase } from '@tollgate/pricing';

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
  /** Upper bound of the call's cost, nano-USD. */
  readonly costNanoUsd: NanoUsd;
  /** The catalogue name whose prices gave the bound. */
  readonly pricingModel: string;
  /** Prompt tokens assumed (counted, plus a margin when the count is an estimate). */
  readonly promptTokens: number;
  /** Output tokens assumed over all choices. */
  readonly maxOutputTokens: number;
}

/** The guard's verdict on the next call. */
export type NextCallVerdict = { allowed: boolean; worstCase: NextCallWorstCase };

function cannotEnforce(bound: UnboundedWorstCase): BadRequestError {
  const hint = bound.reason === 'unpriced' ? ' (register one, or set pricingModel)' : ' (set modelSettings.max_tokens)';
  return new BadRequestError(`maxCostUsd cannot be enforced: ${bound.message}${hint}.`, { param: 'maxCostUsd' });
}

/**
 * Keeps a run under `maxCostUsd`: before each model call it bounds that call's cost with @tollgate/pricing's
 * `callWorstCase` (the gateway's rule too) and refuses the call when spent + bound would pass the cap. Fails closed:
 * a model it cannot bound (no price, no output limit) is refused when the guard is built, not discovered mid-run.
 */
export class CostGuard {
  readonly maxCostNanoUsd: NanoUsd;
  private readonly options: CostGuardOptions;

  constructor(options: CostGuardOptions) {
    this.options = options;
    this.maxCostNanoUsd = usdToNanoUsd(options.maxCostUsd);
    const empty = this.worstCaseOf({ messages: [], tools: [] });
    const unbounded = empty.unbounded[0];
    if (unbounded !== undefined) throw cannotEnforce(unbounded);
  }

  /** Whether a call with this prompt may be made after `spentNanoUsd`, and its worst case. */
  checkNextCall(request: { messages: readonly ChatMessage[]; tools: readonly ChatTool[]; spentNanoUsd: bigint }): NextCallVerdict {
    const worst = this.worstCaseOf(request);
    const unbounded = worst.unbounded[0];
    if (unbounded !== undefined) throw cannotEnforce(unbounded);
    const dearest = worst.dearest;
    if (!dearest) throw new BadRequestError('maxCostUsd cannot be enforced: no pricing model.', { param: 'maxCostUsd' });
    const worstCase: NextCallWorstCase = {
      costNanoUsd: BigInt(dearest.costNanoUsd) as NanoUsd,
      pricingModel: dearest.model,
      promptTokens: dearest.promptTokens,
      maxOutputTokens: dearest.outputTokens,
    };
    return { allowed: request.spentNanoUsd + worstCase.costNanoUsd <= this.maxCostNanoUsd, worstCase };
  }

  /** The cap in USD, for messages. */
  get maxCostUsd(): number {
    return nanoUsdToUsd(this.maxCostNanoUsd);
  }

  private worstCaseOf(request: { messages: readonly ChatMessage[]; tools: readonly ChatTool[] }) {
    const { catalogue, pricingModels, maxOutputTokens, choices } = this.options;
    const tools = request.tools.map((tool) => ({
      type: tool.type,
      function: { name: tool.function.name, description: tool.function.description ?? undefined, parameters: tool.function.parameters ?? undefined },
      ...(tool.cache_control == null ? {} : { cache_control: tool.cache_control }),
    }));
    return callWorstCase({
      catalogue,
      pricingModels,
      prompt: { messages: request.messages, tools },
      maxOutputTokens,
      ...(choices === undefined ? {} : { choices }),
    });
  }
}
