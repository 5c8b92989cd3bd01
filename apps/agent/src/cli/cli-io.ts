import type { Readable, Writable } from 'node:stream';

/**
 * The CLI's connection to the outside world, injectable for tests: answers go to `stdout`, everything else
 * (tool calls, costs, spinner, prompts) to `stderr`, so `tollgate-agent "…" > answer.txt` keeps just the answer.
 */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: NodeJS.ProcessEnv;
  /** Directory the tools are confined to unless `--cwd` says otherwise. */
  readonly cwd: string;
  /** Whether stdin/stderr are terminals (spinner, colours, interactive prompts). */
  readonly interactive: boolean;
  /** Calls `handler` on Ctrl-C; returns the unsubscribe function. */
  onInterrupt(handler: () => void): () => void;
}

/** The real process. */
export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
  };
}
