import type { ChatMessage, FinishReason, OpenAIUsage } from '@tollgate/core';
import type { AgentRunResult, AgentTurn, RunUsage, StopReason } from './agent-run-result.js';

const NANO_USD_PER_USD = 1e9;

/** What the loop records about one model call. */
export interface TurnRecord {
  readonly usage: OpenAIUsage | null;
  /** The call's cost, nano-USD; null when unpriced. */
  readonly costNanoUsd: number | null;
  /** The bound the cost cap assumed before the call, nano-USD (counted as spent when the call is unpriced). */
  readonly worstCaseNanoUsd: number | undefined;
  readonly finishReason: FinishReason | null;
  readonly toolCalls: number;
  readonly model: string | undefined;
  readonly warnings: readonly string[];
}

/**
 * The growing state of a run: the conversation, the turns, and money in integer nano-USD (never summed as floats).
 * Builds the `AgentRunResult`, partial or final.
 */
export class RunState {
  readonly messages: ChatMessage[];
  private readonly turns: AgentTurn[] = [];
  private pricedNanoUsd = 0;
  private unpricedWorstCaseNanoUsd = 0;
  private unpricedTurns = 0;

  constructor(input: readonly ChatMessage[]) {
    this.messages = [...input];
  }

  get turnCount(): number {
    return this.turns.length;
  }

  /** Spent, for the cost cap: priced turns at their cost, unpriced ones at the worst case assumed before them. */
  get spentNanoUsd(): number {
    return this.pricedNanoUsd + this.unpricedWorstCaseNanoUsd;
  }

  get totalCostUsd(): number {
    return this.pricedNanoUsd / NANO_USD_PER_USD;
  }

  /** Records a model call; returns its entry. */
  addTurn(record: TurnRecord): AgentTurn {
    if (record.costNanoUsd === null) {
      this.unpricedTurns++;
      this.unpricedWorstCaseNanoUsd += record.worstCaseNanoUsd ?? 0;
    } else {
      this.pricedNanoUsd += record.costNanoUsd;
    }
    const turn: AgentTurn = {
      turn: this.turns.length + 1,
      usage: record.usage,
      costUsd: record.costNanoUsd === null ? null : record.costNanoUsd / NANO_USD_PER_USD,
      finishReason: record.finishReason,
      toolCalls: record.toolCalls,
      model: record.model,
      warnings: record.warnings,
    };
    this.turns.push(turn);
    return turn;
  }

  /** The run as it stands. */
  result(stopReason: StopReason): AgentRunResult {
    return {
      finalText: finalTextOf(this.messages),
      messages: [...this.messages],
      turns: [...this.turns],
      totalCostUsd: this.totalCostUsd,
      unpricedTurns: this.unpricedTurns,
      usage: totalUsage(this.turns),
      stopReason,
    };
  }
}

function finalTextOf(messages: readonly ChatMessage[]): string {
  const last = messages.at(-1);
  if (last?.role !== 'assistant') return '';
  const content = last.content;
  if (typeof content === 'string') return content;
  if (!content) return '';
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

function totalUsage(turns: readonly AgentTurn[]): RunUsage {
  let promptTokens = 0;
  let completionTokens = 0;
  let reasoningTokens = 0;
  let cachedTokens = 0;
  for (const { usage } of turns) {
    if (!usage) continue;
    promptTokens += usage.prompt_tokens;
    completionTokens += usage.completion_tokens;
    reasoningTokens += usage.completion_tokens_details?.reasoning_tokens ?? 0;
    cachedTokens += usage.prompt_tokens_details?.cached_tokens ?? 0;
  }
  return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens, reasoningTokens, cachedTokens };
}
