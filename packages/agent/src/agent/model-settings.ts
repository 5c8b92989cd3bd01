import type { ChatCompletionRequest } from '@tollgate/core';

/**
 * Params sent with every model call of the agent: OpenAI's sampling and tool params, plus any provider-specific
 * param (`thinking`, `mock_tool_calls`, …). `model`, `messages`, `tools` and streaming are the agent's own.
 */
export type ModelSettings = Partial<
  Pick<
    ChatCompletionRequest,
    | 'temperature'
    | 'top_p'
    | 'max_tokens'
    | 'max_completion_tokens'
    | 'stop'
    | 'seed'
    | 'presence_penalty'
    | 'frequency_penalty'
    | 'tool_choice'
    | 'parallel_tool_calls'
    | 'reasoning_effort'
    | 'response_format'
    | 'user'
    | 'metadata'
  >
> &
  Record<string, unknown>;

/** Keys the agent sets itself; a model setting may not override them. */
export const RESERVED_SETTINGS: readonly string[] = ['model', 'messages', 'tools', 'stream', 'stream_options', 'functions'];
