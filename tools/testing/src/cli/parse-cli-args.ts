import { parseBehaviour } from '../behaviour/parse-behaviour.js';
import type { MockUpstreamOptions } from '../mock-upstream-options.js';

/** Usage text printed by `--help` and after a bad argument. */
export const USAGE = `usage: tollgate-mock-upstream [PORT] [--port N] [--host H] [--delay-ms N] [--chunk-delay-ms N] [--tokens N]
                              [--require-api-key KEY] [--behaviour JSON] [--record]
environment: PORT, HOST, UPSTREAM_DELAY_MS, UPSTREAM_CHUNK_DELAY_MS, MOCK_COMPLETION_TOKENS (flags win)`;

/** The CLI's decision: run with options, or print help. */
export type CliCommand = { help: true } | { help: false; options: MockUpstreamOptions };

const NUMBER_FLAGS: Readonly<Record<string, 'port' | 'delayMs' | 'chunkDelayMs' | 'completionTokens'>> = {
  '--port': 'port',
  '--delay-ms': 'delayMs',
  '--chunk-delay-ms': 'chunkDelayMs',
  '--tokens': 'completionTokens',
};

/**
 * Reads flags and environment. A bare number is the port, and `HOST` the interface, so the CLI also runs under the
 * shared benchmark harness, which starts its mock as `node mock [port]`. Request recording is off unless
 * `--record`: a benchmark sends millions of requests and only needs `GET /__stats`.
 * @throws Error naming the bad flag or variable.
 */
export function parseCliArgs(argv: readonly string[], environment: NodeJS.ProcessEnv): CliCommand {
  const options: MockUpstreamOptions = {
    port: integer(environment.PORT, 'PORT') ?? 9100,
    delayMs: integer(environment.UPSTREAM_DELAY_MS, 'UPSTREAM_DELAY_MS'),
    chunkDelayMs: integer(environment.UPSTREAM_CHUNK_DELAY_MS, 'UPSTREAM_CHUNK_DELAY_MS'),
    completionTokens: integer(environment.MOCK_COMPLETION_TOKENS, 'MOCK_COMPLETION_TOKENS'),
    recordRequests: false,
  };
  if (environment.HOST) options.host = environment.HOST;
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index] ?? '';
    if (flag === '--help' || flag === '-h') return { help: true };
    if (flag === '--record') {
      options.recordRequests = true;
      continue;
    }
    if (/^\d+$/.test(flag)) {
      options.port = integer(flag, 'PORT');
      continue;
    }
    const value = argv[index + 1];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    index += 1;
    const numberOption = NUMBER_FLAGS[flag];
    if (numberOption) options[numberOption] = integer(value, flag);
    else if (flag === '--host') options.host = value;
    else if (flag === '--require-api-key') options.requireApiKey = value;
    else if (flag === '--behaviour') options.behaviour = parseBehaviourFlag(value);
    else throw new Error(`unknown flag ${flag}`);
  }
  return { help: false, options };
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
  return parsed;
}

function parseBehaviourFlag(value: string): ReturnType<typeof parseBehaviour> {
  try {
    return parseBehaviour(JSON.parse(value));
  } catch (error) {
    throw new Error(`--behaviour: ${error instanceof Error ? error.message : String(error)}`);
  }
}
