import type { BudgetFields, BudgetFieldsInput } from '../common/budget-fields.js';
import type { BudgetLimit, ModelBudget } from '../common/json-columns.js';

/** What a key may call (LiteLLM's `key_type`). */
export type KeyType = 'default' | 'llm_api' | 'management' | 'read_only';

/** Every key type. */
export const KEY_TYPES: readonly KeyType[] = ['default', 'llm_api', 'management', 'read_only'];

/** A virtual key as stored (never the raw key). */
export interface KeyRecord extends BudgetFields {
  /** SHA-256 hex of the raw key; the primary key. Changes when the key is regenerated. */
  tokenHash: string;
  /** Stable id: never changes, even when the key is regenerated. Budgets and live counters belong to it. */
  keyId: string;
  /** Hash before the last regeneration, still accepted until `previousTokenRevokeAt`. */
  previousTokenHash: string | null;
  /** When the previous hash stops authenticating. */
  previousTokenRevokeAt: Date | null;
  /** `sk-...last4`. */
  keyName: string;
  /** Unique human name, or null. */
  keyAlias: string | null;
  /** Owning internal user. */
  userId: string | null;
  /** Owning team. */
  teamId: string | null;
  /** Allowed model names; empty = whatever the owner may use. */
  models: string[];
  /** Model name aliases (`{"gpt-3.5-turbo": "my-free-tier"}`). */
  aliases: Record<string, string>;
  /** Per-model budgets. */
  modelMaxBudget: Record<string, ModelBudget>;
  /** Extra budget windows (daily $10 and monthly $100 at once). */
  budgetLimits: BudgetLimit[];
  /** Per-model requests per minute. */
  modelRpmLimit: Record<string, number>;
  /** Per-model tokens per minute. */
  modelTpmLimit: Record<string, number>;
  keyType: KeyType;
  /** Routes or route groups the key may call; empty = per key type. */
  allowedRoutes: string[];
  blocked: boolean;
  /** Expiry; null = never. */
  expires: Date | null;
  /** Who created the key (user id or `master_key`). */
  createdBy: string | null;
}

/** Fields accepted by create and update; `undefined` leaves a field as it is, `null` clears it. */
export interface KeyFieldsInput extends BudgetFieldsInput {
  keyAlias?: string | null;
  userId?: string | null;
  teamId?: string | null;
  models?: string[];
  aliases?: Record<string, string>;
  modelMaxBudget?: Record<string, ModelBudget>;
  budgetLimits?: BudgetLimit[];
  modelRpmLimit?: Record<string, number>;
  modelTpmLimit?: Record<string, number>;
  keyType?: KeyType;
  allowedRoutes?: string[];
  blocked?: boolean;
  /** Lifetime from now (`30d`); null or `-1` = never expires. Wins over `expires`. */
  duration?: string | null;
  /** Explicit expiry instant; null = never. */
  expires?: Date | null;
}

/** Input of `KeyStore.create`. */
export interface CreateKeyInput extends KeyFieldsInput {
  /** Caller-chosen raw key (must start with `sk-`); generated when absent. */
  key?: string;
  createdBy?: string | null;
}

/** Input of `KeyStore.update`. */
export type UpdateKeyInput = KeyFieldsInput;

/** A key just created or regenerated: the raw key, shown once, and the stored record. */
export interface IssuedKey {
  /** The raw `sk-…` key. Never stored; give it to the caller once. */
  key: string;
  record: KeyRecord;
}
