import { characterCatalogue, chat, createHarness, entry } from '../testing-internal/router-harness.js';

describe('cost-based-routing', () => {
  it('chooses the cheapest deployment, with model_info prices over the catalogue', async () => {
    const harness = createHarness({
      modelList: [
        entry('g', 'pricey'),
        entry('g', 'cheap-by-config', {}, { input_cost_per_token: 0.000001, output_cost_per_token: 0.000002 }),
        entry('g', 'unpriced'),
      ],
      routerSettings: { routing_strategy: 'cost-based-routing' },
      catalogue: characterCatalogue({
        'fake/pricey': { inputCostPerToken: 0.00001, outputCostPerToken: 0.00003 },
        'fake/cheap-by-config': { inputCostPerToken: 0.1, outputCostPerToken: 0.1 },
      }),
    });
    for (let index = 0; index < 5; index += 1) await harness.router.completion(chat('g'));
    expect(harness.deployments.models()).toEqual(Array(5).fill('fake/cheap-by-config'));
  });

  it('prices a deployment by its base_model and ranks an unknown price last', async () => {
    const harness = createHarness({
      modelList: [entry('g', 'unpriced'), entry('g', 'azure-deployment', {}, { base_model: 'gpt-4o-mini' })],
      routerSettings: { routing_strategy: 'cost-based-routing' },
      catalogue: characterCatalogue({ 'gpt-4o-mini': { inputCostPerToken: 0.00000015, outputCostPerToken: 0.0000006 } }),
    });
    await harness.router.completion(chat('g'));
    expect(harness.deployments.models()).toEqual(['fake/azure-deployment']);
  });
});
