import { tool, type Tool } from '@tollgate/agent';
import { z } from 'zod';
import { truncateText } from './truncate-text.js';

const MAX_CHARACTERS = 20_000;
const TIMEOUT_MS = 20_000;

/** `fetch_url`: GETs an http(s) URL and returns status, content type and the body as text (off unless `--allow-fetch`). */
export function fetchUrlTool(): Tool {
  return tool({
    name: 'fetch_url',
    description: 'Fetch a web page or API response over HTTP(S) with GET and return its text.',
    parameters: z.object({ url: z.url({ protocol: /^https?$/ }).describe('An http:// or https:// URL') }),
    timeoutMs: TIMEOUT_MS + 1_000,
    execute: async ({ url }, context) => {
      const response = await fetch(url, { signal: AbortSignal.any([context.signal, AbortSignal.timeout(TIMEOUT_MS)]), redirect: 'follow' });
      const body = await response.text();
      const type = response.headers.get('content-type') ?? 'unknown type';
      return `HTTP ${response.status} (${type})\n\n${truncateText(body, MAX_CHARACTERS)}`;
    },
  });
}
