import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { dirname } from 'node:path';
import type { Redis } from 'ioredis';
import { hashApiKey, usdToNanoUsd } from '@tollgate/ledger';
import { SpendOutbox } from '@tollgate/ledger/sqlite';
import { MemoryLimitBackend, type LimitBackend } from '@tollgate/limits';
import { pricingRouterCatalogue, Router } from '@tollgate/router';
import { RedisRouterStateStore } from '@tollgate/router/redis';
import { AuthDirectory, type InvalidationMessage } from '../auth/auth-directory.js';
import { RedisInvalidationBus } from '../auth/redis-invalidation-bus.js';
import { describeDatabase } from './describe-database.js';
import type { ProxyConfig } from '../config/proxy-config-schema.js';
import { Gateway } from '../gateway/gateway.js';
import { buildProxyModelCatalogue, pricingNamesByDeployment } from '../gateway/proxy-model-catalogue.js';
import { createBudgetSeeder } from '../gateway/seed-budget-counter.js';
import { createLogger, type Logger } from '../observability/create-logger.js';
import { ProxyMetrics } from '../observability/proxy-metrics.js';
import { registerAuthCacheMetrics } from '../observability/auth-cache-metrics.js';
import { EmbeddedSpendSink } from '../spend/embedded-spend-sink.js';
import type { SpendSink } from '../spend/spend-sink.js';
import { createChatCompletionsHandler } from '../routes/chat-completions-route.js';
import { createCompletionsHandler } from '../routes/completions/completions-route.js';
import { createEmbeddingsHandler } from '../routes/embeddings-route.js';
import { createResponsesHandler } from '../routes/responses/responses-create-route.js';
import { createApp } from './create-app.js';
import { createLlmFastPath } from './llm-fast-path.js';
import { connectDistributedBackends } from './connect-distributed-backends.js';
import { openLedgerWithin } from './open-ledger-within.js';
import { startupTimeoutMsOf } from './startup-error.js';
import { OutboxSpendSink } from '../spend/outbox-spend-sink.js';
import { spendOutboxPath } from '../spend/spend-outbox-path.js';
import { PROXY_VERSION } from './proxy-version.js';
import { startEmbeddedBudgetResets } from '../spend/embedded-budget-resets.js';

export { PROXY_VERSION };

/** Posts `soft_budget_crossed` (once per scope and window, as the limiter reports it) to the configured webhook. */
function softBudgetWebhook(url: string | undefined, logger: Logger) {
  if (url === undefined) return undefined;
  return (details: { scope: string; windowId: string }) => {
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event: 'soft_budget_crossed', ...details, at: new Date().toISOString() }),
      signal: AbortSignal.timeout(5_000),
    }).catch((error: unknown) => logger.warn({ err: error, scope: details.scope }, 'soft budget webhook failed'));
  };
}

export interface StartProxyOptions {
  config: ProxyConfig;
  port: number;
  host: string;
  env?: Record<string, string | undefined>;
  logger?: Logger;
}

export interface RunningProxy {
  /** `http://host:port` */
  url: string;
  server: Server;
  /** Where the ledger lives, for people: absolute SQLite file or PostgreSQL URL without password. */
  database: string;
  /** Graceful stop: refuse new connections, finish in-flight requests, make spend durable, close storage. */
  close(): Promise<void>;
}

/**
 * Starts the proxy in the mode the environment selects: embedded (SQLite, in-memory limits, spend committed in
 * process) by default; with `REDIS_URL`, live limits in Redis and spend through the BullMQ queue; with
 * `DATABASE_URL` (or `general_settings.database_url`), PostgreSQL storage.
 */
