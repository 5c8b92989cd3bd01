import { PostgresDialect, type DatabaseIntrospector, type Kysely } from 'kysely';
import pg from 'pg';
import { CurrentSchemaIntrospector } from './current-schema-introspector.js';

/** Options of {@link createPostgresDialect}. */
export interface PostgresDialectOptions {
  /** `postgres://` URL. */
  connectionString: string;
  /** Schema to put first on the search path (tables live there); default the server's (`public`). */
  schema?: string;
  /** Most connections in the pool; default 10. */
  poolSize?: number;
}

const INT8_OID = 20;

/** A schema name we accept: a plain identifier, so it can go into `search_path` without quoting games. */
export const SCHEMA_NAME_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A Kysely dialect over a pg Pool whose int8 columns parse to BigInt (pg's default is a string); other types keep
 * pg's defaults. The type parsers are set on this pool only, not globally.
 */
export function createPostgresDialect(options: PostgresDialectOptions): PostgresDialect {
  if (options.schema !== undefined && !SCHEMA_NAME_PATTERN.test(options.schema)) {
    throw new RangeError(`Invalid PostgreSQL schema name ${JSON.stringify(options.schema)}`);
  }
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8_OID && format !== 'binary') return (text: string) => BigInt(text);
      // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment, @typescript-eslint/no-unsafe-return -- pg keys its parsers by plain OIDs and types them `any`
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    options: options.schema === undefined ? undefined : `-c search_path=${options.schema}`,
    types: types,
  });
  // A client whose connection drops (database restart, network cut) emits 'error': on the pool while idle, on itself
  // while checked out (Kysely holds it for a transaction; pg-pool listens only while idle). Unhandled, either would
  // crash the process. The query in flight fails, the pool discards the client, and the next query reconnects.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new LedgerPostgresDialect({ pool });
}

/** PostgreSQL as Kysely does it, but introspection sees the current schema only (see CurrentSchemaIntrospector). */
class LedgerPostgresDialect extends PostgresDialect {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's Dialect interface takes any database
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}
