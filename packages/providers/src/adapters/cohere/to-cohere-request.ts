import { providerSpecificParamsOf, type ChatCompletionRequest } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { authHeaders } from '../../adapter/auth-scheme.js';
import type { HttpRequestSpec } from '../../adapter/http-request-spec.js';
import { joinUrl } from '../../adapter/join-url.js';
import { toCohereMessages } from './to-cohere-messages.js';

/** `reasoning_effort` → `thinking.token_budget` (LiteLLM's budgets, as for Anthropic and Gemini). */
const BUDGET_BY_EFFORT: Readonly<Record<string, number>> = { minimal: 512, low: 1024, medium: 2048, high: 4096, xhigh: 8192 };

/** A v2 endpoint for a base URL: the documented base is the host, but a base ending in `/v2` is accepted too. */
export function cohereV2Url(apiBase: string, endpoint: 'chat' | 'embed'): string {
  const base = apiBase.replace(/\/+$/, '');
  return base.endsWith('/v2') ? joinUrl(base, endpoint) : joinUrl(base, `v2/${endpoint}`);
}

/**
 * An OpenAI chat request → `POST /v2/chat` (https://docs.cohere.com/reference/chat), Bearer auth. Renamed
 * params: `stop` → `stop_sequences`, `top_p` → `p`; streams set `stream: true` in the body.
 */
export function toCohereRequest(request: ChatCompletionRequest, context: AdapterCallContext): HttpRequestSpec {
  const body: Record<string, unknown> = { model: context.model, messages: toCohereMessages(request.messages) };
  if (context.stream) body['stream'] = true;
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxTokens != null) body['max_tokens'] = maxTokens;
  if (request.temperature != null) body['temperature'] = request.temperature;
  if (request.top_p != null) body['p'] = request.top_p;
  if (request.stop != null) body['stop_sequences'] = typeof request.stop === 'string' ? [request.stop] : request.stop;
  if (request.seed != null) body['seed'] = request.seed;
  if (request.frequency_penalty != null) body['frequency_penalty'] = request.frequency_penalty;
  if (request.presence_penalty != null) body['presence_penalty'] = request.presence_penalty;
  Object.assign(body, toolFields(request));
  const format = request.response_format;
  if (format && format.type !== 'text') {
    body['response_format'] =
      format.type === 'json_schema' && format.json_schema.schema
        ? { type: 'json_object', json_schema: format.json_schema.schema }
        : { type: 'json_object' };
  }
  const effort = request.reasoning_effort;
  if (effort) {
    body['thinking'] =
      effort === 'none' ? { type: 'disabled' } : { type: 'enabled', token_budget: BUDGET_BY_EFFORT[effort] ?? 2048 };
  }
  for (const [key, value] of Object.entries(providerSpecificParamsOf(request))) {
    if (value !== undefined) body[key] = value;
  }
  return {
    url: cohereV2Url(context.apiBase, 'chat'),
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(context.stream ? { accept: 'text/event-stream' } : {}),
      ...authHeaders({ kind: 'bearer' }, context.apiKey),
    },
    body,
  };
}

/**
 * `tools` pass as OpenAI declares them. `tool_choice`: Cohere knows only `REQUIRED` and `NONE` (auto is its
 * default), so a named function is `REQUIRED` with the tool list narrowed to that function.
 */
function toolFields(request: ChatCompletionRequest): Record<string, unknown> {
  let tools = request.tools ?? [];
  const choice = request.tool_choice;
  let toolChoice: string | undefined;
  if (choice === 'required') toolChoice = 'REQUIRED';
  else if (choice === 'none') toolChoice = 'NONE';
  else if (choice && typeof choice === 'object') {
    toolChoice = 'REQUIRED';
    const name = choice.function.name;
    tools = tools.filter((tool) => tool.function.name === name);
  }
  const fields: Record<string, unknown> = {};
  if (tools.length > 0) {
    fields['tools'] = tools.map((tool) => ({
      type: 'function',
      function: {
        name: tool.function.name,
        ...(tool.function.description != null ? { description: tool.function.description } : {}),
        parameters: tool.function.parameters ?? { type: 'object', properties: {} },
      },
    }));
  }
  if (toolChoice && tools.length > 0) fields['tool_choice'] = toolChoice;
  return fields;
}
