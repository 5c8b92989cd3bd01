import type { ColumnType, Kysely } from 'kysely';

/**
 * Kysely table types: snake_case columns as stored. Conventions (one set for SQLite and PostgreSQL):
 * - every integer column is BIGINT and reads back as `bigint` (better-sqlite3 runs with safe integers, pg parses
 *   int8 to BigInt); money columns end in `_nano` (nano-USD), instants are epoch milliseconds;
 * - JSON columns are TEXT holding JSON, parsed by the row mappers with zod;
 * - booleans are 0/1.
 */
export type BigIntColumn = ColumnType<bigint, bigint | number, bigint | number>;
/** A nullable BIGINT column. */
export type NullableBigIntColumn = ColumnType<bigint | null, bigint | number | null, bigint | number | null>;
/** A BIGINT column with a default, optional on insert. */
export type DefaultedBigIntColumn = ColumnType<bigint, bigint | number | undefined, bigint | number>;

/** Budget, limit and spend columns every budgeted entity has. */
interface BudgetColumns {
  max_budget_nano: NullableBigIntColumn;
  soft_budget_nano: NullableBigIntColumn;
  budget_duration: string | null;
  budget_reset_at: NullableBigIntColumn;
  spend_nano: DefaultedBigIntColumn;
  rpm_limit: NullableBigIntColumn;
  tpm_limit: NullableBigIntColumn;
  max_parallel_requests: NullableBigIntColumn;
  metadata: string;
  created_at: BigIntColumn;
  updated_at: BigIntColumn;
}

export interface KeysTable extends BudgetColumns {
  token_hash: string;
  /** Stable id of the key: its budgets and live counters hang on it, regenerate never changes it. */
  key_id: string;
  previous_token_hash: string | null;
  previous_token_revoke_at: NullableBigIntColumn;
  key_name: string;
  key_alias: string | null;
  user_id: string | null;
  team_id: string | null;
  models: string;
  aliases: string;
  model_max_budget: string;
  budget_limits: string;
  model_rpm_limit: string;
  model_tpm_limit: string;
  key_type: string;
  allowed_routes: string;
  blocked: DefaultedBigIntColumn;
  expires: NullableBigIntColumn;
  created_by: string | null;
}

export interface UsersTable extends BudgetColumns {
  user_id: string;
  user_email: string | null;
  user_alias: string | null;
  user_role: string;
  models: string;
  model_max_budget: string;
}

export interface TeamsTable extends BudgetColumns {
  team_id: string;
  team_alias: string | null;
  models: string;
  model_rpm_limit: string;
  model_tpm_limit: string;
  model_max_budget: string;
  model_aliases: string;
  budget_limits: string;
  team_member_budget_nano: NullableBigIntColumn;
  team_member_budget_duration: string | null;
  team_member_rpm_limit: NullableBigIntColumn;
  team_member_tpm_limit: NullableBigIntColumn;
  blocked: DefaultedBigIntColumn;
}

export interface TeamMembersTable {
  team_id: string;
  user_id: string;
  role: string;
  max_budget_in_team_nano: NullableBigIntColumn;
  spend_nano: DefaultedBigIntColumn;
  budget_duration: string | null;
  budget_reset_at: NullableBigIntColumn;
  rpm_limit: NullableBigIntColumn;
  tpm_limit: NullableBigIntColumn;
  created_at: BigIntColumn;
  updated_at: BigIntColumn;
}

export interface CustomersTable extends BudgetColumns {
  user_id: string;
  alias: string | null;
  blocked: DefaultedBigIntColumn;
  allowed_model_region: string | null;
  default_model: string | null;
  /** The budget whose limits apply where the customer sets none (migration 0009). */
  budget_id: string | null;
}

/** A named set of limits (LiteLLM's budget table); no spend of its own. */
export interface BudgetsTable {
  budget_id: string;
  max_budget_nano: NullableBigIntColumn;
  soft_budget_nano: NullableBigIntColumn;
  budget_duration: string | null;
  budget_reset_at: NullableBigIntColumn;
  rpm_limit: NullableBigIntColumn;
  tpm_limit: NullableBigIntColumn;
  max_parallel_requests: NullableBigIntColumn;
  created_by: string | null;
  updated_by: string | null;
  created_at: BigIntColumn;
  updated_at: BigIntColumn;
}

/** Every hash a key has had (current, previous, older), so spend logs that carry a past hash count for the key. */
export interface KeyHashesTable {
  token_hash: string;
  key_id: string;
}

export interface ModelSpendTable {
  entity_type: string;
  entity_id: string;
  model: string;
  spend_nano: BigIntColumn;
}

export interface SpendLogsTable {
  request_id: string;
  /** The id the answer carried (`chatcmpl-…`); null for rows older than migration 0008. */
  response_id: string | null;
  call_type: string;
  api_key: string | null;
  spend_nano: NullableBigIntColumn;
  total_tokens: BigIntColumn;
  prompt_tokens: BigIntColumn;
  completion_tokens: BigIntColumn;
  cache_read_tokens: BigIntColumn;
  cache_creation_tokens: BigIntColumn;
  reasoning_tokens: BigIntColumn;
  start_time: BigIntColumn;
  end_time: BigIntColumn;
  completion_start_time: NullableBigIntColumn;
  request_duration_ms: BigIntColumn;
  model: string;
  model_id: string | null;
  model_group: string | null;
  custom_llm_provider: string | null;
  api_base: string | null;
  user: string | null;
  end_user: string | null;
  team_id: string | null;
  session_id: string | null;
  status: string;
  request_tags: string;
  metadata: string;
  /** 0 while the row waits in the spend journal for its totals, 1 once they include it (see the spend-journal migration). */
  rolled_up: ColumnType<bigint | number, number | undefined, number>;
}

export interface DailySpendTable {
  date: string;
  entity_type: string;
  entity_id: string;
  api_key: string;
  model: string;
  model_group: string;
  provider: string;
  prompt_tokens: BigIntColumn;
  completion_tokens: BigIntColumn;
  cache_read_tokens: BigIntColumn;
  cache_creation_tokens: BigIntColumn;
  reasoning_tokens: BigIntColumn;
  spend_nano: BigIntColumn;
  api_requests: BigIntColumn;
  successful_requests: BigIntColumn;
  failed_requests: BigIntColumn;
  unpriced_requests: BigIntColumn;
}

/** Every table of the ledger. */
export interface LedgerSchema {
  keys: KeysTable;
  key_hashes: KeyHashesTable;
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  customers: CustomersTable;
  budgets: BudgetsTable;
  model_spend: ModelSpendTable;
  spend_logs: SpendLogsTable;
  daily_spend: DailySpendTable;
}

/** A Kysely handle on the ledger (SQLite or PostgreSQL). */
export type LedgerDb = Kysely<LedgerSchema>;

