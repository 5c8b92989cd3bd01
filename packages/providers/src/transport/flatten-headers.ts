import type { IncomingHttpHeaders } from 'node:http';

/** undici's headers (values may be arrays) as a plain lower-case record; repeated values joined with `, `. */
export function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
