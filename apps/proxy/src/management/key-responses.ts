import { readModelSpend, type IssuedKey, type KeyRecord, type Ledger } from '@tollgate/ledger';
import { toLiteLLMKeyInfo } from './litellm/to-litellm-key-info.js';
import type { ManagementContext } from '../server/proxy-context.js';
import type { IssuedKeyReply, KeyRecordReply } from './schemas/key-response-schemas.js';

/**
 * `/key/generate` and `/key/regenerate`'s answer (LiteLLM's `GenerateKeyResponse`): the raw key, the only time it
 * is ever shown, with `token`/`token_id` (its hash) and the stored fields.
 */
export function issuedKeyResponse(issued: IssuedKey): IssuedKeyReply {
  return {
    ...toLiteLLMKeyInfo(issued.record, { includeToken: true }),
    key: issued.key,
    token: issued.record.tokenHash,
    token_id: issued.record.tokenHash,
  };
}

/** A stored key with its hash (`/key/update`, `/key/block`, list items with `return_full_object`). */
export function keyRecordResponse(record: KeyRecord): KeyRecordReply {
  return { token: record.tokenHash, ...toLiteLLMKeyInfo(record) };
}

/** `/key/info`'s `info`: the key without its hash, with per-model spend (`/v2/key/info` adds the hash). */
export async function keyInfoResponse(ledger: Ledger, record: KeyRecord): Promise<ReturnType<typeof toLiteLLMKeyInfo>> {
  const modelSpend = await readModelSpend(ledger.db, { entityType: 'key', entityId: record.tokenHash });
  return toLiteLLMKeyInfo(record, { modelSpend });
}

/**
 * Drops a key from the auth cache under every hash it may be cached by (current, and the previous one during a
 * regeneration grace period), so the next request sees the change.
 */
export function forgetKey(context: ManagementContext, record: Pick<KeyRecord, 'tokenHash' | 'previousTokenHash'>): void {
  context.authDirectory.invalidateKey(record.tokenHash);
  if (record.previousTokenHash !== null) context.authDirectory.invalidateKey(record.previousTokenHash);
}
