import { providerSpecificParamsOf, type ChatCompletionRequest } from '@tollgate/core';
import type { AdapterCallContext } from '../../adapter/adapter-call-context.js';
import { authHeaders } from '../../adapter/auth-scheme.js';
import type { HttpRequestSpec } from '../../adapter/http-request-spec.js';
import { joinUrl } from '../../adapter/join-url.js';
import { geminiThinkingConfig } from './gemini-thinking.js';
import { toGeminiConversation } from './to-gemini-contents.js';
import { isEmptyObjectSchema, toGeminiSchema } from './to-gemini-schema.js';

/** Provider-specific params with a home inside the body (LiteLLM's snake_case names accepted). */
const TRANSLATED_PARAMS: Readonly<Record<string, (body: Record<string, unknown>, config: Record<string, unknown>, value: unknown) => void>> = {
  thinking: () => undefined, // read by geminiThinkingConfig
  top_k: (_body, config, value) => (config['topK'] = value),
  safety_settings: (body, _config, value) => (body['safetySettings'] = value),
  cached_content: (body, _config, value) => (body['cachedContent'] = value),
};

/** The model path segment: `gemini-2.5-flash` or an already-prefixed `models/gemini-2.5-flash`. */
export function geminiModelPath(model: string): string {
  return model.startsWith('models/') || model.startsWith('tunedModels/') ? model : `models/${model}`;
}

/**
 * The versioned API root: the default base already ends in `/v1beta`; a bare host (as some set
 * `GEMINI_API_BASE`) gets `/v1beta` appended.
 */
export function geminiApiRoot(apiBase: string): string {
  const base = apiBase.replace(/\/+$/, '');
  return /\/v\d+(?:alpha|beta)?\d*$/.test(base) ? base : joinUrl(base, 'v1beta');
}

/**
 * An OpenAI chat request → `models/{model}:generateContent`, or `:streamGenerateContent?alt=sse` for streams
 * (without `alt=sse` Gemini streams one JSON array). Key in the `x-goog-api-key` header.
 * https://ai.google.dev/api/generate-content
 */
export function toGeminiRequest(request: ChatCompletionRequest, context: AdapterCallContext): HttpRequestSpec {
  const conversation = toGeminiConversation(request.messages);
  const body: Record<string, unknown> = { contents: conversation.contents };
  if (conversation.systemInstruction) body['systemInstruction'] = conversation.systemInstruction;

  const generationConfig = toGenerationConfig(request, context.model);
  Object.assign(body, toolFields(request));
  for (const [key, value] of Object.entries(providerSpecificParamsOf(request))) {
    if (value === undefined) continue;
    const translate = TRANSLATED_PARAMS[key];
    if (translate) translate(body, generationConfig, value);
    else body[key] = value;
  }
  if (Object.keys(generationConfig).length > 0) body['generationConfig'] = generationConfig;

  const method = context.stream ? 'streamGenerateContent?alt=sse' : 'generateContent';
  return {
    url: joinUrl(geminiApiRoot(context.apiBase), `${geminiModelPath(context.model)}:${method}`),
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders({ kind: 'header', name: 'x-goog-api-key' }, context.apiKey) },
    body,
  };
}

/** Sampling, length, stop, JSON output and thinking settings (https://ai.google.dev/api/generate-content#generationconfig). */
function toGenerationConfig(request: ChatCompletionRequest, model: string): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  if (request.temperature != null) config['temperature'] = request.temperature;
  if (request.top_p != null) config['topP'] = request.top_p;
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxTokens != null) config['maxOutputTokens'] = maxTokens;
  if (request.stop != null) config['stopSequences'] = typeof request.stop === 'string' ? [request.stop] : request.stop;
  if (request.n != null) config['candidateCount'] = request.n;
  if (request.presence_penalty != null) config['presencePenalty'] = request.presence_penalty;
  if (request.frequency_penalty != null) config['frequencyPenalty'] = request.frequency_penalty;
  if (request.seed != null) config['seed'] = request.seed;
  const format = request.response_format;
  if (format && format.type !== 'text') {
    config['responseMimeType'] = 'application/json';
    if (format.type === 'json_schema' && format.json_schema.schema) {
      config['responseSchema'] = toGeminiSchema(format.json_schema.schema);
    }
  }
  const thinkingConfig = geminiThinkingConfig(request, model);
  if (thinkingConfig) config['thinkingConfig'] = thinkingConfig;
  return config;
}

/**
 * `tools` → one `functionDeclarations` tool (parameters cleaned to Gemini's schema subset, omitted when empty);
 * `tool_choice` → `toolConfig.functionCallingConfig`: auto → AUTO, required → ANY, none → NONE, a named function
 * → ANY restricted to it.
 */
function toolFields(request: ChatCompletionRequest): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const tools = request.tools ?? [];
  if (tools.length > 0) {
    const functionDeclarations = tools.map((tool) => {
      const declaration: Record<string, unknown> = { name: tool.function.name };
      if (tool.function.description != null) declaration['description'] = tool.function.description;
      const parameters = tool.function.parameters;
      if (parameters && !isEmptyObjectSchema(parameters)) declaration['parameters'] = toGeminiSchema(parameters);
      return declaration;
    });
    fields['tools'] = [{ functionDeclarations }];
  }
  const choice = request.tool_choice;
  if (choice && tools.length > 0) {
    const functionCallingConfig =
      typeof choice === 'string'
        ? { mode: choice === 'required' ? 'ANY' : choice.toUpperCase() }
        : { mode: 'ANY', allowedFunctionNames: [choice.function.name] };
    fields['toolConfig'] = { functionCallingConfig };
  }
  return fields;
}
