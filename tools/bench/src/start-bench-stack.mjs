// Starts what one benchmark run loads: the mock upstream, the floor hop and the proxy (with, in distributed mode,
// a private PostgreSQL database, a Redis namespace and the worker), issues the virtual key, and describes the
// three targets. Everything is on 127.0.0.1, and `stop()` undoes exactly what was started.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDistributedBackends } from './distributed-backends.mjs';
import { freePort, isPortOpen } from './http-request.mjs';
import { LaunchedProcesses } from './launched-processes.mjs';
import { issueVirtualKey } from './virtual-key.mjs';

const SOURCE_DIR = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(SOURCE_DIR, '../../..');
const PROXY_ENTRY = path.join(REPO_ROOT, 'apps/proxy/dist/main.js');
const WORKER_ENTRY = path.join(REPO_ROOT, 'apps/worker/dist/main.js');
const MOCK_ENTRY = path.join(path.dirname(createRequire(import.meta.url).resolve('@tollgate/mock-upstream/package.json')), 'dist/cli.js');
const FLOOR_ENTRY = path.join(SOURCE_DIR, 'floor-proxy.mjs');
/** The key the mock requires: direct and floor send it themselves, the proxy must swap the virtual key for it. */
const UPSTREAM_KEY = 'sk-bench-upstream-key';

function proxyConfigYaml({ upstreamUrl, masterKey }) {
  return `# written by tools/bench for one run
model_list:
  - model_name: gpt-4o-mini
    litellm_params:
      model: openai/gpt-4o-mini
      api_base: ${upstreamUrl}/v1
      api_key: ${UPSTREAM_KEY}
general_settings:
  master_key: ${masterKey}
`;
}

/**
 * @returns `{ processes, targets, upstreamUrl, proxyUrl, masterKey, virtualKey, backends, details, stop }`;
 * `targets` maps direct / floor / proxy to `{ name, url, headers }`. `registerStop(stop)` is called before the
 * first process starts.
 */
