// One loaded run: autocannon against a target for a fixed time, with per-request latencies, the CPU and RSS of
// every process the benchmark started, and the mock's request counter as a check that each request went through
// exactly once.
import autocannon from 'autocannon';
import { requestJson } from './http-request.mjs';
import { machineBusyPercent, readMachineCpu } from './process-sampler.mjs';
import { roundTo, summarizeTimings } from './statistics.mjs';

const sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const UPSTREAM_COUNTER = { chat: 'chat', stream: 'chatStream' };

function runAutocannon(config, onResponse) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(config, (error, result) => (error ? reject(error) : resolve(result)));
    if (onResponse) instance.on('response', onResponse);
  });
}

async function upstreamCount(upstreamUrl, workload) {
  try {
    return (await requestJson(`${upstreamUrl}/__stats`, { timeoutMs: 3000 }))[UPSTREAM_COUNTER[workload]];
  } catch {
    return null;
  }
}

/**
 * @param options.target `{ name, url, headers }` — `url` is the full chat completions URL.
 * @param options.processes the LaunchedProcesses whose CPU and RSS are recorded for the window.
 */
export async function loadRun({ target, workload, body, processes, upstreamUrl, durationSeconds, warmupSeconds, connections, timeoutSeconds }) {
  const config = {
    url: target.url,
    method: 'POST',
    headers: { ...target.headers, 'content-type': 'application/json' },
    body,
    connections,
    pipelining: 1,
    timeout: timeoutSeconds,
  };
  if (warmupSeconds > 0) {
    await runAutocannon({ ...config, duration: warmupSeconds });
    await sleep(300);
  }
  const latencies = [];
  const upstreamBefore = await upstreamCount(upstreamUrl, workload);
  for (const entry of processes.entries) entry.sampler.startWindow();
  const ownCpuBefore = process.cpuUsage();
  const machineBefore = readMachineCpu();
  const startedAt = process.hrtime.bigint();
  const sampleTimer = setInterval(() => {
    for (const entry of processes.entries) if (!entry.exited) entry.sampler.sample();
  }, 250);
  let result;
  try {
    result = await runAutocannon({ ...config, duration: durationSeconds }, (_client, statusCode, _bytes, responseTimeMs) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTimeMs);
    });
  } finally {
    clearInterval(sampleTimer);
  }
  const wallSeconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const machineBusy = machineBusyPercent(machineBefore, readMachineCpu());
  const processFigures = {};
  for (const entry of processes.entries) if (entry.sampler.window) processFigures[entry.name] = entry.sampler.endWindow();
  const loadGeneratorCpuPercent = ((ownCpu.user + ownCpu.system) / 1e6 / wallSeconds) * 100;
  const accounted = loadGeneratorCpuPercent + Object.values(processFigures).reduce((sum, figures) => sum + (figures.cpuPercent ?? 0), 0);
  // Requests cut off when autocannon stopped still reach the upstream a moment later.
  await sleep(500);
  const upstreamAfter = await upstreamCount(upstreamUrl, workload);
  const upstreamHits = upstreamBefore != null && upstreamAfter != null ? upstreamAfter - upstreamBefore : null;
  const timings = summarizeTimings(latencies);
  const sent = result.requests.sent;
  return {
    durationSeconds: roundTo(result.duration, 3),
    sent,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    requestsPerSecond: roundTo(result['2xx'] / result.duration, 1),
    latencyMs: { mean: roundTo(timings.mean, 3), p50: roundTo(timings.p50, 3), p90: roundTo(timings.p90, 3), p99: roundTo(timings.p99, 3), max: roundTo(timings.max, 3) },
    upstreamHitsPerSent: upstreamHits != null && sent ? roundTo(upstreamHits / sent, 3) : null,
    loadGeneratorCpuPercent: roundTo(loadGeneratorCpuPercent, 1),
    // CPU used by everything the benchmark did not start (other sessions, builds), in % of one core: a noise gauge.
    otherCpuPercent: machineBusy == null ? null : roundTo(machineBusy - accounted, 1),
    processes: processFigures,
  };
}
