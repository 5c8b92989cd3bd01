import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { approveAll } from '../tools/confirm.js';
import { builtinTools } from '../tools/builtin-tools.js';
import { Workspace } from '../tools/workspace.js';
import { AgentSession, type AskOutcome } from './agent-session.js';
import { CliUsageError, parseCliArgs, USAGE, type CliArgs } from './cli-args.js';
import { processIo, type CliIo } from './cli-io.js';
import { confirmWithPrompter } from './confirm-with-prompter.js';
import { createModelClient, type CliModelClient } from './create-model-client.js';
import { EventPrinter } from './event-printer.js';
import { Prompter } from './prompter.js';
import { runRepl } from './repl.js';
import { Spinner } from './spinner.js';
import { styleFor } from './style.js';
import { systemPrompt } from './system-prompt.js';

/** Exit codes: 0 answered, 1 failed, 2 bad command line, 3 stopped by --max-turns or --max-cost, 130 interrupted. */
const EXIT_CODES: Readonly<Record<AskOutcome, number>> = { answered: 0, failed: 1, limit: 3, aborted: 130 };
const USAGE_EXIT_CODE = 2;

/**
 * The `tollgate-agent` command: one-shot with a question, else a REPL. Returns the exit code; never calls
 * `process.exit`, so tests run it in process with their own streams.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let args: CliArgs;
  let model: string;
  let workspace: Workspace;
  try {
    args = parseCliArgs(argv);
    if (args.help) {
      io.stdout.write(USAGE);
      return 0;
    }
    model = args.model ?? io.env['TOLLGATE_AGENT_MODEL'] ?? '';
    if (!model) throw new CliUsageError('No model: pass --model (e.g. anthropic/claude-sonnet-4-5, or mock/gpt-4o offline) or set TOLLGATE_AGENT_MODEL.');
    workspace = await openWorkspace(path.resolve(io.cwd, args.cwd ?? '.'));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.stderr.write(`tollgate-agent: ${error.message}\nRun tollgate-agent --help for usage.\n`);
    return USAGE_EXIT_CODE;
  }
  return runWith({ args, model, workspace, io });
}

async function runWith(options: { args: CliArgs; model: string; workspace: Workspace; io: CliIo }): Promise<number> {
  const { args, model, workspace, io } = options;
  const style = styleFor(io);
  const printer = new EventPrinter({ stdout: io.stdout, stderr: io.stderr, style, spinner: new Spinner({ output: io.stderr, enabled: io.interactive }) });
  const prompter = new Prompter(io);
  const tools = builtinTools({
    workspace,
    confirm: args.yes ? approveAll : confirmWithPrompter(prompter, style, () => printer.pause()),
    commandTimeoutMs: args.commandTimeoutMs,
    allowFetch: args.allowFetch,
  });
  let modelClient: CliModelClient;
  try {
    modelClient = createModelClient(args, io.env, randomUUID());
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    io.stderr.write(`tollgate-agent: ${error.message}\n`);
    return USAGE_EXIT_CODE;
  }
  const instructions = systemPrompt({ root: workspace.root, toolNames: tools.map((tool) => tool.name), now: new Date(), env: io.env });
  const session = new AgentSession({ args, model, client: modelClient.client, tools, instructions, printer, style });
  printer.line(style.dim(`tollgate-agent · ${model} (${modelClient.description}) · ${workspace.root}`));

  // Ctrl-C stops the run in progress (the turn is dropped cleanly); at the prompt it ends the REPL.
  let running: AbortController | undefined;
  const interrupt = () => {
    if (running && !running.signal.aborted) running.abort();
    else prompter.close();
  };
  const stopListening = io.onInterrupt(interrupt);
  prompter.onInterrupt(interrupt);
  const startRun = () => (running = new AbortController()).signal;
  try {
    if (args.question !== undefined) return EXIT_CODES[await session.ask(args.question, startRun())];
    return await runRepl({ session, prompter, printer, style, startRun });
  } finally {
    stopListening();
    prompter.close();
  }
}

async function openWorkspace(directory: string): Promise<Workspace> {
  const info = await stat(directory).catch(() => undefined);
  if (!info?.isDirectory()) throw new CliUsageError(`--cwd: ${directory} is not a directory.`);
  return Workspace.open(directory);
}
