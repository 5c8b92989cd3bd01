import type { ChatCompletionRequest } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import type { MaxTokensField, OpenAIDialectDefinition } from './openai-dialect.js';


/**
 * The JSON body for an OpenAI-dialect chat call: the validated request as is (provider-specific params included),
 * with the provider's model id, null params removed (null means "not set"), the stream flag and — on streams —
 * `stream_options.include_usage` forced on so cost can always be computed. Quirks adjust the rest.
 */
export function toOpenAIRequestBody(
  request: ChatCompletionRequest,
  context: AdapterCallContext,
  definition: OpenAIDialectDefinition,
): Record<string, unknown> {
  const quirks = definition.quirks ?? {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) {
    if (value !== null && value !== undefined) body[key] = value;
  }
  if (definition.modelInBody === false) delete body['model'];
  else body['model'] = context.model;
  body['messages'] = request.messages.map((message) => {
    if (message.role !== 'assistant') return message;
    const cleaned: Record<string, unknown> = { ...message };
    // Fields Tollgate adds to assistant messages for round trips; OpenAI's API does not accept them back.
    delete cleaned['provider_specific_fields'];
    if (!quirks.keepThinkingBlocks) delete cleaned['thinking_blocks'];
    if (!quirks.keepReasoningContent) delete cleaned['reasoning_content'];
    return cleaned;
  });
  if (context.stream) {
    body['stream'] = true;
    if (quirks.streamOptions === false) delete body['stream_options'];
    else body['stream_options'] = { ...request.stream_options, include_usage: true };
  } else {
    delete body['stream'];
    delete body['stream_options'];
  }
  const maxTokensField =
    typeof quirks.maxTokensField === 'function' ? quirks.maxTokensField(context.model) : (quirks.maxTokensField ?? 'max_tokens');
  if (maxTokensField) renameMaxTokens(body, maxTokensField);
  quirks.prepareBody?.(body, context);
  return body;
}

/** Sends the output limit under the one name the provider reads; an explicit value under that name wins. */
function renameMaxTokens(body: Record<string, unknown>, field: MaxTokensField): void {
  const other = field === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens';
  if (body[other] === undefined) return;
  if (body[field] === undefined) body[field] = body[other];
  delete body[other];
}
