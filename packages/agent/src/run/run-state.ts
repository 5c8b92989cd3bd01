import { nanoUsd, nanoUsdToUsd, nullableNanoUsdToUsd, ZERO_NANO_USD, type ChatMessage, type FinishReason, type NanoUsd, type OpenAIUsage } from '@tollgate/core';
import type { AgentRunResult, AgentTurn, RunUsage, StopReason } from './agent-run-result.js';

/** What the loop records about one model call. */
export interface TurnRecord {
  readonly usage: OpenAIUsage | null;
  /** The call's cost, nano-USD; null when unpriced. */
  readonly costNanoUsd: number | null;
  /** The bound the cost cap assumed before the call, nano-USD (counted as spent when the call is unpriced). */
  readonly worstCaseNanoUsd: NanoUsd | undefined;
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
  private pricedNanoUsd: NanoUsd = ZERO_NANO_USD;
  private unpricedWorstCaseNanoUsd: NanoUsd = ZERO_NANO_USD;
  private unpricedTurns = 0;

  constructor(input: readonly ChatMessage[]) {
    this.messages = [...input];
  }

  get turnCount(): number {
    return this.turns.length;
  }

  /** Spent, for the cost cap: priced turns at their cost, unpriced ones at the worst case assumed before them. */
  get spentNanoUsd(): NanoUsd {
    return nanoUsd(this.pricedNanoUsd + this.unpricedWorstCaseNanoUsd);
  }

  get totalCostUsd(): number {
    return nanoUsdToUsd(this.pricedNanoUsd);
  }

  /** Records a model call; returns its entry. */
  addTurn(record: TurnRecord): AgentTurn {
    if (record.costNanoUsd === null) {
      this.unpricedTurns++;
      this.unpricedWorstCaseNanoUsd = nanoUsd(this.unpricedWorstCaseNanoUsd + (record.worstCaseNanoUsd ?? 0n));
    } else {
      this.pricedNanoUsd = nanoUsd(this.pricedNanoUsd + BigInt(record.costNanoUsd));
    }
    const turn: AgentTurn = {
      turn: this.turns.length + 1,
      usage: record.usage,
      costUsd: nullableNanoUsdToUsd(record.costNanoUsd),
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
