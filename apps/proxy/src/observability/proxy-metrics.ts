import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus series of the proxy (names follow LiteLLM's where one exists, with a `tollgate_` prefix). */
export class ProxyMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'tollgate_proxy_requests_total',
    help: 'LLM requests received, by route, model group and status code',
    labelNames: ['route', 'model_group', 'status'] as const,
    registers: [this.registry],
  });
  readonly failures = new Counter({
    name: 'tollgate_proxy_failed_requests_total',
    help: 'LLM requests that ended in an error, by error type',
    labelNames: ['route', 'model_group', 'error_type'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'tollgate_request_total_latency_seconds',
    help: 'Whole request latency as seen by the proxy',
    labelNames: ['route', 'model_group'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  readonly overhead = new Histogram({
    name: 'tollgate_overhead_latency_seconds',
    help: 'Time the proxy itself added (auth, admission, settlement)',
    labelNames: ['route'] as const,
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1],
    registers: [this.registry],
  });
  readonly timeToFirstToken = new Histogram({
    name: 'tollgate_time_to_first_token_seconds',
    help: 'Time from request to the first streamed chunk',
    labelNames: ['model_group'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers: [this.registry],
  });
  readonly tokens = new Counter({
    name: 'tollgate_tokens_total',
    help: 'Tokens used, by model group and direction',
    labelNames: ['model_group', 'direction'] as const,
    registers: [this.registry],
  });
  readonly spend = new Counter({
    name: 'tollgate_spend_usd_total',
    help: 'Spend booked, in USD',
    labelNames: ['model_group'] as const,
    registers: [this.registry],
  });
  readonly unpriced = new Counter({
    name: 'tollgate_unpriced_requests_total',
    help: 'Successful requests whose model has no price (cost unknown, booked as null)',
    labelNames: ['model_group'] as const,
    registers: [this.registry],
  });
  readonly inFlight = new Gauge({
    name: 'tollgate_in_flight_requests',
    help: 'LLM requests being served now',
    registers: [this.registry],
  });
}
