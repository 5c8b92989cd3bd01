import { startMockUpstream } from '@tollgate/testing';
import { nanoUsdToUsd } from '@tollgate/core';
import { defaultCatalogue } from '@tollgate/pricing';
import OpenAI from 'openai';
import { MASTER_KEY, startTestProxy, UPSTREAM_KEY, type TestProxy } from './start-test-proxy.js';

/** A `priced` model group in front of the mock, at the given USD-per-token prices. */
function pricedModel(upstreamUrl: string, prices: { input: string; output: string }): string {
  return `  - model_name: priced
    litellm_params:
      model: openai/gpt-4o-mini
      api_base: ${upstreamUrl}/v1
      api_key: os.environ/E2E_UPSTREAM_KEY
    model_info:
      input_cost_per_token: ${prices.input}
      output_cost_per_token: ${prices.output}`;
}

let upstream: Awaited<ReturnType<typeof startMockUpstream>>;
let cheap: TestProxy;
let dear: TestProxy;

beforeAll(async () => {
  upstream = await startMockUpstream({ requireApiKey: UPSTREAM_KEY });
  cheap = await startTestProxy({ upstream, extraModels: pricedModel(upstream.url, { input: '0.000001', output: '0.000002' }) });
  dear = await startTestProxy({ upstream, extraModels: pricedModel(upstream.url, { input: '0.00001', output: '0.00003' }) });
});
afterAll(async () => {
  await cheap?.stop();
  await dear?.stop();
  await upstream?.close();
});

async function costOf(proxy: TestProxy, model: string): Promise<{ cost: number; prompt: number; completion: number }> {
  const client = new OpenAI({ apiKey: MASTER_KEY, baseURL: proxy.baseURL, maxRetries: 0 });
  const { data, response } = await client.chat.completions.create({ model, messages: [{ role: 'user', content: 'price me' }] }).withResponse();
  return {
    cost: Number(response.headers.get('x-litellm-response-cost')),
    prompt: data.usage?.prompt_tokens ?? 0,
    completion: data.usage?.completion_tokens ?? 0,
  };
}

describe('per-proxy prices', () => {
  it('two proxies in one process price the same model name with their own config prices', async () => {
    // Asked after the dear proxy started: its prices must not have reached the cheap one.
    const atCheap = await costOf(cheap, 'priced');
    const atDear = await costOf(dear, 'priced');
    expect(atCheap.cost).toBe(nanoUsdToUsd(atCheap.prompt * 1_000 + atCheap.completion * 2_000));
    expect(atDear.cost).toBe(nanoUsdToUsd(atDear.prompt * 10_000 + atDear.completion * 30_000));
  });

  it('leaves the catalogue price of other groups, and the process-wide catalogue, untouched', async () => {
    // gpt-4o-mini from the bundled catalogue: 150 nano-USD per input token, 600 per output token.
    for (const proxy of [cheap, dear]) {
      const plain = await costOf(proxy, 'gpt-4o-mini');
      expect(plain.cost).toBe(nanoUsdToUsd(plain.prompt * 150 + plain.completion * 600));
    }
    expect(defaultCatalogue.listModels().some((info) => info.origin === 'custom')).toBe(false);
  });
});
