import type { ChatToolCall } from '@tollgate/core';
import { errorMessageOf, formatToolOutput } from './format-tool-output.js';
import { parseToolArguments } from './parse-tool-arguments.js';
import type { Tool } from './tool.js';
import type { ToolCallOutcome } from './tool-call-outcome.js';

/** What {@link runToolCall} needs. */
export interface RunToolCallOptions {
  readonly call: ChatToolCall;
  /** The agent's tools by name. */
  readonly tools: ReadonlyMap<string, Tool>;
  /** Time limit when the tool sets none. */
  readonly defaultTimeoutMs: number;
  /** The run's signal: aborting it cancels the call. */
  readonly signal: AbortSignal | undefined;
}

type Settled = { kind: 'done'; value: unknown } | { kind: 'threw'; error: unknown } | { kind: 'timeout' } | { kind: 'cancelled' };

/**
 * Runs one tool call and never throws: an unknown tool, invalid arguments, an exception, a timeout or a cancelled
 * run all become an error outcome whose text tells the model what happened. On timeout or cancellation the tool's
 * signal is aborted and its result, if it ever comes, is ignored.
 */
export async function runToolCall(options: RunToolCallOptions): Promise<ToolCallOutcome> {
  const { call } = options;
  const started = performance.now();
  const base = { callId: call.id, name: call.function.name, rawArguments: call.function.arguments };
  const finish = (output: string, isError: boolean, parsed?: unknown): ToolCallOutcome => ({
    ...base,
    arguments: parsed,
    output,
    isError,
    durationMs: Math.round(performance.now() - started),
  });

  const tool = options.tools.get(call.function.name);
  if (!tool) {
    const available = [...options.tools.keys()].join(', ') || 'none';
    return finish(`Unknown tool "${call.function.name}". Available tools: ${available}.`, true);
  }
  const parsed = parseToolArguments(tool.name, call.function.arguments, tool.parameters);
  if (!parsed.ok) return finish(parsed.message, true);

  const timeoutMs = tool.timeoutMs ?? options.defaultTimeoutMs;
  const settled = await executeWithLimits(tool, parsed.value, { callId: call.id, timeoutMs, runSignal: options.signal });
  switch (settled.kind) {
    case 'done':
      return finish(formatToolOutput(settled.value), false, parsed.value);
    case 'threw':
      return finish(`Error running tool "${tool.name}": ${errorMessageOf(settled.error)}`, true, parsed.value);
    case 'timeout':
      return finish(`Tool "${tool.name}" timed out after ${timeoutMs} ms and was stopped.`, true, parsed.value);
    case 'cancelled':
      return finish(`Tool "${tool.name}" was cancelled: the run was stopped before it finished.`, true, parsed.value);
  }
}

async function executeWithLimits(
  tool: Tool,
  args: unknown,
  limits: { callId: string; timeoutMs: number; runSignal: AbortSignal | undefined },
): Promise<Settled> {
  if (limits.runSignal?.aborted) return { kind: 'cancelled' };
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let onRunAbort: (() => void) | undefined;
  const limit = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timeout' }), limits.timeoutMs);
    onRunAbort = () => resolve({ kind: 'cancelled' });
    limits.runSignal?.addEventListener('abort', onRunAbort, { once: true });
  });
  const execution = (async (): Promise<Settled> => {
    try {
      return { kind: 'done', value: await tool.execute(args, { callId: limits.callId, signal: controller.signal }) };
    } catch (error) {
      return { kind: 'threw', error };
    }
  })();
  try {
    const settled = await Promise.race([execution, limit]);
    if (settled.kind === 'timeout' || settled.kind === 'cancelled') controller.abort(new Error(`tool ${settled.kind}`));
    return settled;
  } finally {
    clearTimeout(timer);
    if (onRunAbort) limits.runSignal?.removeEventListener('abort', onRunAbort);
  }
}
