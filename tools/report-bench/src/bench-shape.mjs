// The generated dataset: who calls what, when. Row n belongs to key n % KEYS and model (n / KEYS) % MODELS, and
// start times grow with n, evenly over DAYS, so the table is stored in time order as an append-only log is.
import { createHash } from 'node:crypto';

export const KEYS = 1_000;
export const USERS = 200;
export const TEAMS = 50;
export const CUSTOMERS = 300;
export const DAYS = 90;
export const FIRST_DAY = '2026-01-01';
export const DAY_MS = 86_400_000;
export const FIRST_DAY_MS = Date.parse(`${FIRST_DAY}T00:00:00Z`);

/** The reports ask for the last 30 days of the data. */
export const REPORT_RANGE = { startDate: dayAt(DAYS - 30), endDate: dayAt(DAYS - 1) };

export const MODELS = [
  { model: 'gpt-4o-2024-08-06', modelGroup: 'gpt-4o', provider: 'openai' },
  { model: 'gpt-4o-mini-2024-07-18', modelGroup: 'gpt-4o-mini', provider: 'openai' },
  { model: 'o4-mini-2025-04-16', modelGroup: 'o4-mini', provider: 'openai' },
  { model: 'claude-sonnet-4-5-20250929', modelGroup: 'claude-sonnet', provider: 'anthropic' },
  { model: 'claude-haiku-4-5-20251001', modelGroup: 'claude-haiku', provider: 'anthropic' },
  { model: 'gemini-2.5-pro', modelGroup: 'gemini-pro', provider: 'gemini' },
  { model: 'gemini-2.5-flash', modelGroup: 'gemini-flash', provider: 'gemini' },
  { model: 'mistral-large-2411', modelGroup: 'mistral-large', provider: 'mistral' },
  { model: 'llama-3.3-70b-versatile', modelGroup: 'llama-70b', provider: 'groq' },
  { model: 'deepseek-chat', modelGroup: 'deepseek', provider: 'deepseek' },
];

/** `YYYY-MM-DD` of day `index` of the data (0 = FIRST_DAY). */
export function dayAt(index) {
  return new Date(FIRST_DAY_MS + index * DAY_MS).toISOString().slice(0, 10);
}

/** The raw virtual key of key number `index`; reports are asked with it, as a client would. */
export function rawKeyOf(index) {
  return `sk-bench-${String(index).padStart(6, '0')}`;
}

/** Key `index` with its owner: user, team and (for two keys in three) a customer, all fixed per key. */
export function benchKey(index) {
  return {
    index,
    tokenHash: createHash('sha256').update(rawKeyOf(index), 'utf8').digest('hex'),
    keyAlias: `bench-key-${index}`,
    userId: `user-${index % USERS}`,
    teamId: `team-${index % TEAMS}`,
    endUser: index % 3 === 0 ? null : `customer-${index % CUSTOMERS}`,
  };
}
