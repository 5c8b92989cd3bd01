import type { LedgerDb } from '../db/ledger-schema.js';
import { spendEventSchema, type SpendEvent, type SpendEventInput } from '../spend/spend-event-schema.js';
import { insertSpendLogs } from '../spend/insert-spend-logs.js';

/** What {@link journalSpendEvents} wrote. */
export interface JournalResult {
  /** Request ids written now, waiting for their roll-up. */
  journaled: string[];
  /** Request ids already logged (journaled or booked before, or repeated in the batch): nothing was written for them. */
  duplicates: string[];
}

/**
 * Makes spend events durable in ONE transaction by writing only their spend-log rows, marked as not yet rolled up;
 * {@link rollUpSpendJournal} adds them to the totals later, in bulk. A request id already logged is skipped, so an
 * event is counted once whichever way it arrives. The cheap half of booking, for a caller that must wait for
 * durability before it answers (the embedded proxy); events are validated first, an invalid one writes nothing.
 */
export async function journalSpendEvents(db: LedgerDb, events: readonly (SpendEventInput | SpendEvent)[]): Promise<JournalResult> {
  const unique = new Map<string, SpendEvent>();
  const duplicates: string[] = [];
  for (const input of events) {
    const event = spendEventSchema.parse(input);
    if (unique.has(event.request_id)) duplicates.push(event.request_id);
    else unique.set(event.request_id, event);
  }
  if (unique.size === 0) return { journaled: [], duplicates };
  const written = await db.transaction().execute((trx) => insertSpendLogs(trx, [...unique.values()], { journaled: true }));
  const journaled: string[] = [];
  for (const requestId of unique.keys()) {
    if (written.has(requestId)) journaled.push(requestId);
    else duplicates.push(requestId);
  }
  return { journaled, duplicates };
}
