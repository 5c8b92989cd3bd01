import type { AgentEvent } from '@tollgate/agent';
import type { Writable } from 'node:stream';
import { formatTokens, formatUsd } from './format-cost.js';
import type { Spinner } from './spinner.js';
import type { Style } from './style.js';

const MAX_ARGUMENTS_SHOWN = 120;
const MAX_RESULT_LINE_SHOWN = 100;

/**
 * Shows a run as it happens: answer text streamed to stdout; reasoning, each tool call and result (one line
 * each), the cost of each turn and a spinner while waiting, on stderr.
 */
export class EventPrinter {
  private readonly stdout: Writable;
  private readonly stderr: Writable;
  private readonly style: Style;
  private readonly spinner: Spinner;
  /** Which stream left the cursor in the middle of a line. */
  private openLine: 'stdout' | 'stderr' | undefined;

  constructor(options: { stdout: Writable; stderr: Writable; style: Style; spinner: Spinner }) {
    this.stdout = options.stdout;
    this.stderr = options.stderr;
    this.style = options.style;
    this.spinner = options.spinner;
  }

  /** Shows that the model is being waited for. */
  waiting(): void {
    this.spinner.start('thinking…');
  }

  handle(event: AgentEvent): void {
    this.spinner.stop();
    switch (event.type) {
      case 'text-delta':
        this.write('stdout', event.text);
        break;
      case 'reasoning-delta':
        this.write('stderr', this.style.dim(event.text));
        break;
      case 'tool-call':
        this.line(`${this.style.cyan('⚙')} ${this.style.bold(event.name)} ${this.style.dim(shorten(event.arguments, MAX_ARGUMENTS_SHOWN))}`);
        this.spinner.start(`running ${event.name}…`);
        break;
      case 'tool-result':
        this.line(this.describeResult(event.output, event.isError, event.durationMs));
        break;
      case 'turn-end': {
        const tokens = event.usage ? `${formatTokens(event.usage.prompt_tokens)} → ${formatTokens(event.usage.completion_tokens)} tokens · ` : '';
        const cost = event.costUsd === null ? 'cost unknown' : formatUsd(event.costUsd);
        this.line(this.style.dim(`  · turn ${event.turn} · ${tokens}${cost} · total ${formatUsd(event.totalCostUsd)}`));
        if ((event.message.tool_calls ?? []).length > 0) this.waiting();
        break;
      }
      case 'run-end':
        this.endLine();
        break;
    }
  }

  /** Stops the spinner and finishes the current line, before someone else writes (a confirmation prompt). */
  pause(): void {
    this.spinner.stop();
    this.endLine();
  }

  /** Writes a whole line to stderr (notes, errors, the summary). */
  line(text: string): void {
    this.spinner.stop();
    this.endLine();
    this.stderr.write(`${text}\n`);
  }

  private describeResult(output: string, isError: boolean, durationMs: number): string {
    const lines = output.replace(/\n+$/, '').split('\n');
    const first = shorten(lines[0] ?? '', MAX_RESULT_LINE_SHOWN);
    const more = lines.length > 1 ? this.style.dim(` (+${lines.length - 1} lines)`) : '';
    const time = this.style.dim(` ${durationMs} ms`);
    return isError ? `  ${this.style.red('✗')} ${this.style.red(first)}${more}${time}` : `  ${this.style.dim('↳')} ${first}${more}${time}`;
  }

  private write(stream: 'stdout' | 'stderr', text: string): void {
    if (text === '') return;
    if (this.openLine && this.openLine !== stream) this.endLine();
    (stream === 'stdout' ? this.stdout : this.stderr).write(text);
    this.openLine = text.endsWith('\n') ? undefined : stream;
  }

  private endLine(): void {
    if (!this.openLine) return;
    (this.openLine === 'stdout' ? this.stdout : this.stderr).write('\n');
    this.openLine = undefined;
  }
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
