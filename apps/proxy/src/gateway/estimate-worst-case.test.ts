import { registerModel, unregisterModel } from '@tollgate/pricing';
import { estimateWorstCase, type WorstCaseRequest } from './estimate-worst-case.js';
import { affordedOutput } from './lower-max-tokens.js';

const messages = [{ role: 'user' as const, content: 'hi' }];
const request = (overrides: Partial<WorstCaseRequest>): WorstCaseRequest => ({
  pricingModels: ['gpt-4o-mini'],
  messages,
  maxOutputTokens: undefined,
  choices: 1,
  writesCache: false,
  measure: 'counted',
  ...overrides,
});

beforeAll(() => {
  registerModel('b2-test/no-limit', { input_cost_per_token: 0.000001, output_cost_per_token: 0.000002 });
});
afterAll(() => {
  unregisterModel('b2-test/no-limit');
});

describe('estimateWorstCase', () => {
  it('reserves every choice: n=50 reserves 50 times the output of n=1', () => {
    const one = estimateWorstCase(request({ maxOutputTokens: 100 }));
    const fifty = estimateWorstCase(request({ maxOutputTokens: 100, choices: 50 }));
    // gpt-4o-mini: 8 prompt tokens × 150 + output × 600 nano-USD.
    expect(one).toMatchObject({ promptTokens: 8, maxOutputTokens: 100, costNano: 8 * 150 + 100 * 600 });
    expect(fifty).toMatchObject({ maxOutputTokens: 5_000, costNano: 8 * 150 + 5_000 * 600 });
  });

  it("takes the model's output limit when the request sets none, at the dearest deployment", () => {
    const worst = estimateWorstCase(request({ pricingModels: ['gpt-4o-mini', 'gpt-4o'] }));
    expect(worst.maxOutputTokens).toBe(16_384);
    expect(worst.costNano).toBe(8 * 2_500 + 16_384 * 10_000);
  });

  it('says so, instead of assuming 4,096 tokens, when a priced model has no output limit', () => {
    const worst = estimateWorstCase(request({ pricingModels: ['b2-test/no-limit'] }));
    expect(worst.unboundedMessage).toMatch(/no output limit is known for "b2-test\/no-limit".*send max_tokens/);
    expect(estimateWorstCase(request({ pricingModels: ['b2-test/no-limit'], maxOutputTokens: 10 })).unboundedMessage).toBeUndefined();
  });
});

describe('affordedOutput', () => {
  it('lowers to what the room affords, per choice, and not when the full output fits', () => {
    expect(affordedOutput(request({}), 1_000_000)).toEqual({ tokens: Math.floor((1_000_000 - 8 * 150) / 600), lowered: true });
    expect(affordedOutput(request({ choices: 10 }), 1_000_000)).toEqual({ tokens: Math.floor((1_000_000 - 8 * 150) / 6_000), lowered: true });
    expect(affordedOutput(request({}), 100_000_000)).toEqual({ tokens: 16_384, lowered: false });
    expect(affordedOutput(request({ pricingModels: ['b2-test/no-limit'] }), 1_000_000)).toBeUndefined();
  });
});
