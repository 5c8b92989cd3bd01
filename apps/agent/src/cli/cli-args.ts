import { parseArgs } from 'node:util';
import { z } from 'zod';

/** The CLI's usage text. */
export const USAGE = `Usage: tollgate-agent [options] [question]

An agent in your terminal that reads, lists and writes files in the working directory and runs commands,
and tells you what it cost. With a question it answers once and exits; without one it starts a conversation.

Model:
  -m, --model <name>         provider/model (direct) or the proxy's model name; env TOLLGATE_AGENT_MODEL
      --base-url <url>       an OpenAI-compatible endpoint, e.g. a Tollgate proxy: http://localhost:4000/v1
      --api-key <key>        key for --base-url (a Tollgate virtual key); env TOLLGATE_API_KEY
                             Without --base-url, providers are called directly with their env keys
                             (ANTHROPIC_API_KEY, ZAI_API_KEY, ...); mock/<name> runs offline.
      --param <key=value>    extra model param, repeatable (value parsed as JSON when it is JSON),
                             e.g. --param temperature=0 --param reasoning_effort=high
      --pricing-model <name> catalogue model to price with when the name is not in the catalogue

Limits:
      --max-turns <n>        most model calls per question (default 25)
      --max-cost <usd>       stop before a call could take the session past this cost
      --max-tokens <n>       output limit of each model call (also bounds the --max-cost worst case)

Tools:
  -C, --cwd <dir>            working directory the file tools are confined to (default: current)
  -y, --yes                  run commands and write files without asking
      --command-timeout <s>  time limit of a shell command in seconds (default 60)
      --allow-fetch          let the agent fetch URLs

  -h, --help                 this help
`;

const positiveInteger = (name: string) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((value) => value > 0, `${name} must be more than 0`);

const argsSchema = z.strictObject({
  model: z.string().min(1).optional(),
  baseUrl: z.url('--base-url must be a URL').optional(),
  apiKey: z.string().min(1).optional(),
  params: z.record(z.string(), z.unknown()),
  pricingModel: z.string().min(1).optional(),
  maxTurns: positiveInteger('--max-turns').default(25),
  maxCostUsd: z
    .string()
    .transform(Number)
    .refine((value) => Number.isFinite(value) && value > 0, '--max-cost must be an amount in USD above 0, e.g. 0.50')
    .optional(),
  maxTokens: positiveInteger('--max-tokens').optional(),
  cwd: z.string().min(1).optional(),
  yes: z.boolean(),
  commandTimeoutMs: positiveInteger('--command-timeout')
    .transform((seconds) => seconds * 1000)
    .default(60_000),
  allowFetch: z.boolean(),
  help: z.boolean(),
  question: z.string().optional(),
});

/** The parsed command line. */
export type CliArgs = z.output<typeof argsSchema>;

/** A command line the CLI cannot run; the message says what to fix. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

/** Parses argv (without node and the script). Throws {@link CliUsageError} with a readable message. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values, positionals } = readArgv(argv);
  const result = argsSchema.safeParse({
    model: values.model,
    baseUrl: values['base-url'],
    apiKey: values['api-key'],
    params: parseParams(values.param ?? []),
    pricingModel: values['pricing-model'],
    maxTurns: values['max-turns'],
    maxCostUsd: values['max-cost'],
    maxTokens: values['max-tokens'],
    cwd: values.cwd,
    yes: values.yes ?? false,
    commandTimeoutMs: values['command-timeout'],
    allowFetch: values['allow-fetch'] ?? false,
    help: values.help ?? false,
    question: positionals.length > 0 ? positionals.join(' ') : undefined,
  });
  if (!result.success) throw new CliUsageError(result.error.issues.map((issue) => issue.message).join('; '));
  return result.data;
}

const OPTIONS = {
  model: { type: 'string', short: 'm' },
  'base-url': { type: 'string' },
  'api-key': { type: 'string' },
  param: { type: 'string', multiple: true },
  'pricing-model': { type: 'string' },
  'max-turns': { type: 'string' },
  'max-cost': { type: 'string' },
  'max-tokens': { type: 'string' },
  cwd: { type: 'string', short: 'C' },
  yes: { type: 'boolean', short: 'y' },
  'command-timeout': { type: 'string' },
  'allow-fetch': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readArgv(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

/** `key=value` pairs as model params; a value that parses as JSON is used as JSON (numbers, arrays, objects). */
function parseParams(pairs: readonly string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const pair of pairs) {
    const separator = pair.indexOf('=');
    if (separator <= 0) throw new CliUsageError(`--param needs key=value, got "${pair}"`);
    const value = pair.slice(separator + 1);
    let parsedValue: unknown = value;
    try {
      parsedValue = JSON.parse(value);
    } catch {
      // Not JSON: the plain string is meant.
    }
    params[pair.slice(0, separator)] = parsedValue;
  }
  return params;
}
