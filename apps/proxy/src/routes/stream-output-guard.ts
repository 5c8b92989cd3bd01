import { BudgetExceededError, type ChatCompletionChunk } from '@tollgate/core';

/** What a guard needs: the output tokens reserved (all choices), and the model's tokenizer for a text. */
export interface StreamOutputGuardOptions {
  /** Undefined: no reservation caps this stream, and the guard only keeps the output text. */
  limitTokens: number | undefined;
  countTokens: (text: string) => number;
}

/**
 * Stops a stream whose output passes the tokens reserved for it (an upstream that ignores `max_tokens`), so it
 * overshoots by at most one chunk. Cheap per chunk: a chunk with output is at least one token (a bound that never
 * stops a stream early), and a character estimate (4 ASCII characters or 1 other character a token) triggers an
 * exact tokenizer count of the output so far, only when it reaches the limit or the room the last count left.
 */
export class StreamOutputGuard {
  private outputChunks = 0;
  private estimated = 0;
  private nextExactCountAt: number;
  private text = '';
  private counted = 0;

  constructor(private readonly options: StreamOutputGuardOptions) {
    this.nextExactCountAt = options.limitTokens ?? Number.POSITIVE_INFINITY;
  }

  /** Every output character so far (text, reasoning and tool-call arguments, all choices). */
  get outputText(): string {
    return this.text;
  }

  /** Takes a chunk the client has been sent; true when the output has passed the reservation and must stop. */
  passed(chunk: ChatCompletionChunk): boolean {
    for (const choice of chunk.choices) {
      const delta = choice.delta as { content?: string | null; reasoning_content?: string | null; tool_calls?: { function?: { arguments?: string | null } }[] | null } | undefined;
      let piece = (delta?.content ?? '') + (delta?.reasoning_content ?? '');
      for (const call of delta?.tool_calls ?? []) piece += call.function?.arguments ?? '';
      if (piece === '') continue;
      this.take(piece);
    }
    return this.check();
  }

  /** Takes a piece of output (a Responses event's delta) the client has been sent; true as for `passed`. */
  passedOutput(piece: string): boolean {
    if (piece !== '') this.take(piece);
    return this.check();
  }

  private take(piece: string): void {
    this.outputChunks += 1;
    this.text += piece;
    this.estimated += estimateTokens(piece);
  }

  private check(): boolean {
    const limit = this.options.limitTokens;
    if (limit === undefined) return false;
    if (this.outputChunks > limit) return true;
    if (this.estimated < this.nextExactCountAt) return false;
    this.counted = this.options.countTokens(this.text);
    if (this.counted > limit) return true;
    this.nextExactCountAt = this.estimated + Math.max(1, limit - this.counted);
    return false;
  }

  /** The error event that ends a stopped stream. */
  error(): BudgetExceededError {
    return new BudgetExceededError(
      `The answer was stopped: its output passed the ${String(this.options.limitTokens)} tokens reserved for it against the budget ` +
        '(the upstream did not honour max_tokens). The output so far is billed.',
    );
  }
}

function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (let index = 0; index < text.length; index += 1) {
    if (text.charCodeAt(index) < 128) ascii += 1;
    else other += 1;
  }
  return ascii / 4 + other;
}
