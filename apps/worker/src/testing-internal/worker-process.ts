import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const WORKER_ROOT = join(__dirname, '..', '..');

/** A `tollgate-worker` child process running the TypeScript sources. */
export interface WorkerProcess {
  child: ChildProcess;
  /** Log lines (parsed JSON where possible) written to stdout so far. */
  logs: Array<Record<string, unknown>>;
  stderr: () => string;
  /** Resolves with the log line whose `msg` matches, waiting for it if needed. */
  waitForLog(msg: string, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the exit code (or the signal name) once the process ended. */
  exited: Promise<number | string>;
}

/** Starts `src/main.ts` in a child process with the given arguments and environment (added to this process's). */
export function spawnWorker(options: { argv?: string[]; env?: Record<string, string> }): WorkerProcess {
  const child = spawn(
    process.execPath,
    ['--conditions=@tollgate/source', '-r', require.resolve('@tollgate/testing/register-ts.cjs'), join(WORKER_ROOT, 'src', 'main.ts'), ...(options.argv ?? [])],
    { cwd: WORKER_ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const logs: Array<Record<string, unknown>> = [];
  const waiters: Array<{ msg: string; resolve: (line: Record<string, unknown>) => void }> = [];
  let buffered = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const text of lines) {
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        line = { msg: text };
      }
      logs.push(line);
      for (const waiter of waiters.filter((candidate) => candidate.msg === line.msg)) waiter.resolve(line);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return {
    child,
    logs,
    stderr: () => stderr,
    exited,
    waitForLog(msg, timeoutMs = 20_000) {
      const seen = logs.find((line) => line.msg === msg);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${msg}" log within ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        waiters.push({ msg, resolve: (line) => (clearTimeout(timer), resolve(line)) });
        void exited.then((code) => reject(new Error(`worker exited (${code}) before logging "${msg}"; stderr: ${stderr}`)));
      });
    },
  };
}
