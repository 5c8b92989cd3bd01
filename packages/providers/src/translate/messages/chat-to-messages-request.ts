import { messagesRequestSchema, type ChatCompletionRequest, type MessagesRequest } from '@tollgate/core';
import { anthropicMessagesBody } from '../../adapters/anthropic/to-anthropic-request.js';

/**
 * An OpenAI chat request → an Anthropic Messages request: the Anthropic adapter's own mapping (system messages to
 * `system`, tool messages to `tool_result` blocks, tool calls to `tool_use`, thinking blocks kept, `max_tokens`
 * filled in), without the transport. `response_format` has no Messages field and is not carried.
 */
export function chatToMessagesRequest(request: ChatCompletionRequest): MessagesRequest {
  const body = anthropicMessagesBody(request, { model: request.model, stream: request.stream === true, jsonTool: false });
  if (request['top_k'] != null) body['top_k'] = request['top_k'];
  return messagesRequestSchema.parse(body);
}
