// @tollgate/ledger: storage (SQLite or PostgreSQL through Kysely), keys/users/teams/customers, exact spend
// accounting, the spend-queue contract, reports and budget windows. Money is integer nano-USD (bigint).

// Money.
export { NANO_USD_PER_USD, MAX_NANO_USD, usdToNanoUsd, nanoUsdToUsd, nullableNanoUsdToUsd } from './money/nano-usd.js';
export { nanoUsdStringSchema } from './money/nano-usd-schema.js';

// Budget windows and durations (shared with the limiters).
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

// Spend queue contract (BullMQ).
export {
  SPEND_QUEUE_NAME,
  SPEND_JOB_NAME,
  SPEND_JOB_DEFAULTS,
  spendJobId,
  spendJobOptions,
  type SpendQueue,
} from './queue/spend-queue-contract.js';
export { enqueueSpendEvent } from './queue/enqueue-spend-event.js';
export { SpendOutbox, type OutboxEntry } from './outbox/spend-outbox.js';
export { createSpendProcessor, parseSpendJobData } from './queue/create-spend-processor.js';

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

// LiteLLM-shaped serializers for the proxy's responses (USD numbers, snake_case, ISO times).
export { toLiteLLMKeyInfo, type LiteLLMKeyInfoOptions } from './litellm/to-litellm-key-info.js';
export { toLiteLLMUserInfo } from './litellm/to-litellm-user-info.js';
export { toLiteLLMTeamInfo, toLiteLLMTeamMembership } from './litellm/to-litellm-team-info.js';
export { toLiteLLMCustomerInfo } from './litellm/to-litellm-customer-info.js';
export { toLiteLLMSpendLog } from './litellm/to-litellm-spend-log.js';
export { toLiteLLMSpendReport, toLiteLLMKeySpendReport, toLiteLLMSpendSummary } from './litellm/to-litellm-spend-report.js';

// Facade.
export { Ledger, openLedger, type OpenLedgerOptions } from './ledger.js';

// Live counters: budget reservations and rate limits (in memory, or Redis shared by replicas).
export type { LimitBackend } from './limits/limit-backend.js';
export { MemoryLimitBackend } from './limits/memory-limit-backend.js';
export { RedisLimitBackend, type RedisLimitBackendOptions } from './limits/redis-limit-backend.js';
export { createLimiterRedis, type CreateLimiterRedisOptions } from './limits/create-limiter-redis.js';
export { coalesceWritesUntilNextTurn } from './redis/coalesce-writes-until-next-turn.js';
export type { LimiterOptions, LimiterLogger, SeedBudget } from './limits/limiter-options.js';
export { LIMIT_SCOPE_KINDS, limitScopeSchema, type LimitScope, type LimitScopeKind } from './limits/limit-scope.js';
export {
  admitRequestSchema,
  budgetWindowLimitSchema,
  scopeLimitsSchema,
  settleRequestSchema,
  releaseRequestSchema,
  type AdmitRequest,
  type BudgetWindowLimit,
  type ScopeLimits,
  type SettleRequest,
  type ReleaseRequest,
  type BudgetReadRequest,
} from './limits/admit-request.js';
export type {
  AdmitResult,
  Admitted,
  Refused,
  LimiterUnavailable,
  LimitRefusal,
  LimitKind,
  RateLimitInfo,
  RateLimitWindowInfo,
  SettleResult,
  SoftBudgetCrossing,
  BudgetReading,
} from './limits/admission-result.js';
export { rateLimitHeaders, formatResetDuration } from './limits/rate-limit-info.js';
export { limitRefusalError, admissionError } from './limits/limit-errors.js';
export { CircuitBreaker, CircuitOpenError, type CircuitBreakerOptions, type CircuitState } from './limits/circuit-breaker.js';
export { LimiterTimeoutError, withTimeout } from './limits/with-timeout.js';
