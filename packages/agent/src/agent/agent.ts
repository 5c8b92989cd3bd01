import { BadRequestError, describeZodIssue } from '@tollgate/core';
import { defaultCatalogue, worstCaseParamsOf } from '@tollgate/pricing';
import { providersClient } from '../client/providers-client.js';
import { CostGuard } from '../cost/cost-guard.js';
import type { AgentEvent } from '../run/agent-event.js';
import type { AgentRunResult } from '../run/agent-run-result.js';
import { inputMessages, type AgentInput } from '../run/input-messages.js';
import { runLoop } from '../run/run-loop.js';
import type { RunOptions, RunSetup } from '../run/run-setup.js';
import { toChatTools } from '../tool/to-chat-tools.js';
import { agentOptionsSchema, type AgentOptions } from './agent-options.js';

/**
 * A tool-calling agent that knows what it costs. `run()` calls the model, runs the tools it asks for (in parallel,
 * each with a time limit), sends their results back and repeats until the model answers without tools — within
 * `maxTurns` model calls and, when set, `maxCostUsd`, checked before every call with that call's worst case.
 */
export class Agent {
  /** The model the agent calls. */
  readonly model: string;
  private readonly setup: RunSetup;

  /** Validates the options (a `BadRequestError` names the faulty one) and resolves client and pricing. */
  constructor(options: AgentOptions) {
    const parsed = agentOptionsSchema.safeParse(options, { reportInput: true });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const described = issue ? describeZodIssue(issue) : { param: null, message: 'Invalid agent options.' };
      throw new BadRequestError(described.message, { param: described.param });
    }
    const settings = parsed.data;
    const client = settings.client ?? providersClient();
    const catalogue = settings.catalogue ?? defaultCatalogue;
    const fromClient = client.pricingModels?.(settings.model) ?? [];
    const pricingModels = settings.pricingModel ? [settings.pricingModel] : fromClient.length > 0 ? fromClient : [settings.model];
    // Output limit per call and choices, read by the same rule as the gateway's.
    const callParams = worstCaseParamsOf(settings.modelSettings);
    this.model = settings.model;
    this.setup = {
      model: settings.model,
      instructions: settings.instructions,
      tools: new Map(settings.tools.map((tool) => [tool.name, tool])),
      chatTools: toChatTools(settings.tools),
      modelSettings: settings.modelSettings,
      maxTurns: settings.maxTurns,
      toolTimeoutMs: settings.toolTimeoutMs,
      client,
      costGuard:
        settings.maxCostUsd === undefined
          ? undefined
          : new CostGuard({ maxCostUsd: settings.maxCostUsd, catalogue, pricingModels, maxOutputTokens: callParams.maxOutputTokens, choices: callParams.choices }),
      catalogue,
      pricingModels,
    };
  }

  /**
   * Runs to the end with non-streamed model calls. Resolves with the result (`stopReason: 'final_answer'`, or
   * `'aborted'` when `options.signal` fired). Throws `MaxTurnsExceededError` / `MaxCostExceededError` (each with
   * the partial run in `result`), and model errors (`@tollgate/core` classes) as they come.
   */
  async run(input: AgentInput, options: RunOptions = {}): Promise<AgentRunResult> {
    for await (const event of runLoop(this.setup, inputMessages(input), { streaming: false }, options)) {
      if (event.type !== 'run-end') continue;
      if (event.error) throw event.error;
      return event.result;
    }
    throw new Error('The agent loop ended without a run-end event.');
  }

  /**
   * Runs with streamed model calls and yields typed events as they happen: `text-delta`, `reasoning-delta`,
   * `tool-call`, `tool-result`, `turn-end`, and always `run-end` last (with `error` set when a limit stopped the
   * run, instead of throwing it). Model errors are thrown from the iteration.
   */
  stream(input: AgentInput, options: RunOptions = {}): AsyncGenerator<AgentEvent, void> {
    return runLoop(this.setup, inputMessages(input), { streaming: true }, options);
  }
}
