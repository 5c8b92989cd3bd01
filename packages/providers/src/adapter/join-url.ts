/** Joins a base URL and a path with exactly one slash between them (`https://x/v1/` + `/chat` → `https://x/v1/chat`). */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
