import type { ChatCompletionRequest, ChatMessage, ChatResponseFormat, ChatToolChoice, ParsedResponsesRequest, ResponsesInputItem, ResponsesTextFormat, ResponsesToolChoice } from '@tollgate/core';
import { inputItemsToMessages } from './input-items-to-messages.js';

export interface ResponsesToChatOptions {
  /** Items of the earlier turns (`previous_response_id`'s chain: each stored input, then its output), oldest first. */
  history?: readonly ResponsesInputItem[];
}

/** The request's `input` as items: a string is one user message. */
export function inputItemsOf(request: Pick<ParsedResponsesRequest, 'input'>): ResponsesInputItem[] {
  if (request.input === undefined || request.input === null) return [];
  return typeof request.input === 'string' ? [{ type: 'message', role: 'user', content: request.input }] : [...request.input];
}

function toChatToolChoice(choice: ResponsesToolChoice): ChatToolChoice {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
}

function toResponseFormat(format: ResponsesTextFormat): ChatResponseFormat | undefined {
  switch (format.type) {
    case 'text':
      return undefined;
    case 'json_object':
      return { type: 'json_object' };
    case 'json_schema':
      return {
        type: 'json_schema',
        json_schema: {
          name: format.name,
          schema: format.schema,
          ...(format.description == null ? {} : { description: format.description }),
          ...(format.strict == null ? {} : { strict: format.strict }),
        },
      };
  }
}

/**
 * A Responses request as the chat request that serves it on any provider: `instructions` first as a system message,
 * then the history, then `input`; function tools, `tool_choice`, `text.format` (→ `response_format`),
 * `reasoning.effort` (→ `reasoning_effort`) and `max_output_tokens` (→ `max_completion_tokens`) mapped. Fields that
 * only concern the stored response (`store`, `metadata`, `previous_response_id`, `include`) are not sent.
 */
export function responsesRequestToChat(request: ParsedResponsesRequest, options: ResponsesToChatOptions = {}): ChatCompletionRequest {
  const messages: ChatMessage[] = [];
  if (request.instructions) messages.push({ role: 'system', content: request.instructions });
  messages.push(...inputItemsToMessages([...(options.history ?? []), ...inputItemsOf(request)]));
  const chat: ChatCompletionRequest = { model: request.model, messages };
  if (request.tools && request.tools.length > 0) {
    chat.tools = request.tools.map((tool) => ({
      type: 'function',
      function: {
        name: tool.name,
        ...(tool.description == null ? {} : { description: tool.description }),
        ...(tool.parameters == null ? {} : { parameters: tool.parameters }),
        ...(tool.strict == null ? {} : { strict: tool.strict }),
      },
    }));
  }
  if (request.tool_choice != null) chat.tool_choice = toChatToolChoice(request.tool_choice);
  if (request.parallel_tool_calls != null && chat.tools) chat.parallel_tool_calls = request.parallel_tool_calls;
  const responseFormat = request.text?.format ? toResponseFormat(request.text.format) : undefined;
  if (responseFormat) chat.response_format = responseFormat;
  if (request.text?.verbosity != null) chat.verbosity = request.text.verbosity;
  if (request.reasoning?.effort != null) chat.reasoning_effort = request.reasoning.effort;
  if (request.max_output_tokens != null) chat.max_completion_tokens = request.max_output_tokens;
  if (request.temperature != null) chat.temperature = request.temperature;
  if (request.top_p != null) chat.top_p = request.top_p;
  if (request.user != null) chat.user = request.user;
  if (request.stream === true) {
    chat.stream = true;
    chat.stream_options = { include_usage: true };
  }
  return chat;
}
