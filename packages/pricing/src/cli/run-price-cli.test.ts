import { ModelCatalogue } from '../catalogue/model-catalogue.js';
import { runPriceCli } from './run-price-cli.js';

function run(argv: string[], catalogue?: ModelCatalogue): { code: number; out: string; error: string } {
  const out: string[] = [];
  const error: string[] = [];
  const code = runPriceCli(argv, { out: (line) => out.push(line), error: (line) => error.push(line) }, catalogue);
  return { code, out: out.join('\n'), error: error.join('\n') };
}

describe('tollgate-price', () => {
  it('prints the model and the cost of a call', () => {
    // gpt-4o: 1000 × 2.5e-6 = 0.0025; 500 × 1e-5 = 0.005 → 0.0075 USD
    const result = run(['gpt-4o', '1000', '500']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('gpt-4o  (provider openai, mode chat)');
    expect(result.out).toContain('context window   128000 tokens');
    expect(result.out).toContain('input $2.5, output $10, cache read $1.25');
    expect(result.out).toMatch(/uncached input\s+1000 × \$2\.5\/1M\s+= \$0\.0025/);
    expect(result.out).toContain('total            $0.0075  (7500000 nano-USD)');
  });

  it('takes cached and reasoning tokens and shows the tier', () => {
    // claude-sonnet-4-5 above 200k: 150000 × 6e-6 + 100000 × 6e-7 + 1500 × 2.25e-5 + 500 × 2.25e-5 = 1.005 USD
    const result = run(['anthropic/claude-sonnet-4-5', '250000', '2000', '--cached', '100000', '--reasoning=500']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('long-context tier: prompt above 200000 tokens');
    expect(result.out).toContain('total            $1.005  (1005000000 nano-USD)');
  });

  it.each([
    [['gpt-4o', '10']],
    [['gpt-4o', 'ten', '5']],
    [['gpt-4o', '10', '5', '--cached', '11']],
    [['gpt-4o', '10', '5', '--reasoning', '6']],
    [['gpt-4o', '10', '5', '--bogus', '1']],
    [['gpt-4o', '10', '-5']],
  ])('exits 2 with the usage for bad arguments %j', (argv) => {
    const result = run(argv);
    expect(result.code).toBe(2);
    expect(result.error).toContain('usage: tollgate-price <model> <prompt_tokens> <completion_tokens>');
  });

  it('exits 1 for an unknown model, with the reason', () => {
    const result = run(['no-such-model-anywhere', '1', '1']);
    expect(result.code).toBe(1);
    expect(result.error).toMatch(/not in the price catalogue/);
  });

  it('exits 1 when the model has no price', () => {
    const result = run(['1024-x-1024/dall-e-2', '1', '0']);
    expect(result.code).toBe(1);
    expect(result.error).toMatch(/not priced \(no_price\)/);
  });
});
