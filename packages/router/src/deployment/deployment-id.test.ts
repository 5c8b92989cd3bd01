import { Router } from '../router.js';
import { characterCatalogue } from '../testing-internal/router-harness.js';
import { deploymentIdOf } from './deployment-id.js';

describe('deployment ids', () => {
  it('are the same whatever order the params were written in', () => {
    const first = deploymentIdOf({ modelName: 'g', litellmParams: { model: 'openai/gpt-4o', api_base: 'https://x', rpm: 5 } });
    const second = deploymentIdOf({ modelName: 'g', litellmParams: { rpm: 5, api_base: 'https://x', model: 'openai/gpt-4o' } });
    expect(first).toBe(second);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differ between groups and between params', () => {
    const base = deploymentIdOf({ modelName: 'g', litellmParams: { model: 'openai/gpt-4o' } });
    expect(deploymentIdOf({ modelName: 'h', litellmParams: { model: 'openai/gpt-4o' } })).not.toBe(base);
    expect(deploymentIdOf({ modelName: 'g', litellmParams: { model: 'openai/gpt-4o', rpm: 1 } })).not.toBe(base);
  });

  it('come from model_info.id when set, else from the hash', () => {
    const router = new Router({
      catalogue: characterCatalogue(),
      modelList: [
        { model_name: 'g', litellm_params: { model: 'fake/a' }, model_info: { id: 'my-id' } },
        { model_name: 'g', litellm_params: { model: 'fake/b' } },
      ],
    });
    expect(router.getDeployments('g').map((deployment) => deployment.id)).toEqual([
      'my-id',
      deploymentIdOf({ modelName: 'g', litellmParams: { model: 'fake/b' } }),
    ]);
  });
});
