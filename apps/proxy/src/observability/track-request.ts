import type { ServerResponse } from 'node:http';
import type { ProxyMetrics } from './proxy-metrics.js';

/** Counts a request in flight now, and its outcome, latency and failure when its response closes. */
export function trackRequest(metrics: ProxyMetrics, route: string, response: ServerResponse): void {
  const started = process.hrtime.bigint();
  metrics.inFlight.inc();
  response.once('close', () => {
    metrics.inFlight.dec();
    const modelGroup = String(response.getHeader('x-litellm-model-group') ?? 'unknown');
    metrics.requests.inc({ route, model_group: modelGroup, status: String(response.statusCode) });
    metrics.latency.observe({ route, model_group: modelGroup }, Number(process.hrtime.bigint() - started) / 1e9);
    if (response.statusCode >= 400) metrics.failures.inc({ route, model_group: modelGroup, error_type: String(response.statusCode) });
  });
}
