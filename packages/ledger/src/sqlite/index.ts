// @tollgate/ledger/sqlite: the pieces built on better-sqlite3 (an optional peer dependency: install it where this
// entry point, or `openLedgerDatabase` with a SQLite URL, is used).
export { createSqliteDialect, type SqliteDialectOptions } from '../db/sqlite-dialect.js';
export { SpendOutbox, type OutboxEntry } from '../outbox/spend-outbox.js';
