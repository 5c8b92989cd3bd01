/**
 * Names of call settings that must never travel in a request body: Tollgate's own `CallOptions` (camelCase) and
 * LiteLLM's call options (snake_case), which LiteLLM reads out of its kwargs. Tollgate takes them only as the
 * `options` argument; found in a request they are neither honoured nor sent to the provider.
 */
const OPTION_FIELDS: ReadonlyMap<string, string> = new Map([
  ['apiKey', 'apiKey'],
  ['apiBase', 'apiBase'],
  ['apiVersion', 'apiVersion'],
  ['timeoutMs', 'timeoutMs'],
  ['signal', 'signal'],
  ['numRetries', 'numRetries'],
  ['retryBaseDelayMs', 'retryBaseDelayMs'],
  ['headers', 'headers'],
  ['dropParams', 'dropParams'],
  ['mockResponse', 'mockResponse'],
  ['dispatcher', 'dispatcher'],
  ['requestValidated', 'requestValidated'],
  ['api_key', 'apiKey'],
  ['api_base', 'apiBase'],
  ['base_url', 'apiBase'],
  ['api_version', 'apiVersion'],
  ['timeout', 'timeoutMs'],
  ['stream_timeout', 'timeoutMs'],
  ['num_retries', 'numRetries'],
  ['max_retries', 'numRetries'],
  ['extra_headers', 'headers'],
  ['drop_params', 'dropParams'],
  ['mock_response', 'mockResponse'],
  ['custom_llm_provider', ''],
]);

/**
 * The request without any call-option field, and one warning per field removed (naming the option to use). The
 * request is returned as is, without a copy, when it has none (the usual case). `localProvider`: the provider
 * answers offline and reads `mock_response` as its own param (the mock provider), so that one stays.
 */
export function withoutOptionFields<Request extends object>(
  request: Request,
  localProvider: boolean,
): { request: Request; warnings: string[] } {
  let found: string[] | undefined;
  for (const name of OPTION_FIELDS.keys()) {
    if (Object.hasOwn(request, name) && !(localProvider && name === 'mock_response')) (found ??= []).push(name);
  }
  if (found === undefined) return { request, warnings: [] };
  const rest: Record<string, unknown> = { ...(request as Record<string, unknown>) };
  for (const name of found) delete rest[name];
  const warnings = found.map((name) => `Removed '${name}' from the request: ${hintFor(name)}`);
  return { request: rest as Request, warnings };
}

function hintFor(name: string): string {
  const option = OPTION_FIELDS.get(name);
  if (!option) return 'name the provider in `model` (`provider/model`) instead.';
  return `call options are never read from a request; pass \`${option}\` in the options argument instead.`;
}
