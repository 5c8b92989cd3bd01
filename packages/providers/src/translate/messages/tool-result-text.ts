import type { MessagesImageBlock, MessagesToolResultBlock } from '@tollgate/core';

/** A `tool_result`'s content split into its text (what a chat `tool` message carries) and its images. */
export function toolResultText(block: MessagesToolResultBlock): { text: string; images: MessagesImageBlock[] } {
  const content = block.content;
  if (content == null) return { text: '', images: [] };
  if (typeof content === 'string') return { text: content, images: [] };
  const texts: string[] = [];
  const images: MessagesImageBlock[] = [];
  for (const part of content) {
    if (part.type === 'text') texts.push(part.text);
    else images.push(part);
  }
  return { text: texts.join('\n'), images };
}
