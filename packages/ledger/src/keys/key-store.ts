import { BadRequestError, NotFoundError } from '@tollgate/core';
import type { Insertable } from 'kysely';
import { resolveStoreOptions, type ResolvedStoreOptions, type StoreOptions } from '../common/store-options.js';
import { resolvePage, totalPagesOf, type PageRequest, type SortOrder } from '../common/pagination.js';
import { addDuration } from '../budget-window/add-duration.js';
import { readInt } from '../db/column-values.js';
import type { KeysTable, LedgerDb } from '../db/ledger-schema.js';
import { isUniqueViolation } from '../db/sql-errors.js';
import { checkRawApiKey, generateApiKey, hashApiKey, keyNameOf, toKeyHash } from './api-key.js';
import { generateKeyId } from './key-id.js';
import { recordKeyHash } from './record-key-hash.js';
import type { CreateKeyInput, IssuedKey, KeyRecord, UpdateKeyInput } from './key-record.js';
import { keyFieldsToColumns, rowToKeyRecord } from './key-row.js';

/** Columns `/key/list` may sort by (LiteLLM's `sort_by` values). */
export type KeySortField = 'spend' | 'max_budget' | 'created_at' | 'updated_at' | 'token' | 'key_alias';

const SORT_COLUMNS = {
  spend: 'spend_nano',
  max_budget: 'max_budget_nano',
  created_at: 'created_at',
  updated_at: 'updated_at',
  token: 'token_hash',
  key_alias: 'key_alias',
} as const;

/** Filters and paging of {@link KeyStore.list} (LiteLLM's `/key/list`). All filters combine with AND. */
export interface ListKeysOptions extends PageRequest {
  userId?: string;
  teamId?: string;
  keyAlias?: string;
  /** A raw key or hash. */
  keyHash?: string;
  /** Keys owned by this user OR by any of these teams (what a team admin may see). */
  ownedBy?: { userId?: string; teamIds?: string[] };
  createdBy?: string;
  sortBy?: KeySortField;
  sortOrder?: SortOrder;
}

/** One page of keys. */
export interface KeyPage {
  keys: KeyRecord[];
  totalCount: number;
  currentPage: number;
  totalPages: number;
}

/** Options of {@link KeyStore.regenerate}. */
export interface RegenerateKeyOptions {
  /** Caller-chosen new raw key; generated when absent. */
  newKey?: string;
  /** How long the old key keeps working (`24h`); default: it stops at once. */
  gracePeriod?: string;
  /** Fields to change in the same step. */
  update?: UpdateKeyInput;
}

/** Virtual keys: create, read, update, delete, list, block, regenerate. Raw keys are hashed before they touch SQL. */
export class KeyStore {
  private readonly options: ResolvedStoreOptions;

  constructor(
    private readonly db: LedgerDb,
    options?: StoreOptions,
  ) {
    this.options = resolveStoreOptions(options);
  }

  /** Creates a key and returns its raw value (once) with the stored record. */
  async create(input: CreateKeyInput = {}): Promise<IssuedKey> {
    const key = input.key ?? (await generateApiKey());
    checkRawApiKey(key);
    const now = this.options.clock().getTime();
    const row: Insertable<KeysTable> = {
      token_hash: hashApiKey(key),
      key_id: await generateKeyId(),
      key_name: keyNameOf(key),
      models: '[]',
      aliases: '{}',
      model_max_budget: '{}',
      budget_limits: '[]',
      model_rpm_limit: '{}',
      model_tpm_limit: '{}',
      key_type: 'default',
      allowed_routes: '[]',
      metadata: '{}',
      created_by: input.createdBy ?? null,
      created_at: now,
      updated_at: now,
      ...keyFieldsToColumns(input, this.options),
    };
    try {
      return await this.db.transaction().execute(async (trx) => {
        const inserted = await trx.insertInto('keys').values(row).returningAll().executeTakeFirstOrThrow();
        await recordKeyHash(trx, { tokenHash: inserted.token_hash, keyId: inserted.key_id });
        return { key, record: rowToKeyRecord(inserted) };
      });
    } catch (error) {
      throw this.conflictError(error, input.keyAlias);
    }
  }

  /** The key with this raw value or hash (current hash only), or undefined. */
  async get(rawKeyOrHash: string): Promise<KeyRecord | undefined> {
    const row = await this.db.selectFrom('keys').selectAll().where('token_hash', '=', toKeyHash(rawKeyOrHash)).executeTakeFirst();
    return row === undefined ? undefined : rowToKeyRecord(row);
  }

  /** Like {@link get}, throwing LiteLLM's 404 when missing. */
  async getOrThrow(rawKeyOrHash: string): Promise<KeyRecord> {
    const record = await this.get(rawKeyOrHash);
    if (record === undefined) throw new NotFoundError('Key not found in database', { param: 'key' });
    return record;
  }

  /** The key for authentication: by current hash, or by previous hash inside its grace period. */
  async findForAuth(keyHash: string, at: Date = this.options.clock()): Promise<KeyRecord | undefined> {
    const row = await this.db
      .selectFrom('keys')
      .selectAll()
      .where((eb) =>
        eb.or([eb('token_hash', '=', keyHash), eb.and([eb('previous_token_hash', '=', keyHash), eb('previous_token_revoke_at', '>', BigInt(at.getTime()))])]),
      )
      .executeTakeFirst();
    return row === undefined ? undefined : rowToKeyRecord(row);
  }

