/** How one tool call ended: the content sent back to the model in the `tool` message, and what happened. */
export interface ToolCallOutcome {
  /** The model's id for the call (the `tool_call_id` of the answer). */
  readonly callId: string;
  /** The tool the model called. */
  readonly name: string;
  /** The arguments exactly as the model wrote them. */
  readonly rawArguments: string;
  /** The parsed arguments, when they were valid. */
  readonly arguments: unknown;
  /** What the model receives: the tool's output, or an error it can react to. */
  readonly output: string;
  /** True when the call failed: unknown tool, invalid arguments, a thrown error, a timeout, a cancelled run. */
  readonly isError: boolean;
  /** Wall time from the start of argument parsing to the outcome. */
  readonly durationMs: number;
}
