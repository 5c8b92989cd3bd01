import { BadRequestError, embeddingRequestSchema, responsesCreateRequestSchema, standardChatCompletionParams } from '@tollgate/core';

/**
 * Which top-level body fields the proxy accepts on each LLM route; any other field is a 400 naming it, so a client
 * can never slip a call option (`apiBase`, `headers`, `mock_response`, …) or an undocumented field to the upstream.
 * The lists are documented in the proxy README ("Request fields").
 */

/** Fields the gateway and its router read themselves; they are never sent upstream. */
export const GATEWAY_FIELDS: ReadonlySet<string> = new Set([
  'tags',
  'fallbacks',
  'disable_fallbacks',
  'num_retries',
  'drop_params',
  'mock_testing_fallbacks',
  'mock_testing_context_fallbacks',
  'mock_testing_content_policy_fallbacks',
]);

/** Fields read only by the gateway and dropped before routing (the router's own fields it reads itself). */
const DROPPED_BEFORE_ROUTING: readonly string[] = ['tags'];

/** Documented provider-specific chat params, passed through to the provider as they are. */
export const PROVIDER_SPECIFIC_CHAT_FIELDS: ReadonlySet<string> = new Set([
  'top_k', // Anthropic, Gemini, Cohere, vLLM, Ollama
  'min_p', // vLLM, Ollama
  'top_a', // OpenRouter
  'repetition_penalty', // vLLM, OpenRouter
  'thinking', // Anthropic, Z.ai, DeepSeek
  'enable_thinking', // Qwen
  'chat_template_kwargs', // vLLM
  'tool_stream', // Z.ai
  'safe_prompt', // Mistral
  'include_reasoning', // OpenRouter
  'reasoning', // OpenRouter
  'guided_json', // vLLM
  'guided_regex', // vLLM
  'guided_choice', // vLLM
  'guided_grammar', // vLLM
  'keep_alive', // Ollama
  'think', // Ollama
  'mock_tool_calls', // Tollgate's offline mock provider
  'mock_reasoning', // Tollgate's offline mock provider
]);

/** Documented provider-specific embedding params. */
export const PROVIDER_SPECIFIC_EMBEDDING_FIELDS: ReadonlySet<string> = new Set([
  'input_type', // Cohere
  'task_type', // Gemini
  'truncate', // Cohere, Ollama
]);

/** Client-side credentials: accepted only with `general_settings.allow_client_side_credentials`. */
export const CLIENT_CREDENTIAL_FIELDS: readonly string[] = ['api_base', 'api_key', 'base_url', 'api_version'];

const CHAT_FIELDS: ReadonlySet<string> = new Set([
  ...standardChatCompletionParams,
  ...GATEWAY_FIELDS,
  ...PROVIDER_SPECIFIC_CHAT_FIELDS,
]);
const EMBEDDING_FIELDS: ReadonlySet<string> = new Set([
  ...Object.keys(embeddingRequestSchema.shape),
  ...GATEWAY_FIELDS,
  ...PROVIDER_SPECIFIC_EMBEDDING_FIELDS,
]);
const RESPONSES_FIELDS: ReadonlySet<string> = new Set([...Object.keys(responsesCreateRequestSchema.shape), ...GATEWAY_FIELDS]);
const CREDENTIAL_FIELDS: ReadonlySet<string> = new Set(CLIENT_CREDENTIAL_FIELDS);

/** The LLM routes with an allow-list. */
export type LlmRoute = 'chat' | 'embeddings' | 'responses';

/**
 * Refuses a body with a field outside the route's allow-list (400 `invalid_request_error`, `param` = the field).
 * Credential fields pass only when the config allows client-side credentials. Bodies that are not objects are left
 * to the route's schema, which refuses them.
 */
export function checkBodyFields(body: unknown, options: { route: LlmRoute; allowClientSideCredentials: boolean }): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
  const allowed = options.route === 'chat' ? CHAT_FIELDS : options.route === 'responses' ? RESPONSES_FIELDS : EMBEDDING_FIELDS;
  for (const field of Object.keys(body)) {
    if (allowed.has(field)) continue;
    if (CREDENTIAL_FIELDS.has(field)) {
      if (options.allowClientSideCredentials) continue;
      throw new BadRequestError(`'${field}' may not be set in a request to this proxy`, { param: field, code: '400' });
    }
    throw new BadRequestError(`Unrecognized request argument supplied: ${field}`, { param: field, code: 'unknown_parameter' });
  }
}

/** The body without the fields only the gateway reads (the router's own fields stay: it reads them itself). */
export function withoutGatewayOnlyFields<Body extends object>(body: Body): Body {
  if (!DROPPED_BEFORE_ROUTING.some((field) => Object.hasOwn(body, field))) return body;
  const rest: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const field of DROPPED_BEFORE_ROUTING) delete rest[field];
  return rest as Body;
}
