/** One server-sent event. */
export interface SseEvent {
  /** The event type (`event:` field), when the event named one. Anthropic names every event; OpenAI none. */
  event?: string;
  /** The payload: the event's `data:` lines joined with `\n`. */
  data: string;
  /** The `id:` field, when this event carried one (unlike a browser EventSource, not carried over to later events). */
  id?: string;
}
