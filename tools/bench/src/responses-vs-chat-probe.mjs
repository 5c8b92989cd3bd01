// What /v1/responses costs over /v1/chat/completions for the same answer: the bench stack (mock upstream and the
// built proxy in embedded mode, separate processes, a virtual key), then rounds of N sequential requests on one
// keep-alive connection to each route, non-streamed and streamed (each round runs every workload in turn). Prints
// median and p95 latency per route and the median differences. Loopback only.
//
//   pnpm exec tsc -b && node tools/bench/src/responses-vs-chat-probe.mjs [--requests 300] [--rounds 3]
import fs from 'node:fs';
import { Agent, request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_OPTIONS } from './bench-options.mjs';
import { startBenchStack } from './start-bench-stack.mjs';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '300' }, rounds: { type: 'string', default: '3' } } });
const requests = Number(values.requests);
const rounds = Number(values.rounds);
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tollgate-responses-probe-'));
let stopStack = async () => {};
const stack = await startBenchStack({
  options: { ...DEFAULT_OPTIONS, 'log-level': 'warn' },
  logDir,
  log: (line) => console.log(line),
  registerStop: (stop) => {
    stopStack = stop;
  },
});
const proxy = { url: stack.proxyUrl };
const key = stack.virtualKey;
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
  agent.destroy();
  await stopStack();
  fs.rmSync(logDir, { recursive: true, force: true });
}
