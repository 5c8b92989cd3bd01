import type { AgentSession } from './agent-session.js';
import type { EventPrinter } from './event-printer.js';
import { formatUsd } from './format-cost.js';
import type { Prompter } from './prompter.js';
import type { Style } from './style.js';

const HELP = 'Commands: /reset (new conversation), /cost (session cost), /exit. Ctrl-C stops the current turn.';

/** What the REPL drives. */
export interface ReplOptions {
  readonly session: AgentSession;
  readonly prompter: Prompter;
  readonly printer: EventPrinter;
  readonly style: Style;
  /** Starts a run: returns the signal that Ctrl-C aborts. */
  readonly startRun: () => AbortSignal;
}

/** The interactive loop: a question, the agent's streamed work, the cost; until /exit or end of input. */
export async function runRepl(options: ReplOptions): Promise<number> {
  const { session, prompter, printer, style } = options;
  printer.line(style.dim(HELP));
  for (;;) {
    const line = await prompter.ask(`${style.bold('›')} `);
    if (line === null) break;
    const question = line.trim();
    if (question === '') continue;
    if (question === '/exit' || question === '/quit') break;
    if (question === '/help') {
      printer.line(HELP);
      continue;
    }
    if (question === '/reset') {
      session.reset();
      printer.line(style.dim('New conversation.'));
      continue;
    }
    if (question === '/cost') {
      printer.line(`Session cost: ${formatUsd(session.costUsd)}`);
      continue;
    }
    await session.ask(question, options.startRun());
  }
  printer.line(style.dim(`Session cost: ${formatUsd(session.costUsd)}`));
  return 0;
}
