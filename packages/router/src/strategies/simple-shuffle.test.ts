import { chat, createHarness, entry } from '../testing-internal/router-harness.js';

const CALLS = 4000;

async function shares(harness: ReturnType<typeof createHarness>, group: string): Promise<Record<string, number>> {
  for (let index = 0; index < CALLS; index += 1) await harness.router.completion(chat(group));
  const counts: Record<string, number> = {};
  for (const model of harness.deployments.models()) counts[model] = (counts[model] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).map(([model, count]) => [model, count / CALLS]));
}

// The random source is seeded, so each run sees the same sequence: the tolerances below (about 4 standard
// deviations for 4000 draws) document how close "statistically" is, and the test cannot flake.
describe('simple-shuffle', () => {
  it('sends traffic in proportion to weight', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'light', { weight: 1 }), entry('g', 'heavy', { weight: 3 })],
    });
    const result = await shares(harness, 'g');
    expect(result['fake/heavy']).toBeGreaterThan(0.75 - 0.03);
    expect(result['fake/heavy']).toBeLessThan(0.75 + 0.03);
  });

  it('counts a deployment without a weight as weight 1, and never picks weight 0', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'default'), entry('g', 'double', { weight: 2 }), entry('g', 'off', { weight: 0 })],
      seed: 7,
    });
    const result = await shares(harness, 'g');
    expect(result['fake/off']).toBeUndefined();
    expect(result['fake/double']).toBeGreaterThan(2 / 3 - 0.03);
    expect(result['fake/double']).toBeLessThan(2 / 3 + 0.03);
  });

  it('weights by rpm when every deployment has one and none has a weight', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'small', { rpm: 100 }), entry('g', 'big', { rpm: 900 })],
      seed: 3,
    });
    const result = await shares(harness, 'g');
    expect(result['fake/big']).toBeGreaterThan(0.9 - 0.02);
    expect(result['fake/big']).toBeLessThan(0.9 + 0.02);
  });

  it('is uniform without weights, rpm or tpm', async () => {
    const harness = createHarness({ modelList: [entry('g', 'a'), entry('g', 'b')], seed: 11 });
    const result = await shares(harness, 'g');
    expect(result['fake/a']).toBeGreaterThan(0.5 - 0.035);
    expect(result['fake/a']).toBeLessThan(0.5 + 0.035);
  });
});
