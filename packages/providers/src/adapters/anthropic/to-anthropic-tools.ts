import type { ChatCompletionRequest, ChatTool } from '@tollgate/core';
import type { AnthropicToolChoiceParam, AnthropicToolParam } from './anthropic-api.js';

/**
 * Name of the tool that carries `response_format` JSON: Anthropic's documented way to get JSON output is a tool
 * the model is made to call (https://docs.anthropic.com/en/docs/build-with-claude/tool-use#json-mode). Replies that
 * call it are turned back into plain content, so the name is reserved (LiteLLM uses the same one).
 */
export const RESPONSE_FORMAT_TOOL_NAME = 'json_tool_call';

/** OpenAI function tools → Anthropic tools (`parameters` → `input_schema`, an empty object schema when absent). */
export function toAnthropicTools(tools: readonly ChatTool[]): AnthropicToolParam[] {
  return tools.map((tool) => {
    const mapped: AnthropicToolParam = {
      name: tool.function.name,
      input_schema: tool.function.parameters ?? { type: 'object', properties: {} },
    };
    if (tool.function.description != null) mapped.description = tool.function.description;
    if (tool.cache_control) mapped.cache_control = tool.cache_control;
    return mapped;
  });
}

/**
 * OpenAI `tool_choice` + `parallel_tool_calls` → Anthropic `tool_choice`: `auto`→auto, `required`→any,
 * `none`→none, a named function → tool; `parallel_tool_calls: false` → `disable_parallel_tool_use: true` (the
 * inverse flag; meaningless with `none`). Undefined when neither was set, leaving Anthropic's default (auto).
 */
export function toAnthropicToolChoice(request: ChatCompletionRequest): AnthropicToolChoiceParam | undefined {
  const choice = request.tool_choice;
  let mapped: AnthropicToolChoiceParam | undefined;
  if (choice === 'auto') mapped = { type: 'auto' };
  else if (choice === 'required') mapped = { type: 'any' };
  else if (choice === 'none') mapped = { type: 'none' };
  else if (choice) mapped = { type: 'tool', name: choice.function.name };

  const parallel = request.parallel_tool_calls;
  if (parallel == null || mapped?.type === 'none') return mapped;
  return { ...(mapped ?? { type: 'auto' }), disable_parallel_tool_use: !parallel };
}

/** The synthetic tool whose input is the JSON reply asked for by `response_format`; undefined for plain text. */
export function responseFormatTool(request: ChatCompletionRequest): AnthropicToolParam | undefined {
  const format = request.response_format;
  if (!format || format.type === 'text') return undefined;
  const schema =
    format.type === 'json_schema' && format.json_schema.schema
      ? format.json_schema.schema
      : { type: 'object', additionalProperties: true };
  return {
    name: RESPONSE_FORMAT_TOOL_NAME,
    description: 'Respond with a JSON object matching this schema.',
    input_schema: schema,
  };
}
