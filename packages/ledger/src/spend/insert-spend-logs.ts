import { sql, type Insertable, type Transaction } from 'kysely';
import { dialectOf } from '../db/dialect-of.js';
import type { LedgerSchema, SpendLogsTable } from '../db/ledger-schema.js';
import type { SpendEvent } from './spend-event-schema.js';
import { spendEventToLogRow } from './spend-log-row.js';

type SpendLogRow = Insertable<SpendLogsTable>;
type WrittenColumn = Exclude<keyof SpendLogRow, 'rolled_up'>;

/** The PostgreSQL type of every column a spend-log row carries (for the arrays `unnest` reads). */
const POSTGRES_TYPES = {
  request_id: 'text',
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

/** SQLite rows per statement: 26 columns × 400 = 10,400 parameters, below SQLite's 32,766. */
const SQLITE_CHUNK_ROWS = 400;

/**
 * Inserts the spend-log row of each event, skipping request ids already booked (`ON CONFLICT DO NOTHING`), in the
 * order given; returns the request ids inserted. On PostgreSQL the rows go as one array per column through `unnest`:
 * one statement with 26 parameters instead of 26 per row, which PostgreSQL plans and the driver encodes in a fraction
 * of the time.
 */
export async function insertSpendLogs(trx: Transaction<LedgerSchema>, events: readonly SpendEvent[]): Promise<Set<string>> {
  const rows = events.map(spendEventToLogRow);
  const inserted = new Set<string>();
  if (rows.length === 0) return inserted;
  if (dialectOf<LedgerSchema>(trx) === 'postgres') {
    const result = await insertWithUnnest(rows).execute(trx);
    for (const row of result.rows) inserted.add(row.request_id);
    return inserted;
  }
  for (let index = 0; index < rows.length; index += SQLITE_CHUNK_ROWS) {
    const chunk = rows.slice(index, index + SQLITE_CHUNK_ROWS);
    const result = await trx.insertInto('spend_logs').values(chunk).onConflict((conflict) => conflict.column('request_id').doNothing()).returning('request_id').execute();
    for (const row of result) inserted.add(row.request_id);
  }
  return inserted;
}

function insertWithUnnest(rows: readonly SpendLogRow[]) {
  const columns = Object.keys(rows[0]!) as WrittenColumn[];
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
  return sql<{ request_id: string }>`insert into spend_logs (${sql.join(columns.map((column) => sql.id(column)))})
    select * from unnest(${sql.join(arrays)})
    on conflict (request_id) do nothing
    returning request_id`;
}
