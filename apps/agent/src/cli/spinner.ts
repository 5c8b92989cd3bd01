import type { Writable } from 'node:stream';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const FRAME_MS = 80;

/** A one-line spinner on a terminal (a no-op elsewhere), erased before anything else is written. */
export class Spinner {
  private timer: NodeJS.Timeout | undefined;
  private frame = 0;
  private readonly output: Writable;
  private readonly enabled: boolean;

  constructor(options: { output: Writable; enabled: boolean }) {
    this.output = options.output;
    this.enabled = options.enabled;
  }

  start(label: string): void {
    if (!this.enabled || this.timer) return;
    const draw = () => this.output.write(`\r${FRAMES[this.frame++ % FRAMES.length]!} ${label}`);
    draw();
    this.timer = setInterval(draw, FRAME_MS);
    this.timer.unref();
  }

  stop(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = undefined;
    this.output.write('\r\u001b[K');
  }
}
