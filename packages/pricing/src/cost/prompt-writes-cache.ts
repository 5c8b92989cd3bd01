/**
 * Whether a chat prompt asks the provider to write a cache (`cache_control` on a message, a content part or a tool),
 * so that a worst case prices it at the cache-write rate. A shallow walk: no serialisation of the prompt.
 */
export function promptWritesCache(prompt: { messages?: readonly unknown[] | null; tools?: readonly unknown[] | null }): boolean {
  const marked = (value: unknown) => typeof value === 'object' && value !== null && (value as Record<string, unknown>).cache_control != null;
  for (const message of prompt.messages ?? []) {
    if (marked(message)) return true;
    const content = (message as { content?: unknown } | null)?.content;
    if (Array.isArray(content) && content.some(marked)) return true;
  }
  return (prompt.tools ?? []).some(marked);
}
