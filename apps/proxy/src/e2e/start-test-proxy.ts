import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startMockUpstream } from '@tollgate/testing';
import { parseProxyConfig } from '../config/load-proxy-config.js';
import { createLogger } from '../observability/create-logger.js';
import { startProxy, type RunningProxy } from '../server/start-proxy.js';

export const MASTER_KEY = 'sk-e2e-master-key-0000';
export const UPSTREAM_KEY = 'sk-upstream-secret-1111';

export interface TestProxy {
  proxy: RunningProxy;
  upstream: Awaited<ReturnType<typeof startMockUpstream>>;
  /** Every log line the proxy wrote. */
  logs: string[];
  baseURL: string;
  stop(): Promise<void>;
}

export interface StartTestProxyOptions {
  extraConfig?: string;
  /** Extra `model_list` entries (each starting with `  - model_name:`). */
  extraModels?: string;
  /** Extra `general_settings` lines (indented two spaces). */
  generalSettings?: string;
  env?: Record<string, string | undefined>;
  /** Pass `/v1/responses` natively to all-OpenAI groups (off here: most tests assert the translated chat call). */
  nativeResponses?: boolean;
  /** Reuse an upstream (several proxies in front of one mock). */
  upstream?: Awaited<ReturnType<typeof startMockUpstream>>;
  /** Reuse a data directory (several proxies sharing one SQLite file). */
  dataDir?: string;
}

/** Starts the mock upstream and a proxy in front of it (embedded SQLite in a temp dir, or DATABASE_URL). */
export async function startTestProxy(options: StartTestProxyOptions = {}): Promise<TestProxy> {
  const upstream = options.upstream ?? (await startMockUpstream({ requireApiKey: UPSTREAM_KEY }));
  const dir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'tollgate-e2e-')));
  const text = `
model_list:
  - model_name: gpt-4o-mini
    litellm_params:
      model: openai/gpt-4o-mini
      api_base: ${upstream.url}/v1
      api_key: os.environ/E2E_UPSTREAM_KEY
  - model_name: text-embedding-3-small
    litellm_params:
      model: openai/text-embedding-3-small
      api_base: ${upstream.url}/v1
      api_key: os.environ/E2E_UPSTREAM_KEY
    model_info:
      mode: embedding
  - model_name: offline
    litellm_params:
      model: mock/gpt-4o
${options.extraModels ?? ''}
router_settings:
  num_retries: 0
general_settings:
  master_key: ${MASTER_KEY}
  native_responses: ${options.nativeResponses === true}
${options.generalSettings ?? ''}
${options.extraConfig ?? ''}`;
  const { config } = parseProxyConfig(text, { E2E_UPSTREAM_KEY: UPSTREAM_KEY });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(String(chunk));
      callback();
    },
  });
  const proxy = await startProxy({
    config,
    port: 0,
    host: '127.0.0.1',
    env: { TOLLGATE_DB: join(dir, 'tollgate.db'), ...options.env },
    logger: createLogger({ level: 'debug', destination }),
  });
  return {
    proxy,
    upstream,
    logs,
    baseURL: `${proxy.url}/v1`,
    stop: async () => {
      await proxy.close();
      if (options.upstream === undefined) await upstream.close();
      if (options.dataDir === undefined) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Calls a management route with the master key. */
export async function manage(proxy: TestProxy, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${proxy.proxy.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${path} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}
