import type { IncomingHttpHeaders } from 'node:http';
import type { WireFormat } from './recorded-request.js';

/**
 * The credential each provider reads: OpenAI `authorization: Bearer …` (or Azure's `api-key`), Anthropic
 * `x-api-key` (or a Bearer token), Gemini `x-goog-api-key` (or the `key` query parameter).
 */
export function presentedApiKey(format: WireFormat, headers: IncomingHttpHeaders, query: Readonly<Record<string, string>>): string | undefined {
  if (format === 'gemini') return headerValue(headers['x-goog-api-key']) ?? query.key;
  if (format === 'anthropic') return headerValue(headers['x-api-key']) ?? bearer(headers.authorization);
  return bearer(headers.authorization) ?? headerValue(headers['api-key']);
}

/** The `x-request-id` / `request-id` header each provider sends with every reply. */
export function requestIdHeader(format: WireFormat, id: string): Record<string, string> {
  if (format === 'openai') return { 'x-request-id': `req_${id}` };
  if (format === 'anthropic') return { 'request-id': `req_01${id}` };
  return {};
}

function bearer(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined;
  return authorization.startsWith('Bearer ') ? authorization.slice(7) : authorization;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
