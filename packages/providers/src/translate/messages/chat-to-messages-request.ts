import { messagesRequestSchema, type ChatCompletionRequest, type MessagesRequest } from '@tollgate/core';
import { anthropicMaxTokens, anthropicThinking } from '../../adapters/anthropic/anthropic-thinking.js';
import { toAnthropicConversation } from '../../adapters/anthropic/to-anthropic-messages.js';
import { toAnthropicToolChoice, toAnthropicTools } from '../../adapters/anthropic/to-anthropic-tools.js';

/**
 * An OpenAI chat request → an Anthropic Messages request: the Anthropic adapter's own mapping (system messages to
 * `system`, tool messages to `tool_result` blocks, tool calls to `tool_use`, thinking blocks kept, `max_tokens`
 * filled in), without the transport. `response_format` has no Messages field and is not carried.
 */
export function chatToMessagesRequest(request: ChatCompletionRequest): MessagesRequest {
  const conversation = toAnthropicConversation(request.messages);
  const thinking = anthropicThinking(request);
  const body: Record<string, unknown> = {
    model: request.model,
    messages: conversation.messages,
    max_tokens: anthropicMaxTokens(request, thinking),
  };
  if (conversation.system.length > 0) body['system'] = conversation.system;
  if (thinking) body['thinking'] = thinking;
  if (request.temperature != null) body['temperature'] = request.temperature;
  if (request.top_p != null) body['top_p'] = request.top_p;
  if (request['top_k'] != null) body['top_k'] = request['top_k'];
  if (request.stop != null) body['stop_sequences'] = typeof request.stop === 'string' ? [request.stop] : request.stop;
  if (request.user != null) body['metadata'] = { user_id: request.user };
  const tools = toAnthropicTools(request.tools ?? []);
  if (tools.length > 0) {
    body['tools'] = tools;
    const choice = toAnthropicToolChoice(request);
    if (choice) body['tool_choice'] = choice;
  }
  if (request.stream === true) body['stream'] = true;
  return messagesRequestSchema.parse(body);
}
