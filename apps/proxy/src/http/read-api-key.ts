import type { IncomingHttpHeaders } from 'node:http';

/**
 * The caller's key from the headers OpenAI, Azure and Anthropic SDKs send: `Authorization: Bearer`,
 * `api-key`, `x-api-key`, or LiteLLM's `x-litellm-api-key`. Returns undefined when none is present.
 */
export function readApiKey(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (authorization) {
    const match = /^\s*bearer\s+(.+?)\s*$/i.exec(authorization);
    if (match) return match[1];
  }
  for (const name of ['x-litellm-api-key', 'api-key', 'x-api-key'] as const) {
    const value = headers[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}
