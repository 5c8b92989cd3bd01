import { providerSpecificParamsOf, UnsupportedParamsError, type ChatCompletionRequest } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { authHeaders } from '../../adapter/auth-scheme.js';
import type { HttpRequestSpec } from '../../adapter/http-request-spec.js';
import { joinUrl } from '../../adapter/join-url.js';
import { toOllamaMessages } from './to-ollama-messages.js';

/**
 * Ollama model options (https://github.com/ollama/ollama/blob/main/docs/modelfile.md#valid-parameters-and-values)
 * a caller may pass as top-level provider-specific params; they are moved into `options`, where Ollama reads them.
 */
const OLLAMA_OPTION_NAMES = new Set([
  'num_ctx',
  'num_keep',
  'num_batch',
  'num_gpu',
  'main_gpu',
  'num_thread',
  'top_k',
  'min_p',
  'typical_p',
  'repeat_last_n',
  'repeat_penalty',
  'mirostat',
  'mirostat_tau',
  'mirostat_eta',
  'penalize_newline',
  'use_mmap',
  'low_vram',
]);

/** `reasoning_effort` → `think`: `none` turns thinking off; gpt-oss takes a level, other thinking models `true`. */
function thinkOf(effort: string, model: string): boolean | string {
  if (effort === 'none') return false;
  if (!model.includes('gpt-oss')) return true;
  if (effort === 'minimal' || effort === 'low') return 'low';
  return effort === 'medium' ? 'medium' : 'high';
}

/** `/api/chat` URL for a base; a base that already ends in `/api` is accepted too. */
export function ollamaApiUrl(apiBase: string, endpoint: 'chat' | 'embed'): string {
  const base = apiBase.replace(/\/+$/, '');
  return base.endsWith('/api') ? joinUrl(base, endpoint) : joinUrl(base, `api/${endpoint}`);
}

/**
 * An OpenAI chat request → Ollama's native `POST /api/chat`. `stream` is always explicit, because Ollama streams
 * NDJSON by default. Sampling goes into `options` (`max_tokens` → `num_predict`); JSON output into `format`;
 * `reasoning_effort` into `think`. No auth unless a key is set (Ollama behind a proxy, Ollama Cloud).
 */
export function toOllamaRequest(request: ChatCompletionRequest, context: AdapterCallContext): HttpRequestSpec {
  const body: Record<string, unknown> = {
    model: context.model,
    messages: toOllamaMessages(request.messages),
    stream: context.stream,
  };
  const options: Record<string, unknown> = {};
  if (request.temperature != null) options['temperature'] = request.temperature;
  if (request.top_p != null) options['top_p'] = request.top_p;
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxTokens != null) options['num_predict'] = maxTokens;
  if (request.stop != null) options['stop'] = typeof request.stop === 'string' ? [request.stop] : request.stop;
  if (request.seed != null) options['seed'] = request.seed;
  if (request.frequency_penalty != null) options['frequency_penalty'] = request.frequency_penalty;
  if (request.presence_penalty != null) options['presence_penalty'] = request.presence_penalty;

  const tools = toolsOf(request);
  if (tools) body['tools'] = tools;
  const format = request.response_format;
  if (format?.type === 'json_object') body['format'] = 'json';
  else if (format?.type === 'json_schema') body['format'] = format.json_schema.schema ?? 'json';
  if (request.reasoning_effort) body['think'] = thinkOf(request.reasoning_effort, context.model);

  for (const [key, value] of Object.entries(providerSpecificParamsOf(request))) {
    if (value === undefined) continue;
    if (OLLAMA_OPTION_NAMES.has(key)) options[key] = value;
    else if (key === 'options' && typeof value === 'object' && value !== null) Object.assign(options, value);
    else body[key] = value;
  }
  if (Object.keys(options).length > 0) body['options'] = options;
  return {
    url: ollamaApiUrl(context.apiBase, 'chat'),
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders({ kind: 'bearer' }, context.apiKey) },
    body,
  };
}

/**
 * `tools` go in OpenAI's shape. Ollama has no `tool_choice`: `auto` is its behaviour and `none` sends no tools,
 * but it cannot force a call, so `required` or a named function is refused rather than silently ignored.
 */
function toolsOf(request: ChatCompletionRequest): unknown[] | undefined {
  const choice = request.tool_choice;
  if (choice === 'none') return undefined;
  if (choice === 'required' || (choice && typeof choice === 'object')) {
    throw new UnsupportedParamsError('Ollama cannot force a tool call: only tool_choice "auto" and "none" are supported', {
      param: 'tool_choice',
    });
  }
  const tools = request.tools ?? [];
  return tools.length > 0 ? tools.map((tool) => ({ type: 'function', function: tool.function })) : undefined;
}
