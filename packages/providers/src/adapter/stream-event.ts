/**
 * One decoded event of a provider stream, as the completion layer hands it to an adapter's stream parser. The
 * bytes are decoded once, in the shared stream driver; adapters never see raw bytes or partial lines.
 */
export type StreamEvent =
  /**
   * A server-sent event (`streamFormat: 'sse'`). `data` is the event's data field (lines joined with `\n`),
   * unparsed, so a parser parses only what it needs (`parseStreamJson`). `data: [DONE]` never reaches a parser. `event` is the SSE event name
   * (Anthropic's `message_start`, `content_block_delta`…), undefined when the stream names none.
   */
  | { readonly format: 'sse'; readonly event: string | undefined; readonly data: string }
  /** One line of a newline-delimited JSON stream (`streamFormat: 'ndjson'`, Ollama), already parsed. */
  | { readonly format: 'ndjson'; readonly value: unknown };
