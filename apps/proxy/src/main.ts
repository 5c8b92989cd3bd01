#!/usr/bin/env node
import { applyHeapPolicy } from './cli/heap-policy.js';
import { printStartBanner } from './cli/print-start-banner.js';
import { parseProxyArgs } from './cli/parse-proxy-args.js';
import { ConfigError, loadProxyConfig } from './config/load-proxy-config.js';
import { createLogger } from './observability/create-logger.js';
import { startProxy } from './server/start-proxy.js';
import { StartupError } from './server/startup-error.js';

async function main(): Promise<void> {
  const logger = createLogger();
  let args;
  try {
    applyHeapPolicy(process.env, process.execArgv);
    args = parseProxyArgs(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  let loaded;
  try {
    loaded = await loadProxyConfig(args.configPath);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  for (const missing of loaded.unresolved) {
    logger.warn({ path: missing.path, variable: missing.variable }, 'config references an unset environment variable');
  }
  let proxy;
  try {
    proxy = await startProxy({ config: loaded.config, port: args.port, host: args.host, logger });
  } catch (error) {
    if (error instanceof StartupError || error instanceof ConfigError) {
      process.stderr.write(`tollgate proxy cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    proxy.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await printStartBanner({ proxy, configPath: args.configPath, config: loaded.config });
}

void main();
