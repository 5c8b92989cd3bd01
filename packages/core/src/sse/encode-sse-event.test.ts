import { encodeSseDone, encodeSseEvent } from './encode-sse-event.js';

describe('encodeSseEvent', () => {
  it('writes a JSON value as one data line ending with a blank line', () => {
    expect(encodeSseEvent({ id: 'chatcmpl-1', choices: [] })).toBe('data: {"id":"chatcmpl-1","choices":[]}\n\n');
  });

  it('writes the event type and id before the data', () => {
    expect(encodeSseEvent({ type: 'ping' }, { event: 'ping', id: '7' })).toBe(
      'event: ping\nid: 7\ndata: {"type":"ping"}\n\n',
    );
  });

  it('writes a multi-line string as one data line per line', () => {
    expect(encodeSseEvent('first\nsecond\r\nthird')).toBe('data: first\ndata: second\ndata: third\n\n');
    expect(encodeSseEvent('')).toBe('data: \n\n');
  });

  it('refuses an event type or id that would break the framing', () => {
    expect(() => encodeSseEvent('x', { event: 'a\nb' })).toThrow(TypeError);
    expect(() => encodeSseEvent('x', { id: 'a\rb' })).toThrow(TypeError);
    expect(() => encodeSseEvent('x', { id: 'a\0b' })).toThrow(TypeError);
    expect(() => encodeSseEvent(undefined)).toThrow(TypeError);
  });

  it('ends an OpenAI stream with [DONE]', () => {
    expect(encodeSseDone()).toBe('data: [DONE]\n\n');
  });
});
