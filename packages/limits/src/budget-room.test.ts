import type { BudgetWindowLimit } from './admit-request.js';
import type { LimitScope } from './limit-scope.js';
import { type BackendHarness, memoryHarness, redisHarness } from './testing-internal/backend-harness.js';

const REDIS_URL = process.env.REDIS_URL;
const T0 = 1_700_000_040_000;
const KEY: LimitScope = { kind: 'key', id: 'room-key' };
const TEAM: LimitScope = { kind: 'team', id: 'room-team' };
const total = (maxNano: number): BudgetWindowLimit => ({ windowId: 'total', maxNano, windowStartMs: 0, resetAtMs: null });

const cases: [string, () => BackendHarness][] = [['memory', memoryHarness]];
if (REDIS_URL) cases.push(['redis', () => redisHarness(REDIS_URL)]);

describe.each(cases)('%s limit backend: a budget refusal reports the least room left', (_name, makeHarness) => {
  let harness: BackendHarness;
  beforeEach(() => {
    harness = makeHarness();
  });
  afterEach(async () => {
    await harness.cleanup();
  });

  it('reports the smallest room over every budget window, not only the one that refused', async () => {
    const { first } = harness.create({ seed: async (scope) => (scope.kind === 'key' ? 9_500 : 9_700) });
    const scopes = [
      { scope: KEY, budgets: [total(10_000)] },
      { scope: TEAM, budgets: [total(10_000)] },
    ];
    const refused = await first.admit({ requestId: 'room-1', scopes, reserveNano: 600, reserveTokens: 0, nowMs: T0 });
    expect(refused).toMatchObject({ outcome: 'refused', refusal: { limit: 'budget', scope: KEY, current: 9_500, budgetRoomNano: 300 } });
    const fits = await first.admit({ requestId: 'room-2', scopes, reserveNano: 300, reserveTokens: 0, nowMs: T0 + 1 });
    expect(fits.outcome).toBe('admitted');
    const full = await first.admit({ requestId: 'room-3', scopes, reserveNano: 1, reserveTokens: 0, nowMs: T0 + 2 });
    expect(full).toMatchObject({ outcome: 'refused', refusal: { scope: TEAM, budgetRoomNano: 0 } });
  });

  it('reports no room, never a negative one, for an overspent budget', async () => {
    const { first } = harness.create({ seed: async () => 12_000 });
    const result = await first.admit({ requestId: 'room-4', scopes: [{ scope: KEY, budgets: [total(10_000)] }], reserveNano: 1, reserveTokens: 0, nowMs: T0 });
    expect(result).toMatchObject({ outcome: 'refused', refusal: { budgetRoomNano: 0, retryAtMs: null } });
  });
});
