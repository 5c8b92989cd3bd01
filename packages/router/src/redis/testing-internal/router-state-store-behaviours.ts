import type { RouterStateStore } from '../../state/router-state-store.js';

const MINUTE = 60_000;
/** A whole minute, far from a boundary, in the past (the store must take time from the caller, not its clock). */
export const BEHAVIOUR_START_MS = 100 * MINUTE;

/** Builds a fresh, empty store for one test; `latencySampleLimit` as in `InMemoryRouterStateStore`. */
export type CreateRouterStateStore = (options: { latencySampleLimit?: number }) => Promise<RouterStateStore>;

/**
 * What every RouterStateStore must do, from the in-memory store's own test: running the in-memory and the Redis
 * store through this one body keeps them interchangeable.
 */
export function describeRouterStateStoreBehaviours(createStore: CreateRouterStateStore): void {
  const start = BEHAVIOUR_START_MS;

  it('gives the empty state for a deployment it knows nothing about', async () => {
    const store = await createStore({});
    const state = (await store.getStates(['x'], { nowMs: start })).get('x');
    expect(state).toEqual({
      cooldownUntilMs: undefined,
      inFlight: 0,
      requestsThisMinute: 0,
      tokensThisMinute: 0,
      responseLatencies: [],
      firstChunkLatencies: [],
    });
  });

  it('counts calls in flight, requests and tokens of the current minute', async () => {
    const store = await createStore({});
    await store.startRequest('x', { nowMs: start });
    await store.startRequest('x', { nowMs: start + 1 });
    await store.endRequest('x', { nowMs: start + 2, tokens: 30 });
    const state = (await store.getStates(['x'], { nowMs: start + 3 })).get('x');
    expect(state).toMatchObject({ inFlight: 1, requestsThisMinute: 2, tokensThisMinute: 30 });

    const nextMinute = (await store.getStates(['x'], { nowMs: start + MINUTE })).get('x');
    expect(nextMinute).toMatchObject({ inFlight: 1, requestsThisMinute: 0, tokensThisMinute: 0 });
  });

  it('reads several deployments at once, each with its own state', async () => {
    const store = await createStore({});
    await store.startRequest('a', { nowMs: start });
    await store.setCooldown('b', { untilMs: start + 1_000 });
    const states = await store.getStates(['a', 'b', 'c'], { nowMs: start });
    expect([...states.keys()]).toEqual(['a', 'b', 'c']);
    expect(states.get('a')).toMatchObject({ inFlight: 1, requestsThisMinute: 1, cooldownUntilMs: undefined });
    expect(states.get('b')).toMatchObject({ inFlight: 0, cooldownUntilMs: start + 1_000 });
    expect(states.get('c')).toMatchObject({ inFlight: 0, requestsThisMinute: 0, cooldownUntilMs: undefined });
  });

  it('counts failures per minute', async () => {
    const store = await createStore({});
    expect(await store.recordFailure('x', { nowMs: start })).toBe(1);
    expect(await store.recordFailure('x', { nowMs: start + 59_999 })).toBe(2);
    expect(await store.recordFailure('x', { nowMs: start + MINUTE })).toBe(1);
  });

  it('reports a cooldown until it ends, and never shortens one', async () => {
    const store = await createStore({});
    await store.setCooldown('x', { untilMs: start + 5_000 });
    await store.setCooldown('x', { untilMs: start + 1_000 });
    expect((await store.getStates(['x'], { nowMs: start + 4_999 })).get('x')?.cooldownUntilMs).toBe(start + 5_000);
    expect((await store.getStates(['x'], { nowMs: start + 5_000 })).get('x')?.cooldownUntilMs).toBeUndefined();
  });

  it('extends a cooldown with a later end', async () => {
    const store = await createStore({});
    await store.setCooldown('x', { untilMs: start + 1_000 });
    await store.setCooldown('x', { untilMs: start + 9_000 });
    expect((await store.getStates(['x'], { nowMs: start })).get('x')?.cooldownUntilMs).toBe(start + 9_000);
  });

  it('keeps the most recent latency samples of each kind, up to the limit', async () => {
    const store = await createStore({ latencySampleLimit: 2 });
    for (const latencyMs of [10, 20, 30]) {
      await store.startRequest('x', { nowMs: start });
      await store.endRequest('x', { nowMs: start + latencyMs, latency: { kind: 'response', latencyMs } });
    }
    await store.endRequest('x', { nowMs: start, latency: { kind: 'first-chunk', latencyMs: 5 } });
    const state = (await store.getStates(['x'], { nowMs: start })).get('x');
    expect(state?.responseLatencies.map((sample) => sample.latencyMs)).toEqual([20, 30]);
    expect(state?.responseLatencies.map((sample) => sample.atMs)).toEqual([start + 20, start + 30]);
    expect(state?.firstChunkLatencies).toEqual([{ latencyMs: 5, atMs: start }]);
    expect(state?.inFlight).toBe(0);
  });

  it('never counts fewer than zero calls in flight', async () => {
    const store = await createStore({});
    await store.endRequest('x', { nowMs: start });
    await store.startRequest('x', { nowMs: start });
    expect((await store.getStates(['x'], { nowMs: start })).get('x')?.inFlight).toBe(1);
  });
}