export async function startProxy(options: StartProxyOptions): Promise<RunningProxy> {
  const env = options.env ?? process.env;
  const { config } = options;
  const logger = options.logger ?? createLogger();
  // This proxy's own prices, checked before anything connects: a bad price in the config stops start-up.
  const prices = buildProxyModelCatalogue(config.model_list);
  const masterKey = env['TOLLGATE_MASTER_KEY'] ?? env['LITELLM_MASTER_KEY'] ?? config.general_settings.master_key;
  const databaseUrl = env['DATABASE_URL'] ?? config.general_settings.database_url ?? env['TOLLGATE_DB'] ?? '.tollgate/tollgate.db';
  if (!/^[a-z]+:\/\//.test(databaseUrl) && databaseUrl !== ':memory:') await mkdir(dirname(databaseUrl), { recursive: true });
  const timezone = config.litellm_settings.timezone ?? 'UTC';
  const schema = env['DATABASE_SCHEMA'];
  // How long start-up waits for PostgreSQL / Redis before it gives up with a one-line error (main exits non-zero).
  const startupTimeoutMs = startupTimeoutMsOf(env);
  const ledger = await openLedgerWithin({
    url: databaseUrl,
    timezone,
    ...(schema && /^postgres/.test(databaseUrl) ? { schema } : {}),
    timeoutMs: startupTimeoutMs,
  });

  const seed = createBudgetSeeder(ledger);
  const failOpen = config.general_settings.fail_open_on_limiter_error ?? false;
  const redisUrl = env['REDIS_URL'];
  let redis: Redis | undefined;
  let queueRedis: Redis | undefined;
  let subscriberRedis: Redis | undefined;
  let limiter: LimitBackend;
  let primarySink: SpendSink;
  if (redisUrl) {
    const backends = await connectDistributedBackends({
      url: redisUrl,
      seed,
      failOpen,
      keyPrefix: env['TOLLGATE_REDIS_PREFIX'] ?? 'limits',
      queueName: env['SPEND_QUEUE_NAME'],
      timeoutMs: startupTimeoutMs,
      logger,
    }).catch(async (error: unknown) => {
      await ledger.close();
      throw error;
    });
    ({ redis, queueRedis, subscriberRedis, limiter } = backends);
    primarySink = backends.queueSink;
  } else {
    limiter = new MemoryLimitBackend({ seed, failOpen });
    const embeddedSink = new EmbeddedSpendSink({ ledger, logger });
    await embeddedSink.start();
    primarySink = embeddedSink;
  }
  // Events the primary sink cannot take in time (Redis down, a failed commit) wait in a local file, never lost.
  const outboxSink = new OutboxSpendSink({
    primary: primarySink,
    outbox: SpendOutbox.open(spendOutboxPath({ databaseUrl, env })),
    logger,
    recordTimeoutMs: redisUrl ? 1_500 : 6_000,
  });
  outboxSink.start();
  const spendSink: SpendSink = outboxSink;
  // Replicas share cooldowns and deployment usage through Redis in distributed mode.
  const routerStateStore = redis
    ? new RedisRouterStateStore({ redis, keyPrefix: env['TOLLGATE_REDIS_PREFIX'] ?? 'limits', logger })
    : undefined;
  const router = new Router({
    modelList: config.model_list,
    routerSettings: {
      ...(config.litellm_settings.num_retries !== undefined ? { num_retries: config.litellm_settings.num_retries } : {}),
      ...(config.litellm_settings.request_timeout !== undefined ? { timeout: config.litellm_settings.request_timeout } : {}),
      ...config.router_settings,
    },
    ...(routerStateStore ? { stateStore: routerStateStore } : {}),
    catalogue: pricingRouterCatalogue(prices.catalogue),
  });
  const pricingNames = pricingNamesByDeployment({ router, modelList: config.model_list, pricingNames: prices.pricingNames });
  let bus: RedisInvalidationBus | undefined;
  let lastStaleWarningMs = 0;
  const authDirectory = new AuthDirectory({
    ledger,
    masterKeyHash: masterKey ? hashApiKey(masterKey) : undefined,
    broadcast: (message: InvalidationMessage) => bus?.publish(message),
    onStaleServed: (error) => {
      const nowMs = Date.now();
      if (nowMs - lastStaleWarningMs < 10_000) return;
      lastStaleWarningMs = nowMs;
      logger.warn({ err: error }, 'key store unavailable: serving cached keys past their TTL');
    },
  });
  if (queueRedis && subscriberRedis) {
    bus = await RedisInvalidationBus.connect({
      publisher: queueRedis,
      subscriber: subscriberRedis,
      channel: `tollgate:{${env['TOLLGATE_REDIS_PREFIX'] ?? 'limits'}}:auth-invalidate`,
      onMessage: (message) => authDirectory.applyInvalidation(message),
      onError: (error) => logger.warn({ err: error }, 'ignored a malformed cache invalidation message'),
    });
  }
  // Distributed mode resets budgets in the worker's scheduled job; embedded mode has no worker.
  const budgetResets = redisUrl
    ? undefined
    : startEmbeddedBudgetResets({ ledger, timezone, logger, onReset: () => authDirectory.invalidateAllKeys() });
  const metrics = new ProxyMetrics();
  registerAuthCacheMetrics(metrics.registry, () => authDirectory.cacheSizes());
  const globalMax = config.litellm_settings.max_budget;
  const gateway = new Gateway({
    router,
    limiter,
    spendSink,
    authDirectory,
    catalogue: prices.catalogue,
    pricingNames,
    globalBudget: globalMax === undefined ? undefined : { maxBudgetNano: usdToNanoUsd(globalMax), budgetDuration: config.litellm_settings.budget_duration ?? null },
    timezone,
    metrics,
    logger,
    budgetEnforcement: config.general_settings.budget_enforcement ?? 'exact',
    onSoftBudgetCrossed: softBudgetWebhook(config.general_settings.soft_budget_webhook_url, logger),
  });
  const llmOptions = { gateway, allowClientSideCredentials: config.general_settings.allow_client_side_credentials ?? false };
  const llm = {
    chat: createChatCompletionsHandler(llmOptions),
    embeddings: createEmbeddingsHandler(llmOptions),
    completions: createCompletionsHandler(llmOptions),
    responses: createResponsesHandler({ ...llmOptions, storedResponses: ledger.responses, nativeResponses: config.general_settings.native_responses ?? true }),
  };
  const maxRequestBytes = Math.round((config.general_settings.max_request_size_mb ?? 10) * 1024 * 1024);
  const app = createApp({
    gateway,
    authDirectory,
    llm,
    storedResponses: ledger.responses,
    management: { ledger, authDirectory, config, timezone, logger, modelGroups: () => router.getModelGroups(), servesModel: (name) => router.hasModelGroup(name) },
    spendTotalsUpToDate: () => spendSink.totalsUpToDate(),
    metrics,
    maxRequestBytes,
    checkStorage: async () => {
      await ledger.keys.list({ page: 1, pageSize: 1 });
    },
    version: PROXY_VERSION,
    readinessChecks: redis ? [{ name: 'redis', check: () => redis.ping() }] : [],
  });
  const fastPath = createLlmFastPath({
    authDirectory,
    metrics,
    maxRequestBytes,
    ...llm,
    errors: { logUnexpected: (error) => logger.error({ err: error }, 'unexpected error') },
  });
  const server = createServer((request, response) => {
    if (!fastPath(request, response)) app(request, response);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${options.host}:${address.port}`;
  logger.info({ url, storage: redisUrl ? 'distributed' : 'embedded', database: /^postgres/.test(databaseUrl) ? 'postgresql' : 'sqlite' }, 'tollgate proxy listening');
  let closing: Promise<void> | undefined;
  return {
    url,
    server,
    database: describeDatabase(databaseUrl, { schema: /^postgres/.test(databaseUrl) ? schema : undefined }),
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await budgetResets?.stop();
        await spendSink.close();
        await bus?.close();
        await router.close();
        await routerStateStore?.close();
        await ledger.close();
        await Promise.all([redis?.quit().catch(() => undefined), queueRedis?.quit().catch(() => undefined)]);
      })()),
  };
}
