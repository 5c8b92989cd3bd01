import { ProviderError, type ChatCompletion, type ResponseMessage, type ResponseToolCall } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { buildChatCompletion } from '../../adapter/build-chat-completion.js';
import { synthesizeToolCallId } from '../../adapter/synthesize-tool-call-id.js';
import { openAIWireResponseSchema, type OpenAIWireMessage, type OpenAIWireToolCall } from './openai-api.js';
import type { OpenAIDialectQuirks } from './openai-dialect.js';
import { mapOpenAIFinishReason } from './map-openai-finish-reason.js';
import { toOpenAIUsage } from './openai-usage.js';

/** An OpenAI-dialect `chat.completion` body, normalised: ids on every tool call, `reasoning_content`, full usage. */
export function fromOpenAIResponse(
  body: unknown,
  context: AdapterCallContext,
  quirks: OpenAIDialectQuirks = {},
): ChatCompletion {
  const parsed = openAIWireResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new ProviderError(`${context.providerId} returned a chat completion Tollgate cannot read.`, {
      upstreamStatus: 502,
      body,
      provider: context.providerId,
      model: context.model,
      cause: parsed.error,
    });
  }
  const response = parsed.data;
  const completion = buildChatCompletion({
    context,
    id: response.id,
    model: response.model,
    created: response.created,
    choices: response.choices.map((choice) => {
      const finishReason = mapOpenAIFinishReason(choice.finish_reason, quirks.finishReasons);
      return {
        message: toResponseMessage(choice.message ?? {}, quirks),
        finishReason,
        nativeFinishReason: choice.finish_reason !== finishReason ? choice.finish_reason : undefined,
      };
    }),
    usage: response.usage ? toOpenAIUsage(response.usage, quirks) : undefined,
  });
  response.choices.forEach((choice, index) => {
    const target = completion.choices[index];
    // `logprobs: null` is kept as sent: clients (and LiteLLM) see the upstream's fields, not a thinned copy.
    if (target && choice.logprobs !== undefined) target.logprobs = choice.logprobs as ChatCompletion['choices'][number]['logprobs'];
  });
  if (response.system_fingerprint) completion.system_fingerprint = response.system_fingerprint;
  if (response.service_tier) completion.service_tier = response.service_tier;
  return completion;
}

/** An assistant message in OpenAI's shape, whatever dialect variation the provider sent. */
export function toResponseMessage(wireMessage: OpenAIWireMessage, quirks: OpenAIDialectQuirks): ResponseMessage {
  const wire = quirks.normalizeMessage ? quirks.normalizeMessage(wireMessage) : wireMessage;
  const message: ResponseMessage = { role: 'assistant', content: contentText(wire.content) };
  if (wire.refusal !== undefined) message.refusal = wire.refusal;
  const reasoning = wire.reasoning_content ?? wire.reasoning;
  if (reasoning) message.reasoning_content = reasoning;
  if (wire.tool_calls && wire.tool_calls.length > 0) message.tool_calls = wire.tool_calls.map(toResponseToolCall);
  if (wire.function_call?.name) {
    message.function_call = { name: wire.function_call.name, arguments: wire.function_call.arguments ?? '' };
  }
  if (wire.annotations && wire.annotations.length > 0) message.annotations = wire.annotations;
  if (wire.audio != null) message.audio = wire.audio as ResponseMessage['audio'];
  return message;
}

function toResponseToolCall(call: OpenAIWireToolCall): ResponseToolCall {
  return {
    id: call.id || synthesizeToolCallId(),
    type: 'function',
    function: { name: call.function?.name ?? '', arguments: argumentsText(call.function?.arguments) },
  };
}

/** Tool arguments as the JSON string OpenAI sends, also when a server sent an object. */
export function argumentsText(value: string | Record<string, unknown> | null | undefined): string {
  if (value == null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The text of a content that is a string or (as some servers send) an array of text parts. */
export function contentText(content: OpenAIWireMessage['content']): string | null {
  if (content == null) return null;
  if (typeof content === 'string') return content;
  let text = '';
  for (const part of content) {
    if (typeof part === 'object' && part !== null && (part as { type?: unknown }).type === 'text') {
      const value = (part as { text?: unknown }).text;
      if (typeof value === 'string') text += value;
    }
  }
  return text;
}
