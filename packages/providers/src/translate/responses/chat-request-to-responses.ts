import type { ChatCompletionRequest, ChatMessage, ParsedResponsesRequest, ResponsesInputContentPart, ResponsesInputItem, ResponsesTextFormat } from '@tollgate/core';

function textOf(content: ChatMessage['content']): string {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => ('text' in part && typeof part.text === 'string' ? part.text : '')).join('');
}

function userParts(content: Extract<ChatMessage, { role: 'user' }>['content']): string | ResponsesInputContentPart[] {
  if (typeof content === 'string') return content;
  return content.map((part): ResponsesInputContentPart => {
    if (part.type === 'image_url') {
      const image = typeof part.image_url === 'string' ? { url: part.image_url } : part.image_url;
      return { type: 'input_image', image_url: image.url, ...(image.detail ? { detail: image.detail } : {}) };
    }
    if (part.type === 'file') {
      const file = (part as { file: { file_data?: string; file_id?: string; filename?: string } }).file;
      return { type: 'input_file', ...file };
    }
    return { type: 'input_text', text: 'text' in part && typeof part.text === 'string' ? part.text : '' };
  });
}

/** Chat messages as Responses input items: the inverse of `inputItemsToMessages`. */
export function messagesToInputItems(messages: readonly ChatMessage[]): ResponsesInputItem[] {
  const items: ResponsesInputItem[] = [];
  for (const message of messages) {
    switch (message.role) {
      case 'system':
      case 'developer':
        items.push({ type: 'message', role: message.role, content: textOf(message.content) });
        break;
      case 'user':
        items.push({ type: 'message', role: 'user', content: userParts(message.content) });
        break;
      case 'assistant': {
        // reasoning_content is not replayed: OpenAI accepts only its own reasoning items (with their ids), never text.
        const text = textOf(message.content);
        const content: ResponsesInputContentPart[] = [];
        if (typeof message.content === 'string' || text !== '') content.push({ type: 'output_text', text });
        if (message.refusal) content.push({ type: 'refusal', refusal: message.refusal });
        if (content.length > 0) items.push({ type: 'message', role: 'assistant', content });
        for (const call of message.tool_calls ?? []) {
          items.push({ type: 'function_call', call_id: call.id, name: call.function.name, arguments: call.function.arguments });
        }
        break;
      }
      case 'tool':
        items.push({ type: 'function_call_output', call_id: message.tool_call_id, output: textOf(message.content) });
        break;
      case 'function':
        items.push({ type: 'message', role: 'user', content: message.content ?? '' });
        break;
    }
  }
  return items;
}

/**
 * A chat request as a Responses request (for sending a chat call to a deployment that speaks Responses): the
 * inverse of `responsesRequestToChat` on what both APIs have. System messages stay input items (not
 * `instructions`), so their order is kept.
 */
export function chatRequestToResponses(request: ChatCompletionRequest): ParsedResponsesRequest {
  const responses: ParsedResponsesRequest = { model: request.model, input: messagesToInputItems(request.messages) };
  if (request.tools) {
    responses.tools = request.tools.map((tool) => ({
      type: 'function',
      name: tool.function.name,
      ...(tool.function.description == null ? {} : { description: tool.function.description }),
      ...(tool.function.parameters == null ? {} : { parameters: tool.function.parameters }),
      ...(tool.function.strict == null ? {} : { strict: tool.function.strict }),
    }));
  }
  const choice = request.tool_choice;
  if (choice != null) responses.tool_choice = typeof choice === 'string' ? choice : { type: 'function', name: choice.function.name };
  if (request.parallel_tool_calls != null) responses.parallel_tool_calls = request.parallel_tool_calls;
  const format = request.response_format;
  if (format != null) {
    const textFormat: ResponsesTextFormat =
      format.type === 'json_schema'
        ? {
            type: 'json_schema',
            name: format.json_schema.name,
            schema: format.json_schema.schema ?? {},
            ...(format.json_schema.description == null ? {} : { description: format.json_schema.description }),
            ...(format.json_schema.strict == null ? {} : { strict: format.json_schema.strict }),
          }
        : { type: format.type };
    responses.text = { format: textFormat };
  }
  if (request.verbosity != null) responses.text = { ...responses.text, verbosity: request.verbosity };
  if (request.reasoning_effort != null) responses.reasoning = { effort: request.reasoning_effort };
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxTokens != null) responses.max_output_tokens = maxTokens;
  if (request.temperature != null) responses.temperature = request.temperature;
  if (request.top_p != null) responses.top_p = request.top_p;
  if (request.user != null) responses.user = request.user;
  if (request.stream === true) responses.stream = true;
  return responses;
}
