import type { ChatCompletionChunk } from '@tollgate/core';
import type { StreamEvent } from './stream-event.js';

/**
 * Turns one provider stream into OpenAI chunks. Stateful and single-use: the adapter creates one per stream with
 * `createChatStreamParser(context)`, so it may remember the completion id, tool-call indexes or pending usage.
 *
 * Rules the shared stream driver relies on:
 * - The driver consumes OpenAI's `data: [DONE]` terminator itself; parsers never see it.
 * - A chunk may carry `usage` (on a content chunk or on its own with `choices: []`). The driver removes it from
 *   the chunks it yields, keeps the last one seen, and — when `stream_options.include_usage` was set — yields it
 *   at the end as one final `choices: []` chunk with `usage`, as OpenAI does. So a parser just reports usage
 *   wherever the provider does.
 * - Tool-call arguments go out as OpenAI deltas: the first fragment of a call with `index`, `id`, `type` and
 *   `function.name`; later fragments with `index` and a piece of `function.arguments`. A provider that sends a
 *   call whole yields one fragment with everything.
 * - `finish_reason` is normalised (`stop|length|tool_calls|content_filter|function_call`), and the provider's own
 *   value goes in the choice's `provider_specific_fields.native_finish_reason`.
 * - A parser throws a `TollgateError` for an error event inside the stream (e.g. Anthropic `event: error`), built
 *   with the adapter's `toError`.
 */
export interface ChatStreamParser {
  /** Consumes one decoded event; returns the chunks it completes (often one, possibly none). */
  push(event: StreamEvent): ChatCompletionChunk[];
  /** Called once after the last event (or `[DONE]`); returns whatever was held back (e.g. a pending finish). */
  finish(): ChatCompletionChunk[];
}
