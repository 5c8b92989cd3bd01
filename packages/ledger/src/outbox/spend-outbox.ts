import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { spendEventSchema, type SpendEvent, type SpendEventInput } from '../spend/spend-event-schema.js';

/** An event waiting in the outbox, with the row id `remove` takes. */
export interface OutboxEntry {
  id: number;
  event: SpendEvent;
}

/**
 * A local, durable holding place for spend events that could not be booked where they belong (Redis down, the
 * ledger's commit failed), so the client still gets its answer and the event is forwarded later. One small SQLite
 * file: `put` commits before it returns (`synchronous=FULL`: it is only written during an outage, when durability
 * matters more than speed). Several processes may share a file (WAL); an event forwarded twice is harmless because
 * booking is idempotent by request id.
 */
export class SpendOutbox {
  private readonly database: Database.Database;
  private readonly insert: Database.Statement<[string, string, number]>;
  private readonly select: Database.Statement<[number], { id: number; event: string }>;
  private readonly remove1: Database.Statement<[number]>;
  private readonly countAll: Database.Statement<[], { n: number }>;

  private constructor(filename: string) {
    if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
    this.database = new Database(filename);
    this.database.pragma('journal_mode = WAL');
    this.database.pragma('synchronous = FULL');
    this.database.pragma('busy_timeout = 2000');
    this.database.exec(
      'create table if not exists spend_outbox (id integer primary key autoincrement, request_id text not null, event text not null, added_at_ms integer not null)',
    );
    this.insert = this.database.prepare('insert into spend_outbox (request_id, event, added_at_ms) values (?, ?, ?)');
    this.select = this.database.prepare('select id, event from spend_outbox order by id limit ?');
    this.remove1 = this.database.prepare('delete from spend_outbox where id = ?');
    this.countAll = this.database.prepare('select count(*) as n from spend_outbox');
  }

  /** Opens (creating if needed) the outbox file; `:memory:` for tests. */
  static open(filename: string): SpendOutbox {
    return new SpendOutbox(filename);
  }

  /** Stores events durably (one transaction); throws when the event is malformed or the file cannot be written. */
  put(events: readonly (SpendEventInput | SpendEvent)[]): void {
    const parsed = events.map((event) => spendEventSchema.parse(event));
    const nowMs = Date.now();
    this.database.transaction(() => {
      for (const event of parsed) this.insert.run(event.request_id, JSON.stringify(event), nowMs);
    })();
  }

  /** The oldest `limit` events, not removed (remove each once it is booked). */
  peek(limit: number): OutboxEntry[] {
    return this.select.all(limit).map((row) => ({ id: Number(row.id), event: spendEventSchema.parse(JSON.parse(row.event)) }));
  }

  remove(ids: readonly number[]): void {
    this.database.transaction(() => {
      for (const id of ids) this.remove1.run(id);
    })();
  }

  get size(): number {
    return Number(this.countAll.get()?.n ?? 0);
  }

  close(): void {
    this.database.close();
  }
}
