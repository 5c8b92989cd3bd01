import type { ProxyConfig } from '../config/proxy-config-schema.js';
import { PROXY_VERSION, type RunningProxy } from '../server/start-proxy.js';
import { describeMasterKey } from './describe-master-key.js';
import { formatStartBanner } from './format-start-banner.js';

/** Writes the start-up banner to stderr (stdout carries the JSON log lines). */
export async function printStartBanner(options: {
  proxy: RunningProxy;
  configPath: string;
  config: ProxyConfig;
  env?: Record<string, string | undefined>;
}): Promise<void> {
  const masterKey = await describeMasterKey({
    env: options.env ?? process.env,
    configPath: options.configPath,
    configuredKey: options.config.general_settings.master_key,
  });
  const { url, database } = options.proxy;
  process.stderr.write(formatStartBanner({ version: PROXY_VERSION, url, database, masterKey, startupMs: process.uptime() * 1000 }));
}
