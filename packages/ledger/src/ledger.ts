import { BudgetStore } from './budget-objects/budget-store.js';
import type { StoreOptions } from './common/store-options.js';
import { CustomerStore } from './customers/customer-store.js';
import type { LedgerDb } from './db/ledger-schema.js';
import { openLedgerDatabase, type OpenLedgerDatabaseOptions } from './db/open-ledger-database.js';
import { KeyStore } from './keys/key-store.js';
import { applySpendEvents, type ApplySpendResult } from './spend/apply-spend-events.js';
import type { SpendEvent, SpendEventInput } from './spend/spend-event-schema.js';
import { journalSpendEvents, type JournalResult } from './spend-journal/journal-spend-events.js';
import { rollUpSpendJournal } from './spend-journal/roll-up-spend-journal.js';
import { StoredResponseStore } from './responses/stored-response-store.js';
import { TeamMemberStore } from './teams/team-member-store.js';
import { TeamStore } from './teams/team-store.js';
import { UserStore } from './users/user-store.js';

/** Options of {@link openLedger}: where the database is, plus the clock and budget zone for the stores. */
export interface OpenLedgerOptions extends OpenLedgerDatabaseOptions, StoreOptions {}

/** The ledger's stores over one database handle. */
export class Ledger {
  readonly keys: KeyStore;
  readonly users: UserStore;
  readonly teams: TeamStore;
  readonly teamMembers: TeamMemberStore;
  readonly customers: CustomerStore;
  readonly budgets: BudgetStore;
  readonly responses: StoredResponseStore;

  constructor(
    /** The Kysely handle, for reports and spend functions that take one. */
    readonly db: LedgerDb,
    private readonly options: StoreOptions = {},
  ) {
    this.keys = new KeyStore(db, options);
    this.users = new UserStore(db, options);
    this.teams = new TeamStore(db, options);
    this.teamMembers = new TeamMemberStore(db, options);
    this.customers = new CustomerStore(db, options);
    this.budgets = new BudgetStore(db, options);
    this.responses = new StoredResponseStore(db, options);
  }

  /** Books spend events (one transaction, idempotent per request id); see `applySpendEvents`. */
  applySpendEvents(events: readonly (SpendEventInput | SpendEvent)[]): Promise<ApplySpendResult> {
    return applySpendEvents(this.db, events, { clock: this.options.clock });
  }

  /** Makes spend events durable as journaled spend-log rows; their totals follow at the next roll-up. */
  journalSpendEvents(events: readonly (SpendEventInput | SpendEvent)[]): Promise<JournalResult> {
    return journalSpendEvents(this.db, events);
  }

  /** Adds up to `limit` journaled rows to the totals (one transaction); returns how many it rolled up. */
  rollUpSpendJournal(limit?: number): Promise<number> {
    return rollUpSpendJournal(this.db, { clock: this.options.clock, ...(limit === undefined ? {} : { limit }) });
  }

  /** Closes the database handle. */
  close(): Promise<void> {
    return this.db.destroy();
  }
}

/** Opens (and migrates) the database named by `url` and returns the stores over it. */
export async function openLedger(options: OpenLedgerOptions): Promise<Ledger> {
  const { clock, timezone, ...databaseOptions } = options;
  return new Ledger(await openLedgerDatabase(databaseOptions), { clock, timezone });
}
