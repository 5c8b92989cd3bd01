import { Agent, MaxCostExceededError, type AgentRunResult, type ModelClient, type Tool } from '@tollgate/agent';
import { nanoUsdToUsd, sumNanoUsd, usdToNanoUsd, ZERO_NANO_USD, type ChatMessage, type NanoUsd } from '@tollgate/core';
import type { CliArgs } from './cli-args.js';
import type { EventPrinter } from './event-printer.js';
import { formatRunSummary, formatUsd } from './format-cost.js';
import type { Style } from './style.js';

/** How a question ended, for the exit code. */
export type AskOutcome = 'answered' | 'limit' | 'aborted' | 'failed';

/** What a session is made of. */
export interface AgentSessionOptions {
  readonly args: CliArgs;
  readonly model: string;
  readonly client: ModelClient;
  readonly tools: readonly Tool[];
  readonly instructions: string;
  readonly printer: EventPrinter;
  readonly style: Style;
}

// Tools enforce their own limits (commands have --command-timeout); this only catches a tool that hangs.
const TOOL_TIMEOUT_MS = 10 * 60_000;

/**
 * A conversation: each question runs the agent on the history so far, streaming what happens. `--max-cost` caps
 * the whole session — each run gets what is left — and `--max-turns` each question.
 */
export class AgentSession {
  private messages: ChatMessage[] = [];
  /** Spent so far, integer nano-USD (money is never summed as floats). */
  private spentNanoUsd: NanoUsd = ZERO_NANO_USD;
  private readonly options: AgentSessionOptions;

  constructor(options: AgentSessionOptions) {
    this.options = options;
  }

  /** Cost of the session so far, USD. */
  get costUsd(): number {
    return nanoUsdToUsd(this.spentNanoUsd);
  }

  /** Forgets the conversation (the cost stays). */
  reset(): void {
    this.messages = [];
  }

  async ask(question: string, signal: AbortSignal): Promise<AskOutcome> {
    const { args, printer, style } = this.options;
    const remainingUsd = args.maxCostUsd === undefined ? undefined : nanoUsdToUsd(usdToNanoUsd(args.maxCostUsd) - this.spentNanoUsd);
    if (remainingUsd !== undefined && remainingUsd <= 0) {
      printer.line(style.red(`The session has used its --max-cost of ${formatUsd(args.maxCostUsd ?? 0)}.`));
      return 'limit';
    }
    let result: AgentRunResult | undefined;
    let outcome: AskOutcome = 'failed';
    try {
      const agent = this.agent(remainingUsd);
      printer.waiting();
      for await (const event of agent.stream([...this.messages, { role: 'user', content: question }], { signal })) {
        printer.handle(event);
        // Counted turn by turn, so a run that fails later still charges the session for what it spent.
        if (event.type === 'turn-end') this.spentNanoUsd = sumNanoUsd([this.spentNanoUsd, usdToNanoUsd(event.costUsd ?? 0)]);
        if (event.type !== 'run-end') continue;
        result = event.result;
        if (event.error) printer.line(style.red(this.describeLimit(event.error)));
        outcome = event.error ? 'limit' : event.result.stopReason === 'aborted' ? 'aborted' : 'answered';
      }
    } catch (error) {
      printer.line(style.red(`Error: ${error instanceof Error ? error.message : String(error)}`));
    }
    if (result) {
      this.messages = result.messages;
      if (outcome === 'aborted') printer.line(style.dim('Stopped.'));
      printer.line(style.dim(`── ${formatRunSummary(result, this.costUsd)}`));
    }
    return outcome;
  }

  /** The limit that stopped a run; the cost cap is told in session terms (each run gets what the session has left). */
  private describeLimit(error: Error): string {
    const { maxCostUsd } = this.options.args;
    if (!(error instanceof MaxCostExceededError) || maxCostUsd === undefined) return error.message;
    return (
      `Stopped before the next model call: it could cost up to ${formatUsd(error.nextCallWorstCaseUsd)}, and the session ` +
      `has ${formatUsd(Math.max(0, maxCostUsd - this.costUsd))} left of --max-cost ${formatUsd(maxCostUsd)}.`
    );
  }

  private agent(maxCostUsd: number | undefined): Agent {
    const { args } = this.options;
    return new Agent({
      model: this.options.model,
      instructions: this.options.instructions,
      tools: [...this.options.tools],
      client: this.options.client,
      modelSettings: { ...args.params, ...(args.maxTokens ? { max_tokens: args.maxTokens } : {}) },
      maxTurns: args.maxTurns,
      toolTimeoutMs: TOOL_TIMEOUT_MS,
      ...(maxCostUsd !== undefined ? { maxCostUsd } : {}),
      ...(args.pricingModel ? { pricingModel: args.pricingModel } : {}),
    });
  }
}
