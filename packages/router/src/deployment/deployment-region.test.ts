import { BadRequestError } from '@tollgate/core';
import { routerMetadataOf } from '../router-metadata.js';
import { chat, createHarness, entry } from '../testing-internal/router-harness.js';

describe('region-confined routing (allowed_model_region)', () => {
  const modelList = [
    entry('gpt', 'eu-a', { region_name: 'eu-west-1' }),
    entry('gpt', 'us-a', { region_name: 'us-east-1' }),
    entry('gpt', 'eu-b', { region_name: 'westeurope' }),
    entry('gpt', 'nowhere'),
    entry('us-only', 'us-b', { region_name: 'eastus2' }),
  ];

  it('sends a region-confined call only to deployments in that region, and never sends region_name upstream', async () => {
    const harness = createHarness({ modelList, seed: 7 });
    for (let index = 0; index < 20; index += 1) {
      const response = await harness.router.completion(chat('gpt'), { allowedRegion: 'eu' });
      expect(['fake/eu-a', 'fake/eu-b']).toContain(routerMetadataOf(response)?.model);
    }
    const unconfined = new Set<string>();
    for (let index = 0; index < 40; index += 1) unconfined.add(routerMetadataOf(await harness.router.completion(chat('gpt')))?.model ?? '');
    expect(unconfined.size).toBeGreaterThan(2);
    expect(harness.deployments.calls.every((call) => !('region_name' in (call.params as object)))).toBe(true);
  });

  it('refuses with a 400 naming `model` when the group has no deployment in the region', async () => {
    const harness = createHarness({ modelList });
    const error = await harness.router.completion(chat('us-only'), { allowedRegion: 'eu' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({ param: 'model', code: 'no_deployment_in_region' });
    expect(harness.deployments.calls).toHaveLength(0);
  });
});
