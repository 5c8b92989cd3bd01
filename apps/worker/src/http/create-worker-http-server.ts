import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { Logger } from '../observability/create-logger.js';
import type { ReadinessReport } from './check-readiness.js';

/** Options of {@link createWorkerHttpServer}. */
export interface WorkerHttpServerOptions {
  registry: Registry;
  readiness: () => Promise<ReadinessReport>;
  logger: Logger;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/**
 * The worker's own small HTTP surface (no framework needed for three routes): `GET /health/liveliness` (also
 * `/health/liveness`, LiteLLM's paths and body), `GET /health/readiness` (200 when the database and Redis answer,
 * 503 otherwise or while shutting down) and `GET /metrics` (Prometheus text).
 */
export function createWorkerHttpServer(options: WorkerHttpServerOptions): Server {
  return createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, { error: 'method not allowed' });
      return;
    }
    if (path === '/health/liveliness' || path === '/health/liveness') {
      sendJson(response, 200, "I'm alive!");
      return;
    }
    if (path === '/health/readiness') {
      options.readiness().then(
        (report) =>
          sendJson(response, report.ready ? 200 : 503, {
            status: report.ready ? 'healthy' : 'unhealthy',
            db: report.db,
            redis: report.redis,
            worker: report.worker,
          }),
        (error: unknown) => {
          options.logger.error({ err: error }, 'readiness check failed');
          sendJson(response, 503, { status: 'unhealthy' });
        },
      );
      return;
    }
    if (path === '/metrics') {
      options.registry.metrics().then(
        (text) => {
          response.writeHead(200, { 'content-type': options.registry.contentType });
          response.end(text);
        },
        (error: unknown) => {
          options.logger.error({ err: error }, 'metrics collection failed');
          sendJson(response, 500, { error: 'metrics collection failed' });
        },
      );
      return;
    }
    sendJson(response, 404, { error: 'not found' });
  });
}
