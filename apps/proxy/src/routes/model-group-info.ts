import { getModelInfo, type ModelInfo } from '@tollgate/pricing';
import type { Deployment } from '@tollgate/router';

/** One entry of `GET /model_group/info`, in LiteLLM's shape. */
export interface ModelGroupInfo {
  model_group: string;
  providers: string[];
  max_input_tokens: number | null;
  max_output_tokens: number | null;
  input_cost_per_token: number | null;
  output_cost_per_token: number | null;
  mode: string | null;
  tpm: number | null;
  rpm: number | null;
  supports_parallel_function_calling: boolean;
  supports_vision: boolean;
  supports_function_calling: boolean;
  supports_reasoning: boolean;
  supports_response_schema: boolean;
  supports_prompt_caching: boolean;
}

function catalogueEntry(model: string): ModelInfo | undefined {
  try {
    return getModelInfo(model);
  } catch {
    return undefined; // a model the catalogue does not know: its capabilities are unknown, not an error
  }
}

/** `openai` for `openai/gpt-4o`; for a bare name, the catalogue's provider. */
function providerName(model: string, entry: ModelInfo | undefined): string {
  const slash = model.indexOf('/');
  return slash > 0 ? model.slice(0, slash) : (entry?.provider ?? 'openai');
}

const sumOrNull = (values: (number | null | undefined)[]) => {
  const known = values.filter((value): value is number => typeof value === 'number');
  return known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0);
};
const minOrNull = (values: (number | undefined)[]) => {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? null : Math.min(...known);
};

/**
 * What a model group offers, aggregated over its deployments as LiteLLM does: every provider, the smallest context
 * window and output limit (what any call can count on), the cheapest prices, summed rpm/tpm, and a capability only
 * when every deployment has it (a call may land on any of them).
 */
export function modelGroupInfo(group: string, deployments: readonly Deployment[]): ModelGroupInfo {
  const entries = deployments.map((deployment) => catalogueEntry(deployment.litellmParams.model));
  const every = (has: (entry: ModelInfo) => boolean | undefined) =>
    entries.length > 0 && entries.every((entry) => entry !== undefined && has(entry) === true);
  return {
    model_group: group,
    providers: [...new Set(deployments.map((deployment, index) => providerName(deployment.litellmParams.model, entries[index])))],
    max_input_tokens: minOrNull(deployments.map((deployment) => deployment.maxInputTokens)),
    max_output_tokens: minOrNull(entries.map((entry) => entry?.maxOutputTokens)),
    input_cost_per_token: minOrNull(deployments.map((deployment) => deployment.inputCostPerToken)),
    output_cost_per_token: minOrNull(deployments.map((deployment) => deployment.outputCostPerToken)),
    mode: entries.find((entry) => entry?.mode !== undefined)?.mode ?? null,
    tpm: sumOrNull(deployments.map((deployment) => deployment.litellmParams.tpm)),
    rpm: sumOrNull(deployments.map((deployment) => deployment.litellmParams.rpm)),
    supports_parallel_function_calling: every((entry) => entry.capabilities.parallelFunctionCalling),
    supports_vision: every((entry) => entry.capabilities.vision),
    supports_function_calling: every((entry) => entry.capabilities.functionCalling),
    supports_reasoning: every((entry) => entry.capabilities.reasoning),
    supports_response_schema: every((entry) => entry.capabilities.responseSchema),
    supports_prompt_caching: every((entry) => entry.capabilities.promptCaching),
  };
}