export async function startBenchStack({ options, logDir, log, registerStop }) {
  for (const [what, file] of [['proxy', PROXY_ENTRY], ['mock upstream', MOCK_ENTRY]]) {
    if (!fs.existsSync(file)) throw new Error(`${what} is not built (${path.relative(REPO_ROOT, file)} missing): run pnpm exec tsc -b`);
  }
  const processes = new LaunchedProcesses();
  const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tollgate-bench-'));
  let backends = null;
  const details = { mode: options.mode, worker: null, keySource: null, cpuProfileDir: null };
  let stopping;
  const stop = () => (stopping ??= stopEverything());
  const stopEverything = async () => {
    await processes.stopAll();
    if (backends) await backends.dispose().catch((error) => log(`warning: could not remove the run's PostgreSQL database / Redis keys: ${error.message}`));
    fs.rmSync(scratchDir, { recursive: true, force: true });
  };
  // Known to the caller before anything starts, so that a watchdog or Ctrl-C during start-up cleans up too.
  registerStop(stop);
  try {
    const [mockPort, floorPort, proxyPort] = await distinctFreePorts(3);
    const upstreamUrl = `http://127.0.0.1:${mockPort}`;
    const mock = processes.start({
      name: 'mock',
      command: process.execPath,
      args: [MOCK_ENTRY, '--port', String(mockPort), '--host', '127.0.0.1', '--delay-ms', '0', '--chunk-delay-ms', '0', '--tokens', String(options.tokens), '--require-api-key', UPSTREAM_KEY],
      logPath: path.join(logDir, 'mock.log'),
    });
    await processes.waitReady(mock, `${upstreamUrl}/health`, 10_000);

    const floor = processes.start({
      name: 'floor',
      command: process.execPath,
      args: [FLOOR_ENTRY, '--port', String(floorPort), '--upstream', upstreamUrl],
      logPath: path.join(logDir, 'floor.log'),
    });
    await processes.waitReady(floor, `http://127.0.0.1:${floorPort}/health`, 10_000);

    const masterKey = `sk-bench-master-${randomBytes(8).toString('hex')}`;
    const configPath = path.join(scratchDir, 'config.yaml');
    fs.writeFileSync(configPath, proxyConfigYaml({ upstreamUrl, masterKey }));
    let proxyEnv = { NODE_ENV: 'production', LOG_LEVEL: options['log-level'], TOLLGATE_MASTER_KEY: undefined, LITELLM_MASTER_KEY: undefined };
    let ledgerUrl;
    if (options.mode === 'embedded') {
      ledgerUrl = path.join(scratchDir, 'tollgate.db');
      proxyEnv = { ...proxyEnv, TOLLGATE_DB: ledgerUrl, REDIS_URL: undefined, DATABASE_URL: undefined };
    } else {
      backends = await createDistributedBackends({
        databaseUrl: options['database-url'] || process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
        redisUrl: options['redis-url'] || process.env.REDIS_URL || 'redis://127.0.0.1:6379',
      });
      ledgerUrl = backends.env.DATABASE_URL;
      proxyEnv = { ...proxyEnv, ...backends.env, TOLLGATE_DB: undefined };
      details.database = backends.databaseName;
      details.redisNamespace = backends.namespace;
    }
    const nodeFlags = options['proxy-node-flags'] ? options['proxy-node-flags'].split(/\s+/).filter(Boolean) : [];
    if (options['cpu-prof']) {
      details.cpuProfileDir = path.join(logDir, 'cpu-profiles');
      nodeFlags.push('--cpu-prof', `--cpu-prof-dir=${details.cpuProfileDir}`);
    }
    const proxy = processes.start({
      name: 'proxy',
      command: process.execPath,
      args: [...nodeFlags, PROXY_ENTRY, '--config', configPath, '--port', String(proxyPort), '--host', '127.0.0.1'],
      cwd: scratchDir,
      env: proxyEnv,
      logPath: path.join(logDir, 'proxy.log'),
    });
    const proxyUrl = `http://127.0.0.1:${proxyPort}`;
    await processes.waitReady(proxy, `${proxyUrl}/health/liveliness`, 60_000);

    if (backends) await startWorkerIfWanted({ options, processes, env: proxyEnv, cwd: scratchDir, logDir, details, log });

    const issued = await issueVirtualKey({ proxyUrl, masterKey, ledgerUrl });
    details.keySource = issued.source;
    const upstreamHeaders = { authorization: `Bearer ${UPSTREAM_KEY}` };
    const targets = {
      direct: { name: 'direct', url: `${upstreamUrl}/v1/chat/completions`, headers: upstreamHeaders },
      floor: { name: 'floor', url: `http://127.0.0.1:${floorPort}/v1/chat/completions`, headers: upstreamHeaders },
      proxy: { name: 'proxy', url: `${proxyUrl}/v1/chat/completions`, headers: { authorization: `Bearer ${issued.key}` } },
    };
    return { processes, targets, upstreamUrl, proxyUrl, masterKey, virtualKey: issued.key, backends, details, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startWorkerIfWanted({ options, processes, env, cwd, logDir, details, log }) {
  const built = fs.existsSync(WORKER_ENTRY);
  if (options.worker === 'off' || (options.worker === 'auto' && !built)) {
    details.worker = built ? 'off (--worker off)' : 'not built (apps/worker/dist/main.js missing): spend jobs accumulate in the queue and are deleted at the end';
    log(`worker: ${details.worker}`);
    return;
  }
  if (!built) throw new Error('--worker on, but apps/worker/dist/main.js is missing: build the worker first');
  const workerPort = await freePort();
  const worker = processes.start({
    name: 'worker',
    command: process.execPath,
    args: [WORKER_ENTRY],
    cwd,
    env: { ...env, WORKER_PORT: String(workerPort), WORKER_HOST: '127.0.0.1' },
    logPath: path.join(logDir, 'worker.log'),
  });
  await processes.waitReady(worker, `http://127.0.0.1:${workerPort}/health/liveliness`, 30_000);
  details.worker = `started (pid ${worker.pid})`;
}

async function distinctFreePorts(count) {
  const ports = new Set();
  while (ports.size < count) {
    const port = await freePort();
    if (!(await isPortOpen('127.0.0.1', port))) ports.add(port);
  }
  return [...ports];
}
