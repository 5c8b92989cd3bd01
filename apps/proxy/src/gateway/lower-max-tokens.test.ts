import { createModelCatalogue, type CallWorstCaseOptions } from '@tollgate/pricing';
import { affordedOutput } from './lower-max-tokens.js';

const catalogue = createModelCatalogue();
catalogue.registerModel('b2-test/no-limit', { input_cost_per_token: 0.000001, output_cost_per_token: 0.000002 });

const request = (overrides: Partial<CallWorstCaseOptions>): CallWorstCaseOptions => ({
  catalogue,
  pricingModels: ['gpt-4o-mini'],
  prompt: { messages: [{ role: 'user', content: 'hi' }] },
  maxOutputTokens: undefined,
  choices: 1,
  writesCache: false,
  ...overrides,
});

describe('affordedOutput', () => {
  it('lowers to what the room affords, per choice, and not when the full output fits', () => {
    expect(affordedOutput(request({}), 1_000_000)).toEqual({ tokens: Math.floor((1_000_000 - 8 * 150) / 600), lowered: true });
    expect(affordedOutput(request({ choices: 10 }), 1_000_000)).toEqual({ tokens: Math.floor((1_000_000 - 8 * 150) / 6_000), lowered: true });
    expect(affordedOutput(request({}), 100_000_000)).toEqual({ tokens: 16_384, lowered: false });
    expect(affordedOutput(request({ pricingModels: ['b2-test/no-limit'] }), 1_000_000)).toBeUndefined();
  });

  it("prices with the request's catalogue, not the process-wide one", () => {
    const dear = createModelCatalogue();
    dear.registerModel('gpt-4o-mini', { input_cost_per_token: 0.000001, output_cost_per_token: 0.00001, max_output_tokens: 1_000 });
    // 8 prompt tokens × 1,000 nano-USD; each output token 10,000 nano-USD.
    expect(affordedOutput(request({ catalogue: dear }), 108_000)).toEqual({ tokens: 10, lowered: true });
  });
});
