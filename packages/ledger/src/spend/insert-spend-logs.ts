import { CompiledQuery, sql, type Insertable, type Transaction } from 'kysely';
import { dialectOf } from '../db/dialect-of.js';
import type { LedgerSchema, SpendLogsTable } from '../db/ledger-schema.js';
import type { SpendEvent } from './spend-event-schema.js';
import { spendEventToLogRow } from './spend-log-row.js';

type SpendLogRow = Insertable<SpendLogsTable>;
type WrittenColumn = Exclude<keyof SpendLogRow, 'rolled_up'>;

/** The PostgreSQL type of every column a spend-log row carries (for the arrays `unnest` reads). */
const POSTGRES_TYPES = {
  request_id: 'text',
  response_id: 'text',
  call_type: 'text',
  api_key: 'text',
  spend_nano: 'int8',
  total_tokens: 'int8',
  prompt_tokens: 'int8',
  completion_tokens: 'int8',
  cache_read_tokens: 'int8',
  cache_creation_tokens: 'int8',
  reasoning_tokens: 'int8',
  start_time: 'int8',
  end_time: 'int8',
  completion_start_time: 'int8',
  request_duration_ms: 'int8',
  model: 'text',
  model_id: 'text',
  model_group: 'text',
  custom_llm_provider: 'text',
  api_base: 'text',
  user: 'text',
  end_user: 'text',
  team_id: 'text',
  session_id: 'text',
  status: 'text',
  request_tags: 'text',
  metadata: 'text',
} as const satisfies Record<WrittenColumn, 'text' | 'int8'>;

/** Options of {@link insertSpendLogs}. */
export interface InsertSpendLogsOptions {
  /** Write the rows as journaled (`rolled_up = 0`): their totals are added later by the journal's roll-up. */
  journaled?: boolean;
}

const WRITTEN_COLUMNS = Object.keys(POSTGRES_TYPES) as WrittenColumn[];

/**
 * SQLite: one prepared single-row statement, run once per row. Its text never changes, so better-sqlite3 prepares it
 * once (see cached-statements.ts) and no query is built or compiled per call; rows are cheap in SQLite, there is no
 * network round trip per statement.
 */
const SQLITE_INSERT = {
  booked: sqliteInsertText(false),
  journaled: sqliteInsertText(true),
};

function sqliteInsertText(journaled: boolean): string {
  const columns = [...WRITTEN_COLUMNS, 'rolled_up'].map((column) => `"${column}"`).join(', ');
  const values = [...WRITTEN_COLUMNS.map(() => '?'), journaled ? '0' : '1'].join(', ');
  return `insert into "spend_logs" (${columns}) values (${values}) on conflict ("request_id") do nothing`;
}

/**
 * Inserts the spend-log row of each event, skipping request ids already booked (`ON CONFLICT DO NOTHING`), in the
 * order given; returns the request ids inserted. On PostgreSQL the rows go as one array per column through `unnest`:
 * one statement with 26 parameters instead of 26 per row, which PostgreSQL plans and the driver encodes in a fraction
 * of the time. On SQLite each row runs the same prepared statement.
 */
export async function insertSpendLogs(
  trx: Transaction<LedgerSchema>,
  events: readonly SpendEvent[],
  options: InsertSpendLogsOptions = {},
): Promise<Set<string>> {
  const rows = events.map(spendEventToLogRow);
  const inserted = new Set<string>();
  if (rows.length === 0) return inserted;
  if (dialectOf<LedgerSchema>(trx) === 'postgres') {
    const result = await insertWithUnnest(rows, options.journaled === true).execute(trx);
    for (const row of result.rows) inserted.add(row.request_id);
    return inserted;
  }
  const text = options.journaled === true ? SQLITE_INSERT.journaled : SQLITE_INSERT.booked;
  for (const row of rows) {
    const result = await trx.executeQuery(CompiledQuery.raw(text, WRITTEN_COLUMNS.map((column) => row[column] ?? null)));
    if (result.numAffectedRows === 1n) inserted.add(row.request_id);
  }
  return inserted;
}

function insertWithUnnest(rows: readonly SpendLogRow[], journaled: boolean) {
  const columns = WRITTEN_COLUMNS;
  const arrays = columns.map((column) => {
    const type = POSTGRES_TYPES[column];
    if (type === undefined) throw new Error(`spend_logs column ${column} has no PostgreSQL type for unnest`);
    const values = rows.map((row) => {
      const value = row[column];
      return typeof value === 'bigint' ? value.toString() : value;
    });
    return sql`cast(${values} as ${sql.raw(type)}[])`;
  });
  // unnest over several arrays yields rows in array order, so the unique index is taken in the order given.
  return sql<{ request_id: string }>`insert into spend_logs (${sql.join(columns.map((column) => sql.id(column)))}, rolled_up)
    select *, ${journaled ? 0 : 1} from unnest(${sql.join(arrays)})
    on conflict (request_id) do nothing
    returning request_id`;
}
