import { tool, type Tool } from '@tollgate/agent';
import { spawn } from 'node:child_process';
import { z } from 'zod';
import type { Confirm } from './confirm.js';
import { truncateText } from './truncate-text.js';
import type { Workspace } from './workspace.js';

const MAX_OUTPUT_CHARACTERS = 12_000;

/** Options of {@link runCommandTool}. */
export interface RunCommandToolOptions {
  readonly workspace: Workspace;
  readonly confirm: Confirm;
  /** The command is killed after this long. */
  readonly timeoutMs: number;
}

/**
 * `run_command`: runs a shell command in the working directory after the user approves it, with a time limit and
 * output (stdout and stderr together) cut to the head and tail. The shell itself is not confined — approval is
 * the safeguard, which is why it is asked for every command unless `--yes`.
 */
export function runCommandTool(options: RunCommandToolOptions): Tool {
  return tool({
    name: 'run_command',
    description: `Run a shell command in the working directory and return its exit code and output. The user must approve each command. Time limit: ${Math.round(options.timeoutMs / 1000)} s.`,
    parameters: z.object({ command: z.string().min(1).describe('The shell command line') }),
    // The command has its own limit (it is killed, and its output kept); the tool's limit is a little longer.
    timeoutMs: options.timeoutMs + 5_000,
    execute: async ({ command }, context) => {
      if (!(await options.confirm(`Run \`${command}\`?`))) {
        throw new Error('The user declined to run this command. Do not retry it; ask the user what to do instead.');
      }
      const result = await runShell(command, { cwd: options.workspace.root, timeoutMs: options.timeoutMs, signal: context.signal });
      const status = result.timedOut ? `killed after ${options.timeoutMs} ms (time limit)` : `exit code ${String(result.exitCode ?? result.signal)}`;
      return `${status}\n${truncateText(result.output, MAX_OUTPUT_CHARACTERS) || '(no output)'}`;
    },
  });
}

interface ShellResult {
  exitCode: number | null;
  signal: string | null;
  output: string;
  timedOut: boolean;
}

function runShell(command: string, options: { cwd: string; timeoutMs: number; signal: AbortSignal }): Promise<ShellResult> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout or Ctrl-C ends the command and everything it started.
    const child = spawn(command, { cwd: options.cwd, shell: true, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pieces: Buffer[] = [];
    let timedOut = false;
    const kill = () => {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeoutMs);
    options.signal.addEventListener('abort', kill, { once: true });
    child.stdout.on('data', (piece: Buffer) => pieces.push(piece));
    child.stderr.on('data', (piece: Buffer) => pieces.push(piece));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', kill);
      resolve({ exitCode, signal, output: Buffer.concat(pieces).toString('utf8'), timedOut });
    });
  });
}
