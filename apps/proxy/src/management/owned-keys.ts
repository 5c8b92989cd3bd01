import type { KeyRecord, Ledger } from '@tollgate/ledger';
import { listAllPages } from './list-all-pages.js';

/** Every key with this owner and/or team (for `/user/info`, `/team/info`, and deletes that take keys along). */
export function ownedKeys(ledger: Ledger, owner: { userId?: string; teamId?: string }): Promise<KeyRecord[]> {
  return listAllPages(async (page) => {
    const result = await ledger.keys.list({ ...owner, page, pageSize: 100, sortOrder: 'asc' });
    return { rows: result.keys, totalPages: result.totalPages };
  });
}
