import type { SpendEvent } from './spend-event-schema.js';

/** Additions to one daily rollup row. Counts are numbers (a batch never nears 2^53 tokens); money is bigint. */
export interface DailySpendDelta {
  date: string;
  entityType: DailyEntityType;
  entityId: string;
  apiKey: string;
  model: string;
  modelGroup: string;
  provider: string;
  promptTokens: number;
  completionTokens: number;
  cacheReadTokens: number;
  cacheCreationTokens: number;
  reasoningTokens: number;
  spendNano: bigint;
  apiRequests: number;
  successfulRequests: number;
  failedRequests: number;
  unpricedRequests: number;
}

/**
 * Rollup partitions: everything (`global`, by key and model), and per user, team and customer. Every event has a
 * `team` row (entity id '' when it had no team: LiteLLM's "Unassigned Team"); user and customer rows exist only when
 * the event names one.
 */
export type DailyEntityType = 'global' | 'user' | 'team' | 'customer';

/** Everything a batch of new events adds, summed per target row so each row is written once. */
export interface SpendTotals {
  /** Per key hash (as the events name it). */
  keys: Map<string, bigint>;
  users: Map<string, bigint>;
  teams: Map<string, bigint>;
  /** Per [team id, user id]. */
  teamMembers: Map<string, { teamId: string; userId: string; spendNano: bigint }>;
  /** Per end user; present even at zero cost, so every end user seen gets a row. */
  customers: Map<string, bigint>;
  /** Per [key hash, model]. */
  keyModels: Map<string, { keyHash: string; model: string; spendNano: bigint }>;
  /** Per [team id, model]. */
  teamModels: Map<string, { teamId: string; model: string; spendNano: bigint }>;
  /** Per rollup row key. */
  daily: Map<string, DailySpendDelta>;
}

const SEPARATOR = '\u0000';

function add(map: Map<string, bigint>, key: string, amount: bigint): void {
  map.set(key, (map.get(key) ?? 0n) + amount);
}

/** The UTC calendar date of an instant, `YYYY-MM-DD` (rollups are by UTC day, as LiteLLM's daily tables). */
export function utcDateOf(isoInstant: string): string {
  return new Date(Date.parse(isoInstant)).toISOString().slice(0, 10);
}

/** The rollup dimensions of one event except the entity, computed once per event. */
interface EventDimensions {
  suffix: string;
  date: string;
  apiKey: string;
  model: string;
  modelGroup: string;
  provider: string;
}

function addDaily(daily: Map<string, DailySpendDelta>, event: SpendEvent, dimensions: EventDimensions, entityType: DailyEntityType, entityId: string, spend: bigint): void {
  const key = entityType + SEPARATOR + entityId + SEPARATOR + dimensions.suffix;
  let row = daily.get(key);
  if (row === undefined) {
    row = {
      date: dimensions.date,
      entityType,
      entityId,
      apiKey: dimensions.apiKey,
      model: dimensions.model,
      modelGroup: dimensions.modelGroup,
      provider: dimensions.provider,
      promptTokens: 0,
      completionTokens: 0,
      cacheReadTokens: 0,
      cacheCreationTokens: 0,
      reasoningTokens: 0,
      spendNano: 0n,
      apiRequests: 0,
      successfulRequests: 0,
      failedRequests: 0,
      unpricedRequests: 0,
    };
    daily.set(key, row);
  }
  row.promptTokens += event.prompt_tokens;
  row.completionTokens += event.completion_tokens;
  row.cacheReadTokens += event.cache_read_tokens;
  row.cacheCreationTokens += event.cache_creation_tokens;
  row.reasoningTokens += event.reasoning_tokens;
  row.spendNano += spend;
  row.apiRequests += 1;
  if (event.status === 'success') row.successfulRequests += 1;
  else row.failedRequests += 1;
  if (event.cost_nano === null) row.unpricedRequests += 1;
}

/**
 * Sums a batch of events per target row, in bigint (exact at any count). Per-model spend is keyed by the public
 * model name (`model_group`) when there is one, since that is what `model_max_budget` names.
 */
export function aggregateSpendEvents(events: readonly SpendEvent[]): SpendTotals {
  const totals: SpendTotals = {
    keys: new Map(),
    users: new Map(),
    teams: new Map(),
    teamMembers: new Map(),
    customers: new Map(),
    keyModels: new Map(),
    teamModels: new Map(),
    daily: new Map(),
  };
  let lastStartTime = '';
  let lastDate = '';
  for (const event of events) {
    const spend = event.cost_nano === null ? 0n : BigInt(event.cost_nano);
    if (event.start_time !== lastStartTime) {
      lastStartTime = event.start_time;
      lastDate = utcDateOf(event.start_time);
    }
    const dimensions: EventDimensions = {
      date: lastDate,
      apiKey: event.api_key ?? '',
      model: event.model,
      modelGroup: event.model_group ?? '',
      provider: event.provider ?? '',
      suffix: '',
    };
    dimensions.suffix = [dimensions.date, dimensions.apiKey, dimensions.model, dimensions.modelGroup, dimensions.provider].join(SEPARATOR);
    const budgetModel = event.model_group ?? event.model;
    if (event.api_key !== null) {
      add(totals.keys, event.api_key, spend);
      const key = event.api_key + SEPARATOR + budgetModel;
      const entry = totals.keyModels.get(key) ?? { keyHash: event.api_key, model: budgetModel, spendNano: 0n };
      entry.spendNano += spend;
      totals.keyModels.set(key, entry);
    }
    if (event.user_id !== null) add(totals.users, event.user_id, spend);
    if (event.team_id !== null) {
      add(totals.teams, event.team_id, spend);
      const key = event.team_id + SEPARATOR + budgetModel;
      const entry = totals.teamModels.get(key) ?? { teamId: event.team_id, model: budgetModel, spendNano: 0n };
      entry.spendNano += spend;
      totals.teamModels.set(key, entry);
    }
    if (event.team_id !== null && event.user_id !== null) {
      const key = event.team_id + SEPARATOR + event.user_id;
      const entry = totals.teamMembers.get(key) ?? { teamId: event.team_id, userId: event.user_id, spendNano: 0n };
      entry.spendNano += spend;
      totals.teamMembers.set(key, entry);
    }
    if (event.end_user !== null) add(totals.customers, event.end_user, spend);
    addDaily(totals.daily, event, dimensions, 'global', '', spend);
    if (event.user_id !== null) addDaily(totals.daily, event, dimensions, 'user', event.user_id, spend);
    addDaily(totals.daily, event, dimensions, 'team', event.team_id ?? '', spend);
    if (event.end_user !== null) addDaily(totals.daily, event, dimensions, 'customer', event.end_user, spend);
  }
  return totals;
}
