import { completionCost, defaultCatalogue } from '@tollgate/pricing';
import { parseProxyConfig } from '../config/load-proxy-config.js';
import { buildProxyModelCatalogue, DeploymentPriceError } from './proxy-model-catalogue.js';

function modelListOf(entries: string): Parameters<typeof buildProxyModelCatalogue>[0] {
  return parseProxyConfig(`model_list:\n${entries}\n`, {}).config.model_list;
}

describe('buildProxyModelCatalogue', () => {
  it("prices an entry with model_info prices over its model's catalogue data, in its own catalogue only", () => {
    const { catalogue, pricingNames } = buildProxyModelCatalogue(
      modelListOf(`  - model_name: a
    litellm_params: { model: openai/gpt-4o }
    model_info: { input_cost_per_token: 0.000001 }
  - model_name: b
    litellm_params: { model: mock/gpt-4o-mini }`),
    );
    expect(pricingNames).toEqual(['tollgate-deployment/model_list[0]', 'gpt-4o-mini']);
    const usage = { prompt_tokens: 1_000, completion_tokens: 100, total_tokens: 1_100 };
    // 1,000 × 1,000 nano-USD (config) + 100 × 10,000 nano-USD (gpt-4o's output price, kept from the catalogue)
    expect(completionCost({ model: pricingNames[0]!, usage, catalogue })).toMatchObject({ priced: true, costNanoUsd: 2_000_000 });
    expect(defaultCatalogue.findModelInfo(pricingNames[0]!)).toBeUndefined();
  });

  it('prices an unknown model by its config prices alone', () => {
    const { catalogue, pricingNames } = buildProxyModelCatalogue(
      modelListOf(`  - model_name: private
    litellm_params: { model: openai/in-house-model }
    model_info: { input_cost_per_token: 0.000002, output_cost_per_token: 0.000004 }`),
    );
    const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
    expect(completionCost({ model: pricingNames[0]!, usage, catalogue })).toMatchObject({ costNanoUsd: 10 * 2_000 + 5 * 4_000 });
  });

  it('refuses a price it cannot hold exactly as a config error naming the field', () => {
    const build = () =>
      buildProxyModelCatalogue(
        modelListOf(`  - model_name: ok
    litellm_params: { model: openai/gpt-4o }
  - model_name: bad
    litellm_params: { model: openai/gpt-4o }
    model_info: { output_cost_per_token: 1.5e-16 }`),
      );
    expect(build).toThrow(DeploymentPriceError);
    expect(build).toThrow('invalid config: model_list[1].model_info.output_cost_per_token: ');
    try {
      build();
    } catch (error) {
      expect((error as DeploymentPriceError).param).toBe('model_list[1].model_info.output_cost_per_token');
    }
  });

  it('refuses a base_model the catalogue does not know, instead of pricing without it', () => {
    const build = () =>
      buildProxyModelCatalogue(
        modelListOf(`  - model_name: azure
    litellm_params: { model: azure/my-deployment }
    model_info: { base_model: gpt-9-imaginary }`),
      );
    expect(build).toThrow(/^invalid config: model_list\[0\]\.model_info\.base_model: /);
  });
});
