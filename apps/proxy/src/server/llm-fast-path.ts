import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthDirectory } from '../auth/auth-directory.js';
import { answerWithError, type ErrorHandlerOptions } from '../http/error-handler.js';
import { isPlainJsonRequest, readJsonBody } from '../http/read-json-body.js';
import { readApiKey } from '../http/read-api-key.js';
import type { ProxyMetrics } from '../observability/proxy-metrics.js';
import { trackRequest } from '../observability/track-request.js';
import type { LlmHandler } from '../routes/llm-call.js';

export interface LlmFastPathOptions {
  authDirectory: AuthDirectory;
  metrics: ProxyMetrics;
  maxRequestBytes: number;
  chat: LlmHandler;
  embeddings: LlmHandler;
  responses: LlmHandler;
  errors: ErrorHandlerOptions;
}

const CHAT_PATHS = new Set(['/chat/completions', '/v1/chat/completions']);
const EMBEDDING_PATHS = new Set(['/embeddings', '/v1/embeddings']);
const RESPONSES_PATHS = new Set(['/responses', '/v1/responses']);
const AZURE_CHAT_PATH = /^\/openai\/deployments\/[^/]+\/chat\/completions$/;

/**
 * The LLM routes on plain `node:http`, ahead of Express: every call pays for them, and Express's per-request
 * routing, prototype switching and body parsing cost more than the rest of the proxy's own work. Serves the same
 * handlers, errors and metrics as the Express routes; returns false for anything else (other routes, or a body
 * Express must decode: compressed, another charset), which the caller hands to Express.
 */
export function createLlmFastPath(options: LlmFastPathOptions): (request: IncomingMessage, response: ServerResponse) => boolean {
  return (request, response) => {
    if (request.method !== 'POST' || !isPlainJsonRequest(request)) return false;
    const url = request.url ?? '';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    let route: 'chat' | 'embeddings' | 'responses';
    if (CHAT_PATHS.has(path) || AZURE_CHAT_PATH.test(path)) route = 'chat';
    else if (EMBEDDING_PATHS.has(path)) route = 'embeddings';
    else if (RESPONSES_PATHS.has(path)) route = 'responses';
    else return false;
    trackRequest(options.metrics, route, response);
    const handler = options[route];
    serve(request, response, handler).catch((error: unknown) => answerWithError(response, error, options.errors));
    return true;
  };

  async function serve(request: IncomingMessage, response: ServerResponse, handler: LlmHandler): Promise<void> {
    const body = await readJsonBody(request, options.maxRequestBytes);
    const auth = await options.authDirectory.authenticate(readApiKey(request.headers));
    await handler({ request, response, body, auth });
  }
}
