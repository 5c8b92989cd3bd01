/**
 * Text cut to `maxCharacters`, keeping the head and the tail (where errors and summaries usually are) and saying
 * how much was left out, so the model knows the output is partial.
 */
export function truncateText(text: string, maxCharacters: number): string {
  if (text.length <= maxCharacters) return text;
  const head = Math.ceil(maxCharacters * 0.7);
  const tail = maxCharacters - head;
  const omitted = text.length - head - tail;
  return `${text.slice(0, head)}\n[… ${omitted} characters omitted …]\n${text.slice(text.length - tail)}`;
}
