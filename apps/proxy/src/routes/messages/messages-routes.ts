import express, { type ErrorRequestHandler, type Router } from 'express';
import { authenticateRequest, authOf } from '../../auth/authenticate-request.js';
import type { AuthDirectory } from '../../auth/auth-directory.js';
import type { Gateway } from '../../gateway/gateway.js';
import type { ProxyMetrics } from '../../observability/proxy-metrics.js';
import { trackRequest } from '../../observability/track-request.js';
import type { LlmHandler } from '../llm-call.js';
import { answerWithAnthropicError } from './answer-with-anthropic-error.js';
import { createCountTokensHandler } from './count-tokens-route.js';
import { createMessagesHandler } from './messages-route.js';

export interface MessagesRoutesOptions {
  gateway: Gateway;
  authDirectory: AuthDirectory;
  metrics: ProxyMetrics;
  maxRequestBytes: number;
  logUnexpected: (error: unknown) => void;
}

const MESSAGES_PATHS = ['/v1/messages', '/messages'];
const COUNT_TOKENS_PATHS = ['/v1/messages/count_tokens', '/messages/count_tokens'];

/**
 * Anthropic's API for Anthropic clients (the SDK, Claude Code): `POST /v1/messages` and `/v1/messages/count_tokens`
 * (with or without `/v1`, with any query such as `?beta=true`). The key comes from `x-api-key` or
 * `Authorization: Bearer`; `anthropic-version` and `anthropic-beta` are accepted and not needed. Every failure on
 * these paths — body, key, budget, limits, upstream — is answered in Anthropic's error shape.
 */
export function createMessagesRoutes(options: MessagesRoutesOptions): Router {
  const router = express.Router();
  const json = express.json({ limit: options.maxRequestBytes });
  const auth = authenticateRequest(options.authDirectory);
  router.post(COUNT_TOKENS_PATHS, json, auth, route(options.metrics, 'count_tokens', createCountTokensHandler(options)));
  router.post(MESSAGES_PATHS, json, auth, route(options.metrics, 'messages', createMessagesHandler(options)));
  const errors: ErrorRequestHandler = (error, _request, response, _next) => answerWithAnthropicError(response, error, options);
  router.use(errors);
  return router;
}

function route(metrics: ProxyMetrics, name: string, handler: LlmHandler): express.RequestHandler {
  return (request, response, next) => {
    trackRequest(metrics, name, response);
    handler({ request, response, body: request.body, auth: authOf(response) }).catch(next);
  };
}
