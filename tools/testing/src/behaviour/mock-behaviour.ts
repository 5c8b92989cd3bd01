import type { RecordedRequest } from '../http/recorded-request.js';

/**
 * Token counts a behaviour can force instead of the mock's own estimate. Totals follow OpenAI's convention:
 * `promptTokens` includes cache reads and writes, `completionTokens` includes reasoning. Each wire format reports
 * them its own way (Anthropic's `input_tokens` excludes cache reads/writes; Gemini's `candidatesTokenCount`
 * excludes thoughts).
 */
export interface MockUsageOverrides {
  /** Total input tokens, cache reads and writes included. */
  promptTokens?: number;
  /** Total output tokens, reasoning included. */
  completionTokens?: number;
  /** Input tokens read from the prompt cache. */
  cachedTokens?: number;
  /** Input tokens written to the prompt cache (Anthropic `cache_creation_input_tokens`; not shown by OpenAI). */
  cacheWriteTokens?: number;
  /** Output tokens spent on reasoning. */
  reasoningTokens?: number;
}

/** Delivery knobs every behaviour accepts. Unset knobs fall back to the server's options. */
export interface MockBehaviourKnobs {
  /** Milliseconds to wait before the first byte of the reply (status line included). */
  delayMs?: number;
  /** Milliseconds between two SSE frames of a streamed reply. 0 sends the whole stream in one write. */
  chunkDelayMs?: number;
  /**
   * Destroys the socket mid-reply. Streams: after this many SSE frames (0: before any byte). Non-stream
   * replies: 0 resets before any byte, any other value sends the headers and half of the body first.
   */
  disconnectAfterChunks?: number;
  /** Forced token counts. */
  usage?: MockUsageOverrides;
  /** Extra response headers (e.g. `retry-after`). */
  headers?: Readonly<Record<string, string>>;
}

/** Answers with text. Without `text`, a deterministic text of `completionTokens` tokens (server default 32). */
export interface MockTextBehaviour extends MockBehaviourKnobs {
  reply: 'text';
  /** The exact answer; split into one token per word (leading spaces kept) for streaming and counting. */
  text?: string;
  /** Generated length when `text` is absent; the reported completion tokens when it is present. */
  completionTokens?: number;
}

/** One function call the mock model makes. */
export interface MockToolCall {
  /** The function name. */
  name: string;
  /** The arguments: an object (serialised compactly) or a raw string sent verbatim, even when not valid JSON. */
  arguments: string | Readonly<Record<string, unknown>>;
}

/** Answers with function calls (finish reason `tool_calls` / `tool_use`), optionally preceded by text. */
export interface MockToolCallsBehaviour extends MockBehaviourKnobs {
  reply: 'tool_calls';
  /** The calls, in order. */
  calls: readonly MockToolCall[];
  /** Text the model says before calling (Anthropic-style "I'll check that for you."). */
  text?: string;
}

/** Answers with reasoning (OpenAI `reasoning_content`, Anthropic thinking block, Gemini thought part), then text. */
export interface MockReasoningBehaviour extends MockBehaviourKnobs {
  reply: 'reasoning';
  /** The reasoning text. */
  reasoning: string;
  /** The answer after the reasoning. */
  text: string;
}

/** Answers with an HTTP error in the provider's own error format. */
export interface MockErrorBehaviour extends MockBehaviourKnobs {
  reply: 'error';
  /** The HTTP status, e.g. 429, 500, 529. */
  status: number;
  /** The exact body: a string is sent verbatim, anything else as JSON. Default: the provider's body for `status`. */
  body?: unknown;
  /** The message inside the default body. */
  message?: string;
}

/**
 * Replays exact bytes, whatever the endpoint: a recorded fixture, a malformed body, a stream cut into awkward
 * pieces (mid-line, mid-UTF-8) to test a client's parser.
 */
export interface MockRawBehaviour extends MockBehaviourKnobs {
  reply: 'raw';
  /** HTTP status; default 200. */
  status?: number;
  /** The body. An array is sent as separate writes, spaced by `chunkDelayMs` (one event-loop turn at 0) and counted by `disconnectAfterChunks`. */
  body: string | Uint8Array | readonly (string | Uint8Array)[];
  /** Content type; default `application/json`. */
  contentType?: string;
}

/** What the mock does with one request. */
export type MockBehaviour =
  | MockTextBehaviour
  | MockToolCallsBehaviour
  | MockReasoningBehaviour
  | MockErrorBehaviour
  | MockRawBehaviour;

/** Chooses a behaviour per request; `undefined` falls back to the default behaviour. */
export type MockBehaviourFunction = (request: RecordedRequest) => MockBehaviour | undefined;
