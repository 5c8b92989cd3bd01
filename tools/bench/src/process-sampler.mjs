// CPU and memory of a process tree, read from /proc (Linux only; elsewhere every figure is null).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { roundTo } from './statistics.mjs';

const CLOCK_TICKS_PER_SECOND = (() => {
  try {
    return Number(spawnSync('getconf', ['CLK_TCK']).stdout.toString().trim()) || 100;
  } catch {
    return 100;
  }
})();
const PAGE_BYTES = 4096;
const MEBIBYTE = 2 ** 20;

/** Parent pid, user+system CPU ticks and resident bytes of one process, or null when it is gone. */
export function readProcessStat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: split after its closing one.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { parentPid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]), rssBytes: Number(fields[21]) * PAGE_BYTES };
  } catch {
    return null;
  }
}

/** Kernel-recorded peak resident set (`VmHWM`) of one process in bytes, or null. */
export function readPeakRss(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The pid and all its descendants (a `pnpm` or `sh` wrapper would otherwise hide the real process). */
export function processTree(rootPid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProcessStat(entry);
    if (!stat) continue;
    if (!children.has(stat.parentPid)) children.set(stat.parentPid, []);
    children.get(stat.parentPid).push(Number(entry));
  }
  const tree = [rootPid];
  for (let index = 0; index < tree.length; index += 1) tree.push(...(children.get(tree[index]) ?? []));
  return tree;
}

/** Busy and total ticks of the whole machine (`/proc/stat` "cpu" line), to estimate load from other tenants. */
export function readMachineCpu() {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] ?? 0);
    const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
    return { busyTicks: total - idle, totalTicks: total };
  } catch {
    return null;
  }
}

/** Share of all cores busy between two `readMachineCpu` readings, in % of one core (200 = both cores of two). */
export function machineBusyPercent(before, after) {
  if (!before || !after || after.totalTicks <= before.totalTicks) return null;
  return ((after.busyTicks - before.busyTicks) / (after.totalTicks - before.totalTicks)) * 100 * os.cpus().length;
}

/**
 * Samples a process tree: CPU over a window (`startWindow` … `endWindow`) and peak RSS, both within the window and
 * over the process's whole life. Call `sample()` periodically (every 250 ms) during load for the RSS peak.
 */
export class ProcessSampler {
  constructor(options) {
    this.name = options.name;
    this.pid = options.pid;
    this.pids = [options.pid];
    this.treeReadAt = 0;
    this.lifetimePeakRssBytes = 0;
    this.window = null;
  }

  sample() {
    const now = Date.now();
    if (now - this.treeReadAt > 2000) {
      this.pids = processTree(this.pid);
      this.treeReadAt = now;
    }
    let rssBytes = 0;
    let cpuTicks = 0;
    for (const pid of this.pids) {
      const stat = readProcessStat(pid);
      if (!stat) continue;
      rssBytes += stat.rssBytes;
      cpuTicks += stat.cpuTicks;
    }
    this.lifetimePeakRssBytes = Math.max(this.lifetimePeakRssBytes, rssBytes, readPeakRss(this.pid) ?? 0);
    if (this.window) this.window.peakRssBytes = Math.max(this.window.peakRssBytes, rssBytes);
    return { rssBytes, cpuTicks };
  }

  startWindow() {
    const { rssBytes, cpuTicks } = this.sample();
    this.window = { startedAt: process.hrtime.bigint(), cpuTicks, peakRssBytes: rssBytes };
  }

  /** CPU in % of one core and peak RSS (MB) since `startWindow`. */
  endWindow() {
    const { cpuTicks } = this.sample();
    const seconds = Number(process.hrtime.bigint() - this.window.startedAt) / 1e9;
    const result = {
      cpuPercent: roundTo(((cpuTicks - this.window.cpuTicks) / CLOCK_TICKS_PER_SECOND / seconds) * 100, 1),
      peakRssMB: roundTo(this.window.peakRssBytes / MEBIBYTE, 1),
    };
    this.window = null;
    return result;
  }

  /** Highest RSS seen over the whole run (sampled tree, or the kernel's `VmHWM` of the main process), in MB. */
  lifetimePeakRssMB() {
    this.sample();
    return roundTo(this.lifetimePeakRssBytes / MEBIBYTE, 1);
  }
}
