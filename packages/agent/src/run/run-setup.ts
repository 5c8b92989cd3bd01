import type { ChatTool } from '@tollgate/core';
import type { ModelCatalogue } from '@tollgate/pricing';
import type { ModelClient } from '../client/model-client.js';
import type { CostGuard } from '../cost/cost-guard.js';
import type { Tool } from '../tool/tool.js';
import type { ModelSettings } from '../agent/model-settings.js';

/** Everything a run needs, resolved once by the Agent. */
export interface RunSetup {
  readonly model: string;
  readonly instructions: string | undefined;
  readonly tools: ReadonlyMap<string, Tool>;
  readonly chatTools: readonly ChatTool[];
  readonly modelSettings: ModelSettings;
  readonly maxTurns: number;
  readonly toolTimeoutMs: number;
  readonly client: ModelClient;
  /** Present when `maxCostUsd` is set. */
  readonly costGuard: CostGuard | undefined;
  /** Prices calls whose client reported no cost. */
  readonly catalogue: ModelCatalogue;
  readonly pricingModels: readonly string[];
}

/** Per-run options. */
export interface RunOptions {
  /**
   * Stops the run: the model call in flight is aborted, running tools are told through their signal (and answered
   * as cancelled), and the run ends with `stopReason: 'aborted'` and a history that is valid to continue from.
   */
  signal?: AbortSignal;
}
