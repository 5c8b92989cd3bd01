import { providerSpecificParamsOf, type ChatCompletionRequest } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { authHeaders } from '../../adapter/auth-scheme.js';
import type { HttpRequestSpec } from '../../adapter/http-request-spec.js';
import { joinUrl } from '../../adapter/join-url.js';
import { anthropicMaxTokens, anthropicThinking } from './anthropic-thinking.js';
import { toAnthropicConversation } from './to-anthropic-messages.js';
import { responseFormatTool, toAnthropicToolChoice, toAnthropicTools } from './to-anthropic-tools.js';

/** The API version header value when the caller sets none (the only stable version Anthropic has published). */
export const ANTHROPIC_DEFAULT_API_VERSION = '2023-06-01';

/** Provider-specific params this adapter translates itself instead of forwarding. */
const TRANSLATED_PARAMS = new Set(['thinking']);

/**
 * The Messages endpoint for a base URL. The documented base is the host (`https://api.anthropic.com`, LiteLLM's
 * `ANTHROPIC_API_BASE`), but bases ending in `/v1` or in the full path are accepted too.
 */
export function anthropicMessagesUrl(apiBase: string): string {
  const base = apiBase.replace(/\/+$/, '');
  if (base.endsWith('/v1/messages')) return base;
  if (base.endsWith('/v1')) return joinUrl(base, 'messages');
  return joinUrl(base, 'v1/messages');
}

/**
 * The Messages body for an OpenAI chat request: system messages to `system`, tool messages to `tool_result` blocks,
 * tool calls to `tool_use`, thinking, `max_tokens` filled in, sampling fields, tools. With `jsonTool`, a JSON
 * `response_format` becomes the synthetic JSON tool (the adapter does this; the Messages API has no such field).
 * Shared by the adapter and the chat → Messages translation, so both map a request the same way.
 */
export function anthropicMessagesBody(request: ChatCompletionRequest, options: { model: string; stream: boolean; jsonTool: boolean }): Record<string, unknown> {
  const conversation = toAnthropicConversation(request.messages);
  const thinking = anthropicThinking(request);
  const body: Record<string, unknown> = {
    model: options.model,
    messages: conversation.messages,
    max_tokens: anthropicMaxTokens(request, thinking),
  };
  if (conversation.system.length > 0) body['system'] = conversation.system;
  if (thinking) body['thinking'] = thinking;
  if (request.temperature != null) body['temperature'] = request.temperature;
  if (request.top_p != null) body['top_p'] = request.top_p;
  if (request.stop != null) body['stop_sequences'] = typeof request.stop === 'string' ? [request.stop] : request.stop;
  if (request.user != null) body['metadata'] = { user_id: request.user };
  Object.assign(body, toolFields(request, { thinkingEnabled: thinking !== undefined && thinking['type'] !== 'disabled', jsonTool: options.jsonTool }));
  if (options.stream) body['stream'] = true;
  return body;
}

/**
 * An OpenAI chat request → `POST /v1/messages` (https://docs.anthropic.com/en/api/messages). Auth is
 * `x-api-key` plus the required `anthropic-version` header.
 */
export function toAnthropicRequest(request: ChatCompletionRequest, context: AdapterCallContext): HttpRequestSpec {
  const body = anthropicMessagesBody(request, { model: context.model, stream: context.stream, jsonTool: true });
  for (const [key, value] of Object.entries(providerSpecificParamsOf(request))) {
    if (!TRANSLATED_PARAMS.has(key) && value !== undefined) body[key] = value;
  }
  return {
    url: anthropicMessagesUrl(context.apiBase),
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'anthropic-version': context.apiVersion ?? ANTHROPIC_DEFAULT_API_VERSION,
      ...authHeaders({ kind: 'header', name: 'x-api-key' }, context.apiKey),
    },
    body,
  };
}

/**
 * `tools` and `tool_choice`. A JSON `response_format` adds the synthetic JSON tool and, unless the caller has tools
 * of their own, forces it; with thinking on, Anthropic forbids forced tool use, so the choice stays `auto`.
 */
function toolFields(request: ChatCompletionRequest, options: { thinkingEnabled: boolean; jsonTool: boolean }): Record<string, unknown> {
  const { thinkingEnabled } = options;
  const tools = toAnthropicTools(request.tools ?? []);
  let toolChoice = toAnthropicToolChoice(request);
  const jsonTool = options.jsonTool ? responseFormatTool(request) : undefined;
  if (jsonTool) {
    if (tools.length === 0 && !thinkingEnabled) toolChoice = { type: 'tool', name: jsonTool.name };
    tools.push(jsonTool);
  }
  const fields: Record<string, unknown> = {};
  // Anthropic rejects a tool_choice without tools.
  if (tools.length > 0) {
    fields['tools'] = tools;
    if (toolChoice) fields['tool_choice'] = toolChoice;
  }
  return fields;
}
