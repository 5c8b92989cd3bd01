import { standardChatCompletionParams } from '@tollgate/core';

/** Every standard OpenAI chat param except the two every call has. */
export const ALL_OPENAI_PARAMS: readonly string[] = [...standardChatCompletionParams].filter(
  (param) => param !== 'model' && param !== 'messages',
);

// Sampling knobs OpenAI's reasoning models reject (https://platform.openai.com/docs/guides/reasoning).
const REASONING_MODEL_UNSUPPORTED = new Set([
  'temperature',
  'top_p',
  'presence_penalty',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
  'logit_bias',
]);
const REASONING_PARAMS: readonly string[] = ALL_OPENAI_PARAMS.filter((param) => !REASONING_MODEL_UNSUPPORTED.has(param));

/** o-series and GPT-5 reasoning models (not the `gpt-5-chat` snapshots, which behave like GPT-4o). */
export function isOpenAIReasoningModel(model: string): boolean {
  const name = model.toLowerCase();
  return /^o\d/.test(name) || (/^gpt-5/.test(name) && !name.includes('chat'));
}

/** OpenAI accepts every standard param, except the sampling knobs on reasoning models. */
export function openAISupportedParams(model: string): readonly string[] {
  return isOpenAIReasoningModel(model) ? REASONING_PARAMS : ALL_OPENAI_PARAMS;
}
