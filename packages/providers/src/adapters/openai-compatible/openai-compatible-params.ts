import { ALL_OPENAI_PARAMS } from '../openai/openai-supported-params.js';

/** The params nearly every OpenAI-compatible server accepts (LiteLLM's OpenAI-like base list). */
export const COMMON_COMPATIBLE_PARAMS: readonly string[] = [
  'frequency_penalty',
  'presence_penalty',
  'logit_bias',
  'logprobs',
  'top_logprobs',
  'max_tokens',
  'max_completion_tokens',
  'n',
  'seed',
  'stop',
  'stream',
  'stream_options',
  'temperature',
  'top_p',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'user',
  'functions',
  'function_call',
];

/** The common params plus `reasoning_effort`, for providers serving reasoning models that honour it. */
export const COMMON_WITH_REASONING_PARAMS: readonly string[] = [...COMMON_COMPATIBLE_PARAMS, 'reasoning_effort'];

/** Gateways and self-hosted servers forward everything; they decide what they support. */
export const PASS_THROUGH_PARAMS: readonly string[] = ALL_OPENAI_PARAMS;

/** A param list without some entries. */
export function paramsWithout(params: readonly string[], excluded: readonly string[]): readonly string[] {
  const skip = new Set(excluded);
  return params.filter((param) => !skip.has(param));
}
