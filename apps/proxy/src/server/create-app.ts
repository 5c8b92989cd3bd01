import express, { type Express } from 'express';
import { authenticateRequest, authOf } from '../auth/authenticate-request.js';
import type { AuthDirectory } from '../auth/auth-directory.js';
import type { Gateway } from '../gateway/gateway.js';
import { createErrorHandler } from '../http/error-handler.js';
import { createManagementRoutes } from '../management/index.js';
import type { ProxyMetrics } from '../observability/proxy-metrics.js';
import type { LlmHandler } from '../routes/llm-call.js';
import { trackRequest } from '../observability/track-request.js';
import { createHealthRoutes } from '../routes/health-routes.js';
import { createHealthProbeHandler } from '../routes/health-probe-route.js';
import { createModelsRoutes } from '../routes/models-routes.js';
import { createMessagesRoutes } from '../routes/messages/messages-routes.js';
import { createStoredResponseRoutes } from '../routes/responses/stored-response-routes.js';
import type { StoredResponseStore } from '@tollgate/ledger';
import { createReadinessDetailsHandler, type ReadinessCheck } from '../routes/readiness-details-route.js';
import { listRoutes } from './list-routes.js';
import type { ManagementContext } from './proxy-context.js';

export interface CreateAppOptions {
  gateway: Gateway;
  authDirectory: AuthDirectory;
  management: ManagementContext;
  metrics: ProxyMetrics;
  maxRequestBytes: number;
  /** The LLM route handlers, shared with the fast path. */
  llm: { chat: LlmHandler; embeddings: LlmHandler; responses: LlmHandler; completions?: LlmHandler };
  /** Responses kept with `store: true`, read back by `/v1/responses/{id}`. */
  storedResponses: StoredResponseStore;
  checkStorage: () => Promise<void>;
  /** What `/health/readiness/details` checks besides storage (Redis in distributed mode). */
  readinessChecks?: readonly ReadinessCheck[];
  /** Resolves once the calls booked so far show in the stored totals (see SpendSink.totalsUpToDate). */
  spendTotalsUpToDate: () => Promise<void>;
  version: string;
}

/** The Express app: public probes and metrics, then authenticated OpenAI and management routes. */
export function createApp(options: CreateAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(createHealthRoutes({ checkStorage: options.checkStorage, version: options.version }));
  app.get('/metrics', async (_request, response) => {
    response.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });
  // Anthropic's API, ahead of the OpenAI-shaped body parsing and auth: its failures answer in Anthropic's shape.
  const logUnexpected = (error: unknown) => options.management.logger.error({ err: error }, 'unexpected error');
  app.use(createMessagesRoutes({ ...options, logUnexpected }));
  app.use(express.json({ limit: options.maxRequestBytes }));
  app.use(authenticateRequest(options.authDirectory));

  // The same handlers as the fast path (server/llm-fast-path.ts), for the requests it leaves to Express.
  app.post(['/chat/completions', '/v1/chat/completions', '/openai/deployments/:deployment/chat/completions'], expressRoute(options.metrics, 'chat', options.llm.chat));
  app.post(['/embeddings', '/v1/embeddings'], expressRoute(options.metrics, 'embeddings', options.llm.embeddings));
  if (options.llm.completions) {
    app.post(['/completions', '/v1/completions', '/openai/deployments/:deployment/completions'], expressRoute(options.metrics, 'completions', options.llm.completions));
  }
  app.post(['/responses', '/v1/responses'], expressRoute(options.metrics, 'responses', options.llm.responses));
  app.use(createStoredResponseRoutes({ storedResponses: options.storedResponses }));
  app.get('/health', createHealthProbeHandler(options.gateway.options.router));
  app.get('/health/readiness/details', createReadinessDetailsHandler({
    checks: [{ name: 'database', check: options.checkStorage }, ...(options.readinessChecks ?? [])],
    version: options.version,
    startedAtMs: Date.now(),
  }));
  app.use(createModelsRoutes(options.gateway.options.router));
  // LiteLLM's route listing (any authenticated caller: it names paths, nothing about keys or upstreams).
  app.get('/routes', (_request, response) => {
    response.json({ routes: listRoutes(app) });
  });
  // Management reads see every call answered before them.
  app.use((_request, _response, next) => {
    options.spendTotalsUpToDate().then(() => next(), next);
  });
  app.use(createManagementRoutes(options.management));
  app.use((_request, response) => {
    response.status(404).json({ error: { message: 'Route not found', type: 'not_found_error', param: null, code: '404' } });
  });
  app.use(createErrorHandler({ logUnexpected: (error) => options.management.logger.error({ err: error }, 'unexpected error') }));
  return app;
}

function expressRoute(metrics: ProxyMetrics, route: string, handler: LlmHandler): express.RequestHandler {
  return (request, response, next) => {
    trackRequest(metrics, route, response);
    handler({ request, response, body: request.body, auth: authOf(response) }).catch(next);
  };
}
