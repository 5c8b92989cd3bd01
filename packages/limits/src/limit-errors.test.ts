import { BudgetExceededError, RateLimitError, ServiceUnavailableError } from '@tollgate/core';
import { admitRequestSchema } from './admit-request.js';
import { admissionError, limitRefusalError } from './limit-errors.js';

describe('limit errors', () => {
  it('renders a budget refusal as LiteLLM does: 400 budget_exceeded, amounts in USD', () => {
    const error = limitRefusalError({
      scope: { kind: 'key', id: 'hash-1' },
      limit: 'budget',
      windowId: 'total',
      current: 3_500,
      requested: 10,
      max: 1,
      retryAtMs: null,
      retryAfterSeconds: null,
    });
    expect(error).toBeInstanceOf(BudgetExceededError);
    expect(error.toJSON()).toEqual({
      error: {
        message: 'Budget has been exceeded! Key=hash-1 Current cost: 0.0000035, Max budget: 1e-9',
        type: 'budget_exceeded',
        param: null,
        code: '400',
      },
    });
  });

  it('renders a rate refusal as a 429 with retry-after and LiteLLM wording', () => {
    const error = limitRefusalError({
      scope: { kind: 'customer', id: 'c-9' },
      limit: 'rpm',
      current: 10,
      requested: 1,
      max: 10,
      retryAtMs: Date.UTC(2026, 0, 1),
      retryAfterSeconds: 7,
    });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterSeconds).toBe(7);
    expect(error.headers).toEqual({ 'x-ratelimit-limit-requests': '10', 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '7s' });
    expect(error.message).toBe(
      'Rate limit exceeded for end_user: c-9. Limit type: requests. Current limit: 10, Remaining: 0. ' +
        'Limit resets at: 2026-01-01T00:00:00.000Z',
    );
  });

  it('maps unavailable to 503 and admitted to no error', () => {
    expect(admissionError({ outcome: 'unavailable', requestId: 'r', reason: 'Redis down' })).toBeInstanceOf(
      ServiceUnavailableError,
    );
    expect(
      admissionError({ outcome: 'admitted', requestId: 'r', leaseExpiresAtMs: 0, rateLimits: {}, failedOpen: false }),
    ).toBeUndefined();
  });
});

describe('admit request validation', () => {
  const base = { requestId: 'r', reserveNano: 0, reserveTokens: 0 };

  it('refuses a scope listed twice and a repeated window id', () => {
    const scope = { kind: 'key', id: 'k' } as const;
    const window = { windowId: '24h', maxNano: 1, windowStartMs: 0, resetAtMs: 1 };
    expect(admitRequestSchema.safeParse({ ...base, scopes: [{ scope }, { scope }] }).success).toBe(false);
    expect(admitRequestSchema.safeParse({ ...base, scopes: [{ scope, budgets: [window, window] }] }).success).toBe(false);
    expect(admitRequestSchema.safeParse({ ...base, scopes: [{ scope, budgets: [window] }] }).success).toBe(true);
  });

  it('refuses amounts that would corrupt a counter', () => {
    const scopes = [{ scope: { kind: 'key', id: 'k' } }];
    expect(admitRequestSchema.safeParse({ ...base, scopes, reserveNano: 1.5 }).success).toBe(false);
    expect(admitRequestSchema.safeParse({ ...base, scopes, reserveNano: -1 }).success).toBe(false);
    expect(admitRequestSchema.safeParse({ ...base, scopes, reserveTokens: Number.NaN }).success).toBe(false);
  });
});
