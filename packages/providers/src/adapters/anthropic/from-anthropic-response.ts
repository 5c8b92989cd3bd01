import { ProviderError, type ChatCompletion, type ResponseMessage, type ResponseToolCall, type ThinkingBlock } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { buildChatCompletion } from '../../adapter/build-chat-completion.js';
import { anthropicMessageSchema, type AnthropicResponseBlock } from './anthropic-api.js';
import { toOpenAIUsageFromAnthropic } from './anthropic-usage.js';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason.js';
import { RESPONSE_FORMAT_TOOL_NAME } from './to-anthropic-tools.js';

/** The parts of an Anthropic reply's content blocks, in OpenAI terms. */
interface MappedContent {
  text: string[];
  reasoning: string[];
  thinkingBlocks: ThinkingBlock[];
  toolCalls: ResponseToolCall[];
  /** The input of the synthetic `response_format` tool, which is the reply itself. */
  jsonReply: string | undefined;
}

function mapBlocks(blocks: readonly AnthropicResponseBlock[]): MappedContent {
  const mapped: MappedContent = { text: [], reasoning: [], thinkingBlocks: [], toolCalls: [], jsonReply: undefined };
  for (const block of blocks) {
    switch (block.type) {
      case 'text':
        mapped.text.push(block.text ?? '');
        break;
      case 'thinking':
        mapped.reasoning.push(block.thinking ?? '');
        mapped.thinkingBlocks.push({ type: 'thinking', thinking: block.thinking ?? '', signature: block.signature ?? null });
        break;
      case 'redacted_thinking':
        mapped.thinkingBlocks.push({ type: 'redacted_thinking', data: block.data ?? '' });
        break;
      case 'tool_use': {
        const argumentsJson = JSON.stringify(block.input ?? {});
        if (block.name === RESPONSE_FORMAT_TOOL_NAME) mapped.jsonReply = argumentsJson;
        else {
          mapped.toolCalls.push({
            id: block.id ?? '',
            type: 'function',
            function: { name: block.name ?? '', arguments: argumentsJson },
          });
        }
        break;
      }
      default:
        // Server-tool blocks (web search results…) have no OpenAI equivalent in a chat message.
        break;
    }
  }
  return mapped;
}

/**
 * An Anthropic `message` → OpenAI chat completion: text blocks joined into `content`, thinking blocks into
 * `reasoning_content` plus `thinking_blocks` (signatures kept for the next turn), `tool_use` blocks into
 * `tool_calls` with arguments as a JSON string.
 */
export function fromAnthropicResponse(body: unknown, context: AdapterCallContext): ChatCompletion {
  const parsed = anthropicMessageSchema.safeParse(body);
  if (!parsed.success) {
    throw new ProviderError(`${context.providerId} sent a response that is not a message`, {
      upstreamStatus: 502,
      body,
      provider: context.providerId,
      model: context.model,
      cause: parsed.error,
    });
  }
  const response = parsed.data;
  const mapped = mapBlocks(response.content ?? []);
  const message: ResponseMessage = { role: 'assistant', content: null };
  if (mapped.text.length > 0) message.content = mapped.text.join('');
  if (mapped.jsonReply !== undefined) message.content = mapped.jsonReply;
  if (mapped.reasoning.length > 0) message.reasoning_content = mapped.reasoning.join('');
  if (mapped.thinkingBlocks.length > 0) message.thinking_blocks = mapped.thinkingBlocks;
  if (mapped.toolCalls.length > 0) message.tool_calls = mapped.toolCalls;

  let finishReason = mapAnthropicFinishReason(response.stop_reason);
  // The JSON tool's call is the answer, not a call the client must run.
  if (mapped.jsonReply !== undefined && mapped.toolCalls.length === 0 && finishReason === 'tool_calls') finishReason = 'stop';
  return buildChatCompletion({
    context,
    id: response.id,
    model: response.model,
    choices: [{ message, finishReason, nativeFinishReason: response.stop_reason }],
    usage: response.usage ? toOpenAIUsageFromAnthropic(response.usage) : null,
  });
}
