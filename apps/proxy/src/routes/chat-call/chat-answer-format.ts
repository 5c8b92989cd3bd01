import type { ChatCompletion, ChatCompletionChunk, OpenAIUsage, TollgateError } from '@tollgate/core';
import type { Settlement } from '../../gateway/gateway.js';

/**
 * How a chat call's answer is written for the API the client called (chat completions, Responses, Anthropic
 * Messages): the call itself — admission, routing, the output guard, settlement — is the same for all of them.
 */
export interface ChatAnswerFormat {
  /** The body of a non-streamed answer, once settled (or a promise of it, e.g. once the answer is stored). */
  completion(result: ChatCompletion, settlement: Settlement): unknown;
  /** A writer for one streamed answer. */
  openStream(): ChatStreamWriter;
}

/** Turns one streamed answer into SSE text; each method returns the frames to write ('' for none). */
export interface ChatStreamWriter {
  /** One upstream chunk with output (usage-only chunks go to `end`). */
  chunk(chunk: ChatCompletionChunk): string;
  /**
   * The end of a stream that completed: `usageChunk` is the upstream's usage report when it sent one, `usage` what
   * was booked. May be a promise (e.g. the answer is stored before its last event).
   */
  end(ending: { settlement: Settlement; usageChunk: ChatCompletionChunk | undefined; usage: OpenAIUsage }): string | Promise<string>;
  /** A failure after the answer started (already made safe for the client). */
  error(error: TollgateError): string;
}
