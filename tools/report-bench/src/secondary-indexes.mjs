// Bulk loads run faster into a table without its secondary indexes: these capture the indexes the migrations made,
// drop them, and rebuild exactly those definitions after the load.
import { sql } from 'kysely';

/** Definitions of the table's indexes that back no constraint (the primary key stays), as CREATE INDEX statements. */
export async function secondaryIndexesOf(db, { engine, table }) {
  if (engine === 'postgres') {
    const result = await sql`
      select index_class.relname as name, pg_get_indexdef(index_class.oid) as definition
      from pg_index
      join pg_class index_class on index_class.oid = pg_index.indexrelid
      join pg_class table_class on table_class.oid = pg_index.indrelid
      join pg_namespace on pg_namespace.oid = table_class.relnamespace
      where pg_namespace.nspname = current_schema() and table_class.relname = ${table}
        and not exists (select 1 from pg_constraint where pg_constraint.conindid = index_class.oid)
      order by index_class.relname`.execute(db);
    return result.rows;
  }
  // Automatic indexes (primary key, unique constraints) have no SQL text.
  const result = await sql`select name, sql as definition from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null order by name`.execute(db);
  return result.rows;
}

export async function dropIndexes(db, indexes) {
  for (const index of indexes) await sql`drop index ${sql.id(index.name)}`.execute(db);
}

export async function createIndexes(db, indexes) {
  for (const index of indexes) await sql.raw(index.definition).execute(db);
}
