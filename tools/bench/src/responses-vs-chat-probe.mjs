// What /v1/responses costs over /v1/chat/completions for the same answer: the mock upstream and the built proxy
// (embedded mode, in this process), a virtual key with a budget, then rounds of N sequential requests on one
// keep-alive connection to each route, non-streamed and streamed, interleaved. Prints median and p95 latency per
// route and the paired median difference. Loopback only.
//
//   pnpm exec tsc -b && node tools/bench/src/responses-vs-chat-probe.mjs [--requests 300] [--rounds 3]
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startMockUpstream } from '../../mock-upstream/dist/index.js';
import { parseProxyConfig } from '../../../apps/proxy/dist/config/load-proxy-config.js';
import { createLogger } from '../../../apps/proxy/dist/observability/create-logger.js';
import { startProxy } from '../../../apps/proxy/dist/server/start-proxy.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '300' }, rounds: { type: 'string', default: '3' } } });
const requests = Number(values.requests);
const rounds = Number(values.rounds);
const MASTER = 'sk-probe-master-0000';
const UPSTREAM = 'sk-probe-upstream-1111';

const upstream = await startMockUpstream({ requireApiKey: UPSTREAM, recordRequests: false, completionTokens: 32 });
const dir = await mkdtemp(join(tmpdir(), 'tollgate-responses-probe-'));
const { config } = parseProxyConfig(
  `model_list:\n  - model_name: gpt-4o-mini\n    litellm_params:\n      model: openai/gpt-4o-mini\n      api_base: ${upstream.url}/v1\n      api_key: ${UPSTREAM}\ngeneral_settings:\n  master_key: ${MASTER}\n`,
  {},
);
const proxy = await startProxy({ config, port: 0, host: '127.0.0.1', env: { TOLLGATE_DB: join(dir, 'tollgate.db') }, logger: createLogger({ level: 'warn' }) });
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function post(path, body, key) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const call = request(`${proxy.url}${path}`, { method: 'POST', agent, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } }, (response) => {
      const parts = [];
      response.on('data', (part) => parts.push(part));
      response.on('end', () => {
        if (response.statusCode !== 200) reject(new Error(`${path} → ${response.statusCode} ${Buffer.concat(parts)}`));
        else resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, body: Buffer.concat(parts).toString() });
      });
    });
    call.on('error', reject);
    call.end(JSON.stringify(body));
  });
}

const key = JSON.parse((await post('/key/generate', { models: ['gpt-4o-mini'], max_budget: 1000 }, MASTER)).body).key;
const workloads = {
  'chat': ['/v1/chat/completions', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }],
  'responses': ['/v1/responses', { model: 'gpt-4o-mini', input: 'hi', store: false }],
  'responses+store': ['/v1/responses', { model: 'gpt-4o-mini', input: 'hi' }],
  'chat stream': ['/v1/chat/completions', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true, stream_options: { include_usage: true } }],
  'responses stream': ['/v1/responses', { model: 'gpt-4o-mini', input: 'hi', stream: true, store: false }],
};
const samples = Object.fromEntries(Object.keys(workloads).map((name) => [name, []]));
const quantile = (list, q) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))];
try {
  for (const [path, body] of Object.values(workloads)) for (let index = 0; index < 50; index++) await post(path, body, key); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const [name, [path, body]] of Object.entries(workloads)) {
      for (let index = 0; index < requests; index++) samples[name].push((await post(path, body, key)).ms);
    }
  }
  const rows = Object.entries(samples).map(([name, list]) => ({ route: name, n: list.length, 'p50 ms': quantile(list, 0.5).toFixed(3), 'p95 ms': quantile(list, 0.95).toFixed(3) }));
  console.table(rows);
  const p50 = (name) => quantile(samples[name], 0.5);
  console.log(`responses − chat (p50): ${(p50('responses') - p50('chat')).toFixed(3)} ms; with store: ${(p50('responses+store') - p50('chat')).toFixed(3)} ms; streamed: ${(p50('responses stream') - p50('chat stream')).toFixed(3)} ms`);
} finally {
  await proxy.close();
  await upstream.close();
  await rm(dir, { recursive: true, force: true });
}
