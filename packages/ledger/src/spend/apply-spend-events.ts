import type { Kysely } from 'kysely';
import type { LedgerSchema } from '../db/ledger-schema.js';
import { runTransactionWithRetries } from '../db/run-transaction-with-retries.js';
import { aggregateSpendEvents } from './aggregate-spend-events.js';
import { insertSpendLogs } from './insert-spend-logs.js';
import { spendEventSchema, type SpendEvent, type SpendEventInput } from './spend-event-schema.js';
import { writeSpendTotals } from './write-spend-totals.js';

/** What a call to {@link applySpendEvents} booked. */
export interface ApplySpendResult {
  /** Request ids booked by this call. */
  applied: string[];
  /** Request ids already booked before (or repeated within the batch): nothing was added for them. */
  duplicates: string[];
}

/** Options of {@link applySpendEvents}. */
export interface ApplySpendOptions {
  /** Clock for rows created on the way (customers seen for the first time); default now. */
  clock?: () => Date;
  /** Attempts when PostgreSQL reports a deadlock or serialization failure (safe: the batch is idempotent); default 5. */
  maxAttempts?: number;
  /**
   * The events are `spendEventSchema` output already (as `parseSpendJobData` returns them), so they are not parsed a
   * second time; default false. A queue worker validates each job on arrival so that a malformed one fails alone.
   */
  validated?: boolean;
}

/**
 * Books a batch of spend events in ONE transaction: inserts each spend-log row (a request id already present is
 * skipped: `ON CONFLICT DO NOTHING`), then adds the cost of the rows actually inserted to key, user, team, team
 * member, customer, per-model (key and team) and daily-rollup totals. A retry, a redelivery or a duplicate inside
 * the batch therefore never counts twice, and a crash before commit counts nothing. Events are validated first
 * (unless `validated`); an invalid one throws before anything is written.
 */
export async function applySpendEvents(
  db: Kysely<LedgerSchema>,
  events: readonly (SpendEventInput | SpendEvent)[],
  options: ApplySpendOptions = {},
): Promise<ApplySpendResult> {
  const parsed = options.validated === true ? (events as readonly SpendEvent[]) : events.map((event) => spendEventSchema.parse(event));
  const unique = new Map<string, SpendEvent>();
  const duplicates: string[] = [];
  for (const event of parsed) {
    if (unique.has(event.request_id)) duplicates.push(event.request_id);
    else unique.set(event.request_id, event);
  }
  // Sorted so that concurrent batches take unique-index locks in the same order.
  const ordered = [...unique.values()].sort((a, b) => (a.request_id < b.request_id ? -1 : a.request_id > b.request_id ? 1 : 0));
  if (ordered.length === 0) return { applied: [], duplicates };
  const clock = options.clock ?? (() => new Date());
  const applied = await runTransactionWithRetries(
    db,
    async (trx) => {
      const inserted = await insertSpendLogs(trx, ordered);
      const fresh = ordered.filter((event) => inserted.has(event.request_id));
      if (fresh.length > 0) await writeSpendTotals(trx, aggregateSpendEvents(fresh), clock().getTime());
      return fresh.map((event) => event.request_id);
    },
    options.maxAttempts,
  );
  const appliedSet = new Set(applied);
  return { applied, duplicates: [...duplicates, ...ordered.filter((event) => !appliedSet.has(event.request_id)).map((event) => event.request_id)] };
}

/** Books one spend event (see {@link applySpendEvents}); true if it was new, false if it had been booked already. */
export async function applySpendEvent(
  db: Kysely<LedgerSchema>,
  event: SpendEventInput | SpendEvent,
  options?: ApplySpendOptions,
): Promise<boolean> {
  const result = await applySpendEvents(db, [event], options);
  return result.applied.length === 1;
}
