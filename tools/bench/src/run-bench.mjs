#!/usr/bin/env node
// `pnpm bench`: loads the mock upstream directly, through a bare node:http hop (the floor) and through the Tollgate
// proxy, in A B C A B C rounds within one invocation, and prints throughput, latency, per-request added latency at
// one connection and the proxy's CPU and memory, as ratios to direct and to the floor. See ../README.md.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_USAGE, parseBenchArgs } from './bench-options.mjs';
import { chatRequestBodies, checkChatResponse } from './chat-requests.mjs';
import { requestJson, timedRequest } from './http-request.mjs';
import { loadRun } from './load-run.mjs';
import { probeRun } from './probe-run.mjs';
import { renderMarkdownTable, renderTextTable, TABLE_LEGEND } from './render-tables.mjs';
import { startBenchStack } from './start-bench-stack.mjs';
import { renderCpuProfileSummary, summarizeCpuProfile } from './summarize-cpu-profile.mjs';
import { summarizeRuns } from './summarize-runs.mjs';

const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const log = (line) => console.log(line);

let stopStack = async () => undefined;
let exiting = false;
/** Stops what this run started, then exits: on error, signal or watchdog alike. */
async function exitAfterCleanup(code, message) {
  if (exiting) return;
  exiting = true;
  if (message) console.error(message);
  await stopStack().catch((error) => console.error(`cleanup failed: ${error.message}`));
  process.exit(code);
}
process.on('SIGINT', () => exitAfterCleanup(130, '\ninterrupted: stopping what the benchmark started'));
process.on('SIGTERM', () => exitAfterCleanup(143, 'terminated: stopping what the benchmark started'));
process.on('unhandledRejection', (error) => exitAfterCleanup(1, `fatal: ${error?.stack ?? error}`));

async function smokeTest({ targets, order, workloads, bodies, timeoutSeconds }) {
  for (const name of order) {
    for (const workload of workloads) {
      const target = targets[name];
      const response = await timedRequest(target.url, {
        method: 'POST',
        headers: { ...target.headers, 'content-type': 'application/json' },
        body: bodies[workload],
        timeoutMs: timeoutSeconds * 1000,
      });
      const problem = checkChatResponse(workload, response);
      if (problem) throw new Error(`smoke test ${name}/${workload} failed: ${problem}`);
    }
  }
}

async function measureRounds({ options, stack, bodies }) {
  const runs = [];
  const total = options.rounds * options.workloads.length * options.targetOrder.length;
  let step = 0;
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const workload of options.workloads) {
      for (const name of options.targetOrder) {
        step += 1;
        process.stdout.write(`[${step}/${total}] round ${round} ${workload.padEnd(6)} ${name.padEnd(6)} `);
        const target = stack.targets[name];
        const load = await loadRun({
          target,
          workload,
          body: bodies[workload],
          processes: stack.processes,
          upstreamUrl: stack.upstreamUrl,
          durationSeconds: options.duration,
          warmupSeconds: options.warmup,
          connections: options.connections,
          timeoutSeconds: options.timeout,
        });
        const probe = await probeRun({ target, body: bodies[workload], count: options.probe, maxSeconds: options['probe-max-s'], timeoutSeconds: options.timeout });
        if (exiting) return runs; // stopped by a signal or the watchdog while this run was in flight
        runs.push({ round, workload, target: name, load, probe });
        const failures = load.non2xx + load.errors + load.timeouts;
        const ownCpu = load.processes[name]?.cpuPercent;
        log(
          `${String(Math.round(load.requestsPerSecond)).padStart(6)} req/s  p50 ${load.latencyMs.p50?.toFixed(2)} ms  p99 ${load.latencyMs.p99?.toFixed(2)} ms` +
            (probe ? `  c1 ${probe.totalMs.p50?.toFixed(3)} ms ttfb ${probe.firstByteMs.p50?.toFixed(3)} ms` : '') +
            (ownCpu != null ? `  cpu ${Math.round(ownCpu)}%` : '') +
            `  other ${Math.round(load.otherCpuPercent ?? 0)}%` +
            (failures || probe?.errors ? `  FAILED ${failures}+${probe?.errors ?? 0} (${probe?.firstError ?? 'see load'})` : ''),
        );
        const crashed = stack.processes.firstExited();
        if (crashed) throw new Error(`${crashed.name} exited during the run (${JSON.stringify(crashed.exited)}); see ${crashed.logPath}`);
        await sleep(300);
      }
    }
  }
  return runs;
}

/** Distributed mode: how far the worker is behind when the load stops, and how long it takes to catch up (≤ 60 s). */
async function drainSpendQueue(stack) {
  const pending = () => stack.backends.pendingSpendJobs().catch(() => null);
  const spendBacklogAtEnd = await pending();
  const started = Date.now();
  let spendBacklogAfterDrain = spendBacklogAtEnd;
  const workerRunning = stack.processes.entries.some((entry) => entry.name === 'worker' && !entry.exited);
  while (workerRunning && spendBacklogAfterDrain > 0 && Date.now() - started < 60_000) {
    await sleep(250);
    spendBacklogAfterDrain = await pending();
  }
  return { spendBacklogAtEnd, spendBacklogAfterDrain, drainSeconds: Math.round((Date.now() - started) / 100) / 10 };
}

