// Medians over rounds, and the paired comparisons: each proxy or floor run is compared with the direct and floor
// runs of the same round and workload (neighbours in time), then the median of those ratios is taken.
import { median, roundTo } from './statistics.mjs';

/** `{ [workload]: { [target]: figures } }` from the list of runs `{ round, workload, target, load, probe }`. */
export function summarizeRuns({ runs, workloads, targetOrder }) {
  const summary = {};
  for (const workload of workloads) {
    summary[workload] = {};
    for (const target of targetOrder) {
      const own = runs.filter((run) => run.workload === workload && run.target === target);
      if (own.length === 0) continue;
      const partner = (run, name) => runs.find((other) => other.workload === workload && other.round === run.round && other.target === name);
      const pairedRatio = (name, pick) => median(own.map((run) => ratio(pick(run), partner(run, name) && pick(partner(run, name)))));
      const pairedDelta = (name, pick) => median(own.map((run) => difference(pick(run), partner(run, name) && pick(partner(run, name)))));
      const rps = (run) => run.load.requestsPerSecond;
      const c1Total = (run) => run.probe?.totalMs.p50;
      const c1FirstByte = (run) => run.probe?.firstByteMs.p50;
      const processName = target === 'direct' ? null : target;
      summary[workload][target] = {
        rounds: own.length,
        requestsPerSecond: roundTo(median(own.map(rps)), 1),
        p50Ms: roundTo(median(own.map((run) => run.load.latencyMs.p50)), 3),
        p99Ms: roundTo(median(own.map((run) => run.load.latencyMs.p99)), 3),
        rpsToDirect: roundTo(pairedRatio('direct', rps), 3),
        rpsToFloor: roundTo(pairedRatio('floor', rps), 3),
        c1TotalP50Ms: roundTo(median(own.map(c1Total)), 3),
        c1FirstByteP50Ms: roundTo(median(own.map(c1FirstByte)), 3),
        c1AddedToDirectMs: roundTo(pairedDelta('direct', c1Total), 3),
        c1AddedToFloorMs: roundTo(pairedDelta('floor', c1Total), 3),
        c1FirstByteAddedToDirectMs: roundTo(pairedDelta('direct', c1FirstByte), 3),
        c1FirstByteAddedToFloorMs: roundTo(pairedDelta('floor', c1FirstByte), 3),
        failed: own.reduce((sum, run) => sum + run.load.non2xx + run.load.errors + run.load.timeouts + (run.probe?.errors ?? 0), 0),
        upstreamHitsPerSent: roundTo(median(own.map((run) => run.load.upstreamHitsPerSent)), 3),
        cpuPercent: processName ? roundTo(median(own.map((run) => run.load.processes[processName]?.cpuPercent)), 1) : null,
        peakRssMB: processName ? roundTo(Math.max(...own.map((run) => run.load.processes[processName]?.peakRssMB ?? 0)), 1) : null,
        workerCpuPercent: roundTo(median(own.map((run) => run.load.processes.worker?.cpuPercent)), 1),
        mockCpuPercent: roundTo(median(own.map((run) => run.load.processes.mock?.cpuPercent)), 1),
        loadGeneratorCpuPercent: roundTo(median(own.map((run) => run.load.loadGeneratorCpuPercent)), 1),
        otherCpuPercent: roundTo(median(own.map((run) => run.load.otherCpuPercent)), 1),
      };
    }
  }
  return summary;
}

function ratio(value, base) {
  return value != null && base ? value / base : null;
}

function difference(value, base) {
  return value != null && base != null ? value - base : null;
}
