import { chat, collect, createHarness, entry } from '../testing-internal/router-harness.js';

describe('least-busy', () => {
  it('sends each request to the deployment with the fewest calls in flight', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a'), entry('g', 'b'), entry('g', 'c')],
      routerSettings: { routing_strategy: 'least-busy' },
    });
    // Open streams stay in flight until read to the end.
    const open = [];
    for (let index = 0; index < 3; index += 1) open.push(await harness.router.completion(chat('g', { stream: true })));
    expect(new Set(harness.deployments.models())).toEqual(new Set(['fake/a', 'fake/b', 'fake/c']));

    const firstModel = harness.deployments.models()[0];
    await collect(open[0] as AsyncIterable<unknown>);
    await harness.router.completion(chat('g'));
    expect(harness.deployments.models()[3]).toBe(firstModel);
  });

  it('counts a stream the caller abandons as finished', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'a'), entry('g', 'b')],
      routerSettings: { routing_strategy: 'least-busy' },
    });
    const stream = await harness.router.completion(chat('g', { stream: true }));
    const [first] = harness.deployments.models();
    const iterator = stream[Symbol.asyncIterator]();
    await iterator.return?.();
    const [state] = (await harness.store.getStates([harness.deployments.calls[0]?.deploymentId ?? ''], { nowMs: 0 })).values();
    expect(state?.inFlight).toBe(0);
    expect(first).toMatch(/^fake\/[ab]$/);
  });
});
