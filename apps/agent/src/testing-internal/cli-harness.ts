import { PassThrough } from 'node:stream';
import { runCli } from '../cli/run-cli.js';

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in process with captured output, `stdin` fed from `input`, in `cwd`; optionally a Ctrl-C mid-run. */
export async function runCliForTest(
  argv: readonly string[],
  options: { cwd: string; input?: string; env?: NodeJS.ProcessEnv; interruptAfterMs?: number },
): Promise<CliRun> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (piece: Buffer) => (out += piece.toString('utf8')));
  stderr.on('data', (piece: Buffer) => (err += piece.toString('utf8')));
  stdin.end(options.input ?? '');
  const interrupts: (() => void)[] = [];
  // Ctrl-C, as the process would deliver it.
  const timer = options.interruptAfterMs === undefined ? undefined : setTimeout(() => interrupts.forEach((handler) => handler()), options.interruptAfterMs);
  const exitCode = await runCli(argv, {
    stdin,
    stdout,
    stderr,
    env: options.env ?? {},
    cwd: options.cwd,
    interactive: false,
    onInterrupt: (handler) => {
      interrupts.push(handler);
      return () => interrupts.splice(interrupts.indexOf(handler), 1);
    },
  });
  clearTimeout(timer);
  return { exitCode, stdout: out, stderr: err };
}
