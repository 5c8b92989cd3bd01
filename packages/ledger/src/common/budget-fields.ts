import { nextBudgetResetAt } from '../budget-window/budget-window.js';
import { readBigInt, readDate, readJson, readNullableBigInt, readNullableDate, readNullableInt, writeJson } from '../db/column-values.js';
import { metadataColumn } from './json-columns.js';
import type { ResolvedStoreOptions } from './store-options.js';
import { checkDuration, checkLimit, checkNano } from './validate-input.js';

/** Budget, limit and spend fields shared by keys, users, teams and customers. Money is nano-USD. */
export interface BudgetFields {
  /** Hard cap on spend per window (or for all time without a duration), nano-USD; null = none. */
  maxBudgetNano: bigint | null;
  /** Alert threshold, nano-USD; null = none. */
  softBudgetNano: bigint | null;
  /** Window of the budget (`30d`); null = spend never resets. */
  budgetDuration: string | null;
  /** When the stored spend next resets; null without a duration. */
  budgetResetAt: Date | null;
  /** Spend booked so far in the current window, nano-USD. */
  spendNano: bigint;
  /** Requests per minute; null = unlimited. */
  rpmLimit: number | null;
  /** Tokens per minute; null = unlimited. */
  tpmLimit: number | null;
  /** Requests in flight at once; null = unlimited. */
  maxParallelRequests: number | null;
  /** Free-form metadata. */
  metadata: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

/** The writable part of {@link BudgetFields}: `undefined` leaves a field as it is, `null` clears it. */
export interface BudgetFieldsInput {
  maxBudgetNano?: bigint | null;
  softBudgetNano?: bigint | null;
  budgetDuration?: string | null;
  /** Overwrites the stored spend (LiteLLM's `spend` on update, `reset_spend`). */
  spendNano?: bigint;
  rpmLimit?: number | null;
  tpmLimit?: number | null;
  maxParallelRequests?: number | null;
  metadata?: Record<string, unknown>;
}

/** Stored form of the budget columns. */
export interface BudgetColumnValues {
  max_budget_nano?: bigint | null;
  soft_budget_nano?: bigint | null;
  budget_duration?: string | null;
  budget_reset_at?: number | null;
  spend_nano?: bigint;
  rpm_limit?: number | null;
  tpm_limit?: number | null;
  max_parallel_requests?: number | null;
  metadata?: string;
}

/** Reads the budget columns of a row. */
export function readBudgetFields(row: {
  max_budget_nano: unknown;
  soft_budget_nano: unknown;
  budget_duration: string | null;
  budget_reset_at: unknown;
  spend_nano: unknown;
  rpm_limit: unknown;
  tpm_limit: unknown;
  max_parallel_requests: unknown;
  metadata: string;
  created_at: unknown;
  updated_at: unknown;
}): BudgetFields {
  return {
    maxBudgetNano: readNullableBigInt(row.max_budget_nano),
    softBudgetNano: readNullableBigInt(row.soft_budget_nano),
    budgetDuration: row.budget_duration,
    budgetResetAt: readNullableDate(row.budget_reset_at),
    spendNano: readBigInt(row.spend_nano),
    rpmLimit: readNullableInt(row.rpm_limit),
    tpmLimit: readNullableInt(row.tpm_limit),
    maxParallelRequests: readNullableInt(row.max_parallel_requests),
    metadata: readJson(row.metadata, metadataColumn, 'metadata'),
    createdAt: readDate(row.created_at),
    updatedAt: readDate(row.updated_at),
  };
}

/**
 * Checks and converts budget input to column values. Setting `budgetDuration` (re)starts the window: the next reset
 * is computed from now, calendar-aligned in the store's zone.
 */
export function budgetFieldsToColumns(input: BudgetFieldsInput, options: ResolvedStoreOptions): BudgetColumnValues {
  checkNano(input.maxBudgetNano, 'max_budget');
  checkNano(input.softBudgetNano, 'soft_budget');
  checkNano(input.spendNano, 'spend');
  checkDuration(input.budgetDuration, 'budget_duration');
  checkLimit(input.rpmLimit, 'rpm_limit');
  checkLimit(input.tpmLimit, 'tpm_limit');
  checkLimit(input.maxParallelRequests, 'max_parallel_requests');
  const columns: BudgetColumnValues = {};
  if (input.maxBudgetNano !== undefined) columns.max_budget_nano = input.maxBudgetNano;
  if (input.softBudgetNano !== undefined) columns.soft_budget_nano = input.softBudgetNano;
  if (input.budgetDuration !== undefined) {
    columns.budget_duration = input.budgetDuration;
    columns.budget_reset_at = resetAtFor(input.budgetDuration, options);
  }
  if (input.spendNano !== undefined) columns.spend_nano = input.spendNano;
  if (input.rpmLimit !== undefined) columns.rpm_limit = input.rpmLimit;
  if (input.tpmLimit !== undefined) columns.tpm_limit = input.tpmLimit;
  if (input.maxParallelRequests !== undefined) columns.max_parallel_requests = input.maxParallelRequests;
  if (input.metadata !== undefined) columns.metadata = writeJson(input.metadata);
  return columns;
}

/** The first reset of a window that starts now, or null without a duration. */
export function resetAtFor(budgetDuration: string | null, options: ResolvedStoreOptions): number | null {
  if (budgetDuration === null) return null;
  return nextBudgetResetAt({ duration: budgetDuration, from: options.clock(), timezone: options.timezone }).getTime();
}
