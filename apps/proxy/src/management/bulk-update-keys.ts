import { toKeyHash, type KeyRecord } from '@tollgate/ledger';
import type { z } from 'zod';
import type { ManagementContext } from '../server/proxy-context.js';
import { bulkFailureReason } from './bulk-failure-reason.js';
import { checkKeyChange } from './check-key-change.js';
import { forgetKey, keyRecordResponse } from './key-responses.js';
import { logManagementChange } from './log-management-change.js';
import { requireProxyAdmin } from './management-permissions.js';
import type { ManagementCall } from './management-route.js';
import { parseManagementInput } from './parse-management-input.js';
import { keyResponses, type FailedKeyUpdate, type KeyRecordReply } from './schemas/key-response-schemas.js';
import { bulkUpdateKeysBody, toKeyFieldsInput } from './schemas/key-schemas.js';


/**
 * `POST /key/bulk_update` (proxy admins): each entry is applied on its own, in order, as `/key/update` would apply
 * it; one that fails (unknown key, unknown team, a refused change) is reported in `failed_updates` with the key as
 * it stands and changes nothing, and the others still apply. A body that does not validate changes nothing at all.
 * Keys are answered by hash, never echoed raw.
 */
export async function bulkUpdateKeys(context: ManagementContext, { request, caller }: ManagementCall): Promise<z.output<typeof keyResponses.bulkUpdate>> {
  requireProxyAdmin(caller, 'update keys in bulk');
  const body = parseManagementInput(bulkUpdateKeysBody, request.body);
  const successful: { key: string; key_info: KeyRecordReply }[] = [];
  const failed: FailedKeyUpdate[] = [];
  for (const update of body.keys) {
    let existing: KeyRecord | undefined;
    try {
      existing = await context.ledger.keys.getOrThrow(update.key);
      await checkKeyChange(context, caller, existing, update);
      const record = await context.ledger.keys.update(existing.tokenHash, toKeyFieldsInput(update));
      forgetKey(context, existing);
      successful.push({ key: record.tokenHash, key_info: keyRecordResponse(record) });
    } catch (error) {
      const key = existing?.tokenHash ?? toKeyHash(update.key);
      failed.push({ key, key_info: existing ? keyRecordResponse(existing) : null, failed_reason: bulkFailureReason(context, error, { token: key }) });
    }
  }
  logManagementChange(context, caller, 'keys_bulk_updated', {
    tokens: successful.map((update) => update.key),
    failed: failed.map((update) => update.key),
  });
  return { total_requested: body.keys.length, successful_updates: successful, failed_updates: failed };
}
