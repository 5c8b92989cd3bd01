import type { CallDeployment } from '../call/deployment-call.js';
import { Router } from '../router.js';
import { createSeededRandom } from '../runtime/seeded-random.js';
import { InMemoryRouterStateStore } from '../state/in-memory-router-state-store.js';
import { ManualClock } from '../testing/manual-clock.js';
import { scriptedDeployments } from '../testing/scripted-deployments.js';
import { characterCatalogue, chat, collect, entry } from '../testing-internal/router-harness.js';

/** Deployments that take a fixed (manual-clock) time to answer; streams take `firstChunkMs` to start. */
function timedRouter(options: { latencyMs: Record<string, number>; firstChunkMs?: Record<string, number>; buffer?: number }) {
  const clock = new ManualClock();
  const scripted = scriptedDeployments();
  const callDeployment: CallDeployment = async (call) => {
    const model = call.deployment.litellmParams.model;
    const table = call.params.stream === true ? (options.firstChunkMs ?? options.latencyMs) : options.latencyMs;
    clock.advance(table[model] ?? 0);
    return scripted.callDeployment(call);
  };
  const router = new Router({
    modelList: Object.keys(options.latencyMs).map((model) => entry('g', model.replace('fake/', ''))),
    routerSettings: {
      routing_strategy: 'latency-based-routing',
      routing_strategy_args: { lowest_latency_buffer: options.buffer ?? 0, ttl: 600 },
    },
    callDeployment,
    clock,
    stateStore: new InMemoryRouterStateStore(),
    random: createSeededRandom(5),
    catalogue: characterCatalogue(),
  });
  return { router, scripted, clock };
}

describe('latency-based-routing', () => {
  it('tries unmeasured deployments, then sticks to the fastest', async () => {
    const { router, scripted } = timedRouter({ latencyMs: { 'fake/slow': 900, 'fake/fast': 100, 'fake/mid': 400 } });
    for (let index = 0; index < 10; index += 1) await router.completion(chat('g'));
    const models = scripted.models();
    expect(new Set(models.slice(0, 3))).toEqual(new Set(['fake/slow', 'fake/fast', 'fake/mid']));
    expect(models.slice(3)).toEqual(Array(7).fill('fake/fast'));
  });

  it('compares time to first chunk for streams', async () => {
    const { router, scripted } = timedRouter({
      latencyMs: { 'fake/a': 100, 'fake/b': 900 },
      firstChunkMs: { 'fake/a': 800, 'fake/b': 50 },
    });
    for (let index = 0; index < 6; index += 1) await collect(await router.completion(chat('g', { stream: true })));
    expect(scripted.models().slice(2)).toEqual(Array(4).fill('fake/b'));
  });

  it('spreads load among deployments within the buffer of the fastest', async () => {
    const { router, scripted } = timedRouter({
      latencyMs: { 'fake/a': 100, 'fake/b': 105, 'fake/c': 500 },
      buffer: 0.1,
    });
    for (let index = 0; index < 40; index += 1) await router.completion(chat('g'));
    const later = scripted.models().slice(3);
    expect(later).not.toContain('fake/c');
    expect(new Set(later)).toEqual(new Set(['fake/a', 'fake/b']));
  });

  it('forgets samples older than the ttl', async () => {
    const { router, scripted, clock } = timedRouter({ latencyMs: { 'fake/a': 100, 'fake/b': 200 } });
    for (let index = 0; index < 3; index += 1) await router.completion(chat('g'));
    clock.advance(601_000);
    await router.completion(chat('g'));
    await router.completion(chat('g'));
    // After the ttl both count as unmeasured again, so b (measured slow before) gets tried once more.
    expect(scripted.models().slice(3)).toContain('fake/b');
  });
});