  /** Changes the given fields and returns the updated record; 404 when the key does not exist. */
  async update(rawKeyOrHash: string, input: UpdateKeyInput): Promise<KeyRecord> {
    const columns = { ...keyFieldsToColumns(input, this.options), updated_at: this.options.clock().getTime() };
    try {
      const row = await this.db.updateTable('keys').set(columns).where('token_hash', '=', toKeyHash(rawKeyOrHash)).returningAll().executeTakeFirst();
      if (row === undefined) throw new NotFoundError('Key not found in database', { param: 'key' });
      return rowToKeyRecord(row);
    } catch (error) {
      throw this.conflictError(error, input.keyAlias);
    }
  }

  /** Blocks or unblocks a key. */
  setBlocked(rawKeyOrHash: string, blocked: boolean): Promise<KeyRecord> {
    return this.update(rawKeyOrHash, { blocked });
  }

  /** Deletes keys named by raw key, hash or alias, with their per-model spend and past hashes; returns the hashes deleted. */
  async delete(target: { keys?: string[]; keyAliases?: string[] }): Promise<string[]> {
    const hashes = (target.keys ?? []).map(toKeyHash);
    const aliases = target.keyAliases ?? [];
    if (hashes.length === 0 && aliases.length === 0) return [];
    return this.db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom('keys')
        .where((eb) => eb.or([...(hashes.length > 0 ? [eb('token_hash', 'in', hashes)] : []), ...(aliases.length > 0 ? [eb('key_alias', 'in', aliases)] : [])]))
        .returning(['token_hash', 'key_id'])
        .execute();
      const deletedHashes = deleted.map((row) => row.token_hash);
      if (deletedHashes.length > 0) {
        await trx.deleteFrom('model_spend').where('entity_type', '=', 'key').where('entity_id', 'in', deletedHashes).execute();
        await trx.deleteFrom('key_hashes').where('key_id', 'in', deleted.map((row) => row.key_id)).execute();
      }
      return deletedHashes;
    });
  }

  /** One page of keys matching the filters. */
  async list(options: ListKeysOptions = {}): Promise<KeyPage> {
    const page = resolvePage({ page: options.page, pageSize: options.pageSize }, { pageSize: 10 });
    let query = this.db.selectFrom('keys');
    if (options.userId !== undefined) query = query.where('user_id', '=', options.userId);
    if (options.teamId !== undefined) query = query.where('team_id', '=', options.teamId);
    if (options.keyAlias !== undefined) query = query.where('key_alias', '=', options.keyAlias);
    if (options.keyHash !== undefined) query = query.where('token_hash', '=', toKeyHash(options.keyHash));
    if (options.createdBy !== undefined) query = query.where('created_by', '=', options.createdBy);
    const owner = options.ownedBy;
    if (owner !== undefined) {
      query = query.where((eb) =>
        eb.or([
          ...(owner.userId !== undefined ? [eb('user_id', '=', owner.userId)] : []),
          ...(owner.teamIds !== undefined && owner.teamIds.length > 0 ? [eb('team_id', 'in', owner.teamIds)] : []),
        ]),
      );
    }
    const sortColumn = SORT_COLUMNS[options.sortBy ?? 'created_at'];
    const direction = options.sortOrder ?? 'desc';
    const [countRow, rows] = await Promise.all([
      query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow(),
      query.selectAll().orderBy(sortColumn, direction).orderBy('token_hash', direction).limit(page.pageSize).offset(page.offset).execute(),
    ]);
    const totalCount = readInt(countRow.count);
    return { keys: rows.map(rowToKeyRecord), totalCount, currentPage: page.page, totalPages: totalPagesOf(totalCount, page.pageSize) };
  }

  /**
   * Gives a key a new raw value, keeping its row (spend, limits, owner) and its `keyId`, so its budgets carry over. The
   * old hash keeps working until the grace period ends; per-model spend moves to the new hash in the same transaction,
   * and the new hash joins the key's past hashes (spend logs name the hash of their time).
   */
  async regenerate(rawKeyOrHash: string, options: RegenerateKeyOptions = {}): Promise<IssuedKey> {
    const key = options.newKey ?? (await generateApiKey());
    checkRawApiKey(key, 'new_key');
    const oldHash = toKeyHash(rawKeyOrHash);
    const newHash = hashApiKey(key);
    const now = this.options.clock();
    const revokeAt = options.gracePeriod === undefined ? now : addDuration({ from: now, duration: options.gracePeriod });
    const columns = {
      ...keyFieldsToColumns(options.update ?? {}, this.options),
      token_hash: newHash,
      key_name: keyNameOf(key),
      previous_token_hash: oldHash,
      previous_token_revoke_at: revokeAt.getTime(),
      updated_at: now.getTime(),
    };
    try {
      return await this.db.transaction().execute(async (trx) => {
        const row = await trx.updateTable('keys').set(columns).where('token_hash', '=', oldHash).returningAll().executeTakeFirst();
        if (row === undefined) throw new NotFoundError('Key not found in database', { param: 'key' });
        await recordKeyHash(trx, { tokenHash: newHash, keyId: row.key_id });
        await trx.updateTable('model_spend').set({ entity_id: newHash }).where('entity_type', '=', 'key').where('entity_id', '=', oldHash).execute();
        return { key, record: rowToKeyRecord(row) };
      });
    } catch (error) {
      throw this.conflictError(error, options.update?.keyAlias);
    }
  }

  private conflictError(error: unknown, keyAlias: string | null | undefined): unknown {
    if (!isUniqueViolation(error)) return error;
    const message = /alias/i.test(String((error as Error).message)) && keyAlias ? `Key with alias '${keyAlias}' already exists.` : 'Key already exists.';
    return new BadRequestError(message, { param: keyAlias ? 'key_alias' : 'key', cause: error });
  }
}
