import { createInterface, type Interface } from 'node:readline';
import type { CliIo } from './cli-io.js';

/**
 * Reads lines from the user (the REPL's questions, approvals) through one readline interface, prompting on stderr.
 * Lines are queued as they arrive, so piped input (`printf 'q1\nq2\n' | tollgate-agent`) loses none while the agent
 * works. Created on first use, so a one-shot run that needs no approval never touches stdin.
 */
export class Prompter {
  private readline: Interface | undefined;
  private ended = false;
  private readonly lines: string[] = [];
  private waiting: ((line: string | null) => void) | undefined;
  private interruptHandler: (() => void) | undefined;
  private readonly io: CliIo;

  constructor(io: CliIo) {
    this.io = io;
  }

  /** Shows `question` and resolves with the next line, or null once input has ended (EOF, Ctrl-D, close). */
  ask(question: string): Promise<string | null> {
    const readline = this.open();
    const queued = this.lines.shift();
    if (queued !== undefined) {
      this.io.stderr.write(`${question}${queued}\n`);
      return Promise.resolve(queued);
    }
    if (!readline || this.ended) return Promise.resolve(null);
    readline.setPrompt(question);
    readline.prompt();
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** Ctrl-C typed into the terminal while readline owns it (the process gets no SIGINT then). */
  onInterrupt(handler: () => void): void {
    this.interruptHandler = handler;
    this.readline?.on('SIGINT', handler);
  }

  /** Ends input: a pending `ask` resolves with null. */
  close(): void {
    this.end();
    this.readline?.close();
  }

  private open(): Interface | undefined {
    if (this.ended) return undefined;
    if (!this.readline) {
      this.readline = createInterface({ input: this.io.stdin, output: this.io.stderr, terminal: this.io.interactive });
      this.readline.on('line', (line) => {
        const waiting = this.waiting;
        this.waiting = undefined;
        if (waiting) waiting(line);
        else this.lines.push(line);
      });
      this.readline.on('close', () => this.end());
      if (this.interruptHandler) this.readline.on('SIGINT', this.interruptHandler);
    }
    return this.readline;
  }

  private end(): void {
    this.ended = true;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(null);
  }
}