/** Spend booked on the virtual key (`/key/info`): proof that the load went through accounting, not around it. */
async function bookedSpend(stack) {
  try {
    const info = await requestJson(`${stack.proxyUrl}/key/info?key=${encodeURIComponent(stack.virtualKey)}`, { headers: { authorization: `Bearer ${stack.masterKey}` } });
    return info?.info?.spend ?? null;
  } catch (error) {
    return `unavailable: ${error.message.slice(0, 120)}`;
  }
}

function summarizeProfiles(profileDir) {
  if (!profileDir || !fs.existsSync(profileDir)) return [];
  return fs
    .readdirSync(profileDir)
    .filter((file) => file.endsWith('.cpuprofile'))
    .map((file) => {
      const fullPath = path.join(profileDir, file);
      const text = renderCpuProfileSummary(summarizeCpuProfile(JSON.parse(fs.readFileSync(fullPath, 'utf8'))), { top: 25 });
      fs.writeFileSync(`${fullPath}.txt`, `${text}\n`);
      return { file: fullPath, text };
    });
}

async function main() {
  const options = parseBenchArgs(process.argv.slice(2));
  if (options.help) return log(BENCH_USAGE);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const outPath = options.out ? path.resolve(options.out) : path.join(BENCH_DIR, 'results', `${stamp}-${options.mode}.json`);
  const logDir = outPath.replace(/\.json$/, '') + '-logs';
  fs.mkdirSync(logDir, { recursive: true });

  const perRunSeconds = options.warmup + options.duration + (options.probe ? options['probe-max-s'] : 0) + 3;
  const maxTotalSeconds = options['max-total-s'] || Math.ceil(options.rounds * options.workloads.length * options.targetOrder.length * perRunSeconds + 240);
  setTimeout(() => exitAfterCleanup(3, `\nwatchdog: wall-clock cap of ${maxTotalSeconds} s reached; stopping`), maxTotalSeconds * 1000).unref();

  const stack = await startBenchStack({ options, logDir, log, registerStop: (stop) => (stopStack = stop) });
  const cpu = os.cpus();
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model,
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    command: `pnpm bench ${process.argv.slice(2).join(' ')}`.trim(),
    options: { ...options, out: path.relative(BENCH_DIR, outPath) },
    stack: stack.details,
  };
  log(`node ${meta.node}, ${meta.cpus} CPUs (${meta.cpuModel}); proxy mode ${options.mode}; key via ${stack.details.keySource}`);
  log(`${options.connections} connections x ${options.duration} s (+${options.warmup} s warm-up), ${options.rounds} rounds of ${options.targetOrder.join(' ')}, workloads ${options.workloads.join(', ')}; logs in ${path.relative(process.cwd(), logDir)}`);

  const bodies = chatRequestBodies({ promptChars: options['prompt-chars'] });
  await smokeTest({ targets: stack.targets, order: options.targetOrder, workloads: options.workloads, bodies, timeoutSeconds: options.timeout });
  const runs = await measureRounds({ options, stack, bodies });

  const peaks = Object.fromEntries(stack.processes.entries.map((entry) => [entry.name, entry.sampler.lifetimePeakRssMB()]));
  if (stack.backends) Object.assign(meta, await drainSpendQueue(stack));
  meta.keySpendUsd = await bookedSpend(stack);
  await stack.stop();
  stopStack = async () => undefined;

  const summary = summarizeRuns({ runs, workloads: options.workloads, targetOrder: options.targetOrder });
  const table = renderTextTable(summary, { mode: options.mode });
  const peakLine = `peak RSS over the whole run (MB): ${Object.entries(peaks).map(([name, megabytes]) => `${name} ${megabytes}`).join(', ')}`;
  log(`\n${table}\n\n${TABLE_LEGEND}\n${peakLine}`);
  log(`spend booked on the virtual key: ${typeof meta.keySpendUsd === 'number' ? `$${meta.keySpendUsd.toFixed(6)}` : meta.keySpendUsd}`);
  if (meta.spendBacklogAtEnd != null) {
    log(`spend queue: ${meta.spendBacklogAtEnd} jobs pending when the load ended, ${meta.spendBacklogAfterDrain} after ${meta.drainSeconds} s of draining (worker: ${stack.details.worker})`);
  }

  const profiles = summarizeProfiles(stack.details.cpuProfileDir);
  for (const profile of profiles) log(`\nCPU profile of the proxy (${path.relative(process.cwd(), profile.file)}):\n${profile.text}`);

  fs.writeFileSync(outPath, JSON.stringify({ meta, summary, peakRssMB: peaks, runs }, null, 2));
  const notes = [peakLine, `spend booked on the virtual key: ${meta.keySpendUsd}`];
  if (meta.spendBacklogAtEnd != null) notes.push(`spend queue: ${meta.spendBacklogAtEnd} pending at the end of the load, ${meta.spendBacklogAfterDrain} after ${meta.drainSeconds} s (worker: ${stack.details.worker})`);
  const markdown = [
    `${meta.date}, node ${meta.node}, ${meta.cpus} × ${meta.cpuModel}; \`${meta.command}\`; mode ${options.mode}; key via ${stack.details.keySource}`,
    '',
    renderMarkdownTable(summary, { mode: options.mode }),
    '',
    ...notes.map((note) => `- ${note}`),
    '',
  ].join('\n');
  fs.writeFileSync(outPath.replace(/\.json$/, '.md'), markdown);
  log(`\nresults: ${path.relative(process.cwd(), outPath)} (and .md)`);
}

main().then(
  () => process.exit(0),
  (error) => exitAfterCleanup(1, `error: ${process.env.BENCH_DEBUG ? error?.stack : (error?.message ?? error)}`),
);
