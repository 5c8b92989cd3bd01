/**
 * Seconds to wait before retrying, from `retry-after-ms` (OpenAI), `retry-after` in seconds, or `retry-after` as an
 * HTTP date. Undefined when absent, unparsable or negative.
 */
export function parseRetryAfter(headers: Readonly<Record<string, string>>, now: number = Date.now()): number | undefined {
  const milliseconds = headers['retry-after-ms'];
  if (milliseconds !== undefined) {
    const value = Number(milliseconds);
    if (Number.isFinite(value) && value >= 0) return value / 1000;
  }
  const retryAfter = headers['retry-after']?.trim();
  if (!retryAfter) return undefined;
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter);
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, (date - now) / 1000);
}
