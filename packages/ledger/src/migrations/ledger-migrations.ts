import type { Migration } from 'kysely';
import { initialMigration } from './0001-initial.js';
import { spendJournalMigration } from './0003-spend-journal.js';
import { reportIndexesMigration } from './0004-report-indexes.js';
import { partialSpendLogIndexesMigration } from './0005-partial-spend-log-indexes.js';
import { keyIdsMigration } from './0006-key-ids.js';
import { storedResponsesMigration } from './0007-stored-responses.js';
import { spendLogResponseIdsMigration } from './0008-spend-log-response-ids.js';
import { budgetsMigration } from './0009-budgets.js';

/**
 * Every ledger migration, in order, as code (not files found at run time), so a bundled or installed package migrates
 * the same way as the source tree. Append only: never edit or reorder a released migration.
 */
export const ledgerMigrations: Readonly<Record<string, Migration>> = {
  '0001_initial': initialMigration,
  '0003_spend_journal': spendJournalMigration,
  '0004_report_indexes': reportIndexesMigration,
  '0005_partial_spend_log_indexes': partialSpendLogIndexesMigration,
  '0006_key_ids': keyIdsMigration,
  '0007_stored_responses': storedResponsesMigration,
  '0008_spend_log_response_ids': spendLogResponseIdsMigration,
  '0009_budgets': budgetsMigration,
};
