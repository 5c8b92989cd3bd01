import { createLogger, type Logger } from '../observability/create-logger.js';
import { startWorker, type RunningWorker } from '../app/start-worker.js';
import { parseWorkerConfig, WORKER_USAGE, WorkerConfigError } from './parse-worker-config.js';

/** Exit codes of `tollgate-worker`. */
export const WorkerExitCode = {
  /** Stopped on SIGTERM/SIGINT after finishing its work, or `--help`. */
  Ok: 0,
  /** Start-up failed (database or port unavailable), or shutdown did not finish in time, or a second signal. */
  Failure: 1,
  /** A setting is missing or malformed. */
  BadConfig: 2,
} as const;

/** Options of {@link runWorkerCli}. */
export interface RunWorkerCliOptions {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  /** Longest a graceful shutdown may take before the process exits anyway; default 30 000 ms. */
  shutdownTimeoutMs?: number;
}

/**
 * The `tollgate-worker` program: reads settings (a bad one → a message naming it, exit 2), starts the worker, and on
 * SIGTERM or SIGINT stops taking jobs, lets the batch in flight commit, closes its connections and exits 0. A second
 * signal, or a shutdown past its deadline (a hung database), exits 1 at once: unacknowledged jobs are redelivered
 * to another worker, and idempotent booking keeps them from counting twice.
 */
export async function runWorkerCli(options: RunWorkerCliOptions): Promise<void> {
  if (options.argv.includes('--help') || options.argv.includes('-h')) {
    process.stdout.write(`${WORKER_USAGE}\n`);
    return;
  }
  let config;
  try {
    config = parseWorkerConfig({ argv: options.argv, env: options.env });
  } catch (error) {
    if (!(error instanceof WorkerConfigError)) throw error;
    process.stderr.write(`tollgate-worker: ${error.message}\n`);
    process.exitCode = WorkerExitCode.BadConfig;
    return;
  }
  const logger = createLogger({ level: config.logLevel });
  let worker: RunningWorker;
  try {
    worker = await startWorker({ config, logger });
  } catch (error) {
    // One line an operator can read (no stack, no credentials); the log keeps the detail at debug level.
    logger.debug({ err: error }, 'tollgate worker could not start');
    process.stderr.write(`tollgate-worker cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(WorkerExitCode.Failure);
  }
  installSignalHandlers({ worker, logger, shutdownTimeoutMs: options.shutdownTimeoutMs ?? 30_000 });
}

function installSignalHandlers(context: { worker: RunningWorker; logger: Logger; shutdownTimeoutMs: number }): void {
  const { worker, logger } = context;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(WorkerExitCode.Failure);
    }
    stopping = true;
    logger.info({ signal, ...worker.spend.batcher.state }, 'shutting down: finishing the batch in flight');
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs: context.shutdownTimeoutMs }, 'shutdown did not finish in time; exiting');
      process.exit(WorkerExitCode.Failure);
    }, context.shutdownTimeoutMs);
    deadline.unref();
    worker.close().then(
      () => {
        logger.info('tollgate worker stopped');
        process.exit(WorkerExitCode.Ok);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(WorkerExitCode.Failure);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
