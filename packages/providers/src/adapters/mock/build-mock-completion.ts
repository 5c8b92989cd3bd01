import { BadRequestError, type ChatCompletion, type ChatCompletionRequest, type ResponseMessage, type ResponseToolCall } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { buildChatCompletion } from '../../adapter/build-chat-completion.js';
import { mockParamsSchema, type MockToolCall } from './mock-api.js';
import { mockUsage } from './mock-usage.js';

/** What a mock reply is made of; everything else comes from the request. */
export interface MockReplyInput {
  readonly request: ChatCompletionRequest;
  readonly context: AdapterCallContext;
  /** The reply text; overrides `mock_response`. */
  readonly text?: string;
}

/**
 * A deterministic fake completion: the `mock_response` text (or `text`), else a default reply quoting the last user
 * message. With `mock_tool_calls`, it answers with those calls until the conversation ends with a tool result —
 * then with text — so a tool-calling loop runs to its end offline. Usage is estimated from the text.
 */
export function buildMockCompletion(input: MockReplyInput): ChatCompletion {
  const parsed = mockParamsSchema.safeParse(input.request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BadRequestError(`Invalid mock params: ${String(issue?.path.join('.'))}: ${String(issue?.message)}`, {
      param: issue?.path.join('.') ?? null,
    });
  }
  const params = parsed.data;
  const lastMessage = input.request.messages.at(-1);
  const toolCalls = params.mock_tool_calls && lastMessage?.role !== 'tool' ? params.mock_tool_calls : undefined;
  const text = toolCalls ? null : (input.text ?? params.mock_response ?? defaultReply(input.request, input.context));
  const message: ResponseMessage = { role: 'assistant', content: text };
  if (params.mock_reasoning) message.reasoning_content = params.mock_reasoning;
  if (toolCalls) message.tool_calls = toolCalls.map((call, index) => toResponseToolCall(call, index, input.context));
  const outputText = (text ?? '') + JSON.stringify(message.tool_calls ?? '');
  return buildChatCompletion({
    context: input.context,
    choices: [{ message, finishReason: toolCalls ? 'tool_calls' : 'stop' }],
    usage: mockUsage(input.request, outputText, params.mock_reasoning ?? ''),
  });
}

function toResponseToolCall(call: MockToolCall, index: number, context: AdapterCallContext): ResponseToolCall {
  const name = 'function' in call ? call.function.name : call.name;
  const args = 'function' in call ? call.function.arguments : (call.arguments ?? {});
  return {
    // Deterministic ids keep mock transcripts reproducible.
    id: call.id ?? `call_mock_${context.requestId.slice(0, 8)}_${index}`,
    type: 'function',
    function: { name, arguments: typeof args === 'string' ? args : JSON.stringify(args) },
  };
}

function defaultReply(request: ChatCompletionRequest, context: AdapterCallContext): string {
  const lastUser = [...request.messages].reverse().find((message) => message.role === 'user');
  const content = lastUser?.content;
  const text =
    typeof content === 'string'
      ? content
      : Array.isArray(content)
        ? content.map((part) => ('text' in part && typeof part.text === 'string' ? part.text : '')).join(' ')
        : '';
  const toolResults = trailingToolResults(request);
  if (toolResults.length > 0) return `Mock reply from ${context.model} after the tool results: ${toolResults.join('; ')}`;
  return text ? `Mock reply from ${context.model} to: ${text.slice(0, 200)}` : `Mock reply from ${context.model}.`;
}

/** The contents of the tool messages that end the conversation (the results the model is answered with). */
function trailingToolResults(request: ChatCompletionRequest): string[] {
  const results: string[] = [];
  for (let index = request.messages.length - 1; index >= 0; index--) {
    const message = request.messages[index];
    if (message?.role !== 'tool') break;
    results.unshift(typeof message.content === 'string' ? message.content : JSON.stringify(message.content));
  }
  return results;
}
