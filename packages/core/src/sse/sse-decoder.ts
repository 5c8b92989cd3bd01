import type { SseEvent } from './sse-event.js';

/**
 * Incremental server-sent-events parser (the WHATWG event-stream format). Push bytes or text as they arrive, in
 * chunks of any size; each call returns the events completed so far. Lines may end in `\n`, `\r\n` or `\r`, and a
 * chunk may end anywhere: mid-line, between `\r` and `\n`, or in the middle of a multi-byte UTF-8 character.
 *
 * Two choices differ from a browser's EventSource, both to suit API streams: an event's `id` is only the id it
 * carried itself, and `flush()` dispatches a last event that lacks its closing blank line (as the OpenAI SDK does),
 * since some servers end the stream right after the final `data:` line.
 */
export class SseDecoder {
  // The byte-order mark is dropped by hand (below) so bytes and strings are treated alike.
  private readonly textDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** Text of the line being received, before its line break arrived. */
  private partialLine = '';
  /** The last text ended with `\r`: a `\n` starting the next text belongs to that line break. */
  private skipLeadingLineFeed = false;
  private atStreamStart = true;
  private dataLines: string[] = [];
  private hasData = false;
  private eventType: string | undefined;
  private eventId: string | undefined;

  /** Adds the next piece of the stream and returns the events it completed. */
  push(chunk: Uint8Array | string): SseEvent[] {
    const text =
      typeof chunk === 'string' ? this.pendingBytesText() + chunk : this.textDecoder.decode(chunk, { stream: true });
    const events: SseEvent[] = [];
    this.consumeText(text, events);
    return events;
  }

  /** Ends the stream: completes a trailing line and returns the last event, if one was still open. */
  flush(): SseEvent[] {
    const events: SseEvent[] = [];
    this.consumeText(this.textDecoder.decode(), events);
    if (this.partialLine !== '') {
      this.consumeLine(this.partialLine, events);
      this.partialLine = '';
    }
    this.dispatch(events);
    return events;
  }

  /** Bytes held back as an incomplete character are flushed before a string chunk, so order is kept. */
  private pendingBytesText(): string {
    return this.textDecoder.decode();
  }

  private consumeText(input: string, events: SseEvent[]): void {
    let text = input;
    if (text === '') return;
    if (this.atStreamStart) {
      this.atStreamStart = false;
      // A byte-order mark may start the stream; the spec says to drop it.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let lineStart = 0;
    if (this.skipLeadingLineFeed) {
      this.skipLeadingLineFeed = false;
      if (text.charCodeAt(0) === 0x0a) lineStart = 1;
    }
    for (let index = lineStart; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code !== 0x0a && code !== 0x0d) continue;
      const line = this.partialLine + text.slice(lineStart, index);
      this.partialLine = '';
      if (code === 0x0d) {
        if (index + 1 === text.length) this.skipLeadingLineFeed = true;
        else if (text.charCodeAt(index + 1) === 0x0a) index++;
      }
      lineStart = index + 1;
      this.consumeLine(line, events);
    }
    if (lineStart < text.length) this.partialLine += text.slice(lineStart);
  }

  private consumeLine(line: string, events: SseEvent[]): void {
    if (line === '') {
      this.dispatch(events);
      return;
    }
    if (line.charCodeAt(0) === 0x3a) return; // `:` starts a comment (servers send them as keep-alives)
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 0x20) value = value.slice(1);
    switch (field) {
      case 'data':
        this.dataLines.push(value);
        this.hasData = true;
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.eventId = value;
        break;
      default:
        break; // `retry` and unknown fields do not affect the events
    }
  }

  /** A blank line ends an event; per the spec, an event without any `data:` line is dropped. */
  private dispatch(events: SseEvent[]): void {
    if (this.hasData) {
      const event: SseEvent = { data: this.dataLines.join('\n') };
      if (this.eventType !== undefined && this.eventType !== '') event.event = this.eventType;
      if (this.eventId !== undefined) event.id = this.eventId;
      events.push(event);
    }
    this.dataLines = [];
    this.hasData = false;
    this.eventType = undefined;
    this.eventId = undefined;
  }
}
