import { BadRequestError } from '@tollgate/core';
import type { Transaction } from 'kysely';
import type { LedgerSchema } from '../db/ledger-schema.js';

/**
 * Records that a key has (had) this hash. A hash another key once had is refused, so that its old spend logs never
 * count for a second key; re-recording the key's own hash (regenerate to the same value) is a no-op.
 */
export async function recordKeyHash(trx: Transaction<LedgerSchema>, entry: { tokenHash: string; keyId: string }): Promise<void> {
  await trx
    .insertInto('key_hashes')
    .values({ token_hash: entry.tokenHash, key_id: entry.keyId })
    .onConflict((conflict) => conflict.column('token_hash').doNothing())
    .execute();
  const owner = await trx.selectFrom('key_hashes').select('key_id').where('token_hash', '=', entry.tokenHash).executeTakeFirstOrThrow();
  if (owner.key_id !== entry.keyId) throw new BadRequestError('Key already exists.', { param: 'key' });
}
