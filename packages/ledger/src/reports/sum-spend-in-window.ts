import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { readBigInt } from '../db/column-values.js';
import type { LedgerSchema } from '../db/ledger-schema.js';

/** Whose spend to sum. */
export type SpendOwner =
  | { kind: 'key'; /** Every hash the key has had (`KeyRecord.keyId`): what a key's budget counts. */ keyId: string }
  | { kind: 'key'; /** Just these hashes. */ keyHashes: string[] }
  | { kind: 'user'; userId: string }
  | { kind: 'team'; teamId: string }
  | { kind: 'team_member'; teamId: string; userId: string }
  | { kind: 'customer'; endUser: string };

/** Options of {@link sumSpendInWindow}. */
export interface SumSpendOptions {
  owner: SpendOwner;
  /** Window start (inclusive). */
  from: Date;
  /** Window end (exclusive); default: no end. */
  to?: Date;
  /** Only calls to this model (matched against the public name, else the provider model), for per-model budgets. */
  model?: string;
}

/**
 * Exact spend of one owner in a time window, from the spend logs (each owner filter rides an index with start_time).
 * For seeding live budget counters for windows the stored `spend` column does not track (`budget_limits`, per-model
 * windows) and for recomputing spend at a reset.
 */
export async function sumSpendInWindow(db: Kysely<LedgerSchema>, options: SumSpendOptions): Promise<bigint> {
  const owner = options.owner;
  let query = db
    .selectFrom('spend_logs')
    .select((eb) => eb.fn.sum<bigint | string | null>('spend_nano').as('total'))
    .where('start_time', '>=', BigInt(options.from.getTime()));
  if (options.to !== undefined) query = query.where('start_time', '<', BigInt(options.to.getTime()));
  if (owner.kind === 'key') {
    // The key's hashes first (a handful), then `api_key IN (…)`: one seek of (api_key, start_time) per hash, whatever
    // the planner would make of a subquery on a table whose statistics it has not seen yet.
    const keyHashes = 'keyId' in owner ? await hashesOfKey(db, owner.keyId) : owner.keyHashes;
    if (keyHashes.length === 0) return 0n;
    query = query.where('api_key', 'in', keyHashes);
  } else if (owner.kind === 'user') query = query.where('user', '=', owner.userId);
  else if (owner.kind === 'team') query = query.where('team_id', '=', owner.teamId);
  else if (owner.kind === 'team_member') query = query.where('team_id', '=', owner.teamId).where('user', '=', owner.userId);
  else query = query.where('end_user', '=', owner.endUser);
  if (options.model !== undefined) query = query.where(sql<string>`coalesce(${sql.ref('model_group')}, ${sql.ref('model')})`, '=', options.model);
  const row = await query.executeTakeFirst();
  return readBigInt(row?.total ?? 0n);
}

async function hashesOfKey(db: Kysely<LedgerSchema>, keyId: string): Promise<string[]> {
  const rows = await db.selectFrom('key_hashes').select('token_hash').where('key_id', '=', keyId).execute();
  return rows.map((row) => row.token_hash);
}
