import { worstCaseCost, type WorstCaseCostOptions } from './worst-case-cost.js';

/** Options of {@link affordableOutputTokens}: a call without its own output limit, and what may be spent on it. */
export interface AffordableOutputTokensOptions extends Omit<WorstCaseCostOptions, 'maxOutputTokens'> {
  /** What the call may cost at most, nano-USD. */
  budgetNanoUsd: number;
}

/**
 * The largest per-choice output limit (`max_tokens`) whose worst case (see `worstCaseCost`) fits `budgetNanoUsd`,
 * never more than the model's own limit; 0 when not even the prompt fits. Undefined when the call has no bound
 * (no price, or no output limit known: such a call must name its `max_tokens`).
 */
export function affordableOutputTokens(options: AffordableOutputTokensOptions): number | undefined {
  const { budgetNanoUsd, ...call } = options;
  const full = worstCaseCost(call);
  if (!full.bounded) return undefined;
  if (full.costNanoUsd <= budgetNanoUsd) return full.outputTokensPerChoice;
  const costWith = (maxOutputTokens: number) => {
    const bound = worstCaseCost({ ...call, maxOutputTokens });
    return bound.bounded ? bound.costNanoUsd : Number.POSITIVE_INFINITY;
  };
  if (costWith(0) > budgetNanoUsd) return 0;
  // Cost grows with the output limit: the largest limit that fits lies in [low, high).
  let low = 0;
  let high = full.outputTokensPerChoice;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (costWith(middle) <= budgetNanoUsd) low = middle;
    else high = middle;
  }
  return low;
}
