import { type CreateTableBuilder, type Kysely, type Migration } from 'kysely';

/* Migrations use Kysely<any>: they must keep compiling unchanged while the current schema type moves on. */
type Builder = CreateTableBuilder<any, any>;

/** Budget, limit, spend and bookkeeping columns of keys, users, teams and customers. */
function withBudgetColumns(table: Builder): Builder {
  return table
    .addColumn('max_budget_nano', 'bigint')
    .addColumn('soft_budget_nano', 'bigint')
    .addColumn('budget_duration', 'text')
    .addColumn('budget_reset_at', 'bigint')
    .addColumn('spend_nano', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('rpm_limit', 'bigint')
    .addColumn('tpm_limit', 'bigint')
    .addColumn('max_parallel_requests', 'bigint')
    .addColumn('metadata', 'text', (column) => column.notNull().defaultTo('{}'))
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .addColumn('updated_at', 'bigint', (column) => column.notNull());
}

const jsonList = (table: Builder, name: string): Builder => table.addColumn(name, 'text', (column) => column.notNull().defaultTo('[]'));
const jsonMap = (table: Builder, name: string): Builder => table.addColumn(name, 'text', (column) => column.notNull().defaultTo('{}'));

async function createEntityTables(db: Kysely<any>): Promise<void> {
  let keys = db.schema
    .createTable('keys')
    .addColumn('token_hash', 'text', (column) => column.primaryKey())
    .addColumn('previous_token_hash', 'text')
    .addColumn('previous_token_revoke_at', 'bigint')
    .addColumn('key_name', 'text', (column) => column.notNull())
    .addColumn('key_alias', 'text')
    .addColumn('user_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('key_type', 'text', (column) => column.notNull().defaultTo('default'))
    .addColumn('blocked', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('expires', 'bigint')
    .addColumn('created_by', 'text');
  for (const name of ['models', 'budget_limits', 'allowed_routes']) keys = jsonList(keys, name);
  for (const name of ['aliases', 'model_max_budget', 'model_rpm_limit', 'model_tpm_limit']) keys = jsonMap(keys, name);
  await withBudgetColumns(keys).execute();

  let users = db.schema
    .createTable('users')
    .addColumn('user_id', 'text', (column) => column.primaryKey())
    .addColumn('user_email', 'text')
    .addColumn('user_alias', 'text')
    .addColumn('user_role', 'text', (column) => column.notNull().defaultTo('internal_user'));
  users = jsonMap(jsonList(users, 'models'), 'model_max_budget');
  await withBudgetColumns(users).execute();

  let teams = db.schema
    .createTable('teams')
    .addColumn('team_id', 'text', (column) => column.primaryKey())
    .addColumn('team_alias', 'text')
    .addColumn('team_member_budget_nano', 'bigint')
    .addColumn('team_member_budget_duration', 'text')
    .addColumn('team_member_rpm_limit', 'bigint')
    .addColumn('team_member_tpm_limit', 'bigint')
    .addColumn('blocked', 'bigint', (column) => column.notNull().defaultTo(0));
  for (const name of ['models', 'budget_limits']) teams = jsonList(teams, name);
  for (const name of ['model_rpm_limit', 'model_tpm_limit', 'model_max_budget', 'model_aliases']) teams = jsonMap(teams, name);
  await withBudgetColumns(teams).execute();

  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'text', (column) => column.notNull())
    .addColumn('user_id', 'text', (column) => column.notNull())
    .addColumn('role', 'text', (column) => column.notNull().defaultTo('user'))
    .addColumn('max_budget_in_team_nano', 'bigint')
    .addColumn('spend_nano', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('budget_duration', 'text')
    .addColumn('budget_reset_at', 'bigint')
    .addColumn('rpm_limit', 'bigint')
    .addColumn('tpm_limit', 'bigint')
    .addColumn('created_at', 'bigint', (column) => column.notNull())
    .addColumn('updated_at', 'bigint', (column) => column.notNull())
    .addPrimaryKeyConstraint('team_members_pkey', ['team_id', 'user_id'])
    .execute();

  const customers = db.schema
    .createTable('customers')
    .addColumn('user_id', 'text', (column) => column.primaryKey())
    .addColumn('alias', 'text')
    .addColumn('blocked', 'bigint', (column) => column.notNull().defaultTo(0))
    .addColumn('allowed_model_region', 'text')
    .addColumn('default_model', 'text');
  await withBudgetColumns(customers).execute();

  await db.schema
    .createTable('model_spend')
    .addColumn('entity_type', 'text', (column) => column.notNull())
    .addColumn('entity_id', 'text', (column) => column.notNull())
    .addColumn('model', 'text', (column) => column.notNull())
    .addColumn('spend_nano', 'bigint', (column) => column.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('model_spend_pkey', ['entity_type', 'entity_id', 'model'])
    .execute();
}

async function createSpendTables(db: Kysely<any>): Promise<void> {
  let spendLogs = db.schema
    .createTable('spend_logs')
    .addColumn('request_id', 'text', (column) => column.primaryKey())
    .addColumn('call_type', 'text', (column) => column.notNull())
    .addColumn('api_key', 'text')
    .addColumn('spend_nano', 'bigint');
  for (const name of ['total_tokens', 'prompt_tokens', 'completion_tokens', 'cache_read_tokens', 'cache_creation_tokens', 'reasoning_tokens']) {
    spendLogs = spendLogs.addColumn(name, 'bigint', (column) => column.notNull().defaultTo(0));
  }
  await spendLogs
    .addColumn('start_time', 'bigint', (column) => column.notNull())
    .addColumn('end_time', 'bigint', (column) => column.notNull())
    .addColumn('completion_start_time', 'bigint')
    .addColumn('request_duration_ms', 'bigint', (column) => column.notNull())
    .addColumn('model', 'text', (column) => column.notNull())
    .addColumn('model_id', 'text')
    .addColumn('model_group', 'text')
    .addColumn('custom_llm_provider', 'text')
    .addColumn('api_base', 'text')
    .addColumn('user', 'text')
    .addColumn('end_user', 'text')
    .addColumn('team_id', 'text')
    .addColumn('session_id', 'text')
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('request_tags', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('metadata', 'text', (column) => column.notNull().defaultTo('{}'))
    .execute();

  let dailySpend: Builder = db.schema.createTable('daily_spend');
  for (const name of ['date', 'entity_type', 'entity_id', 'api_key', 'model', 'model_group', 'provider']) {
    dailySpend = dailySpend.addColumn(name, 'text', (column) => column.notNull());
  }
  for (const name of [
    'prompt_tokens',
    'completion_tokens',
    'cache_read_tokens',
    'cache_creation_tokens',
    'reasoning_tokens',
    'spend_nano',
    'api_requests',
    'successful_requests',
    'failed_requests',
    'unpriced_requests',
  ]) {
    dailySpend = dailySpend.addColumn(name, 'bigint', (column) => column.notNull().defaultTo(0));
  }
  // Leading (entity_type, date) serves every report's range scan straight from the primary key.
  await dailySpend
    .addPrimaryKeyConstraint('daily_spend_pkey', ['entity_type', 'date', 'entity_id', 'api_key', 'model', 'model_group', 'provider'])
    .execute();
}

async function createIndexes(db: Kysely<any>): Promise<void> {
  const indexes: Array<[name: string, table: string, columns: string[], unique?: boolean]> = [
    ['keys_key_alias_unique', 'keys', ['key_alias'], true],
    ['keys_previous_token_hash', 'keys', ['previous_token_hash']],
    ['keys_user_id', 'keys', ['user_id']],
    ['keys_team_id', 'keys', ['team_id']],
    ['keys_budget_reset_at', 'keys', ['budget_reset_at']],
    ['users_user_email_unique', 'users', ['user_email'], true],
    ['users_budget_reset_at', 'users', ['budget_reset_at']],
    ['teams_budget_reset_at', 'teams', ['budget_reset_at']],
    ['team_members_user_id', 'team_members', ['user_id']],
    ['team_members_budget_reset_at', 'team_members', ['budget_reset_at']],
    ['customers_budget_reset_at', 'customers', ['budget_reset_at']],
    ['spend_logs_start_time', 'spend_logs', ['start_time']],
    ['spend_logs_api_key_start_time', 'spend_logs', ['api_key', 'start_time']],
    ['spend_logs_user_start_time', 'spend_logs', ['user', 'start_time']],
    ['spend_logs_team_id_start_time', 'spend_logs', ['team_id', 'start_time']],
    ['spend_logs_end_user_start_time', 'spend_logs', ['end_user', 'start_time']],
    ['spend_logs_session_id', 'spend_logs', ['session_id']],
  ];
  for (const [name, table, columns, unique] of indexes) {
    const builder = db.schema.createIndex(name).on(table).columns(columns);
    await (unique === true ? builder.unique() : builder).execute();
  }
}

/** The first schema: entities, spend logs, per-model spend and daily rollups. */
export const initialMigration: Migration = {
  async up(db: Kysely<any>): Promise<void> {
    await createEntityTables(db);
    await createSpendTables(db);
    await createIndexes(db);
  },
  async down(db: Kysely<any>): Promise<void> {
    for (const table of ['daily_spend', 'spend_logs', 'model_spend', 'customers', 'team_members', 'teams', 'users', 'keys']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
