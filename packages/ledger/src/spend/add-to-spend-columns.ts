import { sql, type RawBuilder, type Transaction } from 'kysely';
import { dialectOf } from '../db/dialect-of.js';
import type { LedgerSchema } from '../db/ledger-schema.js';

/** Tables whose `spend_nano` a batch adds to, with the columns that name one row. */
const ROW_IDS = {
  keys: ['token_hash'],
  users: ['user_id'],
  teams: ['team_id'],
  team_members: ['team_id', 'user_id'],
} as const;

/** A table {@link addToSpendColumns} writes to. */
export type SpendColumnTable = keyof typeof ROW_IDS;

/** An amount to add to one row, named by its id columns (in the order of the table's id columns). */
export interface SpendIncrement {
  ids: readonly string[];
  amountNano: bigint;
}

/** Rows per statement: 1,500 parameters at most, far below SQLite's 32,766 and PostgreSQL's 65,535. */
const CHUNK_ROWS = 500;

function compareIds(left: SpendIncrement, right: SpendIncrement): number {
  for (let index = 0; index < left.ids.length; index += 1) {
    const [a, b] = [left.ids[index]!, right.ids[index]!];
    if (a !== b) return a < b ? -1 : 1;
  }
  return 0;
}

/**
 * Adds each amount to the `spend_nano` of the existing row it names (a row that does not exist is skipped), with one
 * set-based statement per chunk of rows. Each row must be named once. Rows are locked in one global order, their ids
 * sorted, so that concurrent batches wait for each other instead of deadlocking: on PostgreSQL a materialized CTE
 * walks the sorted values list and locks each row through a `LATERAL … FOR UPDATE` lookup (a nested loop over the
 * list, in list order, whatever the table's size; a plain join would let the planner pick a hash join that touches
 * rows in table order), and the update then joins only rows already locked. SQLite has one writer at a time and needs
 * no row lock.
 */
export async function addToSpendColumns(trx: Transaction<LedgerSchema>, table: SpendColumnTable, increments: readonly SpendIncrement[]): Promise<void> {
  const idColumns = ROW_IDS[table];
  for (const { ids } of increments) {
    if (ids.length !== idColumns.length) throw new RangeError(`${table} rows are named by ${idColumns.length} id(s), got ${ids.length}`);
  }
  const sorted = [...increments].sort(compareIds);
  const postgres = dialectOf<LedgerSchema>(trx) === 'postgres';
  for (let start = 0; start < sorted.length; start += CHUNK_ROWS) {
    const chunk = sorted.slice(start, start + CHUNK_ROWS);
    await (postgres ? lockAndAdd(table, chunk) : add(table, chunk)).execute(trx);
  }
}

/** `t.id0 = v.id0 and …`: the row of `table` aliased `rowAlias` that the values row aliased `valuesAlias` names. */
function sameRow(table: SpendColumnTable, rowAlias: string, valuesAlias: string): RawBuilder<unknown> {
  return sql.join(
    ROW_IDS[table].map((column, index) => sql`${sql.ref(`${rowAlias}.${column}`)} = ${sql.ref(`${valuesAlias}.id${index}`)}`),
    sql` and `,
  );
}

/** `with v(id0, …, amount) as (values …)`, in the order given. */
function valuesTable(table: SpendColumnTable, chunk: readonly SpendIncrement[]): RawBuilder<unknown> {
  const columns = sql.join([...ROW_IDS[table].map((_, index) => `id${index}`), 'amount'].map((name) => sql.id(name)));
  const rows = chunk.map(({ ids, amountNano }) => sql`(${sql.join([...ids.map((id) => sql`${id}`), sql`cast(${amountNano} as bigint)`])})`);
  return sql`with v(${columns}) as (values ${sql.join(rows)})`;
}

function lockAndAdd(table: SpendColumnTable, chunk: readonly SpendIncrement[]): RawBuilder<unknown> {
  const target = sql.table(table);
  const lockedIds = sql.join(ROW_IDS[table].map((column, index) => sql`${sql.ref(`t.${column}`)} as ${sql.id(`id${index}`)}`));
  return sql`${valuesTable(table, chunk)},
    locked as materialized (
      select l.*, v.amount from v cross join lateral (select ${lockedIds} from ${target} as t where ${sameRow(table, 't', 'v')} for update) as l
    )
    update ${target} set spend_nano = ${target}.spend_nano + locked.amount
    from locked
    where ${sameRow(table, table, 'locked')}`;
}

function add(table: SpendColumnTable, chunk: readonly SpendIncrement[]): RawBuilder<unknown> {
  const target = sql.table(table);
  return sql`${valuesTable(table, chunk)}
    update ${target} set spend_nano = ${target}.spend_nano + v.amount
    from v
    where ${sameRow(table, table, 'v')}`;
}
