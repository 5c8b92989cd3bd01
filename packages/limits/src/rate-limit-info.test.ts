import { formatResetDuration, rateLimitHeaders, rateLimitInfoOf } from './rate-limit-info.js';

describe('rate limit header data', () => {
  it('formats reset durations the way OpenAI does', () => {
    expect(formatResetDuration(0)).toBe('0ms');
    expect(formatResetDuration(120)).toBe('120ms');
    expect(formatResetDuration(1_500)).toBe('1.5s');
    expect(formatResetDuration(60_000)).toBe('1m0s');
    expect(formatResetDuration(360_250)).toBe('6m0.25s');
  });

  it('picks the scope with the least room left, the smaller limit on a tie', () => {
    const key = { kind: 'key' as const, id: 'k' };
    const team = { kind: 'team' as const, id: 't' };
    const info = rateLimitInfoOf({
      rpm: [
        { scope: key, scopeKey: 'key:k', limit: 10 },
        { scope: team, scopeKey: 'team:t', limit: 20 },
      ],
      rpmStats: [
        { used: 5, newestMs: 1_000 },
        { used: 15, newestMs: 2_000 },
      ],
      tpm: [],
      tpmStats: [],
      nowMs: 2_000,
      windowMs: 60_000,
    });
    expect(info).toEqual({ requests: { scope: key, limit: 10, remaining: 5, resetMs: 59_000 } });
    expect(rateLimitHeaders(info)).toEqual({
      'x-ratelimit-limit-requests': '10',
      'x-ratelimit-remaining-requests': '5',
      'x-ratelimit-reset-requests': '59s',
    });
  });

  it('reports nothing for kinds no scope limits', () => {
    expect(rateLimitHeaders(rateLimitInfoOf({ rpm: [], rpmStats: [], tpm: [], tpmStats: [], nowMs: 0, windowMs: 1 }))).toEqual({});
  });
});
