import type { Transaction } from 'kysely';
import type { LedgerSchema } from '../db/ledger-schema.js';
import { addToSpendColumns } from './add-to-spend-columns.js';
import type { SpendTotals } from './aggregate-spend-events.js';

type Trx = Transaction<LedgerSchema>;

const CHUNK_ROWS = 500;
const byKey = <T>(entries: Iterable<[string, T]>): Array<[string, T]> => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

/**
 * Maps key hashes named by events to the key's current hash: an event may carry a hash since regenerated, once or many
 * times (`key_hashes` holds every hash a key has had, its current one included).
 */
async function currentKeyHashes(trx: Trx, hashes: string[]): Promise<Map<string, string>> {
  const current = new Map<string, string>();
  for (const chunk of chunks(hashes, CHUNK_ROWS)) {
    const rows = await trx
      .selectFrom('key_hashes')
      .innerJoin('keys', 'keys.key_id', 'key_hashes.key_id')
      .select(['key_hashes.token_hash as named_hash', 'keys.token_hash as current_hash'])
      .where('key_hashes.token_hash', 'in', chunk)
      .execute();
    for (const row of rows) current.set(row.named_hash, row.current_hash);
  }
  return current;
}

/**
 * Adds the totals to every spend column. Rows are touched in one global order (table by table, sorted keys), so
 * concurrent batches on PostgreSQL wait for each other instead of deadlocking.
 */
export async function writeSpendTotals(trx: Trx, totals: SpendTotals, nowMs: number): Promise<void> {
  const keyHashes = await currentKeyHashes(trx, [...totals.keys.keys()]);
  const keySpend = new Map<string, bigint>();
  for (const [hash, amount] of totals.keys) {
    const current = keyHashes.get(hash);
    if (current !== undefined) keySpend.set(current, (keySpend.get(current) ?? 0n) + amount);
  }
  const nonZero = <T>(entries: Iterable<[T, bigint]>) => [...entries].filter(([, amount]) => amount !== 0n);
  await addToSpendColumns(trx, 'keys', nonZero(keySpend).map(([hash, amountNano]) => ({ ids: [hash], amountNano })));
  await addToSpendColumns(trx, 'users', nonZero(totals.users).map(([userId, amountNano]) => ({ ids: [userId], amountNano })));
  await addToSpendColumns(trx, 'teams', nonZero(totals.teams).map(([teamId, amountNano]) => ({ ids: [teamId], amountNano })));
  const members = [...totals.teamMembers.values()].filter((member) => member.spendNano !== 0n);
  await addToSpendColumns(trx, 'team_members', members.map((member) => ({ ids: [member.teamId, member.userId], amountNano: member.spendNano })));
  await upsertCustomers(trx, totals, nowMs);
  await upsertModelSpend(trx, totals, keyHashes);
  await upsertDailySpend(trx, totals);
}

async function upsertCustomers(trx: Trx, totals: SpendTotals, nowMs: number): Promise<void> {
  const rows = byKey(totals.customers).map(([userId, amount]) => ({ user_id: userId, spend_nano: amount, metadata: '{}', created_at: nowMs, updated_at: nowMs }));
  for (const chunk of chunks(rows, CHUNK_ROWS)) {
    await trx
      .insertInto('customers')
      .values(chunk)
      .onConflict((conflict) => conflict.column('user_id').doUpdateSet((eb) => ({ spend_nano: eb('customers.spend_nano', '+', eb.ref('excluded.spend_nano')) })))
      .execute();
  }
}

async function upsertModelSpend(trx: Trx, totals: SpendTotals, keyHashes: Map<string, string>): Promise<void> {
  const merged = new Map<string, { entity_type: string; entity_id: string; model: string; spend_nano: bigint }>();
  const addRow = (entityType: string, entityId: string, model: string, amount: bigint) => {
    if (amount === 0n) return;
    const key = `${entityType}\u0000${entityId}\u0000${model}`;
    const row = merged.get(key) ?? { entity_type: entityType, entity_id: entityId, model, spend_nano: 0n };
    row.spend_nano += amount;
    merged.set(key, row);
  };
  for (const entry of totals.keyModels.values()) {
    const current = keyHashes.get(entry.keyHash);
    if (current !== undefined) addRow('key', current, entry.model, entry.spendNano);
  }
  for (const entry of totals.teamModels.values()) addRow('team', entry.teamId, entry.model, entry.spendNano);
  for (const chunk of chunks(byKey(merged).map(([, row]) => row), CHUNK_ROWS)) {
    await trx
      .insertInto('model_spend')
      .values(chunk)
      .onConflict((conflict) =>
        conflict.columns(['entity_type', 'entity_id', 'model']).doUpdateSet((eb) => ({ spend_nano: eb('model_spend.spend_nano', '+', eb.ref('excluded.spend_nano')) })),
      )
      .execute();
  }
}

const DAILY_COUNTERS = [
  'prompt_tokens',
  'completion_tokens',
  'cache_read_tokens',
  'cache_creation_tokens',
  'reasoning_tokens',
  'spend_nano',
  'api_requests',
  'successful_requests',
  'failed_requests',
  'unpriced_requests',
] as const;

async function upsertDailySpend(trx: Trx, totals: SpendTotals): Promise<void> {
  const rows = byKey(totals.daily).map(([, delta]) => ({
    date: delta.date,
    entity_type: delta.entityType,
    entity_id: delta.entityId,
    api_key: delta.apiKey,
    model: delta.model,
    model_group: delta.modelGroup,
    provider: delta.provider,
    prompt_tokens: delta.promptTokens,
    completion_tokens: delta.completionTokens,
    cache_read_tokens: delta.cacheReadTokens,
    cache_creation_tokens: delta.cacheCreationTokens,
    reasoning_tokens: delta.reasoningTokens,
    spend_nano: delta.spendNano,
    api_requests: delta.apiRequests,
    successful_requests: delta.successfulRequests,
    failed_requests: delta.failedRequests,
    unpriced_requests: delta.unpricedRequests,
  }));
  for (const chunk of chunks(rows, CHUNK_ROWS)) {
    await trx
      .insertInto('daily_spend')
      .values(chunk)
      .onConflict((conflict) =>
        conflict
          .columns(['entity_type', 'date', 'entity_id', 'api_key', 'model', 'model_group', 'provider'])
          .doUpdateSet((eb) => Object.fromEntries(DAILY_COUNTERS.map((column) => [column, eb(`daily_spend.${column}`, '+', eb.ref(`excluded.${column}`))]))),
      )
      .execute();
  }
}
