import { nanoUsdToUsd, ProviderError, type ChatMessage, type NanoUsd } from '@tollgate/core';
import type { ModelReply, ModelRequest } from '../client/model-client.js';
import { costOfUsage } from '../cost/cost-of-usage.js';
import { MaxCostExceededError } from '../errors/max-cost-exceeded-error.js';
import { MaxTurnsExceededError } from '../errors/max-turns-exceeded-error.js';
import type { AgentEvent } from './agent-event.js';
import { RunState } from './run-state.js';
import type { RunOptions, RunSetup } from './run-setup.js';
import { runToolCalls } from './run-tool-calls.js';
import { toAssistantMessage } from './to-assistant-message.js';

/** How the loop calls the model: streamed (deltas become events) or not. */
export interface LoopMode {
  readonly streaming: boolean;
}

/**
 * The agent loop: model call → the tool calls it asked for, in parallel, each with its time limit → one `tool`
 * message per call with its `tool_call_id` → next model call. No user message is ever invented. It ends on an
 * answer without tool calls, before a call past `maxTurns` or past `maxCostUsd` (checked with the next call's
 * worst case), or when the signal aborts. Yields events; the last one is always `run-end`. Model errors are thrown.
 */
export async function* runLoop(
  setup: RunSetup,
  input: readonly ChatMessage[],
  mode: LoopMode,
  options: RunOptions = {},
): AsyncGenerator<AgentEvent, void> {
  const { signal } = options;
  const state = new RunState(input);
  for (;;) {
    if (signal?.aborted) {
      yield { type: 'run-end', result: state.result('aborted') };
      return;
    }
    if (state.turnCount >= setup.maxTurns) {
      const error = new MaxTurnsExceededError({ maxTurns: setup.maxTurns, result: state.result('max_turns') });
      yield { type: 'run-end', result: error.result, error };
      return;
    }
    const turn = state.turnCount + 1;
    const request = buildRequest(setup, state.messages);
    const guard = guardCost(setup, state, request);
    if (guard.error) {
      yield { type: 'run-end', result: guard.error.result, error: guard.error };
      return;
    }

    const reply = yield* callModel(setup, { request, turn, streaming: mode.streaming, signal });
    if (reply === 'aborted') {
      // The call in flight was dropped; the history holds only complete turns, so it stays valid.
      yield { type: 'run-end', result: state.result('aborted') };
      return;
    }

    const message = toAssistantMessage(reply.message, turn);
    state.messages.push(message);
    const toolCalls = message.tool_calls ?? [];
    const recorded = state.addTurn({
      usage: reply.usage,
      costNanoUsd: reply.costNanoUsd ?? costOfUsage({ usage: reply.usage, pricingModels: setup.pricingModels, catalogue: setup.catalogue }),
      worstCaseNanoUsd: guard.worstCaseNanoUsd,
      finishReason: reply.finishReason,
      toolCalls: toolCalls.length,
      model: reply.model,
      warnings: reply.warnings ?? [],
    });
    if (toolCalls.length > 0) yield* runToolCalls({ setup, state, toolCalls, turn, signal });

    const { usage, finishReason } = reply;
    yield { type: 'turn-end', turn, message, usage, finishReason, costUsd: recorded.costUsd, totalCostUsd: state.totalCostUsd };
    if (toolCalls.length === 0) {
      yield { type: 'run-end', result: state.result('final_answer') };
      return;
    }
  }
}

function buildRequest(setup: RunSetup, messages: readonly ChatMessage[]): ModelRequest {
  const system: ChatMessage[] = setup.instructions ? [{ role: 'system', content: setup.instructions }] : [];
  return {
    ...setup.modelSettings,
    model: setup.model,
    messages: [...system, ...messages],
    ...(setup.chatTools.length > 0 ? { tools: [...setup.chatTools] } : {}),
  };
}

/** The cost cap's verdict on the next call: its worst case, or the error that stops the run before it. */
function guardCost(
  setup: RunSetup,
  state: RunState,
  request: ModelRequest,
): { worstCaseNanoUsd?: NanoUsd; error?: MaxCostExceededError } {
  if (!setup.costGuard) return {};
  const verdict = setup.costGuard.checkNextCall({ messages: request.messages, tools: setup.chatTools, spentNanoUsd: state.spentNanoUsd });
  const { worstCase } = verdict;
  if (verdict.allowed) return { worstCaseNanoUsd: worstCase.costNanoUsd };
  const error = new MaxCostExceededError({
    maxCostUsd: nanoUsdToUsd(setup.costGuard.maxCostNanoUsd),
    spentUsd: nanoUsdToUsd(state.spentNanoUsd),
    nextCallWorstCaseUsd: nanoUsdToUsd(worstCase.costNanoUsd),
    pricingModel: worstCase.pricingModel,
    promptTokens: worstCase.promptTokens,
    maxOutputTokens: worstCase.maxOutputTokens,
    result: state.result('max_cost'),
  });
  return { error };
}

/** One model call; streamed deltas are yielded as events. Returns the reply, or 'aborted' when the signal fired. */
async function* callModel(
  setup: RunSetup,
  call: { request: ModelRequest; turn: number; streaming: boolean; signal: AbortSignal | undefined },
): AsyncGenerator<AgentEvent, ModelReply | 'aborted'> {
  const callOptions = call.signal ? { signal: call.signal } : {};
  let reply: ModelReply | undefined;
  try {
    if (call.streaming) {
      for await (const part of setup.client.stream(call.request, callOptions)) {
        if (part.type === 'reply') reply = part.reply;
        else yield { type: part.type, turn: call.turn, text: part.text };
      }
    } else {
      reply = await setup.client.complete(call.request, callOptions);
    }
  } catch (error) {
    if (call.signal?.aborted) return 'aborted';
    throw error;
  }
  if (call.signal?.aborted) return 'aborted';
  if (!reply) throw new ProviderError('The model stream ended without a reply.', { upstreamStatus: 200, model: setup.model });
  return reply;
}

