import { z } from 'zod';
import type { ColumnType, Selectable } from 'kysely';
import { resolveStoreOptions, type ResolvedStoreOptions, type StoreOptions } from '../common/store-options.js';
import { readInt } from '../db/column-values.js';
import type { LedgerDb } from '../db/ledger-schema.js';
import type { ResponseReader, StoredResponseRecord } from './stored-response-record.js';

interface StoredResponsesTable {
  response_id: string;
  key_id: string | null;
  team_id: string | null;
  previous_response_id: string | null;
  input_items: string;
  response: string;
  created_at: ColumnType<bigint, bigint | number, bigint | number>;
}

interface StoredResponseItemsTable {
  item_id: string;
  response_id: string;
}

/** The ids of a response's items (its output and the input items it kept). */
function itemIdsOf(record: Pick<StoredResponseRecord, 'inputItems' | 'response'>): string[] {
  const output = Array.isArray(record.response['output']) ? (record.response['output'] as unknown[]) : [];
  return [...new Set([...record.inputItems, ...output].flatMap((item) => {
    const id = (item as { id?: unknown; type?: unknown }).id;
    return typeof id === 'string' && (item as { type?: unknown }).type !== 'item_reference' ? [id] : [];
  }))];
}

const inputItemsColumn = z.array(z.unknown());
const responseColumn = z.record(z.string(), z.unknown());

function toRecord(row: Selectable<StoredResponsesTable>): StoredResponseRecord {
  return {
    responseId: row.response_id,
    keyId: row.key_id,
    teamId: row.team_id,
    previousResponseId: row.previous_response_id,
    inputItems: inputItemsColumn.parse(JSON.parse(row.input_items)),
    response: responseColumn.parse(JSON.parse(row.response)),
    createdAt: new Date(readInt(row.created_at)),
  };
}

/** Whether `reader` may see a response made by `owner`: its own key, or a key of the same team. */
export function mayReadResponse(reader: ResponseReader, owner: Pick<StoredResponseRecord, 'keyId' | 'teamId'>): boolean {
  if (reader.kind === 'master') return true;
  if (owner.keyId !== null && owner.keyId === reader.keyId) return true;
  return owner.teamId !== null && owner.teamId === reader.teamId;
}

/**
 * Stored Responses (`store: true`). Every read takes the reader and answers undefined for a response another
 * tenant made, exactly as for one that does not exist, so ids of other tenants' responses reveal nothing.
 */
export class StoredResponseStore {
  private readonly db;
  private readonly options: ResolvedStoreOptions;

  constructor(db: LedgerDb, options?: StoreOptions) {
    this.db = db.withTables<{ stored_responses: StoredResponsesTable; stored_response_items: StoredResponseItemsTable }>();
    this.options = resolveStoreOptions(options);
  }

  /** Keeps a response (or replaces it, when the same id is saved again). */
  async save(record: Omit<StoredResponseRecord, 'createdAt'>): Promise<void> {
    const row = {
      response_id: record.responseId,
      key_id: record.keyId,
      team_id: record.teamId,
      previous_response_id: record.previousResponseId,
      input_items: JSON.stringify(record.inputItems),
      response: JSON.stringify(record.response),
      created_at: this.options.clock().getTime(),
    };
    const itemRows = itemIdsOf(record).map((itemId) => ({ item_id: itemId, response_id: record.responseId }));
    await this.db.transaction().execute(async (transaction) => {
      await transaction
        .insertInto('stored_responses')
        .values(row)
        .onConflict((conflict) => conflict.column('response_id').doUpdateSet({ response: row.response, input_items: row.input_items }))
        .execute();
      // An item id already indexed keeps its first response (a replayed input item is the same item).
      if (itemRows.length > 0) await transaction.insertInto('stored_response_items').values(itemRows).onConflict((conflict) => conflict.column('item_id').doNothing()).execute();
    });
  }

  /** The stored item with this id (an output item, or an input item a response kept), when `reader` may see it. */
  async findItem(itemId: string, reader: ResponseReader): Promise<Record<string, unknown> | undefined> {
    const row = await this.db.selectFrom('stored_response_items').select('response_id').where('item_id', '=', itemId).executeTakeFirst();
    if (row === undefined) return undefined;
    const record = await this.get(row.response_id, reader);
    if (record === undefined) return undefined;
    const output = Array.isArray(record.response['output']) ? (record.response['output'] as unknown[]) : [];
    const item = [...output, ...record.inputItems].find((candidate) => (candidate as { id?: unknown }).id === itemId);
    return item === undefined ? undefined : (item as Record<string, unknown>);
  }

  /** The response when it exists and `reader` may see it. */
  async get(responseId: string, reader: ResponseReader): Promise<StoredResponseRecord | undefined> {
    const row = await this.db.selectFrom('stored_responses').selectAll().where('response_id', '=', responseId).executeTakeFirst();
    if (row === undefined) return undefined;
    const record = toRecord(row);
    return mayReadResponse(reader, record) ? record : undefined;
  }

  /**
   * The conversation that ends with `responseId`, oldest first (at most `maxDepth` responses), or undefined when it
   * or one of its ancestors is missing or not the reader's.
   */
  async chain(responseId: string, reader: ResponseReader, maxDepth = 256): Promise<StoredResponseRecord[] | undefined> {
    const chain: StoredResponseRecord[] = [];
    let next: string | null = responseId;
    while (next !== null && chain.length < maxDepth) {
      const record = await this.get(next, reader);
      if (record === undefined) return undefined;
      chain.unshift(record);
      next = record.previousResponseId;
    }
    return chain;
  }

  /** Deletes the response when `reader` may see it; true when it did. */
  async delete(responseId: string, reader: ResponseReader): Promise<boolean> {
    const record = await this.get(responseId, reader);
    if (record === undefined) return false;
    return this.db.transaction().execute(async (transaction) => {
      await transaction.deleteFrom('stored_response_items').where('response_id', '=', responseId).execute();
      const result = await transaction.deleteFrom('stored_responses').where('response_id', '=', responseId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }
}
