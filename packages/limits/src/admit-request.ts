import { z } from 'zod';
import { limitScopeSchema, scopeKeyOf } from './limit-scope.js';

/** Nano-USD and token counts: non-negative safe integers, so sums stay exact in JavaScript and Lua. */
const countSchema = z.number().int().nonnegative();

export const budgetWindowLimitSchema = z.strictObject({
  /** Names the window within its scope (`24h`, `1mo`, `total`); part of the counter's key. */
  windowId: z.string().min(1).max(64),
  /** Hard cap in nano-USD: committed spend + live reservations + this reservation may not pass it. */
  maxNano: z.number().nonnegative(),
  /** Soft cap in nano-USD: the settle that first reaches it in this window reports it (for a webhook). */
  softNano: z.number().positive().optional(),
  /**
   * Start of the current window instance (epoch ms; 0 for `total`). It names the counter, so a new window is a new
   * counter and a reset needs no job. Every proxy must compute the same value (calendar-aligned windows do).
   */
  windowStartMs: countSchema,
  /** When this window instance ends (epoch ms), or null for a window that never resets. */
  resetAtMs: countSchema.nullable(),
});

/** One budget window of one scope, e.g. the key's daily budget in the window that started at midnight. */
export type BudgetWindowLimit = z.infer<typeof budgetWindowLimitSchema>;

export const scopeLimitsSchema = z.strictObject({
  /** The entity these limits belong to. */
  scope: limitScopeSchema,
  /** Budget windows; several may apply at once (daily $10 and monthly $100). */
  budgets: z.array(budgetWindowLimitSchema).max(16).optional(),
  /** Requests per sliding rate window (a minute unless the backend says otherwise). */
  rpm: countSchema.optional(),
  /** Tokens per sliding rate window, counted with the reserved tokens at admission and corrected at settlement. */
  tpm: countSchema.optional(),
  /** Requests in flight at once. */
  maxParallel: countSchema.optional(),
});

/** The limits of one scope that apply to a request. */
export type ScopeLimits = z.infer<typeof scopeLimitsSchema>;

export const admitRequestSchema = z
  .strictObject({
    /** Unique per request; settle and release name the request by it. */
    requestId: z.string().min(1).max(256),
    /** Every scope in play with its limits; all are checked and recorded atomically. */
    scopes: z.array(scopeLimitsSchema).max(32),
    /** Worst-case cost of the request in nano-USD, reserved against every budget window. */
    reserveNano: countSchema,
    /** Tokens counted against tpm limits until settlement replaces them with the actual count. */
    reserveTokens: countSchema,
    /** Overrides the backend's lease: after this long an unsettled reservation and parallel slot free themselves. */
    leaseMs: z.number().int().positive().optional(),
    /** The admission instant (epoch ms); defaults to the backend's clock. */
    nowMs: countSchema.optional(),
  })
  .superRefine((request, context) => {
    const seenScopes = new Set<string>();
    for (const [index, limits] of request.scopes.entries()) {
      const scopeKey = scopeKeyOf(limits.scope);
      if (seenScopes.has(scopeKey)) {
        context.addIssue({ code: 'custom', path: ['scopes', index], message: `scope ${scopeKey} is listed twice` });
      }
      seenScopes.add(scopeKey);
      const windowIds = (limits.budgets ?? []).map((budget) => budget.windowId);
      if (new Set(windowIds).size !== windowIds.length) {
        context.addIssue({ code: 'custom', path: ['scopes', index, 'budgets'], message: 'windowId is repeated' });
      }
    }
  });

/** What `admit` takes. */
export type AdmitRequest = z.input<typeof admitRequestSchema>;

export const settleRequestSchema = z.strictObject({
  /** The id the request was admitted with. */
  requestId: z.string().min(1).max(256),
  /** What the request really cost in nano-USD (0 when it failed, the partial cost on a client disconnect). */
  actualCostNano: countSchema,
  /** The tokens it really used; replaces the reserved tokens in tpm windows. */
  actualTokens: countSchema,
  /** The settlement instant (epoch ms); defaults to the backend's clock. */
  nowMs: countSchema.optional(),
});

/** What `settle` takes. */
export type SettleRequest = z.input<typeof settleRequestSchema>;

export const releaseRequestSchema = z.strictObject({
  /** The id the request was admitted with. */
  requestId: z.string().min(1).max(256),
  /** The release instant (epoch ms); defaults to the backend's clock. */
  nowMs: countSchema.optional(),
});

/** What `release` takes: a request that ended with no cost and no tokens. */
export type ReleaseRequest = z.input<typeof releaseRequestSchema>;

export const budgetReadRequestSchema = z.strictObject({
  /** The scope whose budget window to read. */
  scope: limitScopeSchema,
  /** The window instance to read. */
  window: budgetWindowLimitSchema,
  /** The reading instant (epoch ms); defaults to the backend's clock. */
  nowMs: countSchema.optional(),
});

/** What `readBudget` takes. */
export type BudgetReadRequest = z.input<typeof budgetReadRequestSchema>;
