// Processes the benchmark starts, and only those: each gets its own process group, and exactly those groups are
// signalled on stop (never a name-based kill).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { isPortOpen, timedRequest } from './http-request.mjs';
import { ProcessSampler } from './process-sampler.mjs';

const sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

export class LaunchedProcesses {
  constructor() {
    /** @type {Array<{ name: string, pid: number, logPath: string, exited: null | { code: number | null, signal: string | null }, sampler: ProcessSampler }>} */
    this.entries = [];
  }

  /**
   * Starts `command args` in its own process group with stdout and stderr appended to `logPath`. `env` is added to
   * this process's environment; a variable set to `undefined` is removed (so a stray `REDIS_URL` cannot switch the
   * proxy's mode).
   */
  start({ name, command, args = [], cwd, env = {}, logPath }) {
    const childEnv = { ...process.env, ...env };
    for (const [variable, value] of Object.entries(childEnv)) if (value === undefined) delete childEnv[variable];
    const logFd = fs.openSync(logPath, 'a');
    const child = spawn(command, args, { cwd, env: childEnv, stdio: ['ignore', logFd, logFd], detached: true });
    fs.closeSync(logFd);
    const entry = { name, pid: child.pid, logPath, exited: null, sampler: new ProcessSampler({ name, pid: child.pid }), exitedPromise: null };
    entry.exitedPromise = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        entry.exited = { code, signal };
        resolve();
      });
    });
    child.on('error', (error) => {
      entry.exited = { code: null, signal: null, error: error.message };
    });
    this.entries.push(entry);
    return entry;
  }

  /** Resolves once `url` answers any HTTP status; throws if the process died first or the time ran out. */
  async waitReady(entry, url, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    const target = new URL(url);
    while (Date.now() < deadline) {
      if (entry.exited) throw new Error(`${entry.name} exited early (${JSON.stringify(entry.exited)}); see ${entry.logPath}`);
      if (await isPortOpen(target.hostname, Number(target.port))) {
        try {
          await timedRequest(url, { timeoutMs: 2000 });
          return;
        } catch {
          // listening but not answering yet
        }
      }
      await sleep(150);
    }
    throw new Error(`${entry.name} not ready at ${url} after ${timeoutMs} ms; see ${entry.logPath}`);
  }

  /** The first started process that has exited, if any (a crash mid-run invalidates the figures). */
  firstExited() {
    return this.entries.find((entry) => entry.exited);
  }

  /** SIGTERM to one process group, SIGKILL after `graceMs`; resolves when it has exited. */
  async stop(entry, graceMs = 5000) {
    if (entry.exited) return;
    signalGroup(entry.pid, 'SIGTERM');
    const timer = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([entry.exitedPromise, timer]);
    if (!entry.exited) {
      signalGroup(entry.pid, 'SIGKILL');
      await Promise.race([entry.exitedPromise, sleep(1000)]);
    }
  }

  /** Stops everything still running, last started first. */
  async stopAll(graceMs = 5000) {
    for (const entry of [...this.entries].reverse()) await this.stop(entry, graceMs);
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
