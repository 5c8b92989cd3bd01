// @tollgate/ledger/postgres: the PostgreSQL dialect over pg (an optional peer dependency: install it where this entry
// point, or `openLedgerDatabase` with a postgres:// URL, is used).
export { createPostgresDialect, type PostgresDialectOptions } from '../db/postgres-dialect.js';
