// @tollgate/ledger: storage (SQLite or PostgreSQL through Kysely), keys/users/teams/customers, exact spend
// accounting, reports and budget windows. Money is integer nano-USD (bigint). Requiring it loads no database driver
// and no Redis client: `openLedgerDatabase` loads the driver its URL needs; the drivers' own pieces are behind
// `@tollgate/ledger/sqlite` and `@tollgate/ledger/postgres`, the BullMQ spend-queue contract behind `/queue`.

// Money.
// Money lives in @tollgate/core; re-exported because the ledger's API speaks it.
export { NANO_USD_PER_USD, MAX_NANO_USD, usdToNanoUsd, nanoUsdToUsd, nullableNanoUsdToUsd, nanoUsdStringSchema } from '@tollgate/core';

// Budget windows and durations.
export { parseDuration, isDuration, durationSchema, type Duration, type DurationUnit } from './budget-window/parse-duration.js';
export {
  budgetWindowAt,
  nextBudgetResetAt,
  type BudgetWindow,
  type BudgetWindowOptions,
  type NextBudgetResetOptions,
} from './budget-window/budget-window.js';
export { addDuration, type AddDurationOptions } from './budget-window/add-duration.js';
export { assertTimeZone } from './budget-window/zoned-time.js';

// Database and migrations.
export { openLedgerDatabase, type OpenLedgerDatabaseOptions } from './db/open-ledger-database.js';
export { parseDatabaseUrl, type DatabaseLocation } from './db/database-url.js';
export { dialectOf, type LedgerDialect } from './db/dialect-of.js';
export { isUniqueViolation, isRetryableTransactionError } from './db/sql-errors.js';
export type {
  LedgerDb,
  LedgerSchema,
  KeysTable,
  UsersTable,
  TeamsTable,
  TeamMembersTable,
  CustomersTable,
  BudgetsTable,
  ModelSpendTable,
  SpendLogsTable,
  DailySpendTable,
} from './db/ledger-schema.js';
export { migrateLedger, LEDGER_MIGRATION_TABLE, LEDGER_MIGRATION_LOCK_TABLE } from './migrations/migrate-ledger.js';
export { ledgerMigrations } from './migrations/ledger-migrations.js';

// Shared entity shapes.
export type { StoreOptions } from './common/store-options.js';
export type { PageRequest, SortOrder } from './common/pagination.js';
export type { BudgetFields, BudgetFieldsInput } from './common/budget-fields.js';
export type { ModelBudget, BudgetLimit } from './common/json-columns.js';

// Keys.
export { API_KEY_PREFIX, generateApiKey, hashApiKey, isApiKeyHash, toKeyHash, keyNameOf } from './keys/api-key.js';
export {
  KEY_TYPES,
  type KeyRecord,
  type KeyType,
  type KeyFieldsInput,
  type CreateKeyInput,
  type UpdateKeyInput,
  type IssuedKey,
} from './keys/key-record.js';
export { KeyStore, type ListKeysOptions, type KeyPage, type KeySortField, type RegenerateKeyOptions } from './keys/key-store.js';

// Users.
export { USER_ROLES, type UserRecord, type UserRole, type UserFieldsInput, type CreateUserInput, type UserWithKeyCount } from './users/user-record.js';
export { UserStore, type ListUsersOptions, type UserPage, type UserSortField } from './users/user-store.js';

// Teams and memberships.
export type { TeamRecord, TeamFieldsInput, CreateTeamInput } from './teams/team-record.js';
export { TeamStore, type ListTeamsOptions, type TeamPage } from './teams/team-store.js';
export type { TeamMemberRecord, TeamRole, TeamMemberFieldsInput, AddTeamMemberInput } from './teams/team-member-record.js';
export { TeamMemberStore } from './teams/team-member-store.js';

// Customers (end users).
export type { CustomerRecord, ModelRegion, CustomerFieldsInput, CreateCustomerInput } from './customers/customer-record.js';
export { CustomerStore, type CustomerPage } from './customers/customer-store.js';
export { customerHeldToBudget } from './customers/customer-held-to-budget.js';

// Budget objects (LiteLLM's budget table), linked from customers by `budget_id`.
export type { BudgetRecord, BudgetObjectFieldsInput, CreateBudgetInput } from './budget-objects/budget-record.js';
export { BudgetStore } from './budget-objects/budget-store.js';

// Stored Responses (OpenAI Responses API `store`), read per tenant.
export type { StoredResponseRecord, ResponseReader } from './responses/stored-response-record.js';
export { StoredResponseStore, mayReadResponse } from './responses/stored-response-store.js';

// Spend events and accounting.
export {
  SPEND_EVENT_SCHEMA_VERSION,
  spendEventSchema,
  spendEventV1Schema,
  type SpendEvent,
  type SpendEventInput,
} from './spend/spend-event-schema.js';
export { applySpendEvent, applySpendEvents, type ApplySpendResult, type ApplySpendOptions } from './spend/apply-spend-events.js';
export { readModelSpend } from './spend/read-model-spend.js';
export { journalSpendEvents, type JournalResult } from './spend-journal/journal-spend-events.js';
export { rollUpSpendJournal, type RollUpOptions } from './spend-journal/roll-up-spend-journal.js';

// Reports.
export { querySpendLogs, type SpendLogQuery } from './reports/query-spend-logs.js';
export type { SpendLogRecord } from './reports/spend-log-record.js';
export { summarizeSpend, type SummarizeSpendOptions, type DailySpendSummary } from './reports/summarize-spend.js';
export {
  globalSpendReport,
  type GlobalSpendReportOptions,
  type SpendReportGroupBy,
  type SpendReportDay,
  type SpendReportGroup,
  type SpendReportLine,
} from './reports/global-spend-report.js';
export { sumSpendInWindow, type SumSpendOptions, type SpendOwner } from './reports/sum-spend-in-window.js';

// Scheduled budget resets.
export { resetExpiredBudgets, type ResetExpiredBudgetsOptions, type ResetExpiredBudgetsResult } from './budgets/reset-expired-budgets.js';

// Facade.
export { Ledger, openLedger, type OpenLedgerOptions } from './ledger.js';
