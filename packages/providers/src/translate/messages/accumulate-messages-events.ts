import type { MessagesResponse, MessagesResponseBlock, MessagesStreamEvent } from '@tollgate/core';

/**
 * Folds Anthropic stream events into the message they describe, as Anthropic's SDK does: blocks by index, text and
 * thinking concatenated, signatures appended, tool input parsed from its JSON fragments at `content_block_stop`,
 * the stop reason and usage from `message_delta` (counts present there overwrite those of `message_start`).
 */
export function accumulateMessagesEvents(events: Iterable<MessagesStreamEvent>): MessagesResponse {
  let message: MessagesResponse | undefined;
  const json = new Map<number, string>();
  for (const event of events) {
    if (event.type === 'message_start') {
      message = structuredClone(event.message);
      continue;
    }
    if (!message) throw new Error(`${event.type} before message_start`);
    switch (event.type) {
      case 'content_block_start':
        message.content[event.index] = structuredClone(event.content_block);
        break;
      case 'content_block_delta': {
        const block = message.content[event.index] as MessagesResponseBlock & Record<string, unknown>;
        const delta = event.delta;
        if (delta.type === 'text_delta') block['text'] = `${block['text'] as string}${delta.text}`;
        else if (delta.type === 'thinking_delta') block['thinking'] = `${block['thinking'] as string}${delta.thinking}`;
        else if (delta.type === 'signature_delta') block['signature'] = `${(block['signature'] as string | undefined) ?? ''}${delta.signature}`;
        else json.set(event.index, (json.get(event.index) ?? '') + delta.partial_json);
        break;
      }
      case 'content_block_stop': {
        const fragments = json.get(event.index);
        const block = message.content[event.index];
        if (block?.type === 'tool_use' && fragments !== undefined && fragments !== '') block.input = JSON.parse(fragments);
        break;
      }
      case 'message_delta':
        message.stop_reason = event.delta.stop_reason;
        message.stop_sequence = event.delta.stop_sequence;
        for (const [key, value] of Object.entries(event.usage)) {
          if (value != null) (message.usage as Record<string, unknown>)[key] = value;
        }
        break;
      default:
        break;
    }
  }
  if (!message) throw new Error('no message_start');
  return message;
}
