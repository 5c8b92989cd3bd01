import type { Kysely } from 'kysely';
import { readBigInt } from '../db/column-values.js';
import type { LedgerSchema } from '../db/ledger-schema.js';

/** Per-model spend of a key (by current hash) or team, nano-USD by model name (LiteLLM's `model_spend`). */
export async function readModelSpend(
  db: Kysely<LedgerSchema>,
  owner: { entityType: 'key' | 'team'; entityId: string },
): Promise<Record<string, bigint>> {
  const rows = await db
    .selectFrom('model_spend')
    .select(['model', 'spend_nano'])
    .where('entity_type', '=', owner.entityType)
    .where('entity_id', '=', owner.entityId)
    .orderBy('model')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.model, readBigInt(row.spend_nano)]));
}
