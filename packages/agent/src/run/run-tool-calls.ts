import type { ChatToolCall } from '@tollgate/core';
import { runToolCall } from '../tool/run-tool-call.js';
import type { ToolCallOutcome } from '../tool/tool-call-outcome.js';
import type { AgentEvent } from './agent-event.js';
import type { RunSetup } from './run-setup.js';
import type { RunState } from './run-state.js';

/**
 * Runs a turn's tool calls all at once (each with its own time limit), yields a `tool-result` event as each one
 * ends, then appends one `tool` message per call to the history — in the order of the calls, whatever order they
 * finished in, each answering its call's id.
 */
export async function* runToolCalls(options: {
  setup: RunSetup;
  state: RunState;
  toolCalls: readonly ChatToolCall[];
  turn: number;
  signal: AbortSignal | undefined;
}): AsyncGenerator<AgentEvent, void> {
  const { setup, state, toolCalls, turn, signal } = options;
  for (const call of toolCalls) {
    yield { type: 'tool-call', turn, callId: call.id, name: call.function.name, arguments: call.function.arguments };
  }
  const pending = new Map<string, Promise<ToolCallOutcome>>();
  for (const call of toolCalls) {
    pending.set(call.id, runToolCall({ call, tools: setup.tools, defaultTimeoutMs: setup.toolTimeoutMs, signal }));
  }
  const outcomes = new Map<string, ToolCallOutcome>();
  while (outcomes.size < toolCalls.length) {
    // runToolCall never rejects, so racing the unfinished calls is safe.
    const outcome = await Promise.race([...pending.entries()].filter(([id]) => !outcomes.has(id)).map(([, run]) => run));
    outcomes.set(outcome.callId, outcome);
    const { callId, name, output, isError, durationMs } = outcome;
    yield { type: 'tool-result', turn, callId, name, output, isError, durationMs };
  }
  for (const call of toolCalls) {
    state.messages.push({ role: 'tool', tool_call_id: call.id, content: outcomes.get(call.id)?.output ?? '(no output)' });
  }
}
