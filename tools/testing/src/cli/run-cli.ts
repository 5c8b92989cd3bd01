import { startMockUpstream, type MockUpstream } from '../start-mock-upstream.js';
import { parseCliArgs, USAGE } from './parse-cli-args.js';

/** What the CLI touches of its process, so a test can drive it in-process. */
export interface CliProcess {
  argv: readonly string[];
  environment: NodeJS.ProcessEnv;
  log: (line: string) => void;
  error: (line: string) => void;
  /** Registers a one-time handler for SIGTERM / SIGINT. */
  onSignal: (signal: 'SIGTERM' | 'SIGINT', handler: () => void) => void;
  exit: (code: number) => void;
}

/**
 * Parses arguments, starts the mock, prints `mock-upstream listening on URL`, and closes it on SIGTERM or SIGINT
 * before exiting 0. Bad arguments print the usage and exit 2. Returns the running server (or `undefined`).
 */
export async function runCli(cli: CliProcess): Promise<MockUpstream | undefined> {
  let command;
  try {
    command = parseCliArgs(cli.argv, cli.environment);
  } catch (error) {
    cli.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    cli.exit(2);
    return undefined;
  }
  if (command.help) {
    cli.log(USAGE);
    return undefined;
  }
  const upstream = await startMockUpstream(command.options);
  cli.log(`mock-upstream listening on ${upstream.url}`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    upstream.close().then(
      () => cli.exit(0),
      () => cli.exit(1),
    );
  };
  cli.onSignal('SIGTERM', stop);
  cli.onSignal('SIGINT', stop);
  return upstream;
}
