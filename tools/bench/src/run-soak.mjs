#!/usr/bin/env node
// `pnpm --filter @tollgate/bench soak`: the proxy under steady load for a fixed number of requests (or a time cap),
// with its resident memory sampled all along, to show whether memory stays flat (issue 9: "RSS flat over the soak").
// Prints the samples, the RSS slope in MB per 100,000 requests after the warm-up, and writes a results JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { DEFAULT_OPTIONS } from './bench-options.mjs';
import { chatRequestBodies } from './chat-requests.mjs';
import { requestJson } from './http-request.mjs';
import { roundTo } from './statistics.mjs';
import { startBenchStack } from './start-bench-stack.mjs';

const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `usage: node tools/bench/src/run-soak.mjs [--requests N] [--max-minutes M] [--connections C] [--workload chat|stream]
  [--mode embedded|distributed] [--sample-s S] [--warmup-share F] [--proxy-node-flags "F ..."]
  defaults: 1,000,000 requests, 30 minutes at most, 50 connections, chat, embedded, a sample every 5 s,
  slope fitted after the first 10 % of the requests`;

function parseSoakArgs(argv) {
  const options = { requests: 1_000_000, 'max-minutes': 30, connections: 50, workload: 'chat', mode: 'embedded', 'sample-s': 5, 'warmup-share': 0.1, 'proxy-node-flags': '' };
  for (let index = 0; index < argv.length; index += 1) {
    const name = argv[index].replace(/^--/, '');
    if (name === 'help' || name === 'h') return { help: true };
    if (!(name in options)) throw new Error(`unknown option ${argv[index]}\n${USAGE}`);
    const value = argv[(index += 1)];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    options[name] = typeof options[name] === 'number' ? Number(value) : value;
    if (name === 'proxy-node-flags') continue;
    if (typeof options[name] === 'number' && !(options[name] > 0)) throw new Error(`--${name} must be a positive number`);
  }
  if (!['chat', 'stream'].includes(options.workload)) throw new Error('--workload must be chat or stream');
  if (!['embedded', 'distributed'].includes(options.mode)) throw new Error('--mode must be embedded or distributed');
  return options;
}

/** Least-squares slope of y over x, or null with fewer than two distinct x. */
export function slopeOf(points) {
  if (points.length < 2) return null;
  const meanX = points.reduce((sum, point) => sum + point.x, 0) / points.length;
  const meanY = points.reduce((sum, point) => sum + point.y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const point of points) {
    covariance += (point.x - meanX) * (point.y - meanY);
    variance += (point.x - meanX) ** 2;
  }
  return variance === 0 ? null : covariance / variance;
}

let stop = async () => undefined;
/** Stops what the soak started, then exits: on error, signal or watchdog alike. */
async function cleanUp(code, message) {
  if (message) console.error(message);
  await stop().catch(() => undefined);
  process.exit(code);
}

async function main() {
  const options = parseSoakArgs(process.argv.slice(2));
  if (options.help) return console.log(USAGE);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const outPath = path.join(BENCH_DIR, 'results', `${stamp}-soak-${options.mode}.json`);
  const logDir = outPath.replace(/\.json$/, '') + '-logs';
  fs.mkdirSync(logDir, { recursive: true });

  process.on('SIGINT', () => cleanUp(130, 'interrupted'));
  process.on('SIGTERM', () => cleanUp(143, 'terminated'));
  setTimeout(() => cleanUp(3, 'watchdog: soak exceeded its time cap by 3 minutes'), (options['max-minutes'] * 60 + 180) * 1000).unref();

  const stackOptions = {
    ...DEFAULT_OPTIONS,
    mode: options.mode,
    targetOrder: ['proxy'],
    workloads: [options.workload],
    'log-level': 'info',
    'proxy-node-flags': options['proxy-node-flags'],
  };
  const stack = await startBenchStack({ options: stackOptions, logDir, log: console.log, registerStop: (stopStack) => (stop = stopStack) });
  const proxy = stack.processes.entries.find((entry) => entry.name === 'proxy');
  const target = stack.targets.proxy;
  const body = chatRequestBodies({ promptChars: DEFAULT_OPTIONS['prompt-chars'] })[options.workload];
  console.log(`soak: ${options.requests} ${options.workload} requests over ${options.connections} connections, ${options['max-minutes']} min at most; proxy pid ${proxy.pid}`);

  let completed = 0;
  let failed = 0;
  const started = Date.now();
  const samples = [];
  const takeSample = () => {
    const { rssBytes } = proxy.sampler.sample();
    const sample = { seconds: roundTo((Date.now() - started) / 1000, 1), requests: completed, rssMB: roundTo(rssBytes / 2 ** 20, 1) };
    samples.push(sample);
    console.log(`${String(sample.seconds).padStart(7)} s  ${String(sample.requests).padStart(9)} requests  RSS ${sample.rssMB} MB`);
  };
  takeSample();
  const sampler = setInterval(takeSample, options['sample-s'] * 1000);
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        headers: { ...target.headers, 'content-type': 'application/json' },
        body,
        connections: options.connections,
        duration: options['max-minutes'] * 60,
        timeout: 30,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode) => {
      if (statusCode >= 200 && statusCode < 300) completed += 1;
      else failed += 1;
      if (completed >= options.requests) instance.stop();
    });
  });
  clearInterval(sampler);
  takeSample();
  const elapsedSeconds = (Date.now() - started) / 1000;
  const info = await requestJson(`${stack.proxyUrl}/key/info?key=${encodeURIComponent(stack.virtualKey)}`, { headers: { authorization: `Bearer ${stack.masterKey}` } }).catch(() => null);
  await stack.stop();

  const afterWarmup = samples.filter((sample) => sample.requests >= options.requests * options['warmup-share'] || sample === samples.at(-1));
  const slope = slopeOf(afterWarmup.map((sample) => ({ x: sample.requests, y: sample.rssMB })));
  const half = Math.floor(afterWarmup.length / 2);
  const mean = (list) => (list.length ? list.reduce((sum, sample) => sum + sample.rssMB, 0) / list.length : null);
  const summary = {
    requests: completed,
    failed: failed + result.errors + result.timeouts,
    elapsedSeconds: roundTo(elapsedSeconds, 1),
    requestsPerSecond: roundTo(completed / elapsedSeconds, 1),
    rssStartMB: samples[0]?.rssMB,
    rssPeakMB: Math.max(...samples.map((sample) => sample.rssMB)),
    rssEndMB: samples.at(-1)?.rssMB,
    rssMeanFirstHalfMB: roundTo(mean(afterWarmup.slice(0, half)), 1),
    rssMeanSecondHalfMB: roundTo(mean(afterWarmup.slice(half)), 1),
    rssSlopeMBPer100kRequests: slope === null ? null : roundTo(slope * 100_000, 3),
    keySpendUsd: info?.info?.spend ?? null,
  };
  const meta = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, command: `node tools/bench/src/run-soak.mjs ${process.argv.slice(2).join(' ')}`.trim(), options };
  fs.writeFileSync(outPath, JSON.stringify({ meta, summary, samples }, null, 2));
  console.log(`\n${JSON.stringify(summary, null, 2)}\nresults: ${path.relative(process.cwd(), outPath)}`);
}

main().then(
  () => process.exit(0),
  (error) => cleanUp(1, `error: ${error?.stack ?? error}`),
);
