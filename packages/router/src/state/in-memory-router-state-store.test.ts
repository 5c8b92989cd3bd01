import { InMemoryRouterStateStore } from './in-memory-router-state-store.js';

const MINUTE = 60_000;
const start = 100 * MINUTE;

describe('InMemoryRouterStateStore', () => {
  it('gives the empty state for a deployment it knows nothing about', async () => {
    const store = new InMemoryRouterStateStore();
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
    const store = new InMemoryRouterStateStore();
    await store.startRequest('x', { nowMs: start });
    await store.startRequest('x', { nowMs: start + 1 });
    await store.endRequest('x', { nowMs: start + 2, tokens: 30 });
    const state = (await store.getStates(['x'], { nowMs: start + 3 })).get('x');
    expect(state).toMatchObject({ inFlight: 1, requestsThisMinute: 2, tokensThisMinute: 30 });

    const nextMinute = (await store.getStates(['x'], { nowMs: start + MINUTE })).get('x');
    expect(nextMinute).toMatchObject({ inFlight: 1, requestsThisMinute: 0, tokensThisMinute: 0 });
  });

  it('counts failures per minute', async () => {
    const store = new InMemoryRouterStateStore();
    expect(await store.recordFailure('x', { nowMs: start })).toBe(1);
    expect(await store.recordFailure('x', { nowMs: start + 59_999 })).toBe(2);
    expect(await store.recordFailure('x', { nowMs: start + MINUTE })).toBe(1);
  });

  it('reports a cooldown until it ends, and never shortens one', async () => {
    const store = new InMemoryRouterStateStore();
    await store.setCooldown('x', { untilMs: start + 5_000 });
    await store.setCooldown('x', { untilMs: start + 1_000 });
    expect((await store.getStates(['x'], { nowMs: start + 4_999 })).get('x')?.cooldownUntilMs).toBe(start + 5_000);
    expect((await store.getStates(['x'], { nowMs: start + 5_000 })).get('x')?.cooldownUntilMs).toBeUndefined();
  });

  it('keeps the most recent latency samples of each kind, up to the limit', async () => {
    const store = new InMemoryRouterStateStore({ latencySampleLimit: 2 });
    for (const latencyMs of [10, 20, 30]) {
      await store.startRequest('x', { nowMs: start });
      await store.endRequest('x', { nowMs: start + latencyMs, latency: { kind: 'response', latencyMs } });
    }
    await store.endRequest('x', { nowMs: start, latency: { kind: 'first-chunk', latencyMs: 5 } });
    const state = (await store.getStates(['x'], { nowMs: start })).get('x');
    expect(state?.responseLatencies.map((sample) => sample.latencyMs)).toEqual([20, 30]);
    expect(state?.firstChunkLatencies).toEqual([{ latencyMs: 5, atMs: start }]);
    expect(state?.inFlight).toBe(0);
  });

  it('stays bounded however many deployments clients make (wildcard routes), keeping busy and cooling ones', async () => {
    const store = new InMemoryRouterStateStore({ maxRecords: 100 });
    await store.startRequest('busy', { nowMs: start });
    await store.setCooldown('cooling', { untilMs: start + MINUTE });
    for (let index = 0; index < 10_000; index += 1) {
      await store.startRequest(`name-${index}`, { nowMs: start });
      await store.endRequest(`name-${index}`, { nowMs: start });
    }
    expect(store.size).toBeLessThanOrEqual(100);
    const states = await store.getStates(['busy', 'cooling'], { nowMs: start });
    expect(states.get('busy')?.inFlight).toBe(1);
    expect(states.get('cooling')?.cooldownUntilMs).toBe(start + MINUTE);
  });
});

